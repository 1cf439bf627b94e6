#include "pubsubpage.h"

#include "appsettings.h"
#include "bytesescaper.h"
#include "channelgroupmodel.h"
#include "clusterslot.h"
#include "pubsubdetailspanel.h"
#include "pubsubmessagemodel.h"
#include "pubsuboverviewpanel.h"
#include "pubsubpublishpanel.h"
#include "pubsubrateplot.h"
#include "pubsubsubscriber.h"
#include "redisconnection.h"
#include "shardedsubscriber.h"
#include "widgetstyle.h"

#include <memory>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QFileDialog>
#include <QFutureWatcher>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMenu>
#include <QPromise>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollBar>
#include <QShortcut>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QTabWidget>
#include <QThreadPool>
#include <QToolButton>
#include <QVBoxLayout>

using Kind = PubSubMessage::Kind;

namespace {

QString kindPrefix(Kind kind)
{
    switch (kind) {
    case Kind::Channel:
        return QStringLiteral("SUBSCRIBE ");
    case Kind::Pattern:
        return QStringLiteral("PSUBSCRIBE ");
    case Kind::Shard:
        return QStringLiteral("SSUBSCRIBE ");
    }
    return {};
}

} // namespace

PubSubPage::PubSubPage(Session *session, QWidget *parent)
    : SessionPage(session, parent),
      m_messages(new PubSubMessageModel(PubSubMessageModel::kDefaultCapacity, this)),
      m_filtered(new QSortFilterProxyModel(this)), m_groups(new ChannelGroupModel(this))
{
    auto *layout = new QHBoxLayout(this);
    auto *split = new QSplitter(Qt::Horizontal, this);
    layout->addWidget(split);

    // Left: subscriptions, messages, details.
    auto *left = new QWidget(split);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    auto *subscribeRow = new QHBoxLayout;
    m_kind = new QComboBox(left);
    m_kind->addItem(tr("Channel"), int(Kind::Channel));
    m_kind->addItem(tr("Pattern"), int(Kind::Pattern));
    m_kind->addItem(tr("Shard channel"), int(Kind::Shard));
    m_kind->setToolTip(tr("SUBSCRIBE, PSUBSCRIBE or SSUBSCRIBE (Redis 7 and later)"));
    m_name = new QLineEdit(left);
    WidgetStyle::setAccessible(m_name, tr("Channel or pattern to subscribe to"));
    m_name->setObjectName(QStringLiteral("subscribeName"));
    m_name->setPlaceholderText(tr("batch:123, socket.io#/#*, …"));
    auto *subscribeButton = new QPushButton(tr("Subscribe"), left);
    subscribeRow->addWidget(m_kind);
    subscribeRow->addWidget(m_name, 1);
    subscribeRow->addWidget(subscribeButton);
    leftLayout->addLayout(subscribeRow);
    auto *subscriptionsRow = new QHBoxLayout;
    m_subscriptions = new QListWidget(left);
    WidgetStyle::setAccessible(m_subscriptions, tr("Subscriptions"));
    m_subscriptions->setMaximumHeight(90);
    auto *unsubscribe = new QPushButton(tr("Unsubscribe"), left);
    subscriptionsRow->addWidget(m_subscriptions, 1);
    auto *subscriptionsSide = new QVBoxLayout;
    subscriptionsSide->addWidget(unsubscribe);
    m_subscriberState =
        WidgetStyle::plainLabel(left, tr("No subscriber connection yet."), WidgetStyle::Wrap::None);
    m_subscriberState->setWordWrap(true);
    subscriptionsSide->addWidget(m_subscriberState, 1);
    subscriptionsRow->addLayout(subscriptionsSide, 1);
    leftLayout->addLayout(subscriptionsRow);

    auto *messageBar = new QHBoxLayout;
    m_filter = new QLineEdit(left);
    m_filter->setPlaceholderText(tr("Filter messages (channel or payload text)"));
    m_filter->setClearButtonEnabled(true);
    WidgetStyle::setAccessible(m_filter, tr("Message filter"));
    m_pause = new QCheckBox(tr("Pause"), left);
    m_capacity = new QSpinBox(left);
    WidgetStyle::setAccessible(m_capacity, tr("Messages kept in the buffer"));
    m_capacity->setRange(1000, 10'000'000);
    m_capacity->setSingleStep(10'000);
    m_capacity->setValue(int(m_messages->capacity()));
    m_capacity->setPrefix(tr("keep "));
    m_capacity->setToolTip(tr("How many messages the buffer keeps; older ones are dropped and counted"));
    auto *clear = new QPushButton(tr("Clear"), left);
    auto *exportButton = new QToolButton(left);
    exportButton->setText(tr("Export"));
    exportButton->setPopupMode(QToolButton::InstantPopup);
    auto *exportMenu = new QMenu(exportButton);
    QAction *csv = exportMenu->addAction(tr("CSV…"));
    QAction *jsonl = exportMenu->addAction(tr("JSON Lines…"));
    exportButton->setMenu(exportMenu);
    messageBar->addWidget(m_filter, 1);
    messageBar->addWidget(m_pause);
    messageBar->addWidget(m_capacity);
    messageBar->addWidget(clear);
    messageBar->addWidget(exportButton);
    leftLayout->addLayout(messageBar);
    m_counters = WidgetStyle::plainLabel(left, {}, WidgetStyle::Wrap::None);
    leftLayout->addWidget(m_counters);

    auto *messagesSplit = new QSplitter(Qt::Vertical, left);
    m_filtered->setSourceModel(m_messages);
    m_filtered->setFilterKeyColumn(-1);
    m_filtered->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_view = new QTableView(messagesSplit);
    WidgetStyle::setAccessible(m_view, tr("Messages"),
                               tr("A row is one message: time, channel, pattern, payload"));
    m_view->setModel(m_filtered);
    WidgetStyle::recordTable(m_view);
    m_view->horizontalHeader()->setSectionResizeMode(PubSubMessageModel::TimeColumn,
                                                     QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setColumnWidth(PubSubMessageModel::ChannelColumn, 160);
    m_view->setColumnWidth(PubSubMessageModel::PatternColumn, 100);
    m_details = new PubSubDetailsPanel(messagesSplit);
    messagesSplit->setStretchFactor(0, 3);
    messagesSplit->setStretchFactor(1, 1);
    leftLayout->addWidget(messagesSplit, 1);

    // Right: publish, overview, latency, rates.
    auto *right = new QWidget(split);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    m_publishPanel = new PubSubPublishPanel(session, right);
    rightLayout->addWidget(m_publishPanel);

    // What the server has (PUBSUB) beside what this subscriber received, grouped by prefix.
    auto *channelTabs = new QTabWidget(right);
    m_overviewPanel = new PubSubOverviewPanel(session, channelTabs);
    channelTabs->addTab(m_overviewPanel, tr("On the server"));
    m_groupView = new QTableView(channelTabs);
    m_groupView->setModel(m_groups);
    WidgetStyle::recordTable(m_groupView);
    WidgetStyle::setAccessible(m_groupView, tr("Received messages by channel group"),
                               tr("One row per channel prefix or Socket.IO namespace and room: "
                                  "messages, messages per second, last payload"));
    m_groupView->horizontalHeader()->setStretchLastSection(true);
    m_groupView->setColumnWidth(ChannelGroupModel::GroupColumn, 150);
    channelTabs->addTab(m_groupView, tr("Received, by group"));
    rightLayout->addWidget(channelTabs, 1);

    auto *probeBox = new QGroupBox(tr("Latency (publish → subscriber)"), right);
    auto *probeLayout = new QHBoxLayout(probeBox);
    m_probeButton = new QPushButton(tr("Start probe"), probeBox);
    m_probeResult = WidgetStyle::plainLabel(
        probeBox, tr("Publishes a timestamped probe 5 times a second on its own channel."),
        WidgetStyle::Wrap::None);
    m_probeResult->setWordWrap(true);
    probeLayout->addWidget(m_probeButton);
    probeLayout->addWidget(m_probeResult, 1);
    rightLayout->addWidget(probeBox);

    m_rates = new PubSubRatePlot(right);
    rightLayout->addWidget(m_rates, 1);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);

    const auto subscribeTyped = [this] {
        const auto name = BytesEscaper::unescape(m_name->text());
        if (!name || name->isEmpty()) {
            m_subscriberState->setText(tr("Type a channel or pattern (\\xHH for any byte)."));
            return;
        }
        subscribe(Kind(m_kind->currentData().toInt()), *name);
        m_name->clear();
    };
    connect(subscribeButton, &QPushButton::clicked, this, subscribeTyped);
    connect(m_name, &QLineEdit::returnPressed, this, subscribeTyped);
    connect(unsubscribe, &QPushButton::clicked, this, [this] {
        if (QListWidgetItem *item = m_subscriptions->currentItem())
            this->unsubscribe(Kind(item->data(Qt::UserRole + 1).toInt()),
                              item->data(Qt::UserRole).toByteArray());
    });
    connect(m_filter, &QLineEdit::textChanged, this, &PubSubPage::setFilter);
    connect(m_pause, &QCheckBox::toggled, this, &PubSubPage::setPaused);
    connect(m_capacity, &QSpinBox::editingFinished, this,
            [this] { m_messages->setCapacity(m_capacity->value()); });
    auto *copy = new QShortcut(QKeySequence::Copy, m_view, nullptr, nullptr, Qt::WidgetShortcut);
    copy->setWhatsThis(tr("Copy the selected payload"));
    connect(copy, &QShortcut::activated, this, &PubSubPage::copyPayload);
    connect(clear, &QPushButton::clicked, m_messages, &PubSubMessageModel::clear);
    connect(clear, &QPushButton::clicked, m_groups, &ChannelGroupModel::clear);
    connect(m_messages, &PubSubMessageModel::countersChanged, this, &PubSubPage::updateCounters);
    connect(csv, &QAction::triggered, this, [this] {
        const QString path =
            QFileDialog::getSaveFileName(this, tr("Export messages"), QString(), tr("CSV (*.csv)"));
        if (!path.isEmpty())
            exportTo(path, false);
    });
    connect(jsonl, &QAction::triggered, this, [this] {
        const QString path =
            QFileDialog::getSaveFileName(this, tr("Export messages"), QString(), tr("JSON Lines (*.jsonl)"));
        if (!path.isEmpty())
            exportTo(path, true);
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, &PubSubPage::showDetails);
    connect(m_publishPanel, &PubSubPublishPanel::published, this, &PubSubPage::published);
    connect(m_overviewPanel, &PubSubOverviewPanel::refreshed, this, &PubSubPage::overviewRefreshed);
    connect(session, &Session::topologyChanged, this, &PubSubPage::updateSubscriptions);
    // A Sentinel failover: the subscriptions move to the new master.
    connect(session, &Session::serverChanged, this, [this] {
        if (!m_subscriber)
            return;
        QList<QPair<Kind, QByteArray>> wanted;
        for (Kind kind : {Kind::Channel, Kind::Pattern})
            for (const QByteArray &name : m_subscriber->subscriptions(kind))
                wanted.append({kind, name});
        m_probe.reset();
        m_subscriber.reset();
        for (const auto &[kind, name] : std::as_const(wanted))
            subscribe(kind, name);
        updateSubscriptions();
    });
    connect(m_probeButton, &QPushButton::clicked, this, [this] {
        if (m_probe && m_probe->isRunning()) {
            m_probe->stop();
            m_probeButton->setText(tr("Start probe"));
        } else {
            startProbe();
        }
    });
    updateCounters();
}

PubSubPage::~PubSubPage() = default;

void PubSubPage::ensureSubscriber()
{
    if (m_subscriber || !session() || !session()->connection())
        return;
    m_subscriber = std::make_unique<PubSubSubscriber>(session()->serverConfig(), m_messages->capacity());
    connect(m_subscriber.get(), &PubSubSubscriber::messagesReceived, this, &PubSubPage::onMessages);
    connect(m_subscriber.get(), &PubSubSubscriber::subscriptionsChanged, this,
            &PubSubPage::updateSubscriptions);
    connect(m_subscriber.get(), &PubSubSubscriber::stateChanged, this, &PubSubPage::updateSubscriptions);
    connect(m_subscriber.get(), &PubSubSubscriber::errorChanged, this, &PubSubPage::updateSubscriptions);
    m_subscriber->open();
    m_rates->start();
}

void PubSubPage::ensureSharded()
{
    if (m_shardSubscriber || !session())
        return;
    m_shardSubscriber = std::make_unique<ShardedSubscriber>(session(), m_messages->capacity());
    connect(m_shardSubscriber.get(), &ShardedSubscriber::messagesReceived, this, &PubSubPage::onMessages);
    connect(m_shardSubscriber.get(), &ShardedSubscriber::subscriptionsChanged, this,
            &PubSubPage::updateSubscriptions);
    m_rates->start();
}

QString PubSubPage::title() const
{
    return tr("Pub/Sub");
}

void PubSubPage::applySettings(const AppSettings &settings)
{
    setCapacity(settings.pubsubBuffer);
}

void PubSubPage::subscribe(Kind kind, const QByteArray &name)
{
    if (kind == Kind::Shard) {
        ensureSharded();
        m_shardSubscriber->subscribe(name);
        return;
    }
    ensureSubscriber();
    if (m_subscriber)
        m_subscriber->subscribe(kind, name);
}

void PubSubPage::unsubscribe(Kind kind, const QByteArray &name)
{
    if (kind == Kind::Shard && m_shardSubscriber)
        m_shardSubscriber->unsubscribe(name);
    else if (m_subscriber)
        m_subscriber->unsubscribe(kind, name);
}

void PubSubPage::publish(const QByteArray &channel, const QByteArray &payload, bool sharded, qint64 count,
                         int perSecond)
{
    m_publishPanel->publish(channel, payload, sharded, count, perSecond);
}

void PubSubPage::onMessages(const QList<PubSubMessage> &batch, qint64 dropped)
{
    QList<PubSubMessage> shown;
    shown.reserve(batch.size());
    for (const PubSubMessage &message : batch) {
        if (m_probe && m_probe->consume(message))
            continue;
        m_rates->count(message.channel);
        shown.append(message);
    }
    QScrollBar *bar = m_view->verticalScrollBar();
    const bool atBottom = bar->value() >= bar->maximum() - 2;
    m_messages->append(shown, dropped);
    m_groups->add(shown);
    if (atBottom && !m_messages->isPaused())
        m_view->scrollToBottom();
}

void PubSubPage::setCapacity(int messages)
{
    m_capacity->setValue(messages);
    m_messages->setCapacity(m_capacity->value());
}

void PubSubPage::setPaused(bool paused)
{
    if (m_pause->isChecked() != paused)
        m_pause->setChecked(paused);
    m_messages->setPaused(paused);
}

void PubSubPage::setFilter(const QString &text)
{
    if (m_filter->text() != text)
        m_filter->setText(text);
    m_filtered->setFilterFixedString(text);
}

QString PubSubPage::countersText() const
{
    return m_counters->text();
}

void PubSubPage::updateCounters()
{
    const QLocale locale;
    QString text =
        tr("Received %1 — in the buffer %2 of %3 — dropped %4")
            .arg(locale.toString(m_messages->receivedCount()), locale.toString(m_messages->rowCount()),
                 locale.toString(m_messages->capacity()), locale.toString(m_messages->droppedCount()));
    if (m_messages->isPaused())
        text += tr(" — paused, %1 waiting").arg(locale.toString(m_messages->heldCount()));
    m_counters->setText(text);
}

QStringList PubSubPage::subscriptionTexts() const
{
    QStringList texts;
    for (int i = 0; i < m_subscriptions->count(); ++i)
        texts.append(m_subscriptions->item(i)->text());
    return texts;
}

void PubSubPage::updateSubscriptions()
{
    if (!m_subscriber && !m_shardSubscriber)
        return;
    m_subscriptions->clear();
    for (const Kind kind : {Kind::Channel, Kind::Pattern, Kind::Shard}) {
        if (!m_subscriber || (kind == Kind::Shard && m_shardSubscriber))
            continue;
        for (const QByteArray &name : m_subscriber->subscriptions(kind)) {
            if (m_probe && name == m_probe->channel())
                continue;
            auto *item = new QListWidgetItem(kindPrefix(kind) + BytesEscaper::escape(name), m_subscriptions);
            item->setData(Qt::UserRole, name);
            item->setData(Qt::UserRole + 1, int(kind));
        }
    }
    QStringList lines;
    if (m_shardSubscriber) {
        // Every shard channel asked for, with the master it is on (or on its way to).
        int confirmed = 0;
        const QList<QByteArray> channels = m_shardSubscriber->channels();
        for (const QByteArray &name : channels) {
            const QString text = kindPrefix(Kind::Shard) + BytesEscaper::escape(name);
            const QString endpoint = m_shardSubscriber->endpointOf(name);
            QString shown;
            if (m_shardSubscriber->isConfirmed(name)) {
                ++confirmed;
                shown = tr("%1 — on %2").arg(text, endpoint);
            } else if (!endpoint.isEmpty()) {
                shown = tr("%1 — subscribing on %2…").arg(text, endpoint);
            } else {
                shown = tr("%1 — waiting for the cluster map…").arg(text);
            }
            auto *item = new QListWidgetItem(shown, m_subscriptions);
            item->setToolTip(tr("Hash slot %1, master %2")
                                 .arg(ClusterSlot::slotOf(name))
                                 .arg(QString::fromLatin1(m_shardSubscriber->nodeIdOf(name))));
            item->setData(Qt::UserRole, name);
            item->setData(Qt::UserRole + 1, int(Kind::Shard));
        }
        if (!channels.isEmpty()) {
            lines.append(tr("Shard channels: %1 of %2 subscribed, on %n master(s).", nullptr,
                            m_shardSubscriber->subscriberCount())
                             .arg(confirmed)
                             .arg(channels.size()));
        }
        if (const QString problems = m_shardSubscriber->problemText(); !problems.isEmpty())
            lines.append(problems);
    }
    if (!m_subscriber) {
        m_subscriberState->setText(lines.join(QLatin1Char(' ')));
        return;
    }
    QString state = tr("Subscriber: %1").arg(RedisConnection::stateText(m_subscriber->state()));
    if (!m_subscriber->errorText().isEmpty())
        state += QLatin1Char(' ') + m_subscriber->errorText();
    lines.prepend(state);
    m_subscriberState->setText(lines.join(QLatin1Char(' ')));
}

QString PubSubPage::detailsText() const
{
    return m_details->text();
}

void PubSubPage::showDetails()
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid()) {
        m_details->clear();
        return;
    }
    // In a cluster, where a shard channel lives.
    QString note;
    const QByteArray channel = current.data(PubSubMessageModel::ChannelBytesRole).toByteArray();
    if (m_shardSubscriber && !m_shardSubscriber->endpointOf(channel).isEmpty()) {
        note = tr("Shard channel %1: hash slot %2 on %3")
                   .arg(BytesEscaper::escape(channel))
                   .arg(ClusterSlot::slotOf(channel))
                   .arg(m_shardSubscriber->endpointOf(channel));
    }
    m_details->showPayload(current.data(PubSubMessageModel::PayloadBytesRole).toByteArray(), note);
}

