#include "healthdashboardpage.h"

#include "infopoller.h"
#include "redisconnection.h"
#include "serverinfo.h"
#include "timechart.h"

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
#include <QToolTip>
#include <QTreeWidget>
#include <QVBoxLayout>

using Series = InfoSample::Series;

namespace {

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

QColor statusColour(HealthAdvisor::Status status)
{
    switch (status) {
    case HealthAdvisor::Status::Ok:
        return QColor(0x2c, 0x8a, 0x2c);
    case HealthAdvisor::Status::Info:
        return QColor(0x1f, 0x5f, 0x9f);
    case HealthAdvisor::Status::Warning:
        return QColor(0xb3, 0x6b, 0x00);
    case HealthAdvisor::Status::Critical:
        return QColor(0xb0, 0x00, 0x20);
    }
    return {};
}

} // namespace

HealthDashboardPage::HealthDashboardPage(RedisConnection *connection, QWidget *parent)
    : QWidget(parent), m_connection(connection), m_poller(new InfoPoller(connection, this)),
      m_advisor(new HealthAdvisor(connection, this))
{
    auto *layout = new QVBoxLayout(this);
    auto *bar = new QHBoxLayout;
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
    bar->addWidget(m_interval);
    bar->addWidget(m_windowBox);
    bar->addWidget(m_pause);
    bar->addWidget(m_status, 1);
    bar->addWidget(png);
    bar->addWidget(csv);
    layout->addLayout(bar);

    auto *split = new QSplitter(Qt::Horizontal, this);
    auto *charts = new QWidget(split);
    auto *grid = new QGridLayout(charts);
    grid->setContentsMargins(0, 0, 0, 0);
    m_charts = {
        addChart(tr("Operations"), tr("per second"), {Series::OpsPerSecond, Series::CommandsPerSecond}),
        addChart(tr("Memory"), tr("MiB"), {Series::UsedMemory, Series::UsedMemoryRss, Series::MaxMemory},
                 1024.0 * 1024),
        addChart(tr("Clients"), tr("connections"), {Series::ConnectedClients, Series::BlockedClients}),
        addChart(tr("Cache hit ratio"), tr("%"), {Series::HitRatio}, 0.01),
        addChart(tr("Network"), tr("kB/s"), {Series::NetworkInKBps, Series::NetworkOutKBps}),
        addChart(tr("Latency (PING)"), tr("ms"),
                 {Series::LatencyP50Ms, Series::LatencyP95Ms, Series::LatencyP99Ms}),
        addChart(tr("Evictions, expirations, rejections"), tr("per second"),
                 {Series::EvictedPerSecond, Series::ExpiredPerSecond, Series::RejectedPerSecond}),
        addChart(tr("Keys"), tr("keys"), {Series::Keys}),
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
    connect(m_checks, &QTreeWidget::currentItemChanged, this, [this, detail](QTreeWidgetItem *item) {
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
    checksBox->setMinimumWidth(340);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    layout->addWidget(split, 1);

    connect(m_interval, &QComboBox::activated, this,
            [this] { m_poller->setInterval(m_interval->currentData().toInt()); });
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
    connect(recheck, &QPushButton::clicked, this, [this] { m_advisor->run(m_poller->lastInfo()); });
    connect(m_poller, &InfoPoller::sampled, this, [this] {
        if (!m_paused)
            redraw();
    });
    connect(m_poller, &InfoPoller::failed, m_status, &QLabel::setText);
    connect(m_advisor, &HealthAdvisor::finished, this, &HealthDashboardPage::showChecks);
    connect(m_advisor, &HealthAdvisor::failed, m_status, &QLabel::setText);
    if (connection) {
        connect(connection, &RedisConnection::ready, this, [this] { m_advisor->run(); });
        if (connection->isReady())
            m_advisor->run();
    }
    m_poller->start();
}

HealthDashboardPage::~HealthDashboardPage() = default;

HealthDashboardPage::Chart HealthDashboardPage::addChart(const QString &title, const QString &unit,
                                                         const QList<Series> &series, double scale)
{
    QStringList names;
    for (const Series s : series)
        names.append(InfoSample::name(s));
    QCustomPlot *plot = TimeChart::create(this, title, unit, names);
    plot->setMinimumSize(280, 160);
    plot->axisRect()->setRangeDrag(Qt::Horizontal);
    plot->axisRect()->setRangeZoom(Qt::Horizontal);
    const Chart chart{plot, series, scale};
    connect(plot, &QCustomPlot::mouseMove, this,
            [this, plot, chart](QMouseEvent *event) { showHover(plot, chart, event); });
    return chart;
}

void HealthDashboardPage::setInterval(int ms)
{
    int index = m_interval->findData(ms);
    if (index < 0) {
        m_interval->addItem(tr("every %1 s").arg(QLocale().toString(ms / 1000.0)), ms);
        index = m_interval->count() - 1;
    }
    m_interval->setCurrentIndex(index);
    m_poller->setInterval(ms);
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

void HealthDashboardPage::redraw()
{
    const double now = double(QDateTime::currentMSecsSinceEpoch()) / 1000.0;
    const double from = now - m_window;
    for (const Chart &chart : std::as_const(m_charts)) {
        double top = 0;
        for (int i = 0; i < chart.series.size(); ++i) {
            const TimeSeries &series = m_poller->series(chart.series[i]);
            QVector<QCPGraphData> points;
            for (const TimeSeries::Point &p :
                 series.envelope(from, now, std::max(50, chart.plot->axisRect()->width()))) {
                points.append({p.time, p.value / chart.scale});
                top = std::max(top, p.value / chart.scale);
            }
            chart.plot->graph(i)->data()->set(points, true);
        }
        chart.plot->xAxis->setRange(from, now);
        chart.plot->yAxis->setRange(0, top > 0 ? top * 1.15 : 1);
        chart.plot->replot(QCustomPlot::rpQueuedReplot);
    }
    if (const auto &sample = m_poller->lastSample()) {
        const QLocale locale;
        QStringList parts;
        if (sample->values[Series::OpsPerSecond])
            parts << tr("%1 ops/s").arg(locale.toString(*sample->values[Series::OpsPerSecond], 'f', 0));
        if (sample->values[Series::HitRatio])
            parts
                << tr("hit ratio %1%").arg(locale.toString(*sample->values[Series::HitRatio] * 100, 'f', 1));
        if (sample->values[Series::LatencyP99Ms])
            parts << tr("p99 %1 ms").arg(locale.toString(*sample->values[Series::LatencyP99Ms], 'f', 2));
        m_status->setText(parts.join(QStringLiteral(" — ")));
    }
    emit redrawn();
}

void HealthDashboardPage::showHover(QCustomPlot *plot, const Chart &chart, QMouseEvent *event)
{
    const double time = plot->xAxis->pixelToCoord(event->position().x());
    QStringList lines{
        QDateTime::fromMSecsSinceEpoch(qint64(time * 1000)).toString(QStringLiteral("HH:mm:ss"))};
    for (int i = 0; i < chart.series.size(); ++i) {
        const TimeSeries &series = m_poller->series(chart.series[i]);
        const qsizetype at = series.lowerBound(time);
        if (at >= series.size())
            continue;
        lines << QStringLiteral("%1: %2").arg(InfoSample::name(chart.series[i]),
                                              QLocale().toString(series.at(at).value / chart.scale, 'f', 2));
    }
    QToolTip::showText(event->globalPosition().toPoint(), lines.join(QLatin1Char('\n')), plot);
}

int HealthDashboardPage::drawnPoints(Series series) const
{
    for (const Chart &chart : m_charts) {
        const qsizetype i = chart.series.indexOf(series);
        if (i >= 0)
            return chart.plot->graph(int(i))->dataCount();
    }
    return 0;
}

void HealthDashboardPage::showChecks()
{
    m_checks->clear();
    for (const HealthAdvisor::Check &check : m_advisor->checks()) {
        auto *item = new QTreeWidgetItem(m_checks, {check.title, statusText(check.status)});
        item->setForeground(1, statusColour(check.status));
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
    // One row per sample time, one column per series; empty where a series had no value.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    QByteArray header = "time";
    QMap<double, QVector<QByteArray>> rows;
    for (int s = 0; s < InfoSample::SeriesCount; ++s) {
        header += ',' + InfoSample::name(Series(s)).toUtf8().replace(',', ' ');
        const TimeSeries &series = m_poller->series(Series(s));
        for (qsizetype i = 0; i < series.size(); ++i) {
            QVector<QByteArray> &row = rows[series.at(i).time];
            row.resize(InfoSample::SeriesCount);
            row[s] = QByteArray::number(series.at(i).value, 'g', 12);
        }
    }
    file.write(header + "\r\n");
    for (auto it = rows.cbegin(); it != rows.cend(); ++it) {
        QByteArray line = QDateTime::fromMSecsSinceEpoch(qint64(it.key() * 1000), Qt::UTC)
                              .toString(Qt::ISODateWithMs)
                              .toLatin1();
        for (const QByteArray &value : it.value())
            line += ',' + value;
        file.write(line + "\r\n");
    }
    return file.commit();
}

bool HealthDashboardPage::exportPng(const QString &path)
{
    return grab().save(path, "PNG");
}
