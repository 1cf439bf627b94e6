#include "clusterclient.h"

#include "clustercommand.h"
#include "clusterslot.h"
#include "rediscommand.h"

#include <algorithm>
#include <optional>
#include <QMap>
#include <QTimer>

struct ClusterClient::Request
{
    QList<QByteArray> args;
    QPointer<QObject> context;
    bool hasContext = false;
    Callback callback;
    int timeoutMs = -1;
    int slot = -1;          // -1: keyless
    int attempts = 0;       // tries sent so far
    QString targetHost;     // after ASK, or MOVED to a master the map does not know: where to go
    quint16 targetPort = 0; //
    bool asking = false;    // send ASKING first (ASK redirection)
    QElapsedTimer clock;    // since command()
};

namespace {

// "MOVED 3999 127.0.0.1:6381" / "ASK 3999 [::1]:6381" / "MOVED 3999 :6381" (same host).
bool parseRedirect(const QByteArray &text, int *slot, QString *host, quint16 *port)
{
    const QList<QByteArray> parts = text.split(' ');
    if (parts.size() < 3)
        return false;
    bool ok = false;
    *slot = parts[1].toInt(&ok);
    if (!ok || *slot < 0 || *slot >= ClusterSlot::kSlotCount)
        return false;
    const QByteArray &address = parts[2];
    const qsizetype colon = address.lastIndexOf(':');
    if (colon < 0)
        return false;
    *port = address.mid(colon + 1).toUShort(&ok);
    QByteArray hostBytes = address.left(colon);
    if (hostBytes.startsWith('[') && hostBytes.endsWith(']'))
        hostBytes = hostBytes.mid(1, hostBytes.size() - 2);
    *host = QString::fromUtf8(hostBytes);
    return ok;
}

} // namespace

ClusterClient::ClusterClient(ConnectionConfig seed, QObject *parent)
    : QObject(parent), m_seed(std::move(seed)), m_refreshTimer(new QTimer(this)), m_gapTimer(new QTimer(this))
{
    m_refreshTimer->setInterval(kMinRefreshIntervalMs);
    connect(m_refreshTimer, &QTimer::timeout, this, &ClusterClient::refreshTopology);
    m_gapTimer->setSingleShot(true);
    connect(m_gapTimer, &QTimer::timeout, this, [this] {
        if (m_refreshWanted)
            refreshTopology();
    });
}

ClusterClient::~ClusterClient()
{
    // The connections drop their callbacks when deleted; they point into this object.
    qDeleteAll(m_connections);
    m_connections.clear();
}

void ClusterClient::setRefreshInterval(int ms)
{
    m_refreshTimer->setInterval(std::max(ms, kMinRefreshIntervalMs));
}

int ClusterClient::refreshInterval() const
{
    return m_refreshTimer->interval();
}

void ClusterClient::open()
{
    if (m_state == State::Loading || m_state == State::Ready)
        return;
    m_state = State::Loading;
    m_error.clear();
    m_useClusterSlots = false;
    m_refreshing = true;
    loadTopology({connectionTo(m_seed.host, m_seed.port)}, {});
}

void ClusterClient::close()
{
    ++m_generation;
    m_state = State::Closed;
    m_refreshTimer->stop();
    m_gapTimer->stop();
    m_refreshing = false;
    m_refreshWanted = false;
    auto waiting = std::move(m_waiting);
    m_waiting.clear();
    for (const RequestPtr &request : waiting)
        deliverLater(request, RedisReply::failure(tr("The cluster connection was closed.")));
    const auto connections = std::move(m_connections);
    m_connections.clear();
    for (RedisConnection *connection : connections) {
        connection->close(); // fails its pending commands (their callbacks deliver the failure)
        connection->deleteLater();
    }
}