void PubSubPage::copyPayload()
{
    const QModelIndex current = m_view->currentIndex();
    if (current.isValid())
        QGuiApplication::clipboard()->setText(
            BytesEscaper::readable(current.data(PubSubMessageModel::PayloadBytesRole).toByteArray(), true));
}

QString PubSubPage::publishText() const
{
    return m_publishPanel->resultText();
}

void PubSubPage::refreshOverview()
{
    m_overviewPanel->refresh();
}

void PubSubPage::startProbe(int intervalMs)
{
    ensureSubscriber();
    if (!m_subscriber || !session() || !session()->connection())
        return;
    if (!m_probe) {
        m_probe = std::make_unique<LatencyProbe>(session()->connection(), m_subscriber.get());
        connect(m_probe.get(), &LatencyProbe::statsChanged, this, [this] {
            const LatencyProbe::Stats s = m_probe->stats();
            if (s.samples == 0)
                return;
            m_probeResult->setText(tr("p50 %1 ms — p95 %2 ms — p99 %3 ms (last %4 probes)")
                                       .arg(s.p50, 0, 'f', 2)
                                       .arg(s.p95, 0, 'f', 2)
                                       .arg(s.p99, 0, 'f', 2)
                                       .arg(s.samples));
        });
    }
    m_probe->start(intervalMs);
    m_probeButton->setText(tr("Stop probe"));
}

