#include "chartreader.h"
#include "timechart.h"

#include <QAccessible>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <qcustomplot.h>
#include <QTest>

class TestChartReader : public QObject
{
    Q_OBJECT
private slots:
    void linesReadOutTheirFigures();
    void barsReadOutTheirLabels();
};

void TestChartReader::linesReadOutTheirFigures()
{
    QLocale::setDefault(QLocale::c());
    QWidget window;
    QCustomPlot *plot = TimeChart::create(&window, "Memory", "MB", {"used", "peak"});
    QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(plot);
    QCOMPARE(iface->text(QAccessible::Name), QString("Memory"));
    plot->replot();
    QCOMPARE(iface->text(QAccessible::Description), QString("used: no data yet; peak: no data yet."));
    for (int i = 0; i < 5; ++i) {
        plot->graph(0)->addData(i, 10 + i);
        plot->graph(1)->addData(i, 40 - i);
    }
    plot->replot();
    QCOMPARE(iface->text(QAccessible::Description),
             QString("used: latest 14 MB, lowest 10, highest 14 over 5 point(s); "
                     "peak: latest 36 MB, lowest 36, highest 40 over 5 point(s)."));
    // The same figures from the keyboard: focus by Tab, Ctrl+C copies them.
    QVERIFY(plot->focusPolicy() & Qt::TabFocus);
    const QList<QAction *> actions = plot->actions();
    QCOMPARE(actions.size(), 1);
    QCOMPARE(actions.first()->shortcut(), QKeySequence(QKeySequence::Copy));
    actions.first()->trigger();
    QCOMPARE(QApplication::clipboard()->text(), iface->text(QAccessible::Description));
}

void TestChartReader::barsReadOutTheirLabels()
{
    QCustomPlot plot;
    plot.setAccessibleName("Keys by TTL");
    ChartReader::attach(&plot, "Keys by TTL");
    auto *bars = new QCPBars(plot.xAxis, plot.yAxis);
    bars->setName("Keys");
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    ticker->addTick(1, "no TTL");
    ticker->addTick(2, "< 1 min");
    plot.xAxis->setTicker(ticker);
    bars->addData(1, 120);
    bars->addData(2, 7);
    plot.replot();
    QCOMPARE(ChartReader::figures(&plot), QString("Keys: no TTL 120, < 1 min 7."));
    QCOMPARE(plot.accessibleDescription(), ChartReader::figures(&plot));
}

QTEST_MAIN(TestChartReader)
#include "tst_chartreader.moc"
