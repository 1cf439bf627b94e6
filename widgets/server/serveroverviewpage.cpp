#include "serveroverviewpage.h"

#include "chartreader.h"
#include "plotpalette.h"
#include "redisconnection.h"
#include "widgetstyle.h"

#include <algorithm>
#include <qcustomplot.h>
#include <QDateTime>
#include <QFrame>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QSet>
#include <QSplitter>
#include <QTableWidget>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace {
constexpr double chartWindowSeconds = 300;
constexpr double chartMinimumSeconds = 60;

QString dash()
{
    return QStringLiteral("\u2014");
}

QTableWidgetItem *numberItem(qint64 value)
{
    auto *item = new QTableWidgetItem;
    item->setData(Qt::DisplayRole, QVariant::fromValue<qlonglong>(value));
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

double maxValue(const QCPGraph *graph)
{
    double result = 0;
    for (auto it = graph->data()->constBegin(); it != graph->data()->constEnd(); ++it)
        result = std::max(result, it->value);
    return result;
}
} // namespace

ServerOverviewPage::ServerOverviewPage(Session *session, QWidget *parent)
    : SessionPage(session, parent), m_timer(new QTimer(this))
{
    setObjectName(QStringLiteral("serverOverviewPage"));
    auto *layout = new QVBoxLayout(this);

    m_title = WidgetStyle::plainLabel(this, {}, WidgetStyle::Wrap::None);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    const ConnectionConfig &config = session->profile();
    const QString endpoint = config.usesSentinel()
                                 ? config.sentinelMaster
                                 : QStringLiteral("%1, db%2").arg(config.endpoint()).arg(config.db);
    m_title->setText(config.name.isEmpty() ? endpoint : tr("%1 \u2014 %2").arg(config.name, endpoint));
    layout->addWidget(m_title);

    m_banner = WidgetStyle::plainLabel(this);
    m_banner->setObjectName(QStringLiteral("overviewBanner"));
    // A tint of the error colour behind it: readable on a light and on a dark window.
    const QColor error = WidgetStyle::errorColour(palette());
    m_banner->setStyleSheet(
        QStringLiteral("QLabel { background: rgba(%1, %2, %3, 31); color: %4; border: 1px solid rgba(%1, %2, "
                       "%3, 102); padding: 6px; }")
            .arg(error.red())
            .arg(error.green())
            .arg(error.blue())
            .arg(error.name()));
    m_banner->hide();
    layout->addWidget(m_banner);

    m_content = new QWidget(this);
    auto *contentLayout = new QVBoxLayout(m_content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    auto *grid = new QGridLayout;
    grid->setSpacing(8);
    m_version = addTile(grid, 0, 0, tr("Version"));
    m_mode = addTile(grid, 0, 1, tr("Mode"));
    m_role = addTile(grid, 0, 2, tr("Role"));
    m_uptime = addTile(grid, 0, 3, tr("Uptime"));
    m_memory = addTile(grid, 1, 0, tr("Memory used"));
    m_clients = addTile(grid, 1, 1, tr("Connected clients"));
    m_ops = addTile(grid, 1, 2, tr("Operations per second"));
    m_hitRatio = addTile(grid, 1, 3, tr("Keyspace hit ratio"));
    m_memoryBar = new QProgressBar(m_memory->parentWidget());
    m_memoryBar->setRange(0, 1000);
    m_memoryBar->setTextVisible(false);
    m_memoryBar->setMaximumHeight(6);
    m_memoryBar->hide();
    m_memory->parentWidget()->layout()->addWidget(m_memoryBar);
    contentLayout->addLayout(grid);

    auto *splitter = new QSplitter(Qt::Vertical, m_content);
    m_plot = new QCustomPlot(splitter);
    ChartReader::attach(m_plot, tr("Operations per second"));
    m_plot->setObjectName(QStringLiteral("overviewChart"));
    m_plot->setMinimumHeight(200);
    m_plot->setNoAntialiasingOnDrag(true);
    m_plot->setPlottingHint(QCP::phFastPolylines, true);
    auto ticker = QSharedPointer<QCPAxisTickerDateTime>::create();
    ticker->setDateTimeFormat(QStringLiteral("HH:mm:ss"));
    ticker->setTickCount(6);
    m_plot->xAxis->setTicker(ticker);
    m_plot->yAxis->setLabel(tr("Operations per second"));
    m_plot->yAxis2->setLabel(tr("Memory used (MiB)"));
    m_plot->yAxis2->setVisible(true);
    m_opsGraph = m_plot->addGraph(m_plot->xAxis, m_plot->yAxis);
    m_opsGraph->setName(tr("Operations per second"));
    m_opsGraph->setPen(QPen(QColor(0x1f, 0x77, 0xb4), 2));
    m_opsGraph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 5));
    m_memoryGraph = m_plot->addGraph(m_plot->xAxis, m_plot->yAxis2);
    m_memoryGraph->setName(tr("Memory used"));
    m_memoryGraph->setPen(QPen(QColor(0xe6, 0x7e, 0x22), 2));
    m_memoryGraph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 5));
    m_plot->legend->setVisible(true);
    QFont legendFont = m_plot->legend->font();
    legendFont.setPointSizeF(legendFont.pointSizeF() * 0.9);
    m_plot->legend->setFont(legendFont);
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
    PlotPalette::follow(m_plot);
    splitter->addWidget(m_plot);

    auto *tables = new QSplitter(Qt::Horizontal, splitter);
    m_keyspace = new QTableWidget(0, 4, tables);
    WidgetStyle::setAccessible(m_keyspace, tr("Keyspace by database"));
    m_keyspace->setObjectName(QStringLiteral("keyspaceTable"));
    m_keyspace->setHorizontalHeaderLabels({tr("Database"), tr("Keys"), tr("With expiry"), tr("Average TTL")});
    m_keyspace->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_keyspace->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_keyspace->verticalHeader()->hide();
    m_keyspace->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    tables->addWidget(m_keyspace);
    m_details = new QTreeWidget(tables);
    WidgetStyle::setAccessible(m_details, tr("INFO fields by section"));
    m_details->setObjectName(QStringLiteral("infoTree"));
    m_details->setHeaderLabels({tr("INFO field"), tr("Value")});
    m_details->setUniformRowHeights(true);
    m_details->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    tables->addWidget(m_details);
    tables->setSizes({1000, 1000});
    splitter->addWidget(tables);
    splitter->setSizes({1000, 1000});
    contentLayout->addWidget(splitter, 1);
    layout->addWidget(m_content, 1);

    for (QLabel *label : {m_version, m_mode, m_role, m_uptime, m_memory, m_clients, m_ops, m_hitRatio})
        label->setText(dash());

    m_timer->setInterval(pollIntervalMs);
    connect(m_timer, &QTimer::timeout, this, &ServerOverviewPage::refresh);
    connect(session, &Session::stateChanged, this, &ServerOverviewPage::onStateChanged);
    connect(session, &Session::ready, this, &ServerOverviewPage::onStateChanged);
    connect(session, &Session::errorOccurred, this, &ServerOverviewPage::onError);
    m_timer->start();
    onStateChanged();
}