QString PubSubPage::probeText() const
{
    return m_probeResult->text();
}

bool PubSubPage::exportTo(const QString &path, bool jsonLines)
{
    // Written on the thread pool from a snapshot (the bytes are shared, not copied).
    const QList<PubSubMessage> snapshot = m_messages->snapshot();
    auto promise = std::make_shared<QPromise<QString>>();
    auto *watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, path, count = snapshot.size()] {
        watcher->deleteLater();
        const QString error = watcher->future().result();
        m_counters->setText(
            error.isEmpty() ? tr("Exported %1 messages to %2").arg(QLocale().toString(count), path) : error);
    });
    watcher->setFuture(promise->future());
    QThreadPool::globalInstance()->start([promise, snapshot, path, jsonLines] {
        promise->start();
        QSaveFile file(path);
        QString error;
        if (!file.open(QIODevice::WriteOnly) ||
            !(jsonLines ? PubSubMessageModel::writeJsonLines(file, snapshot)
                        : PubSubMessageModel::writeCsv(file, snapshot)) ||
            !file.commit())
            error = tr("Cannot write %1: %2").arg(path, file.errorString());
        promise->addResult(error);
        promise->finish();
    });
    return true;
}

QTableWidget *PubSubPage::overview() const
{
    return m_overviewPanel->table();
}
