#include "healthdashboardpage.h"

#include "appsettings.h"
#include "healthcheckspanel.h"
#include "seriescsv.h"
#include "timechart.h"

#include <algorithm>
#include <array>
#include <QCheckBox>
#include <QComboBox>
#include <qcustomplot.h>
#include <QDateTime>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QTimer>
#include <QToolTip>
#include <QVBoxLayout>

using Series = InfoSample::Series;

namespace {

constexpr int kBatchMs = 50; // samples of several nodes arriving together share one redraw

} // namespace

HealthDashboardPage::HealthDashboardPage(Session *session, QWidget *parent)
    : SessionPage(session, parent), m_pollers(new NodePollers(session, this)), m_redrawTimer(new QTimer(this))
{
    auto *layout = new QVBoxLayout(this);
    auto *bar = new QHBoxLayout;
    m_nodeBox = new QComboBox(this);
    m_nodeBox->setObjectName(QStringLiteral("nodeChooser"));
    m_nodeBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_nodeBox->setVisible(false); // until the session knows its nodes
    m_interval = new QComboBox(this);
    for (const int ms : {500, 1000, 2000, 5000, 10000, 30000, 60000})
        m_interval->addItem(tr("every %1 s").arg(QLocale().toString(ms / 1000.0)), ms);
    m_interval->setCurrentIndex(1);
    m_windowBox = new QComboBox(this);
    for (const auto &[seconds, text] : QList<QPair<int, QString>>{{300, tr("last 5 min")},
                                                                  {900, tr("last 15 min")},
                                                                  {3600, tr("last hour")},
                                                                  {21600, tr("last 6 h")},
                                                                  {86400, tr("last 24 h")}})
        m_windowBox->addItem(text, seconds);
    m_pause = new QCheckBox(tr("Pause (then drag and zoom)"), this);
    auto *png = new QPushButton(tr("Export PNG…"), this);
    auto *csv = new QPushButton(tr("Export CSV…"), this);
    m_status = new QLabel(this);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true); // a long summary wraps instead of widening the window
    bar->addWidget(m_nodeBox);
    bar->addWidget(m_interval);
    bar->addWidget(m_windowBox);
    bar->addWidget(m_pause);
    bar->addWidget(m_status, 1);
    bar->addWidget(png);
    bar->addWidget(csv);
    layout->addLayout(bar);
    m_nodeKey = new QWidget(this);
    m_nodeKey->setObjectName(QStringLiteral("nodeKey"));
    auto *keyLayout = new QGridLayout(m_nodeKey);
    keyLayout->setContentsMargins(0, 0, 0, 0);
    m_nodeKey->hide();
    layout->addWidget(m_nodeKey);

    auto *split = new QSplitter(Qt::Horizontal, this);
    auto *charts = new QWidget(split);
    auto *grid = new QGridLayout(charts);
    grid->setContentsMargins(0, 0, 0, 0);
    m_charts = {
        addChart(tr("Operations"), tr("per second"), {Series::OpsPerSecond, Series::CommandsPerSecond},
                 Series::OpsPerSecond),
        addChart(tr("Memory"), tr("MiB"), {Series::UsedMemory, Series::UsedMemoryRss, Series::MaxMemory},
                 Series::UsedMemory, 1024.0 * 1024),
        addChart(tr("Clients"), tr("connections"), {Series::ConnectedClients, Series::BlockedClients},
                 Series::ConnectedClients),
        addChart(tr("Cache hit ratio"), tr("%"), {Series::HitRatio}, Series::HitRatio, 0.01),
        addChart(tr("Network"), tr("kB/s"), {Series::NetworkInKBps, Series::NetworkOutKBps},
                 Series::NetworkInKBps),
        addChart(tr("Latency (PING)"), tr("ms"),
                 {Series::LatencyP50Ms, Series::LatencyP95Ms, Series::LatencyP99Ms}, Series::LatencyP99Ms),
        addChart(tr("Evictions, expirations, rejections"), tr("per second"),
                 {Series::EvictedPerSecond, Series::ExpiredPerSecond, Series::RejectedPerSecond},
                 Series::EvictedPerSecond),
        addChart(tr("Keys"), tr("keys"), {Series::Keys}, Series::Keys),
    };
    for (int i = 0; i < m_charts.size(); ++i)
        grid->addWidget(m_charts[i].plot, i / 2, i % 2);

    m_checks = new HealthChecksPanel(split);
    split->setStretchFactor(0, 1); // the charts take what the checks panel's preferred width leaves
    split->setStretchFactor(1, 0);
    layout->addWidget(split, 1);

    // Samples of several nodes arrive within a few milliseconds of each other: one redraw for them all.
    m_redrawTimer->setSingleShot(true);
    connect(m_redrawTimer, &QTimer::timeout, this, &HealthDashboardPage::redraw);
    connect(m_nodeBox, &QComboBox::activated, this,
            [this] { setCurrentNode(m_nodeBox->currentData().toByteArray()); });
    connect(m_interval, &QComboBox::activated, this,
            [this] { setInterval(m_interval->currentData().toInt()); });
    connect(m_windowBox, &QComboBox::activated, this,
            [this] { setWindowSeconds(m_windowBox->currentData().toInt()); });
    connect(m_pause, &QCheckBox::toggled, this, &HealthDashboardPage::setPaused);
    connect(png, &QPushButton::clicked, this, [this] {
        const QString path =
            QFileDialog::getSaveFileName(this, tr("Export charts"), QString(), tr("PNG (*.png)"));
        if (!path.isEmpty())
            exportPng(path);
    });
    connect(csv, &QPushButton::clicked, this, [this] {
        const QString path =
            QFileDialog::getSaveFileName(this, tr("Export series"), QString(), tr("CSV (*.csv)"));
        if (!path.isEmpty() && !exportCsv(path))
            m_status->setText(tr("Cannot write %1.").arg(path));
    });
    connect(m_checks, &HealthChecksPanel::recheckRequested, m_pollers, &NodePollers::runChecks);
    connect(m_pollers, &NodePollers::nodesChanged, this, &HealthDashboardPage::onNodesChanged);
    connect(m_pollers, &NodePollers::sampled, this, &HealthDashboardPage::scheduleRedraw);
    connect(m_pollers, &NodePollers::checked, this, [this] { m_checks->showChecks(m_pollers->nodes()); });
    connect(m_pollers, &NodePollers::failed, this, [this](const QByteArray &id, const QString &message) {
        const NodePollers::Node *n = m_pollers->node(id);
        m_status->setText(n && hasManyNodes() ? tr("%1: %2").arg(n->address, message) : message);
    });
    onNodesChanged();
}