ConnectionConfig ClusterClient::configFor(const QString &host, quint16 port) const
{
    ConnectionConfig config = m_seed;
    config.host = host;
    config.port = port;
    // With TLS, verify a node by the hostname it announces when the profile names no server.
    if (config.tls && config.serverName.isEmpty()) {
        if (const ClusterNode *node = m_topology.nodeAt(host, port); node && !node->hostname.isEmpty())
            config.serverName = node->hostname;
    }
    return config;
}

std::optional<ConnectionConfig> ClusterClient::configForSlot(int slot) const
{
    const ClusterNode *master = m_topology.masterForSlot(slot);
    if (!master)
        return std::nullopt;
    return configFor(master->host, master->port);
}

RedisConnection *ClusterClient::connectionTo(const QString &host, quint16 port)
{
    const QString endpoint = HostPort::format(host, port);
    if (RedisConnection *known = m_connections.value(endpoint))
        return known;
    auto *connection = new RedisConnection(configFor(host, port), this);
    m_connections.insert(endpoint, connection);
    connection->open();
    return connection;
}

RedisConnection *ClusterClient::connectionToNode(const QByteArray &nodeId)
{
    const ClusterNode *node = m_topology.node(nodeId);
    return node ? connectionTo(node->host, node->port) : nullptr;
}

QList<RedisConnection *> ClusterClient::masterConnections()
{
    QList<RedisConnection *> result;
    for (const ClusterNode *master : m_topology.masters()) {
        if (master->slotCount() > 0 && !master->isFailed())
            result.append(connectionTo(master->host, master->port));
    }
    return result;
}

// ---- commands ----

void ClusterClient::command(const QList<QByteArray> &args, QObject *context, Callback callback, int timeoutMs)
{
    auto request = std::make_shared<Request>();
    request->args = args;
    request->context = context;
    request->hasContext = context != nullptr;
    request->callback = std::move(callback);
    request->timeoutMs = timeoutMs;
    request->clock.start();

    const ClusterCommand::Keys keys = ClusterCommand::keysOf(args);
    if (keys.kind == ClusterCommand::Keys::Kind::Unsupported ||
        keys.kind == ClusterCommand::Keys::Kind::PerNode) {
        deliverLater(request, RedisReply::failure(keys.reason));
        return;
    }
    if (keys.kind == ClusterCommand::Keys::Kind::Keyed) {
        request->slot = ClusterSlot::slotOf(keys.keys.first());
        for (const QByteArray &key : keys.keys) {
            const int slot = ClusterSlot::slotOf(key);
            if (slot != request->slot && isSplittable(args)) {
                commandPerSlot(request);
                return;
            }
            if (slot != request->slot) {
                deliverLater(
                    request,
                    RedisReply::failure(
                        tr("%1 is refused: its keys map to different hash slots (%2 and %3), and in a "
                           "cluster the keys of one command must share a slot. Give them a common "
                           "{hash tag}, or send one command per key.")
                            .arg(RedisCommand::describe(args))
                            .arg(request->slot)
                            .arg(slot)));
                return;
            }
        }
    }
    if (m_state == State::Loading) {
        m_waiting.push_back(request);
        return;
    }
    dispatch(request);
}

void ClusterClient::commandOnMasters(const QList<QByteArray> &args, QObject *context,
                                     MastersCallback callback, int timeoutMs)
{
    commandOnEach(isReady() ? masterConnections() : QList<RedisConnection *>(), args, context,
                  std::move(callback), timeoutMs);
}

void ClusterClient::commandOnNodes(const QList<QByteArray> &args, QObject *context, MastersCallback callback,
                                   int timeoutMs)
{
    QList<RedisConnection *> nodes;
    if (isReady()) {
        for (const ClusterNode &node : m_topology.nodes()) {
            if (!node.isFailed() && !node.flags.testAnyFlags(ClusterNode::NoAddress | ClusterNode::Handshake))
                nodes.append(connectionTo(node.host, node.port));
        }
    }
    commandOnEach(nodes, args, context, std::move(callback), timeoutMs);
}

