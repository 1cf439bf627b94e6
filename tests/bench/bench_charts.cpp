// Health charts at full history: 20 series x 86,400 points (24 h at 1 Hz), the shape of the dashboard with
// one series per node of a large cluster. Times a full replot (rpImmediateRefresh: layout, sampling, drawing
// into the paint buffer) at several widget sizes, for the whole day and for the last 5 minutes, two ways:
// - raw: every point handed to QCustomPlot (its adaptive sampling walks all 1.7M points each replot);
// - envelope: TimeSeries::envelope() for the window and width (at most 2 points per pixel), as the
//   dashboard does; the time to compute the envelopes is included.
// Run by hand: QT_QPA_PLATFORM=offscreen build/<preset>/tests/bench/bench_charts
// Then the Health tab of a 6-node cluster with a full day on every node: 6 x 18 series x 86,400 points in
// memory, and the "All nodes" view — 8 charts of 6 lines (one per node) — redrawn from the envelopes.
// Last lines: charts-bench points=N replot_ms_median=... replot_ms_max=... (envelope, as the dashboard draws)
// and charts-bench-cluster nodes=6 points=N history_mib=... redraw_ms_median=... redraw_ms_max=...
#include "infosample.h"
#include "timeseries.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <memory>
#include <QApplication>
#include <qcustomplot.h>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>