HealthDashboardPage::~HealthDashboardPage() = default;

QString HealthDashboardPage::title() const
{
    return tr("Health");
}

void HealthDashboardPage::applySettings(const AppSettings &settings)
{
    setInterval(settings.healthIntervalMs);
}

HealthDashboardPage::Chart HealthDashboardPage::addChart(const QString &title, const QString &unit,
                                                         const QList<Series> &series, Series main,
                                                         double scale)
{
    QStringList names;
    for (const Series s : series)
        names.append(InfoSample::name(s));
    QCustomPlot *plot = TimeChart::create(this, title, unit, names);
    plot->setMinimumSize(280, 160);
    plot->axisRect()->setRangeDrag(Qt::Horizontal);
    plot->axisRect()->setRangeZoom(Qt::Horizontal);
    const Chart chart{plot, title, series, main, scale};
    connect(plot, &QCustomPlot::mouseMove, this,
            [this, plot, chart](QMouseEvent *event) { showHover(plot, chart, event); });
    return chart;
}

QList<QByteArray> HealthDashboardPage::nodeIds() const
{
    QList<QByteArray> ids;
    for (const NodePollers::Node &node : m_pollers->nodes())
        ids.append(node.id);
    return ids;
}

InfoPoller *HealthDashboardPage::nodePoller(const QByteArray &nodeId) const
{
    return m_pollers->poller(nodeId);
}

HealthAdvisor *HealthDashboardPage::nodeAdvisor(const QByteArray &nodeId) const
{
    return m_pollers->advisor(nodeId);
}

QString HealthDashboardPage::nodeLabel(const QByteArray &nodeId) const
{
    const NodePollers::Node *n = m_pollers->node(nodeId);
    return n ? n->label : QString();
}