void ClusterClient::commandOnEach(const QList<RedisConnection *> &connections, const QList<QByteArray> &args,
                                  QObject *context, MastersCallback callback, int timeoutMs)
{
    struct Join
    {
        QPointer<QObject> context;
        bool hasContext = false;
        MastersCallback callback;
        QList<NodeReply> replies;
        qsizetype remaining = 0;
    };
    auto join = std::make_shared<Join>();
    join->context = context;
    join->hasContext = context != nullptr;
    join->callback = std::move(callback);
    const auto finish = [join] {
        if (!join->hasContext || join->context)
            join->callback(join->replies);
    };
    if (connections.isEmpty()) {
        join->replies.append(
            {{},
             m_seed.endpoint(),
             RedisReply::failure(tr("Not connected to the cluster %1.").arg(m_seed.displayName()))});
        QMetaObject::invokeMethod(this, finish, Qt::QueuedConnection);
        return;
    }
    join->remaining = connections.size();
    for (RedisConnection *connection : connections) {
        const qsizetype index = join->replies.size();
        const ClusterNode *node = m_topology.nodeAt(connection->config().host, connection->config().port);
        join->replies.append({node ? node->id : QByteArray(), connection->config().endpoint(), {}});
        connection->command(
            args, this,
            [join, index, finish](const RedisReply &reply) {
                join->replies[index].reply = reply;
                if (--join->remaining == 0)
                    finish();
            },
            timeoutMs);
    }
}

bool ClusterClient::isSplittable(const QList<QByteArray> &args)
{
    const QByteArray name = args.first().toUpper();
    return name == "DEL" || name == "UNLINK" || name == "EXISTS" || name == "TOUCH" || name == "MGET";
}

void ClusterClient::commandPerSlot(const RequestPtr &request)
{
    // One command per slot, keys in their original order; the replies are put back together:
    // MGET's values in the order of its keys, the others' counts summed. Not atomic, as with
    // separate commands; the first error, if any, is the reply.
    struct Join
    {
        RequestPtr request;
        QList<RedisReply> values; // MGET: one per key
        qint64 sum = 0;
        std::optional<RedisReply> error;
        int remaining = 0;
    };
    const QByteArray name = request->args.first();
    const bool mget = name.toUpper() == "MGET";
    auto join = std::make_shared<Join>();
    join->request = request;
    join->values.resize(request->args.size() - 1);
    QMap<int, QList<qsizetype>> bySlot; // slot → positions of its keys in args
    for (qsizetype i = 1; i < request->args.size(); ++i)
        bySlot[ClusterSlot::slotOf(request->args[i])].append(i);
    join->remaining = int(bySlot.size());
    for (auto it = bySlot.cbegin(); it != bySlot.cend(); ++it) {
        QList<QByteArray> args{name};
        for (const qsizetype position : it.value())
            args.append(request->args[position]);
        const QList<qsizetype> positions = it.value();
        command(
            args, this,
            [this, join, positions, mget](const RedisReply &reply) {
                if (reply.isError() || (mget ? !reply.isArray() || reply.elements().size() != positions.size()
                                             : reply.type() != RedisReply::Type::Integer)) {
                    if (!join->error)
                        join->error = reply;
                } else if (mget) {
                    for (qsizetype k = 0; k < positions.size(); ++k)
                        join->values[positions[k] - 1] = reply.elements()[k];
                } else {
                    join->sum += reply.toInteger();
                }
                if (--join->remaining > 0)
                    return;
                deliver(join->request, join->error ? *join->error
                                       : mget      ? RedisReply::array(join->values)
                                                   : RedisReply::integer(join->sum));
            },
            request->timeoutMs);
    }
}

