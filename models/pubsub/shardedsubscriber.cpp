#include "shardedsubscriber.h"

#include "clusterslot.h"

#include <algorithm>
#include <QTimer>

using Kind = PubSubMessage::Kind;

ShardedSubscriber::ShardedSubscriber(Session *client, qsizetype capacity, QObject *parent)
    : QObject(parent), m_client(client), m_capacity(capacity), m_retryTimer(new QTimer(this))
{
    m_retryTimer->setInterval(kRetryMs);
    connect(m_retryTimer, &QTimer::timeout, this, &ShardedSubscriber::retry);
    if (client) {
        connect(client, &Session::topologyChanged, this, &ShardedSubscriber::routeAll);
        connect(client, &Session::ready, this, &ShardedSubscriber::routeAll);
    }
}

ShardedSubscriber::~ShardedSubscriber() = default;

void ShardedSubscriber::subscribe(const QByteArray &channel)
{
    m_wanted.insert(channel);
    m_retryTimer->setInterval(kRetryMs);
    if (const QByteArray nodeId = m_route.value(channel); !nodeId.isEmpty()) {
        // Already routed: ask again (harmless if it is subscribed, a retry if it is not).
        if (Shard *shard = shardFor(nodeId))
            shard->subscriber->subscribe(Kind::Shard, channel);
    } else {
        route(channel);
    }
    updateRetry();
    emit subscriptionsChanged();
}

void ShardedSubscriber::unsubscribe(const QByteArray &channel)
{
    if (!m_wanted.remove(channel))
        return;
    if (const QByteArray nodeId = m_route.take(channel); !nodeId.isEmpty())
        detach(channel, nodeId);
    updateRetry();
    emit subscriptionsChanged();
}

QList<QByteArray> ShardedSubscriber::channels() const
{
    QList<QByteArray> list = m_wanted.values();
    std::sort(list.begin(), list.end());
    return list;
}

bool ShardedSubscriber::isConfirmed(const QByteArray &channel) const
{
    const auto it = m_shards.find(m_route.value(channel));
    return it != m_shards.end() && it->second.subscriber->subscriptions(Kind::Shard).contains(channel);
}

QList<QByteArray> ShardedSubscriber::subscriptions() const
{
    QList<QByteArray> list;
    for (const QByteArray &channel : m_wanted) {
        if (isConfirmed(channel))
            list.append(channel);
    }
    std::sort(list.begin(), list.end());
    return list;
}

QByteArray ShardedSubscriber::nodeIdOf(const QByteArray &channel) const
{
    return m_route.value(channel);
}

QString ShardedSubscriber::endpointOf(const QByteArray &channel) const
{
    const auto it = m_shards.find(m_route.value(channel));
    return it == m_shards.end() ? QString() : it->second.endpoint;
}

QStringList ShardedSubscriber::endpoints() const
{
    QStringList list;
    for (const auto &[id, shard] : m_shards)
        list.append(shard.endpoint);
    std::sort(list.begin(), list.end());
    return list;
}

PubSubSubscriber *ShardedSubscriber::subscriberFor(const QByteArray &nodeId) const
{
    const auto it = m_shards.find(nodeId);
    return it == m_shards.end() ? nullptr : it->second.subscriber;
}

QString ShardedSubscriber::problemText() const
{
    QStringList lines;
    int unrouted = 0;
    for (const QByteArray &channel : m_wanted) {
        if (m_route.value(channel).isEmpty())
            ++unrouted;
    }
    if (unrouted > 0)
        lines.append(
            tr("%n shard channel(s) wait for the cluster map to name their master.", nullptr, unrouted));
    for (const auto &[id, shard] : m_shards) {
        const PubSubSubscriber *subscriber = shard.subscriber;
        const RedisConnection::State state = subscriber->state();
        if (state == RedisConnection::State::WaitingToReconnect ||
            state == RedisConnection::State::Disconnected)
            lines.append(tr("Shard subscriber on %1 is not connected.").arg(shard.endpoint));
        // An error is stale once every channel of the shard is confirmed (a MOVED during a failover).
        const bool allConfirmed =
            std::all_of(shard.channels.cbegin(), shard.channels.cend(), [subscriber](const QByteArray &c) {
                return subscriber->subscriptions(Kind::Shard).contains(c);
            });
        if (!subscriber->errorText().isEmpty() && !allConfirmed)
            lines.append(tr("%1: %2").arg(shard.endpoint, subscriber->errorText()));
    }
    return lines.join(QLatin1Char(' '));
}

// ---- routing ----