QLabel *ServerOverviewPage::addTile(QGridLayout *grid, int row, int column, const QString &caption)
{
    auto *tile = new QFrame(m_content);
    tile->setFrameShape(QFrame::StyledPanel);
    tile->setMinimumWidth(150);
    auto *layout = new QVBoxLayout(tile);
    auto *captionLabel = new QLabel(caption, tile);
    captionLabel->setTextFormat(Qt::PlainText);
    captionLabel->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(captionLabel);
    QLabel *value = WidgetStyle::plainLabel(tile, {}, WidgetStyle::Wrap::None);
    QFont font = value->font();
    font.setPointSizeF(font.pointSizeF() * 1.3);
    font.setBold(true);
    value->setFont(font);
    layout->addWidget(value);
    grid->addWidget(tile, row, column);
    return value;
}

QString ServerOverviewPage::title() const
{
    return tr("Overview");
}

void ServerOverviewPage::refresh()
{
    if (!session() || !session()->isReady() || m_inFlight)
        return;
    m_inFlight = true;
    session()->commandOn(session()->defaultNodeId(), {"INFO"}, this, [this](const RedisReply &reply) {
        m_inFlight = false;
        if (reply.isError()) {
            showBanner(tr("INFO failed: %1").arg(reply.errorMessage()));
            return;
        }
        showInfo(ServerInfo::parse(reply.bytes()));
    });
}

void ServerOverviewPage::onStateChanged()
{
    if (!session())
        return;
    const QString endpoint = session()->serverConfig().endpoint();
    const ConnectionError error = session()->lastError();
    switch (session()->state()) {
    case Session::State::Ready:
        showBanner({});
        refresh();
        break;
    case Session::State::Connecting:
        if (!error.isError())
            showBanner(tr("Connecting to %1\u2026").arg(endpoint));
        break;
    case Session::State::Reconnecting:
    case Session::State::Failed:
    case Session::State::Closed:
        showBanner(error.isError() ? error.message : tr("Not connected to %1.").arg(endpoint));
        break;
    }
}

void ServerOverviewPage::onError(const ConnectionError &error)
{
    showBanner(error.message);
}

void ServerOverviewPage::showBanner(const QString &text)
{
    m_banner->setText(text);
    m_banner->setVisible(!text.isEmpty());
    m_content->setEnabled(text.isEmpty());
}