void ClusterClient::commandOnNode(const QByteArray &nodeId, const QList<QByteArray> &args, QObject *context,
                                  Callback callback, int timeoutMs)
{
    RedisConnection *connection = m_state == State::Ready ? connectionToNode(nodeId) : nullptr;
    if (!connection) {
        auto request = std::make_shared<Request>();
        request->context = context;
        request->hasContext = context != nullptr;
        request->callback = std::move(callback);
        deliverLater(
            request,
            RedisReply::failure(
                tr("The cluster has no node %1 (or is not connected).").arg(QString::fromLatin1(nodeId))));
        return;
    }
    connection->command(args, context, std::move(callback), timeoutMs);
}

void ClusterClient::dispatch(const RequestPtr &request)
{
    if (request->hasContext && !request->context)
        return;
    if (m_state != State::Ready) {
        deliverLater(request, RedisReply::failure(
                                  m_state == State::Failed && !m_error.isEmpty()
                                      ? m_error
                                      : tr("Not connected to the cluster %1.").arg(m_seed.displayName())));
        return;
    }
    ++request->attempts;
    QString host = request->targetHost;
    quint16 port = request->targetPort;
    if (port == 0) {
        const ClusterNode *node = nullptr;
        if (request->slot >= 0) {
            node = m_topology.masterForSlot(request->slot);
        } else {
            // Keyless: a master that serves slots, the first whose connection is up.
            for (const ClusterNode *master : m_topology.masters()) {
                if (master->slotCount() == 0 || master->isFailed())
                    continue;
                if (!node)
                    node = master;
                const RedisConnection *known = m_connections.value(master->endpoint());
                if (known && known->isReady()) {
                    node = master;
                    break;
                }
            }
        }
        if (!node) {
            // An uncovered slot: like CLUSTERDOWN, it may be a failover in progress, or the map
            // may be out of date.
            requestRefresh();
            retryLater(request, RedisReply::error(
                                    "CLUSTERDOWN " +
                                    (request->slot >= 0
                                         ? tr("Hash slot %1 is not served by any master.").arg(request->slot)
                                         : tr("The cluster has no master serving slots."))
                                        .toUtf8()));
            return;
        }
        host = node->host;
        port = node->port;
    }
    RedisConnection *connection = connectionTo(host, port);
    if (request->asking)
        connection->command(
            {"ASKING"}, this, [](const RedisReply &) {}, request->timeoutMs);
    connection->command(
        request->args, this,
        [this, request, host](const RedisReply &reply) { onReply(request, host, reply); },
        request->timeoutMs);
}

void ClusterClient::onReply(const RequestPtr &request, const QString &host, const RedisReply &reply)
{
    if (request->hasContext && !request->context)
        return;
    if (reply.isFailure()) {
        // No reply: the node may be down and a replica about to take over. Not retried (the
        // command may have run), but the map is reloaded soon.
        requestRefresh();
        deliver(request, reply);
        return;
    }
    if (reply.type() != RedisReply::Type::Error) {
        deliver(request, reply);
        return;
    }
    const QByteArray &text = reply.bytes();
    const bool moved = text.startsWith("MOVED ");
    if (moved || text.startsWith("ASK ")) {
        int slot = 0;
        QString targetHost;
        quint16 targetPort = 0;
        if (!parseRedirect(text, &slot, &targetHost, &targetPort)) {
            deliver(request, reply);
            return;
        }
        if (targetHost.isEmpty())
            targetHost = host; // the node does not know its own address: the one we reached
        if (request->attempts >= kMaxAttempts) {
            deliver(request, RedisReply::error(tr("%1 (gave up after %2 redirections)")
                                                   .arg(QString::fromUtf8(text))
                                                   .arg(request->attempts)
                                                   .toUtf8()));
            return;
        }
        request->asking = !moved;
        request->targetHost.clear();
        request->targetPort = 0;
        if (moved) {
            const QStringList mastersBefore = servingMasters();
            if (m_topology.assignSlot(slot, targetHost, targetPort)) {
                emit topologyChanged();
                if (servingMasters() != mastersBefore)
                    emit mastersChanged();
            } else {
                request->targetHost = targetHost; // a master the map does not know yet
                request->targetPort = targetPort;
            }
            requestRefresh();
        } else {
            request->targetHost = targetHost;
            request->targetPort = targetPort;
        }
        dispatch(request);
        return;
    }
    if (text.startsWith("TRYAGAIN") || text.startsWith("CLUSTERDOWN")) {
        if (text.startsWith("CLUSTERDOWN"))
            requestRefresh();
        request->asking = false;
        request->targetHost.clear();
        request->targetPort = 0;
        retryLater(request, reply);
        return;
    }
    deliver(request, reply);
}