void ShardedSubscriber::route(const QByteArray &channel)
{
    if (!m_wanted.contains(channel))
        return;
    const std::optional<ClusterNode> master = m_client && m_client->isReady()
                                                  ? m_client->masterForSlot(ClusterSlot::slotOf(channel))
                                                  : std::nullopt;
    const QByteArray target = master ? master->id : QByteArray();
    const QByteArray current = m_route.value(channel);
    if (target.isEmpty() || target == current)
        return; // no master known: stay where it is (or unrouted) until the map says more
    QString from;
    if (!current.isEmpty()) {
        from = endpointOf(channel);
        detach(channel, current);
    }
    Shard *shard = shardFor(target);
    if (!shard) {
        m_route.remove(channel);
        return;
    }
    m_route.insert(channel, target);
    shard->channels.insert(channel);
    shard->subscriber->subscribe(Kind::Shard, channel);
    if (!from.isEmpty())
        emit channelMoved(channel, from, shard->endpoint);
}

void ShardedSubscriber::routeAll()
{
    m_retryTimer->setInterval(kRetryMs);
    const QList<QByteArray> wanted = m_wanted.values();
    for (const QByteArray &channel : wanted)
        route(channel);
    updateRetry();
    emit subscriptionsChanged();
}

void ShardedSubscriber::detach(const QByteArray &channel, const QByteArray &nodeId)
{
    const auto it = m_shards.find(nodeId);
    if (it == m_shards.end())
        return;
    Shard &shard = it->second;
    shard.channels.remove(channel);
    if (!shard.channels.isEmpty()) {
        shard.subscriber->unsubscribe(Kind::Shard, channel);
        return;
    }
    // Its last channel: close the connection. Later, because this may run inside one of its signals.
    PubSubSubscriber *subscriber = shard.subscriber;
    m_shards.erase(it);
    subscriber->disconnect(this);
    subscriber->deleteLater();
}

ShardedSubscriber::Shard *ShardedSubscriber::shardFor(const QByteArray &nodeId)
{
    if (const auto it = m_shards.find(nodeId); it != m_shards.end())
        return &it->second;
    if (!m_client)
        return nullptr;
    const std::optional<ConnectionConfig> config = m_client->configForNode(nodeId);
    if (!config)
        return nullptr;
    auto *subscriber = new PubSubSubscriber(*config, m_capacity, this);
    Shard &shard = m_shards[nodeId];
    shard.endpoint = config->endpoint();
    shard.subscriber = subscriber;
    connect(subscriber, &PubSubSubscriber::messagesReceived, this, &ShardedSubscriber::messagesReceived);
    connect(subscriber, &PubSubSubscriber::subscriptionConfirmed, this,
            [this, nodeId](Kind kind, const QByteArray &name, bool subscribed) {
                if (kind == Kind::Shard)
                    onConfirmed(nodeId, name, subscribed);
            });
    const auto changed = [this] {
        updateRetry();
        emit subscriptionsChanged();
    };
    connect(subscriber, &PubSubSubscriber::subscriptionsChanged, this, changed);
    connect(subscriber, &PubSubSubscriber::stateChanged, this, changed);
    connect(subscriber, &PubSubSubscriber::errorChanged, this, changed);
    subscriber->open();
    return &shard;
}

void ShardedSubscriber::onConfirmed(const QByteArray &nodeId, const QByteArray &channel, bool subscribed)
{
    if (subscribed || m_route.value(channel) != nodeId)
        return;
    // The node dropped a channel we still want there: it lost the slot (failover, migration). Follow
    // the map if it already knows the new master, else reload it (retry() keeps trying).
    route(channel);
    if (m_client)
        m_client->refreshTopology();
    updateRetry();
}

void ShardedSubscriber::retry()
{
    if (m_client)
        m_client->refreshTopology(); // topologyChanged routes again if the map moved
    for (const QByteArray &channel : std::as_const(m_wanted)) {
        const QByteArray nodeId = m_route.value(channel);
        if (nodeId.isEmpty()) {
            route(channel);
            continue;
        }
        const auto it = m_shards.find(nodeId);
        if (it != m_shards.end() && it->second.subscriber->state() == RedisConnection::State::Ready &&
            !it->second.subscriber->subscriptions(Kind::Shard).contains(channel))
            it->second.subscriber->subscribe(Kind::Shard, channel);
    }
    // Backing off: a channel that is refused for good must not reload the map every second for ever.
    m_retryTimer->setInterval(std::min(kMaxRetryMs, 2 * m_retryTimer->interval()));
    updateRetry();
}

int ShardedSubscriber::retryInterval() const
{
    return m_retryTimer->interval();
}

void ShardedSubscriber::updateRetry()
{
    const bool pending = std::any_of(m_wanted.cbegin(), m_wanted.cend(),
                                     [this](const QByteArray &channel) { return !isConfirmed(channel); });
    if (pending && !m_retryTimer->isActive())
        m_retryTimer->start();
    else if (!pending)
        m_retryTimer->stop();
}
