#include "aboutdialog.h"

#include <qcustomplot.h>
#include <QLabel>
#include <QRegularExpression>
#include <QTest>

class TestAboutDialog : public QObject
{
    Q_OBJECT
private slots:
    void showsTheVersionsInUse();
};

void TestAboutDialog::showsTheVersionsInUse()
{
    AboutDialog dialog("7.0.15 (embedded, /usr/bin/redis-server) <b>");
    dialog.show();
    const auto shown = [&dialog](const QString &component) {
        const auto *label = dialog.findChild<QLabel *>(component);
        return label ? label->text() : QString();
    };
    QCOMPARE(shown("Keyscope"), QString(KEYSCOPE_VERSION));
    QCOMPARE(shown("Qt"), QString(qVersion()));
    QVERIFY2(QRegularExpression("^\\d+\\.\\d+\\.\\d+$").match(shown("hiredis")).hasMatch(),
             qPrintable(shown("hiredis")));
    QVERIFY2(QRegularExpression("^\\d+\\.\\d+$").match(shown("libpq")).hasMatch(),
             qPrintable(shown("libpq")));
    QCOMPARE(shown("QCustomPlot"), QString(QCUSTOMPLOT_VERSION_STR));
    QCOMPARE(shown("redis-server"), QString("7.0.15 (embedded, /usr/bin/redis-server) <b>"));
    QCOMPARE(dialog.findChild<QLabel *>("redis-server")->textFormat(), Qt::PlainText);
    QVERIFY(dialog.versionsText().contains("QCustomPlot: " QCUSTOMPLOT_VERSION_STR));

    AboutDialog offline({});
    QCOMPARE(offline.versions().last().second, QString("not connected"));
}

QTEST_MAIN(TestAboutDialog)
#include "tst_aboutdialog.moc"