void ClusterClient::retryLater(const RequestPtr &request, const RedisReply &reply)
{
    if (request->attempts >= kMaxAttempts) {
        const bool down = reply.bytes().startsWith("CLUSTERDOWN");
        const QString why = down ? tr("the cluster is down or a slot has no master, e.g. during a failover")
                                 : tr("the keys' slot is being migrated between nodes");
        deliver(request, RedisReply::error(tr("%1 (gave up after %2 attempts in %3 s: %4)")
                                               .arg(QString::fromUtf8(reply.bytes()))
                                               .arg(request->attempts)
                                               .arg(request->clock.elapsed() / 1000.0, 0, 'f', 1)
                                               .arg(why)
                                               .toUtf8()));
        return;
    }
    // 200, 400, 800, 1600 ms: about 3 s in all, the time a failover takes with a short node timeout.
    const int delay = kRetryDelayMs << std::max(0, request->attempts - 1);
    QTimer::singleShot(delay, this, [this, request] { dispatch(request); });
}

void ClusterClient::deliver(const RequestPtr &request, const RedisReply &reply)
{
    if (!request->hasContext || request->context)
        request->callback(reply);
}

void ClusterClient::deliverLater(const RequestPtr &request, const RedisReply &reply)
{
    QMetaObject::invokeMethod(
        this, [this, request, reply] { deliver(request, reply); }, Qt::QueuedConnection);
}

// ---- topology ----

void ClusterClient::requestRefresh()
{
    if (m_state != State::Ready)
        return;
    m_refreshWanted = true;
    if (m_refreshing || m_gapTimer->isActive())
        return;
    const qint64 since = m_sinceRefresh.isValid() ? m_sinceRefresh.elapsed() : kMinRefreshGapMs;
    if (since >= kMinRefreshGapMs)
        refreshTopology();
    else
        m_gapTimer->start(int(kMinRefreshGapMs - since));
}

void ClusterClient::refreshTopology()
{
    if (m_state != State::Ready || m_refreshing)
        return;
    m_refreshing = true;
    m_refreshWanted = false;
    loadTopology(refreshCandidates(), {});
}

QList<RedisConnection *> ClusterClient::refreshCandidates()
{
    // Connections that are up first (masters, then others), then the seed: any node knows the map.
    QList<RedisConnection *> ready, others;
    for (const ClusterNode *master : m_topology.masters()) {
        if (master->isFailed())
            continue;
        RedisConnection *connection = connectionTo(master->host, master->port);
        (connection->isReady() ? ready : others).append(connection);
    }
    for (RedisConnection *connection : std::as_const(m_connections)) {
        if (!ready.contains(connection) && !others.contains(connection))
            (connection->isReady() ? ready : others).append(connection);
    }
    RedisConnection *seed = connectionTo(m_seed.host, m_seed.port);
    if (!ready.contains(seed) && !others.contains(seed))
        others.append(seed);
    return ready + others;
}

