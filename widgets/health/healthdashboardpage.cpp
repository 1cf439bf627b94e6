#include "healthdashboardpage.h"

#include "appsettings.h"
#include "timechart.h"
#include "widgetstyle.h"

#include <algorithm>
#include <array>
#include <QCheckBox>
#include <QComboBox>
#include <qcustomplot.h>
#include <QDateTime>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QTimer>
#include <QToolTip>
#include <QTreeWidget>
#include <QVBoxLayout>

using Series = InfoSample::Series;

constexpr int kChecksWidth = 340;
constexpr int kClusterChecksWidth = 480;

namespace {

constexpr int kBatchMs = 50; // samples of several nodes arriving together share one redraw

QString statusText(HealthAdvisor::Status status)
{
    switch (status) {
    case HealthAdvisor::Status::Ok:
        return HealthDashboardPage::tr("OK");
    case HealthAdvisor::Status::Info:
        return HealthDashboardPage::tr("Note");
    case HealthAdvisor::Status::Warning:
        return HealthDashboardPage::tr("Warning");
    case HealthAdvisor::Status::Critical:
        return HealthDashboardPage::tr("Critical");
    }
    return {};
}

QColor statusColour(HealthAdvisor::Status status, const QPalette &palette)
{
    switch (status) {
    case HealthAdvisor::Status::Ok:
        return QColor(0x2c, 0x8a, 0x2c);
    case HealthAdvisor::Status::Info:
        return QColor(0x1f, 0x5f, 0x9f);
    case HealthAdvisor::Status::Warning:
        return QColor(0xb3, 0x6b, 0x00);
    case HealthAdvisor::Status::Critical:
        return WidgetStyle::errorColour(palette);
    }
    return {};
}

// One line of the CSV export per sample time and node: the cursors walk every series of every node
// exported at once, in time order (a poller appends all its series at the same times).
void writeRows(QSaveFile &file, const QList<const InfoPoller *> &pollers, const QStringList &nodes)
{
    std::vector<std::array<qsizetype, InfoSample::SeriesCount>> next(size_t(pollers.size()));
    for (auto &cursor : next)
        cursor.fill(0);
    for (;;) {
        double time = 0;
        int at = -1;
        for (int n = 0; n < pollers.size(); ++n) {
            for (int s = 0; s < InfoSample::SeriesCount; ++s) {
                const TimeSeries &series = pollers[n]->series(Series(s));
                const qsizetype i = next[size_t(n)][size_t(s)];
                if (i < series.size() && (at < 0 || series.at(i).time < time)) {
                    time = series.at(i).time;
                    at = n;
                }
            }
        }
        if (at < 0)
            return;
        QByteArray line = QDateTime::fromMSecsSinceEpoch(qint64(time * 1000), Qt::UTC)
                              .toString(Qt::ISODateWithMs)
                              .toLatin1();
        if (!nodes.isEmpty())
            line += ',' + nodes[at].toUtf8().replace(',', ' ');
        for (int s = 0; s < InfoSample::SeriesCount; ++s) {
            const TimeSeries &series = pollers[at]->series(Series(s));
            qsizetype &i = next[size_t(at)][size_t(s)];
            line += ',';
            if (i < series.size() && series.at(i).time == time)
                line += QByteArray::number(series.at(i++).value, 'g', 12);
        }
        file.write(line + "\r\n");
    }
}

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
    auto *keyLayout = new QHBoxLayout(m_nodeKey);
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

