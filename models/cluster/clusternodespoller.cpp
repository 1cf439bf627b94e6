#include "clusternodespoller.h"

#include "clusterclient.h"
#include "redisconnection.h"

#include <algorithm>
#include <QTimer>

ClusterNodesPoller::ClusterNodesPoller(ClusterClient *client, QObject *parent)
    : QObject(parent), m_client(client), m_timer(new QTimer(this)), m_gapTimer(new QTimer(this))
{
    m_timer->setInterval(kMinIntervalMs);
    connect(m_timer, &QTimer::timeout, this, &ClusterNodesPoller::poll);
    m_gapTimer->setSingleShot(true);
    connect(m_gapTimer, &QTimer::timeout, this, &ClusterNodesPoller::poll);
    connect(client, &ClusterClient::topologyChanged, this, [this] {
        if (isRunning())
            pollSoon();
    });
}

void ClusterNodesPoller::setInterval(int ms)
{
    m_timer->setInterval(std::max(ms, kMinIntervalMs));
}

int ClusterNodesPoller::interval() const
{
    return m_timer->interval();
}

bool ClusterNodesPoller::isRunning() const
{
    return m_timer->isActive();
}

void ClusterNodesPoller::start()
{
    m_timer->start();
    poll();
}

void ClusterNodesPoller::stop()
{
    ++m_generation;
    m_inFlight = false;
    m_timer->stop();
    m_gapTimer->stop();
    m_watchStarted.invalidate();
    m_unsettled = false;
}

void ClusterNodesPoller::pollSoon()
{
    if (m_inFlight || m_gapTimer->isActive())
        return;
    const qint64 since = m_sincePoll.isValid() ? m_sincePoll.elapsed() : kMinGapMs;
    m_gapTimer->start(int(std::max<qint64>(0, kMinGapMs - since)));
}

void ClusterNodesPoller::watchClosely()
{
    if (!isRunning())
        return;
    m_watchStarted.start();
    pollSoon();
}

void ClusterNodesPoller::watchConnection(RedisConnection *master)
{
    if (m_watched.contains(master))
        return;
    m_watched.removeAll(nullptr); // connections of nodes gone from the cluster
    m_watched.append(master);
    // A master's connection lost (killed, partitioned): its replica is about to take over, watch it
    // happen. Once, when it stops being ready — not at every reconnection attempt that fails after.
    connect(master, &RedisConnection::stateChanged, this,
            [this, wasReady = master->isReady()](RedisConnection::State state) mutable {
                const bool ready = state == RedisConnection::State::Ready;
                if (wasReady && !ready)
                    watchClosely();
                wasReady = ready;
            });
}

bool ClusterNodesPoller::isWatching() const
{
    return (m_unsettled && m_unsettledSince.elapsed() < kMaxUnsettledWatchMs) ||
           (m_watchStarted.isValid() && m_watchStarted.elapsed() < kWatchMs);
}

bool ClusterNodesPoller::isUnsettled(const ClusterTopology &topology)
{
    if (!topology.uncoveredSlots().isEmpty())
        return true;
    return std::any_of(topology.nodes().cbegin(), topology.nodes().cend(), [](const ClusterNode &node) {
        return node.flags.testAnyFlags(ClusterNode::PossiblyFailed | ClusterNode::Handshake) ||
               (node.isFailed() && node.isMaster() && node.slotCount() > 0);
    });
}

void ClusterNodesPoller::poll()
{
    if (m_inFlight || !m_client || !m_client->isReady())
        return;
    m_inFlight = true;
    m_gapTimer->stop();
    m_sincePoll.start();
    QList<QPointer<RedisConnection>> nodes;
    const QList<RedisConnection *> masters = m_client->masterConnections();
    for (qsizetype i = 0; i < masters.size(); ++i) {
        nodes.append(masters[(m_next + i) % masters.size()]);
        watchConnection(masters[i]);
    }
    ask(nodes, tr("The cluster has no master to ask."));
}

void ClusterNodesPoller::ask(QList<QPointer<RedisConnection>> nodes, QString lastError)
{
    while (!nodes.isEmpty() && !nodes.first())
        nodes.removeFirst();
    if (nodes.isEmpty()) {
        m_inFlight = false;
        if (isWatching())
            m_gapTimer->start(kMinGapMs);
        emit failed(tr("CLUSTER NODES could not be read: %1").arg(lastError));
        return;
    }
    RedisConnection *node = nodes.takeFirst();
    const quint64 generation = m_generation;
    node->command({"CLUSTER", "NODES"}, this, [this, nodes, generation, node](const RedisReply &reply) {
        if (generation != m_generation)
            return;
        QString error;
        std::optional<ClusterTopology> topology;
        if (reply.type() == RedisReply::Type::Bulk)
            topology = ClusterTopology::fromClusterNodes(reply.bytes(), &error);
        else
            error = reply.errorMessage();
        if (!topology) {
            ++m_next; // start with another node next time
            ask(nodes, QStringLiteral("%1: %2").arg(node->config().endpoint(), error));
            return;
        }
        m_inFlight = false;
        m_topology = std::move(*topology);
        const bool unsettled = isUnsettled(m_topology);
        if (unsettled && !m_unsettled)
            m_unsettledSince.start();
        m_unsettled = unsettled;
        if (isWatching())
            m_gapTimer->start(kMinGapMs);
        emit updated(m_topology);
    });
}
