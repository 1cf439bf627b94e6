#include "focusstyle.h"
#include "theme.h"
#include "widgetstyle.h"

#include <algorithm>
#include <cmath>
#include <QApplication>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
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
    void focusFrameIsVisibleInBothThemes();
};

namespace {

double contrast(const QColor &a, const QColor &b)
{
    const auto luminance = [](const QColor &c) {
        const auto channel = [](double v) {
            return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
        };
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
    };
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

} // namespace

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

void TestWidgetStyle::focusFrameIsVisibleInBothThemes()
{
    for (const AppSettings::Theme theme : {AppSettings::Theme::Light, AppSettings::Theme::Dark}) {
        Theme::apply(theme);
        const QPalette palette = QApplication::palette();
        const QColor focus = FocusStyle::focusColour(palette);
        // WCAG 2.2 focus appearance: at least 3:1 against what is around it.
        QVERIFY2(contrast(focus, palette.color(QPalette::Window)) >= 3.0, qPrintable(focus.name()));
        // And it is what a focused field is drawn with: its left edge, halfway down, in that colour.
        QWidget window;
        auto *edit = new QLineEdit(&window);
        edit->setGeometry(10, 10, 200, 30);
        window.resize(220, 50);
        window.show();
        QApplication::setActiveWindow(&window);
        edit->setFocus(Qt::TabFocusReason);
        QTRY_VERIFY(edit->hasFocus());
        const QImage image = edit->grab().toImage();
        int closest = 1000;
        for (int x = 0; x < 4; ++x) {
            const QColor c = image.pixelColor(x, image.height() / 2);
            closest =
                std::min(closest, std::abs(c.red() - focus.red()) + std::abs(c.green() - focus.green()) +
                                      std::abs(c.blue() - focus.blue()));
        }
        QVERIFY2(closest < 60, qPrintable(QStringLiteral("%1: %2").arg(focus.name()).arg(closest)));
    }
    Theme::apply(AppSettings::Theme::System);
}

QTEST_MAIN(TestWidgetStyle)
#include "tst_widgetstyle.moc"