namespace {

// The process's resident memory (Linux; 0 elsewhere).
double residentMiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024;
    }
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    constexpr int kSeries = 20;
    constexpr int kPoints = 86'400;
    constexpr int kReplots = 15;
    const double start = 1'700'000'000;

    QRandomGenerator rng(1);
    std::vector<TimeSeries> history(kSeries);
    for (int s = 0; s < kSeries; ++s) {
        double value = 1000 + s * 100;
        for (int i = 0; i < kPoints; ++i) {
            value = std::max(0.0, value + rng.bounded(21) - 10); // a random walk, like ops/s
            history[size_t(s)].append(start + i, value);
        }
    }
    QCustomPlot plot;
    plot.setNotAntialiasedElements(QCP::aeAll);
    plot.setPlottingHint(QCP::phFastPolylines, true);
    auto ticker = QSharedPointer<QCPAxisTickerDateTime>::create();
    ticker->setDateTimeFormat(QStringLiteral("HH:mm"));
    plot.xAxis->setTicker(ticker);
    for (int s = 0; s < kSeries; ++s)
        plot.addGraph()->setPen(QPen(QColor::fromHsv(s * 360 / kSeries, 200, 200), 1));
    plot.yAxis->setRange(0, 4000);
    plot.show();

    const auto load = [&](bool envelope, double from, double to) {
        for (int s = 0; s < kSeries; ++s) {
            const TimeSeries &series = history[size_t(s)];
            QVector<QCPGraphData> data;
            if (envelope) {
                for (const TimeSeries::Point &p : series.envelope(from, to, plot.axisRect()->width()))
                    data.append({p.time, p.value});
            } else {
                data.reserve(series.size());
                for (qsizetype i = 0; i < series.size(); ++i)
                    data.append({series.at(i).time, series.at(i).value});
            }
            plot.graph(s)->data()->set(data, true);
        }
    };
    QList<double> all;
    for (const bool envelope : {false, true}) {
        for (const QSize size : {QSize(800, 400), QSize(1280, 720), QSize(1920, 1080)}) {
            plot.resize(size);
            for (const int window : {kPoints, 300}) {
                const double from = start + kPoints - window, to = start + kPoints - 1;
                plot.xAxis->setRange(from, to);
                load(envelope, from, to);
                plot.replot(QCustomPlot::rpImmediateRefresh); // warm-up at this size
                QList<double> times;
                for (int i = 0; i < kReplots; ++i) {
                    QElapsedTimer timer;
                    timer.start();
                    if (envelope)
                        load(true, from, to); // new data arrived: the dashboard recomputes the envelopes
                    plot.replot(QCustomPlot::rpImmediateRefresh);
                    times.append(double(timer.nsecsElapsed()) / 1e6);
                }
                std::sort(times.begin(), times.end());
                std::fprintf(stderr, "%s %dx%d, last %d s: median %.1f ms, max %.1f ms\n",
                             envelope ? "envelope" : "raw     ", size.width(), size.height(), window,
                             times.at(times.size() / 2), times.last());
                if (envelope)
                    all += times;
            }
        }
    }
    std::sort(all.begin(), all.end());
    std::printf("charts-bench points=%d replot_ms_median=%.1f replot_ms_max=%.1f\n", kSeries * kPoints,
                all.at(all.size() / 2), all.last());
    history.clear();

    // A 6-node cluster: one InfoPoller's worth of series per node, a day each.
    constexpr int kNodes = 6;
    const double rssBefore = residentMiB();
    std::vector<std::array<TimeSeries, InfoSample::SeriesCount>> nodes(kNodes);
    for (int n = 0; n < kNodes; ++n) {
        for (int s = 0; s < InfoSample::SeriesCount; ++s) {
            double value = 1000 + n * 300 + s;
            for (int i = 0; i < kPoints; ++i) {
                value = std::max(0.0, value + rng.bounded(21) - 10);
                nodes[size_t(n)][size_t(s)].append(start + i, value);
            }
        }
    }
    const double historyMiB = residentMiB() - rssBefore;
    // The dashboard's "All nodes" grid: 8 charts (2 columns) drawing one main series per node.
    const InfoSample::Series mains[] = {InfoSample::OpsPerSecond,     InfoSample::UsedMemory,
                                        InfoSample::ConnectedClients, InfoSample::HitRatio,
                                        InfoSample::NetworkInKBps,    InfoSample::LatencyP99Ms,
                                        InfoSample::EvictedPerSecond, InfoSample::Keys};
    std::vector<std::unique_ptr<QCustomPlot>> charts;
    for (int c = 0; c < 8; ++c) {
        auto chart = std::make_unique<QCustomPlot>();
        chart->setNotAntialiasedElements(QCP::aeAll);
        chart->setPlottingHint(QCP::phFastPolylines, true);
        chart->xAxis->setTicker(ticker);
        for (int n = 0; n < kNodes; ++n)
            chart->addGraph()->setPen(QPen(QColor::fromHsv(n * 60, 200, 200), 1.5));
        chart->yAxis->setRange(0, 4000);
        chart->resize(700, 280);
        chart->show();
        charts.push_back(std::move(chart));
    }
    QList<double> cluster;
    for (const int window : {kPoints, 300}) {
        const double from = start + kPoints - window, to = start + kPoints - 1;
        QList<double> times;
        for (int i = 0; i <= kReplots; ++i) {
            QElapsedTimer timer;
            timer.start();
            for (int c = 0; c < 8; ++c) {
                QCustomPlot &chart = *charts[size_t(c)];
                chart.xAxis->setRange(from, to);
                for (int n = 0; n < kNodes; ++n) {
                    QVector<QCPGraphData> data;
                    for (const TimeSeries::Point &p :
                         nodes[size_t(n)][size_t(mains[c])].envelope(from, to, chart.axisRect()->width()))
                        data.append({p.time, p.value});
                    chart.graph(n)->data()->set(data, true);
                }
                chart.replot(QCustomPlot::rpImmediateRefresh);
            }
            if (i > 0) // the first is the warm-up
                times.append(double(timer.nsecsElapsed()) / 1e6);
        }
        std::sort(times.begin(), times.end());
        std::fprintf(stderr,
                     "cluster %d nodes, all nodes view (8 charts x %d lines, 700x280), last %d s: "
                     "median %.1f ms, max %.1f ms\n",
                     kNodes, kNodes, window, times.at(times.size() / 2), times.last());
        cluster += times;
    }
    std::sort(cluster.begin(), cluster.end());
    std::printf("charts-bench-cluster nodes=%d points=%d history_mib=%.0f redraw_ms_median=%.1f "
                "redraw_ms_max=%.1f\n",
                kNodes, kNodes * InfoSample::SeriesCount * kPoints, historyMiB,
                cluster.at(cluster.size() / 2), cluster.last());
    return 0;
}
