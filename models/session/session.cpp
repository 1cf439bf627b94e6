#include "session.h"

#include "clusterslot.h"
#include "sentinelclient.h"
#include "serverinfo.h"

#include <QTimer>

Session::Session(ConnectionConfig profile, QObject *parent) : QObject(parent), m_profile(std::move(profile))
{}

Session::~Session() = default;

ConnectionConfig Session::serverConfig() const
{
    return m_connection ? m_connection->config() : m_profile;
}

QString Session::stateText() const
{
    switch (m_state) {
    case State::Closed:
        return tr("Closed");
    case State::Connecting:
        return tr("Connecting…");
    case State::Ready:
        return m_profile.readOnly ? tr("Connected (read-only)") : tr("Connected");
    case State::Reconnecting:
        return tr("Reconnecting…");
    case State::Failed:
        return tr("Failed");
    }
    return {};
}

void Session::open()
{
    if (m_state != State::Closed && m_state != State::Failed)
        return;
    m_lastError = {};
    setState(State::Connecting);
    if (m_profile.usesSentinel())
        followSentinels();
    else
        connectTo(m_profile);
}

void Session::close()
{
    ++m_generation;
    if (m_cluster) {
        m_cluster->disconnect(this);
        m_cluster->close();
        m_cluster->deleteLater();
    }
    if (m_sentinel) {
        m_sentinel->disconnect(this);
        m_sentinel->stop();
        m_sentinel->deleteLater();
    }
    if (m_connection) {
        m_connection->disconnect(this);
        m_connection->close();
        m_connection->deleteLater();
    }
    m_cluster = nullptr;
    m_sentinel = nullptr;
    m_connection = nullptr;
    m_kindKnown = false;
    setState(State::Closed);
}

void Session::reopenWithPassword(const QString &password)
{
    close();
    m_profile.password = password;
    open();
}

void Session::connectTo(const ConnectionConfig &config)
{
    ++m_generation;
    if (m_cluster) { // a new server is never the old cluster
        m_cluster->disconnect(this);
        m_cluster->close();
        m_cluster->deleteLater();
        m_cluster = nullptr;
    }
    if (m_connection) {
        m_connection->disconnect(this);
        m_connection->close();
        m_connection->deleteLater();
    }
    m_kindKnown = false;
    m_connection = new RedisConnection(config, this);
    connect(m_connection, &RedisConnection::ready, this, &Session::onConnectionReady);
    connect(m_connection, &RedisConnection::stateChanged, this, &Session::onConnectionState);
    connect(m_connection, &RedisConnection::errorOccurred, this, &Session::onConnectionError);
    connect(m_connection, &RedisConnection::databaseChanged, this, &Session::databaseChanged);
    setState(State::Connecting);
    m_connection->open();
}

void Session::onConnectionReady()
{
    if (!m_kindKnown) {
        detectKind();
        return;
    }
    if (!m_cluster) { // a cluster's state follows its client, not the seed alone
        setState(State::Ready);
        emit ready();
    }
}

void Session::onConnectionState(RedisConnection::State state)
{
    if (m_cluster && m_cluster->isReady())
        return; // the seed may be down while the other masters serve: the cluster client says
    switch (state) {
    case RedisConnection::State::Disconnected:
        if (m_state != State::Closed && m_lastError.isError())
            setState(State::Failed); // no reconnect: authentication, TLS verification
        break;
    case RedisConnection::State::WaitingToReconnect:
        setState(m_state == State::Connecting ? State::Connecting : State::Reconnecting);
        break;
    case RedisConnection::State::Connecting:
    case RedisConnection::State::Authenticating:
        if (m_state == State::Ready)
            setState(State::Reconnecting);
        break;
    case RedisConnection::State::Ready:
        break; // onConnectionReady()
    }
}

void Session::onConnectionError(const ConnectionError &error)
{
    m_lastError = error;
    if (m_cluster && m_cluster->isReady()) {
        emit problem(tr("%1: %2").arg(m_connection->config().endpoint(), error.message));
        return;
    }
    emit errorOccurred(error);
    if (m_connection && m_connection->state() == RedisConnection::State::Disconnected)
        setState(State::Failed);
}