bool HealthDashboardPage::hasManyNodes() const
{
    return m_pollers->nodes().size() > 1;
}

const InfoPoller *HealthDashboardPage::shownPoller() const
{
    if (const NodePollers::Node *n = m_pollers->node(m_currentNode))
        return n->poller.get();
    return m_pollers->nodes().size() == 1 ? m_pollers->nodes().front().poller.get() : nullptr;
}

void HealthDashboardPage::onNodesChanged()
{
    const std::vector<NodePollers::Node> &nodes = m_pollers->nodes();
    // A node keeps its colour while it is shown; a new node takes the first colour no other node has.
    QHash<QByteArray, int> colours;
    for (const NodePollers::Node &n : nodes) {
        if (m_colours.contains(n.id))
            colours.insert(n.id, m_colours.value(n.id));
    }
    const QList<QColor> palette = TimeChart::distinctColours();
    for (size_t i = 0; i < nodes.size(); ++i) {
        if (colours.contains(nodes[i].id))
            continue;
        int c = 0;
        while (c < palette.size() && std::find(colours.cbegin(), colours.cend(), c) != colours.cend())
            ++c;
        colours.insert(nodes[i].id,
                       c < palette.size() ? c : int(i % palette.size())); // more nodes than colours
    }
    m_colours = colours;
    if (!m_pollers->node(m_currentNode))
        m_currentNode.clear();
    m_nodeBox->setVisible(!nodes.empty());
    fillNodeChooser();
    resetGraphs();
    redraw();
    m_checks->showChecks(nodes);
}

void HealthDashboardPage::fillNodeChooser()
{
    const QSignalBlocker blocker(m_nodeBox);
    m_nodeBox->clear();
    if (hasManyNodes())
        m_nodeBox->addItem(tr("All nodes"), QByteArray());
    for (const NodePollers::Node &n : m_pollers->nodes())
        m_nodeBox->addItem(n.label, n.id);
    m_nodeBox->setCurrentIndex(std::max(0, m_nodeBox->findData(m_currentNode)));
}

void HealthDashboardPage::setCurrentNode(const QByteArray &nodeId)
{
    m_currentNode = m_pollers->node(nodeId) ? nodeId : QByteArray();
    m_nodeBox->setCurrentIndex(std::max(0, m_nodeBox->findData(m_currentNode)));
    resetGraphs();
    redraw();
}