    auto *checksBox = new QWidget(split);
    auto *checksLayout = new QVBoxLayout(checksBox);
    checksLayout->setContentsMargins(0, 0, 0, 0);
    auto *checksBar = new QHBoxLayout;
    auto *checksTitle = new QLabel(tr("Health advisor"), checksBox);
    checksTitle->setTextFormat(Qt::PlainText);
    auto *recheck = new QPushButton(tr("Check again"), checksBox);
    checksBar->addWidget(checksTitle, 1);
    checksBar->addWidget(recheck);
    checksLayout->addLayout(checksBar);
    m_checks = new QTreeWidget(checksBox);
    m_checks->setHeaderLabels({tr("Check"), tr("Status")});
    m_checks->setWordWrap(true);
    m_checks->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_checks->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    checksLayout->addWidget(m_checks, 2);
    auto *detail = new QPlainTextEdit(checksBox);
    detail->setObjectName(QStringLiteral("checkDetail"));
    detail->setReadOnly(true);
    detail->setPlaceholderText(tr("Select a check to read why it matters and how to fix it."));
    checksLayout->addWidget(detail, 1);
    connect(m_checks, &QTreeWidget::currentItemChanged, this, [detail](QTreeWidgetItem *item) {
        while (item && item->parent())
            item = item->parent();
        if (!item) {
            detail->clear();
            return;
        }
        QStringList text{item->text(0) + QStringLiteral(" — ") + item->text(1)};
        for (int i = 0; i < item->childCount(); ++i)
            text << item->child(i)->text(0);
        detail->setPlainText(text.join(QStringLiteral("\n\n")));
    });
    checksBox->setObjectName(QStringLiteral("checksPanel"));
    checksBox->setMinimumWidth(kChecksWidth);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
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
    connect(recheck, &QPushButton::clicked, m_pollers, &NodePollers::runChecks);
    connect(m_pollers, &NodePollers::nodesChanged, this, &HealthDashboardPage::onNodesChanged);
    connect(m_pollers, &NodePollers::sampled, this, &HealthDashboardPage::scheduleRedraw);
    connect(m_pollers, &NodePollers::checked, this, &HealthDashboardPage::showChecks);
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
    // Room for the node addresses in front of the checks.
    if (QWidget *checksPanel = findChild<QWidget *>(QStringLiteral("checksPanel")))
        checksPanel->setMinimumWidth(hasManyNodes() ? kClusterChecksWidth : kChecksWidth);
    fillNodeChooser();
    resetGraphs();
    redraw();
    showChecks();
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
    auto *keyLayout = static_cast<QHBoxLayout *>(m_nodeKey->layout());
    while (QLayoutItem *item = keyLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_nodeKey->setVisible(showsAllNodes());
    if (showsAllNodes()) {
        for (const NodePollers::Node &n : m_pollers->nodes()) {
            auto *swatch = new QLabel(QStringLiteral("■"), m_nodeKey);
            swatch->setTextFormat(Qt::PlainText);
            QPalette swatchPalette = swatch->palette();
            swatchPalette.setColor(QPalette::WindowText, palette.at(m_colours.value(n.id)));
            swatch->setPalette(swatchPalette);
            auto *name = new QLabel(n.label, m_nodeKey);
            name->setTextFormat(Qt::PlainText);
            keyLayout->addWidget(swatch);
            keyLayout->addWidget(name);
            keyLayout->addSpacing(12);
        }
        keyLayout->addStretch(1);
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

void HealthDashboardPage::showChecks()
{
    struct Line
    {
        HealthAdvisor::Check check;
        QStringList nodes; // addresses
    };
    QList<Line> lines;
    // One line per check and outcome: the nodes where a check reads exactly the same share it.
    QStringList order; // check ids, first seen first
    for (const NodePollers::Node &n : m_pollers->nodes()) {
        for (const HealthAdvisor::Check &check : n.advisor->checks()) {
            if (!order.contains(check.id))
                order.append(check.id);
            const auto same = std::find_if(lines.begin(), lines.end(), [&check](const Line &l) {
                return l.check.id == check.id && l.check.status == check.status &&
                       l.check.title == check.title && l.check.why == check.why && l.check.fix == check.fix;
            });
            if (same != lines.end())
                same->nodes.append(n.address);
            else
                lines.append({check, {n.address}});
        }
    }
    std::stable_sort(lines.begin(), lines.end(), [&order](const Line &a, const Line &b) {
        return order.indexOf(a.check.id) < order.indexOf(b.check.id);
    });
    m_checks->clear();
    for (const Line &line : std::as_const(lines)) {
        const HealthAdvisor::Check &check = line.check;
        QString title = check.title;
        if (hasManyNodes()) { // a single server's checks are its own
            const QString where =
                line.nodes.size() > 1 && line.nodes.size() == qsizetype(m_pollers->nodes().size())
                    ? tr("All nodes")
                    : line.nodes.join(QStringLiteral(", "));
            title = tr("%1 — %2").arg(where, check.title);
        }
        auto *item = new QTreeWidgetItem(m_checks, {title, statusText(check.status)});
        item->setForeground(1, statusColour(check.status, palette()));
        item->setData(0, Qt::UserRole, check.id);
        // Explanations span the row, so they wrap across the panel's whole width.
        if (!check.why.isEmpty())
            (new QTreeWidgetItem(item, {check.why}))->setFirstColumnSpanned(true);
        if (!check.fix.isEmpty())
            (new QTreeWidgetItem(item, {tr("Fix: %1").arg(check.fix)}))->setFirstColumnSpanned(true);
        item->setExpanded(check.status == HealthAdvisor::Status::Warning ||
                          check.status == HealthAdvisor::Status::Critical);
    }
}

QStringList HealthDashboardPage::checkTexts() const
{
    QStringList texts;
    for (int i = 0; i < m_checks->topLevelItemCount(); ++i)
        texts << m_checks->topLevelItem(i)->text(0) + QStringLiteral(": ") +
                     m_checks->topLevelItem(i)->text(1);
    return texts;
}

bool HealthDashboardPage::exportCsv(const QString &path) const
{
    // One row per sample time (and node), one column per series; empty where a series had no value.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    QByteArray header = "time";
    QList<const InfoPoller *> pollers;
    QStringList nodes;
    if (hasManyNodes())
        header += ',' + tr("node").toUtf8();
    for (const NodePollers::Node &n : m_pollers->nodes()) {
        if (m_currentNode.isEmpty() || n.id == m_currentNode) {
            pollers.append(n.poller.get());
            if (hasManyNodes())
                nodes.append(n.address);
        }
    }
    for (int s = 0; s < InfoSample::SeriesCount; ++s)
        header += ',' + InfoSample::name(Series(s)).toUtf8().replace(',', ' ');
    file.write(header + "\r\n");
    writeRows(file, pollers, nodes);
    return file.commit();
}

bool HealthDashboardPage::exportPng(const QString &path)
{
    // Replots are queued: draw what the charts show now, not their last painted buffer.
    for (const Chart &chart : std::as_const(m_charts))
        chart.plot->replot(QCustomPlot::rpImmediateRefresh);
    return grab().save(path, "PNG");
}