void Session::detectKind()
{
    const quint64 generation = m_generation;
    m_connection->command({"INFO", "server"}, this, [this, generation](const RedisReply &reply) {
        if (generation != m_generation)
            return;
        if (reply.isFailure())
            return; // the connection drops and reconnects: asked again when it is back
        m_kindKnown = true;
        // A server whose ACL refuses INFO is taken for a standalone one.
        if (!reply.isError() && ServerInfo::parse(reply.bytes()).mode() == QLatin1String("cluster")) {
            openCluster();
            return;
        }
        m_lastError = {};
        setState(State::Ready);
        emit ready();
    });
}

void Session::openCluster()
{
    m_cluster = new ClusterClient(m_connection->config(), this);
    connect(m_cluster, &ClusterClient::ready, this, [this] {
        m_lastError = {};
        setState(State::Ready);
        emit topologyChanged();
        emit ready();
    });
    connect(m_cluster, &ClusterClient::failed, this, [this](const QString &message) {
        if (m_state == State::Ready) {
            emit problem(tr("Cluster: %1").arg(message));
            return;
        }
        fail({ConnectionError::Kind::Protocol, tr("Cluster: %1").arg(message)});
    });
    connect(m_cluster, &ClusterClient::topologyChanged, this, &Session::topologyChanged);
    connect(m_cluster, &ClusterClient::mastersChanged, this, &Session::mastersChanged);
    m_cluster->open();
}

void Session::followSentinels()
{
    m_sentinel =
        new SentinelClient(m_profile.sentinelConfigs(), m_profile.sentinelMaster.toUtf8(), m_profile, this);
    connect(m_sentinel, &SentinelClient::masterChanged, this, [this](const QString &host, quint16 port) {
        const bool failover = m_connection != nullptr;
        ConnectionConfig config = m_sentinel->masterConfig();
        if (config.name.isEmpty())
            config.name = tr("Sentinel master “%1”").arg(QString::fromUtf8(m_sentinel->masterName()));
        connectTo(config);
        if (failover)
            emit serverChanged(host, port);
    });
    connect(m_sentinel, &SentinelClient::problem, this,
            [this](const QString &message) { emit problem(tr("Sentinel: %1").arg(message)); });
    connect(m_sentinel, &SentinelClient::masterRefused, this, [this](const QString &message) {
        fail({ConnectionError::Kind::AuthFailed, message});
    });
    m_sentinel->start();
}

void Session::fail(const ConnectionError &error)
{
    m_lastError = error;
    emit errorOccurred(error);
    setState(State::Failed);
}

void Session::setState(State state)
{
    if (state == m_state)
        return;
    m_state = state;
    emit stateChanged(state);
}

ClusterNode Session::standaloneNode() const
{
    const ConnectionConfig config = serverConfig();
    ClusterNode node;
    node.id = config.endpoint().toUtf8();
    node.host = config.host;
    node.port = config.port;
    node.flags = ClusterNode::Flags(ClusterNode::Master) | ClusterNode::Myself;
    return node;
}

void Session::command(const QList<QByteArray> &args, QObject *context, Callback callback, int timeoutMs)
{
    if (m_cluster) {
        m_cluster->command(args, context, std::move(callback), timeoutMs);
        return;
    }
    if (m_connection) {
        m_connection->command(args, context, std::move(callback), timeoutMs);
        return;
    }
    // Not open: fail as a connection would, never synchronously.
    QTimer::singleShot(0, context ? context : this, [callback = std::move(callback)] {
        callback(RedisReply::failure(tr("Not connected")));
    });
}

QList<ClusterNode> Session::nodes() const
{
    if (m_cluster && m_cluster->isReady())
        return m_cluster->topology().nodes();
    if (m_connection)
        return {standaloneNode()};
    return {};
}

QByteArray Session::defaultNodeId() const
{
    if (m_cluster && m_cluster->isReady()) {
        const ConnectionConfig &seed = m_cluster->seedConfig();
        if (const ClusterNode *node = m_cluster->topology().nodeAt(seed.host, seed.port))
            return node->id;
        for (const ClusterNode &node : m_cluster->topology().nodes())
            if (node.flags.testFlag(ClusterNode::Myself))
                return node.id;
        return {};
    }
    return m_connection ? standaloneNode().id : QByteArray();
}

