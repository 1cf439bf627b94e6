#include "theme.h"
#include "widgetstyle.h"

#include <algorithm>
#include <cmath>
#include <QApplication>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QStyle>
#include <QTest>
#include <QWidget>

class TestWidgetStyle : public QObject
{
    Q_OBJECT

private slots:
    void messageBoxIsPlainModalAndDeletedOnClose();
    void messageBoxReportsTheAnswer();
    void plainLabelShowsMarkupLiterally();
    void errorColourIsReadableOnBothPalettes();
};

void TestWidgetStyle::messageBoxIsPlainModalAndDeletedOnClose()
{
    QWidget parent;
    parent.show();
    const QString key = QStringLiteral("<b>x</b><script>alert(1)</script>");
    QPointer<QMessageBox> box =
        WidgetStyle::messageBox(&parent, QMessageBox::Warning, QStringLiteral("Title"), key,
                                QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    QCOMPARE(box->parent(), &parent);
    QCOMPARE(box->textFormat(), Qt::PlainText);
    QCOMPARE(box->text(), key);
    QCOMPARE(box->icon(), QMessageBox::Warning);
    QCOMPARE(box->windowTitle(), QStringLiteral("Title"));
    QCOMPARE(box->standardButtons(), QMessageBox::Yes | QMessageBox::Cancel);
    QCOMPARE(box->defaultButton(), box->button(QMessageBox::Cancel));
    QVERIFY(box->testAttribute(Qt::WA_DeleteOnClose));
    box->open();
    QCOMPARE(box->windowModality(), Qt::WindowModal);
    box->button(QMessageBox::Cancel)->click();
    QTRY_VERIFY(box.isNull());
}

void TestWidgetStyle::messageBoxReportsTheAnswer()
{
    QWidget parent;
    parent.show();
    QMessageBox *box =
        WidgetStyle::messageBox(&parent, QMessageBox::Question, QStringLiteral("Title"),
                                QStringLiteral("Sure?"), QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    QCOMPARE(box->defaultButton(), box->button(QMessageBox::No));
    QSignalSpy finished(box, &QMessageBox::finished);
    box->open();
    box->button(QMessageBox::Yes)->click();
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.first().first().toInt(), int(QMessageBox::Yes));
}

void TestWidgetStyle::plainLabelShowsMarkupLiterally()
{
    QWidget parent;
    QLabel *wrapped = WidgetStyle::plainLabel(&parent, QStringLiteral("<b>x</b>"));
    QCOMPARE(wrapped->parent(), &parent);
    QCOMPARE(wrapped->text(), QStringLiteral("<b>x</b>"));
    QCOMPARE(wrapped->textFormat(), Qt::PlainText);
    QVERIFY(wrapped->wordWrap());
    QVERIFY(wrapped->textInteractionFlags().testFlag(Qt::TextSelectableByMouse));
    QLabel *line = WidgetStyle::plainLabel(&parent, {}, WidgetStyle::Wrap::None);
    QVERIFY(line->text().isEmpty());
    QVERIFY(!line->wordWrap());
    QCOMPARE(line->textFormat(), Qt::PlainText);
    QCOMPARE(WidgetStyle::errorLabel(&parent)->textFormat(), Qt::PlainText);
}

void TestWidgetStyle::errorColourIsReadableOnBothPalettes()
{
    const auto contrast = [](const QColor &a, const QColor &b) {
        const auto luminance = [](const QColor &c) {
            const auto channel = [](double v) {
                return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
            };
            return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
        };
        const double la = luminance(a);
        const double lb = luminance(b);
        return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
    };
    const QPalette light = QApplication::style()->standardPalette();
    const QPalette dark = Theme::darkPalette();
    QVERIFY(!Theme::isDark(light));
    QVERIFY(Theme::isDark(dark));
    for (const QPalette &palette : {light, dark}) {
        const QColor error = WidgetStyle::errorColour(palette);
        QVERIFY(error.red() > error.green() && error.red() > error.blue());
        // WCAG AA for normal text.
        QVERIFY2(contrast(error, palette.color(QPalette::Window)) >= 4.5, qPrintable(error.name()));
    }
}

QTEST_MAIN(TestWidgetStyle)
#include "tst_widgetstyle.moc"