void ServerOverviewPage::showInfo(const ServerInfo &info)
{
    m_info = info;
    showBanner({});
    const QLocale locale;
    const auto number = [&locale](std::optional<qint64> value) {
        return value ? locale.toString(*value) : dash();
    };
    m_version->setText(info.version().isEmpty() ? dash() : info.version());
    m_mode->setText(info.mode().isEmpty() ? dash() : info.modeText());
    m_role->setText(info.role().isEmpty() ? dash() : info.roleText());
    const auto uptime = info.uptimeSeconds();
    m_uptime->setText(uptime ? ServerInfo::formatDuration(*uptime) : dash());

    const auto used = info.usedMemory();
    const auto max = info.maxMemory();
    if (!used) {
        m_memory->setText(dash());
        m_memoryBar->hide();
    } else if (max && *max > 0) {
        m_memory->setText(
            tr("%1 of %2").arg(locale.formattedDataSize(*used), locale.formattedDataSize(*max)));
        m_memoryBar->setValue(int(std::min<qint64>(1000, *used * 1000 / *max)));
        m_memoryBar->show();
    } else {
        m_memory->setText(tr("%1 (no limit)").arg(locale.formattedDataSize(*used)));
        m_memoryBar->hide();
    }
    m_clients->setText(number(info.connectedClients()));
    m_ops->setText(number(info.opsPerSecond()));
    const auto ratio = info.hitRatio();
    m_hitRatio->setText(ratio ? tr("%1 %").arg(locale.toString(*ratio * 100, 'f', 1)) : dash());

    const auto keyspace = info.keyspace();
    m_keyspace->setRowCount(int(keyspace.size()));
    for (int row = 0; row < keyspace.size(); ++row) {
        const auto &entry = keyspace[row];
        m_keyspace->setItem(row, 0, new QTableWidgetItem(QStringLiteral("db%1").arg(entry.db)));
        m_keyspace->setItem(row, 1, numberItem(entry.keys));
        m_keyspace->setItem(row, 2, numberItem(entry.expires));
        auto *ttl = new QTableWidgetItem(
            entry.avgTtlMs > 0 ? ServerInfo::formatDuration(entry.avgTtlMs / 1000) : dash());
        ttl->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_keyspace->setItem(row, 3, ttl);
    }

    updateDetails(info);
    updateChart(info);
    emit infoUpdated(m_info);
}

void ServerOverviewPage::updateChart(const ServerInfo &info)
{
    const double now = double(QDateTime::currentMSecsSinceEpoch()) / 1000.0;
    if (const auto ops = info.opsPerSecond())
        m_opsGraph->addData(now, double(*ops));
    if (const auto used = info.usedMemory())
        m_memoryGraph->addData(now, double(*used) / (1024.0 * 1024.0));
    for (QCPGraph *graph : {m_opsGraph, m_memoryGraph})
        graph->data()->removeBefore(now - chartWindowSeconds);
    // Grow from one minute to the whole window, so the first samples do not hug the right edge.
    const double first = m_opsGraph->data()->isEmpty() ? now : m_opsGraph->data()->constBegin()->key;
    const double start = std::min(first, now - chartMinimumSeconds);
    // A little room on the right, so the newest sample is not cut in half by the axis.
    m_plot->xAxis->setRange(start, now + (now - start) * 0.02);
    m_plot->yAxis->setRange(0, std::max(10.0, maxValue(m_opsGraph) * 1.2));
    m_plot->yAxis2->setRange(0, std::max(1.0, maxValue(m_memoryGraph) * 1.2));
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void ServerOverviewPage::updateDetails(const ServerInfo &info)
{
    // Same sections and fields as last time (the usual case): update the values in place, so
    // expansion, selection and scrolling survive the poll.
    const auto &sections = info.sections();
    bool sameShape = m_details->topLevelItemCount() == sections.size();
    for (int i = 0; sameShape && i < sections.size(); ++i) {
        const QTreeWidgetItem *sectionItem = m_details->topLevelItem(i);
        sameShape = sectionItem->text(0) == sections[i].name &&
                    sectionItem->childCount() == sections[i].fields.size();
        for (int j = 0; sameShape && j < sections[i].fields.size(); ++j)
            sameShape = sectionItem->child(j)->text(0) == sections[i].fields[j].key;
    }
    if (sameShape) {
        for (int i = 0; i < sections.size(); ++i) {
            QTreeWidgetItem *sectionItem = m_details->topLevelItem(i);
            for (int j = 0; j < sections[i].fields.size(); ++j)
                sectionItem->child(j)->setText(1, sections[i].fields[j].value);
        }
        return;
    }
    // The first time, open the section people look for first.
    QSet<QString> expanded;
    if (m_details->topLevelItemCount() == 0)
        expanded.insert(QStringLiteral("Server"));
    for (int i = 0; i < m_details->topLevelItemCount(); ++i) {
        if (m_details->topLevelItem(i)->isExpanded())
            expanded.insert(m_details->topLevelItem(i)->text(0));
    }
    m_details->clear();
    for (const ServerInfo::Section &section : sections) {
        auto *sectionItem = new QTreeWidgetItem(m_details, {section.name});
        for (const ServerInfo::Field &field : section.fields)
            new QTreeWidgetItem(sectionItem, {field.key, field.value});
        sectionItem->setExpanded(expanded.contains(section.name));
    }
}