void Session::commandOn(const QByteArray &nodeId, const QList<QByteArray> &args, QObject *context,
                        Callback callback, int timeoutMs)
{
    if (m_cluster) {
        m_cluster->commandOnNode(nodeId, args, context, std::move(callback), timeoutMs);
        return;
    }
    if (m_connection && nodeId == standaloneNode().id) {
        m_connection->command(args, context, std::move(callback), timeoutMs);
        return;
    }
    QTimer::singleShot(0, context ? context : this, [callback = std::move(callback)] {
        callback(RedisReply::failure(tr("No such node")));
    });
}

void Session::commandOnMasters(const QList<QByteArray> &args, QObject *context, NodesCallback callback,
                               int timeoutMs)
{
    if (m_cluster) {
        m_cluster->commandOnMasters(args, context, std::move(callback), timeoutMs);
        return;
    }
    const ClusterNode node = standaloneNode();
    command(
        args, context,
        [node, callback = std::move(callback)](const RedisReply &reply) {
            callback({NodeReply{node.id, node.endpoint(), reply}});
        },
        timeoutMs);
}

void Session::commandOnNodes(const QList<QByteArray> &args, QObject *context, NodesCallback callback,
                             int timeoutMs)
{
    if (m_cluster) {
        m_cluster->commandOnNodes(args, context, std::move(callback), timeoutMs);
        return;
    }
    commandOnMasters(args, context, std::move(callback), timeoutMs);
}

QList<RedisConnection *> Session::scanConnections()
{
    if (m_cluster)
        return m_cluster->masterConnections();
    if (m_connection)
        return {m_connection.data()};
    return {};
}

RedisConnection *Session::connectionTo(const QByteArray &nodeId)
{
    if (m_cluster)
        return m_cluster->connectionToNode(nodeId);
    return m_connection && nodeId == standaloneNode().id ? m_connection.data() : nullptr;
}

RedisConnection *Session::connectionForKey(const QByteArray &key)
{
    if (m_cluster) {
        const ClusterNode *master = m_cluster->topology().masterForSlot(ClusterSlot::slotOf(key));
        return master ? m_cluster->connectionToNode(master->id) : nullptr;
    }
    return m_connection;
}

std::optional<ConnectionConfig> Session::configForSlot(int slot) const
{
    if (m_cluster)
        return m_cluster->configForSlot(slot);
    if (m_connection)
        return m_connection->config();
    return std::nullopt;
}

void Session::countOnMasters(const QList<QByteArray> &args, QObject *context,
                             std::function<void(std::optional<qint64>, const QString &)> callback)
{
    commandOnMasters(args, context, [callback = std::move(callback)](const QList<NodeReply> &replies) {
        qint64 total = 0;
        for (const NodeReply &node : replies) {
            if (node.reply.type() != RedisReply::Type::Integer) {
                callback(std::nullopt,
                         tr("%1: %2").arg(node.endpoint, node.reply.isError() ? node.reply.errorMessage()
                                                                              : tr("not a count")));
                return;
            }
            total += node.reply.toInteger();
        }
        callback(total, {});
    });
}

std::optional<ClusterNode> Session::masterForSlot(int slot) const
{
    if (m_cluster) {
        const ClusterNode *master =
            m_cluster->isReady() ? m_cluster->topology().masterForSlot(slot) : nullptr;
        return master ? std::optional<ClusterNode>(*master) : std::nullopt;
    }
    return m_connection ? std::optional<ClusterNode>(standaloneNode()) : std::nullopt;
}

std::optional<ConnectionConfig> Session::configForNode(const QByteArray &nodeId) const
{
    if (m_cluster) {
        const ClusterNode *node = m_cluster->topology().node(nodeId);
        return node ? std::optional<ConnectionConfig>(m_cluster->configFor(node->host, node->port))
                    : std::nullopt;
    }
    if (m_connection && nodeId == standaloneNode().id)
        return m_connection->config();
    return std::nullopt;
}

void Session::refreshTopology()
{
    if (m_cluster)
        m_cluster->refreshTopology();
}