void ClusterClient::loadTopology(QList<RedisConnection *> candidates, QString lastError)
{
    if (candidates.isEmpty()) {
        onTopologyLoaded(std::nullopt, lastError);
        return;
    }
    RedisConnection *connection = candidates.takeFirst();
    const quint64 generation = m_generation;
    const bool viaSlots = m_useClusterSlots;
    const QList<QByteArray> args =
        viaSlots ? QList<QByteArray>{"CLUSTER", "SLOTS"} : QList<QByteArray>{"CLUSTER", "SHARDS"};
    connection->command(
        args, this, [this, generation, viaSlots, connection, candidates](const RedisReply &reply) {
            if (generation != m_generation)
                return;
            if (!viaSlots && reply.type() == RedisReply::Type::Error &&
                reply.bytes().contains("nknown subcommand")) {
                m_useClusterSlots = true; // Redis before 7: ask the same node again
                loadTopology(QList<RedisConnection *>{connection} + candidates, {});
                return;
            }
            const QString endpoint = connection->config().endpoint();
            if (reply.type() == RedisReply::Type::Error &&
                reply.bytes().contains("cluster support disabled")) {
                onTopologyLoaded(
                    std::nullopt,
                    tr("%1 is not a cluster node (cluster support is disabled): connect to it as a "
                       "standalone server.")
                        .arg(endpoint));
                return;
            }
            if (reply.isFailure()) { // not reachable: the connection says why
                loadTopology(candidates, reply.errorMessage());
                return;
            }
            QString error;
            auto topology = viaSlots ? ClusterTopology::fromClusterSlots(reply, &error)
                                     : ClusterTopology::fromClusterShards(reply, m_seed.tls, &error);
            if (!topology) {
                loadTopology(candidates, tr("%1: %2").arg(endpoint, error));
                return;
            }
            if (topology->uncoveredSlots() == QList<SlotRange>{{0, ClusterSlot::kSlotCount - 1}}) {
                loadTopology(candidates,
                             tr("%1 serves no slots yet (the cluster is not set up).").arg(endpoint));
                return;
            }
            onTopologyLoaded(std::move(topology), {});
        });
}

void ClusterClient::onTopologyLoaded(std::optional<ClusterTopology> topology, const QString &error)
{
    m_refreshing = false;
    m_sinceRefresh.start();
    if (!topology) {
        if (m_state == State::Loading) {
            m_state = State::Failed;
            m_error = tr("Cannot load the cluster topology from %1: %2").arg(m_seed.displayName(), error);
            auto waiting = std::move(m_waiting);
            m_waiting.clear();
            for (const RequestPtr &request : waiting)
                deliverLater(request, RedisReply::failure(m_error));
            emit failed(m_error);
        }
        return; // a failed refresh keeps the map it had
    }
    const bool first = m_state == State::Loading;
    setTopology(std::move(*topology));
    m_refreshTimer->start(); // the next periodic reload is a full interval after this one
    if (first) {
        m_state = State::Ready;
        emit ready();
        auto waiting = std::move(m_waiting);
        m_waiting.clear();
        for (const RequestPtr &request : waiting)
            dispatch(request);
    }
    if (m_refreshWanted)
        requestRefresh();
}

QStringList ClusterClient::servingMasters() const
{
    QStringList endpoints;
    for (const ClusterNode *master : m_topology.masters()) {
        if (master->slotCount() > 0 && !master->isFailed())
            endpoints.append(master->endpoint());
    }
    return endpoints;
}

void ClusterClient::setTopology(ClusterTopology topology)
{
    if (topology == m_topology)
        return;
    const QStringList mastersBefore = servingMasters();
    m_topology = std::move(topology);
    // Nodes that left the cluster (CLUSTER FORGET) lose their connection; the seed stays.
    const QString seed = HostPort::format(m_seed.host, m_seed.port);
    for (auto it = m_connections.begin(); it != m_connections.end();) {
        const RedisConnection *connection = it.value();
        const bool known = m_topology.nodeAt(connection->config().host, connection->config().port);
        if (known || it.key() == seed) {
            ++it;
            continue;
        }
        it.value()->close();
        it.value()->deleteLater();
        it = m_connections.erase(it);
    }
    emit topologyChanged();
    if (servingMasters() != mastersBefore)
        emit mastersChanged();
}