void HealthDashboardPage::resetGraphs()
{
    const QList<QColor> palette = TimeChart::distinctColours();
    // All nodes: the node colours once above the charts, so that six legends do not hide the lines.
    auto *keyLayout = static_cast<QGridLayout *>(m_nodeKey->layout());
    while (QLayoutItem *item = keyLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_nodeKey->setVisible(showsAllNodes());
    if (showsAllNodes()) {
        int cell = 0; // three nodes a row, so that six do not set the window's width
        for (const NodePollers::Node &n : m_pollers->nodes()) {
            auto *swatch = new QLabel(QStringLiteral("■"), m_nodeKey);
            swatch->setTextFormat(Qt::PlainText);
            QPalette swatchPalette = swatch->palette();
            swatchPalette.setColor(QPalette::WindowText, palette.at(m_colours.value(n.id)));
            swatch->setPalette(swatchPalette);
            auto *name = new QLabel(n.label, m_nodeKey);
            name->setTextFormat(Qt::PlainText);
            keyLayout->addWidget(swatch, cell / 3, (cell % 3) * 2);
            keyLayout->addWidget(name, cell / 3, (cell % 3) * 2 + 1);
            ++cell;
        }
        keyLayout->setColumnStretch(6, 1);
    }
    for (const Chart &chart : std::as_const(m_charts)) {
        if (showsAllNodes()) {
            QStringList names;
            QList<QColor> colours;
            for (const NodePollers::Node &n : m_pollers->nodes()) {
                names.append(n.address);
                colours.append(palette.at(m_colours.value(n.id)));
            }
            TimeChart::setSeries(chart.plot, names, colours);
            chart.plot->legend->setVisible(false);
            // The series alone: "Evictions, expirations, rejections: …" would not fit beside six lines.
            TimeChart::setTitle(chart.plot, tr("%1 per node").arg(InfoSample::name(chart.main)));
        } else {
            QStringList names;
            for (const Series s : chart.series)
                names.append(InfoSample::name(s));
            TimeChart::setSeries(chart.plot, names);
            const NodePollers::Node *n = m_pollers->node(m_currentNode);
            TimeChart::setTitle(chart.plot, n ? tr("%1: %2").arg(chart.title, n->address) : chart.title);
        }
    }
}

void HealthDashboardPage::setInterval(int ms)
{
    int index = m_interval->findData(ms);
    if (index < 0) {
        m_interval->addItem(tr("every %1 s").arg(QLocale().toString(ms / 1000.0)), ms);
        index = m_interval->count() - 1;
    }
    m_interval->setCurrentIndex(index);
    m_pollers->setInterval(ms);
}

void HealthDashboardPage::setWindowSeconds(int seconds)
{
    m_window = seconds;
    const int index = m_windowBox->findData(seconds);
    if (index >= 0)
        m_windowBox->setCurrentIndex(index);
    redraw();
}

void HealthDashboardPage::setPaused(bool paused)
{
    m_paused = paused;
    if (m_pause->isChecked() != paused)
        m_pause->setChecked(paused);
    for (const Chart &chart : std::as_const(m_charts))
        chart.plot->setInteractions(paused ? QCP::iRangeDrag | QCP::iRangeZoom : QCP::Interactions());
    if (!paused)
        redraw();
}

void HealthDashboardPage::scheduleRedraw()
{
    if (m_paused || m_redrawTimer->isActive())
        return;
    showStatus(); // the figures of the newest sample at once; the lines as often as they visibly move
    // Samples arriving together share a redraw (kBatchMs); beyond that, the charts are redrawn about twice
    // per pixel of time: a 24 h window at 700 px moves one pixel every two minutes, so redrawing it every
    // second (8 charts of 6 lines on a cluster: about 20 ms) would cost the window for nothing to see.
    const int width = m_charts.isEmpty() ? 0 : m_charts.first().plot->axisRect()->width();
    const qint64 halfPixelMs = qint64(m_window) * 1000 / std::max(50, width) / 2;
    const qint64 since = m_sinceRedraw.isValid() ? m_sinceRedraw.elapsed() : halfPixelMs;
    m_redrawTimer->start(int(std::max<qint64>(kBatchMs, halfPixelMs - since)));
}

void HealthDashboardPage::redraw()
{
    m_redrawTimer->stop();
    m_sinceRedraw.start();
    const double now = double(QDateTime::currentMSecsSinceEpoch()) / 1000.0;
    const double from = now - m_window;
    const InfoPoller *shown = shownPoller();
    for (const Chart &chart : std::as_const(m_charts)) {
        double top = 0;
        const int buckets = std::max(50, chart.plot->axisRect()->width());
        const auto draw = [&](int graph, const TimeSeries &series) {
            QVector<QCPGraphData> points;
            for (const TimeSeries::Point &p : series.envelope(from, now, buckets)) {
                points.append({p.time, p.value / chart.scale});
                top = std::max(top, p.value / chart.scale);
            }
            if (graph < chart.plot->graphCount())
                chart.plot->graph(graph)->data()->set(points, true);
        };
        if (shown) {
            for (int i = 0; i < chart.series.size(); ++i)
                draw(i, shown->series(chart.series[i]));
        } else {
            int graph = 0;
            for (const NodePollers::Node &n : m_pollers->nodes())
                draw(graph++, n.poller->series(chart.main));
        }
        chart.plot->xAxis->setRange(from, now);
        chart.plot->yAxis->setRange(0, top > 0 ? top * 1.15 : 1);
        chart.plot->replot(QCustomPlot::rpQueuedReplot);
    }
    showStatus();
    emit redrawn();
}

void HealthDashboardPage::showStatus()
{
    const QLocale locale;
    QStringList parts;
    if (m_pollers->nodes().empty())
        return;
    if (const InfoPoller *shown = shownPoller()) {
        const auto &sample = shown->lastSample();
        if (!sample)
            return;
        if (sample->values[Series::OpsPerSecond])
            parts << tr("%1 ops/s").arg(locale.toString(*sample->values[Series::OpsPerSecond], 'f', 0));
        if (sample->values[Series::HitRatio])
            parts
                << tr("hit ratio %1%").arg(locale.toString(*sample->values[Series::HitRatio] * 100, 'f', 1));
        if (sample->values[Series::LatencyP99Ms])
            parts << tr("p99 %1 ms").arg(locale.toString(*sample->values[Series::LatencyP99Ms], 'f', 2));
    } else {
        // All nodes: the cluster's total and its slowest node.
        double ops = 0;
        double worst = -1;
        QString worstNode;
        for (const NodePollers::Node &n : m_pollers->nodes()) {
            const auto &sample = n.poller->lastSample();
            if (!sample)
                continue;
            ops += sample->values[Series::OpsPerSecond].value_or(0);
            if (sample->values[Series::LatencyP99Ms] && *sample->values[Series::LatencyP99Ms] > worst) {
                worst = *sample->values[Series::LatencyP99Ms];
                worstNode = n.address;
            }
        }
        parts << tr("%n node(s)", nullptr, int(m_pollers->nodes().size()))
              << tr("%1 ops/s in all").arg(locale.toString(ops, 'f', 0));
        if (worst >= 0)
            parts << tr("highest p99 %1 ms (%2)").arg(locale.toString(worst, 'f', 2), worstNode);
    }
    m_status->setText(parts.join(QStringLiteral(" — ")));
}

void HealthDashboardPage::showHover(QCustomPlot *plot, const Chart &chart, QMouseEvent *event)
{
    const double time = plot->xAxis->pixelToCoord(event->position().x());
    QStringList lines{
        QDateTime::fromMSecsSinceEpoch(qint64(time * 1000)).toString(QStringLiteral("HH:mm:ss"))};
    const auto line = [&](const QString &name, const TimeSeries &series) {
        const qsizetype at = series.lowerBound(time);
        if (at < series.size())
            lines << QStringLiteral("%1: %2").arg(
                name, QLocale().toString(series.at(at).value / chart.scale, 'f', 2));
    };
    if (const InfoPoller *shown = shownPoller()) {
        for (const Series s : chart.series)
            line(InfoSample::name(s), shown->series(s));
    } else {
        lines.first() += QLatin1Char(' ') + InfoSample::name(chart.main);
        for (const NodePollers::Node &n : m_pollers->nodes())
            line(n.address, n.poller->series(chart.main));
    }
    QToolTip::showText(event->globalPosition().toPoint(), lines.join(QLatin1Char('\n')), plot);
}

QCustomPlot *HealthDashboardPage::plot(Series series) const
{
    for (const Chart &chart : m_charts) {
        if (chart.series.contains(series))
            return chart.plot;
    }
    return nullptr;
}

int HealthDashboardPage::drawnPoints(Series series) const
{
    for (const Chart &chart : m_charts) {
        const qsizetype i = chart.series.indexOf(series);
        if (i < 0)
            continue;
        if (!showsAllNodes())
            return i < chart.plot->graphCount() ? chart.plot->graph(int(i))->dataCount() : 0;
        if (series != chart.main)
            return 0;
        int most = 0;
        for (int g = 0; g < chart.plot->graphCount(); ++g)
            most = std::max(most, chart.plot->graph(g)->dataCount());
        return most;
    }
    return 0;
}

QStringList HealthDashboardPage::checkTexts() const
{
    return m_checks->checkTexts();
}

bool HealthDashboardPage::exportCsv(const QString &path) const
{
    QList<const InfoPoller *> pollers;
    QStringList nodes;
    for (const NodePollers::Node &n : m_pollers->nodes()) {
        if (m_currentNode.isEmpty() || n.id == m_currentNode) {
            pollers.append(n.poller.get());
            if (hasManyNodes())
                nodes.append(n.address);
        }
    }
    return SeriesCsv::write(path, pollers, nodes, tr("node"));
}

bool HealthDashboardPage::exportPng(const QString &path)
{
    // Replots are queued: draw what the charts show now, not their last painted buffer.
    for (const Chart &chart : std::as_const(m_charts))
        chart.plot->replot(QCustomPlot::rpImmediateRefresh);
    return grab().save(path, "PNG");
}
