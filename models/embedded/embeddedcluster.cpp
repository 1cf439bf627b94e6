#include "embeddedcluster.h"

#include "clusterslot.h"
#include "clustertopology.h"
#include "embeddedserver.h"
#include "redisconnection.h"
#include "redisreply.h"
#include "serverinfo.h"

#include <cmath>
#include <QTimer>

namespace {

constexpr int kPollIntervalMs = 100;

// The value of one INFO field ("" if absent).
QString infoField(const RedisReply &reply, const QString &name)
{
    return ServerInfo::parse(reply.bytes()).value(name);
}

} // namespace

EmbeddedCluster::EmbeddedCluster(QObject *parent) : EmbeddedCluster(Options{}, parent) {}

EmbeddedCluster::EmbeddedCluster(Options options, QObject *parent)
    : QObject(parent), m_options(std::move(options)), m_deadline(new QTimer(this))
{
    m_deadline->setSingleShot(true);
    connect(m_deadline, &QTimer::timeout, this, [this] {
        QString message = tr("The local cluster did not form within %1 s (step: %2).")
                              .arg(m_options.formTimeoutMs / 1000.0)
                              .arg(m_step);
        if (!m_lastProblem.isEmpty())
            message += QLatin1Char(' ') + m_lastProblem;
        fail(message);
    });
}

EmbeddedCluster::~EmbeddedCluster()
{
    stop();
}

EmbeddedServer *EmbeddedCluster::node(int index) const
{
    return index >= 0 && index < nodeCount() ? m_nodes[size_t(index)].get() : nullptr;
}

QByteArray EmbeddedCluster::nodeId(int index) const
{
    return m_ids.value(index);
}

std::pair<int, int> EmbeddedCluster::formedSlots(int index) const
{
    const int masters = m_options.masters;
    if (index < 0 || index >= masters)
        return {-1, -1};
    // As redis-cli --cluster create splits them.
    const double perMaster = double(ClusterSlot::kSlotCount) / masters;
    const auto lastOf = [&](int i) {
        return i == masters - 1 ? ClusterSlot::kSlotCount - 1 : int(std::lround((i + 1) * perMaster - 1));
    };
    return {index == 0 ? 0 : lastOf(index - 1) + 1, lastOf(index)};
}

quint16 EmbeddedCluster::tlsPort(int index) const
{
    return m_tlsPorts.value(index);
}

ConnectionConfig EmbeddedCluster::nodeConfig(int index) const
{
    ConnectionConfig config;
    if (const EmbeddedServer *server = node(index))
        config = server->connectionConfig();
    config.password = m_options.password;
    return config;
}

ConnectionConfig EmbeddedCluster::seedConfig() const
{
    ConnectionConfig config = nodeConfig(0);
    config.name = tr("Local cluster (embedded)");
    return config;
}

int EmbeddedCluster::masterOf(int index) const
{
    return index < m_options.masters ? -1 : index % m_options.masters;
}

void EmbeddedCluster::start()
{
    if (m_state != State::Stopped && m_state != State::Failed)
        return;
    if (m_options.masters < 3 || m_options.replicasPerMaster < 0) {
        m_state = State::Failed;
        QMetaObject::invokeMethod(
            this, [this] { emit failed(tr("A Redis Cluster needs at least 3 masters.")); },
            Qt::QueuedConnection);
        return;
    }
    ++m_generation;
    m_nodes.clear();
    m_connections.clear();
    m_ids.clear();
    m_tlsPorts.clear();
    m_readyNodes = 0;
    m_stoppedNodes = 0;
    m_formationMs = -1;
    m_lastProblem.clear();
    m_step.clear();
    m_state = State::Starting;
    m_clock.start();
    m_deadline->start(m_options.formTimeoutMs);
    setStep(tr("starting the nodes"));

    const int count = m_options.masters * (1 + m_options.replicasPerMaster);
    // Data port and cluster bus port of every node; the bus port is given explicitly because
    // port + 10000 (redis' default) is out of range for most ephemeral ports.
    const bool tls =
        !m_options.tlsCertFile.isEmpty() && !m_options.tlsKeyFile.isEmpty() && !m_options.tlsCaFile.isEmpty();
    const QList<quint16> ports = EmbeddedServer::freePorts((tls ? 3 : 2) * count);
    if (ports.isEmpty()) {
        QMetaObject::invokeMethod(
            this,
            [this] { fail(tr("There are not enough free TCP ports on 127.0.0.1 for a local cluster.")); },
            Qt::QueuedConnection);
        return;
    }
    m_busPorts = ports.mid(count, count);
    m_tlsPorts = tls ? ports.mid(2 * count) : QList<quint16>();
    for (int i = 0; i < count; ++i) {
        EmbeddedServer::Options options;
        options.executable = m_options.executable;
        options.port = ports[i];
        // A relative cluster-config-file lands in the node's data directory (its --dir).
        options.extraArgs =
            QStringList{QStringLiteral("--cluster-enabled"), QStringLiteral("yes"),
                        QStringLiteral("--cluster-config-file"), QStringLiteral("nodes.conf"),
                        QStringLiteral("--cluster-port"), QString::number(m_busPorts[i]),
                        QStringLiteral("--cluster-node-timeout"), QString::number(m_options.nodeTimeoutMs),
                        // Replicas sync at once instead of after the default 5 s.
                        QStringLiteral("--repl-diskless-sync-delay"), QStringLiteral("0")};
        if (!m_options.password.isEmpty()) {
            options.extraArgs << QStringLiteral("--requirepass") << m_options.password
                              << QStringLiteral("--masterauth") << m_options.password;
        }
        if (tls) {
            options.extraArgs << QStringLiteral("--tls-port") << QString::number(m_tlsPorts[i])
                              << QStringLiteral("--tls-cert-file") << m_options.tlsCertFile
                              << QStringLiteral("--tls-key-file") << m_options.tlsKeyFile
                              << QStringLiteral("--tls-ca-cert-file") << m_options.tlsCaFile
                              << QStringLiteral("--tls-auth-clients") << QStringLiteral("no")
                              << QStringLiteral("--tls-cluster") << QStringLiteral("yes")
                              << QStringLiteral("--tls-replication") << QStringLiteral("yes");
            if (!m_options.tlsClientCertFile.isEmpty() && !m_options.tlsClientKeyFile.isEmpty()) {
                options.extraArgs << QStringLiteral("--tls-client-cert-file") << m_options.tlsClientCertFile
                                  << QStringLiteral("--tls-client-key-file") << m_options.tlsClientKeyFile;
            }
        }
        options.extraArgs += m_options.extraArgs;
        auto server = std::make_unique<EmbeddedServer>(options);
        connect(server.get(), &EmbeddedServer::ready, this, &EmbeddedCluster::onNodeReady);
        connect(server.get(), &EmbeddedServer::failed, this,
                [this, i](const QString &message) { onNodeFailed(i, message); });
        connect(server.get(), &EmbeddedServer::stopped, this, [this] {
            if (++m_stoppedNodes == nodeCount())
                emit stopped();
        });
        m_nodes.push_back(std::move(server));
    }
    for (const auto &server : m_nodes)
        server->start();
}

void EmbeddedCluster::onNodeReady()
{
    if (m_state == State::Starting && ++m_readyNodes == nodeCount())
        form();
}

void EmbeddedCluster::onNodeFailed(int index, const QString &message)
{
    if (m_state == State::Starting || m_state == State::Forming)
        fail(tr("Node %1 of the local cluster failed: %2").arg(index + 1).arg(message));
    else if (m_state == State::Ready)
        emit nodeStopped(index, message);
}

void EmbeddedCluster::form()
{
    m_state = State::Forming;
    setStep(tr("assigning slots"));
    for (int i = 0; i < nodeCount(); ++i) {
        ConnectionConfig config = nodeConfig(i);
        config.clientName = QStringLiteral("keyscope-cluster-setup");
        auto connection = std::make_unique<RedisConnection>(config);
        connection->setAutoReconnect(false);
        connection->open();
        m_connections.push_back(std::move(connection));
    }
    QList<Command> commands;
    for (int i = 0; i < nodeCount(); ++i)
        commands.append({i, {"CLUSTER", "MYID"}});
    for (int i = 0; i < m_options.masters; ++i) {
        const auto [first, last] = formedSlots(i);
        commands.append(
            {i, {"CLUSTER", "ADDSLOTSRANGE", QByteArray::number(first), QByteArray::number(last)}});
    }
    roundTrip(commands, [this](const Replies &replies) {
        for (int i = 0; i < nodeCount(); ++i) {
            if (replies[i].type() != RedisReply::Type::Bulk) {
                fail(tr("CLUSTER MYID failed on node %1: %2").arg(i + 1).arg(replies[i].errorMessage()));
                return;
            }
            m_ids.append(replies[i].bytes());
        }
        for (qsizetype i = nodeCount(); i < replies.size(); ++i) {
            if (replies[i].isError()) {
                fail(tr("CLUSTER ADDSLOTSRANGE failed: %1").arg(replies[i].errorMessage()));
                return;
            }
        }
        meet();
    });
}

void EmbeddedCluster::meet()
{
    setStep(tr("introducing the nodes (CLUSTER MEET)"));
    QList<Command> commands;
    for (int i = 1; i < nodeCount(); ++i) {
        commands.append(
            {0,
             {"CLUSTER", "MEET", m_nodes[size_t(i)]->host().toUtf8(),
              // With tls-cluster the node's cluster port is its TLS port.
              QByteArray::number(m_tlsPorts.isEmpty() ? m_nodes[size_t(i)]->port() : m_tlsPorts[i]),
              QByteArray::number(m_busPorts[i])}});
    }
    roundTrip(commands, [this](const Replies &replies) {
        for (const RedisReply &reply : replies) {
            if (reply.isError()) {
                fail(tr("CLUSTER MEET failed: %1").arg(reply.errorMessage()));
                return;
            }
        }
        waitForHandshakes();
    });
}

void EmbeddedCluster::waitForHandshakes()
{
    setStep(tr("waiting until every node knows every other"));
    QList<Command> commands;
    for (int i = 0; i < nodeCount(); ++i)
        commands.append({i, {"CLUSTER", "NODES"}});
    roundTrip(commands, [this](const Replies &replies) {
        for (int i = 0; i < nodeCount(); ++i) {
            const auto topology = ClusterTopology::fromClusterNodes(replies[i].bytes());
            bool complete = topology.has_value();
            for (qsizetype k = 0; complete && k < m_ids.size(); ++k) {
                const ClusterNode *known = topology->node(m_ids[k]);
                complete =
                    known && !known->flags.testAnyFlags(ClusterNode::Handshake | ClusterNode::NoAddress);
            }
            if (!complete) {
                m_lastProblem = tr("Node %1 does not know every other node yet.").arg(i + 1);
                again(&EmbeddedCluster::waitForHandshakes);
                return;
            }
        }
        m_lastProblem.clear();
        replicate();
    });
}

void EmbeddedCluster::replicate()
{
    setStep(tr("attaching the replicas (CLUSTER REPLICATE)"));
    QList<Command> commands;
    for (int i = m_options.masters; i < nodeCount(); ++i)
        commands.append({i, {"CLUSTER", "REPLICATE", m_ids[masterOf(i)]}});
    roundTrip(commands, [this](const Replies &replies) {
        for (const RedisReply &reply : replies) {
            if (reply.isFailure()) {
                fail(tr("CLUSTER REPLICATE failed: %1").arg(reply.errorMessage()));
                return;
            }
            if (reply.isError()) {
                // Typically "Unknown node" or "I can only replicate a master" while gossip catches up.
                m_lastProblem = tr("CLUSTER REPLICATE: %1").arg(reply.errorMessage());
                again(&EmbeddedCluster::replicate);
                return;
            }
        }
        m_lastProblem.clear();
        waitUntilOk();
    });
}

void EmbeddedCluster::waitUntilOk()
{
    setStep(tr("waiting for cluster_state:ok and the replication links"));
    QList<Command> commands;
    for (int i = 0; i < nodeCount(); ++i) {
        commands.append({i, {"CLUSTER", "INFO"}});
        commands.append({i, {"CLUSTER", "NODES"}});
        commands.append({i, {"INFO", "replication"}});
    }
    roundTrip(commands, [this](const Replies &replies) {
        for (int i = 0; i < nodeCount(); ++i) {
            const RedisReply &info = replies[3 * i];
            const RedisReply &nodes = replies[3 * i + 1];
            const RedisReply &replication = replies[3 * i + 2];
            if (info.isFailure() || nodes.isFailure() || replication.isFailure()) {
                fail(tr("Node %1 stopped answering: %2")
                         .arg(i + 1)
                         .arg((info.isFailure()    ? info
                               : nodes.isFailure() ? nodes
                                                   : replication)
                                  .errorMessage()));
                return;
            }
            const QString state = infoField(info, QStringLiteral("cluster_state"));
            if (state != "ok") {
                m_lastProblem = tr("Node %1 reports cluster_state:%2.").arg(i + 1).arg(state);
                again(&EmbeddedCluster::waitUntilOk);
                return;
            }
            const auto topology = ClusterTopology::fromClusterNodes(nodes.bytes());
            for (int k = m_options.masters; k < nodeCount(); ++k) {
                const ClusterNode *replica = topology ? topology->node(m_ids[k]) : nullptr;
                if (!replica || !replica->isReplica() || replica->masterId != m_ids[masterOf(k)]) {
                    m_lastProblem = tr("Node %1 does not see node %2 as a replica of node %3 yet.")
                                        .arg(i + 1)
                                        .arg(k + 1)
                                        .arg(masterOf(k) + 1);
                    again(&EmbeddedCluster::waitUntilOk);
                    return;
                }
            }
            if (masterOf(i) >= 0 &&
                infoField(replication, QStringLiteral("master_link_status")) != QLatin1String("up")) {
                m_lastProblem = tr("The replication link of node %1 is not up yet.").arg(i + 1);
                again(&EmbeddedCluster::waitUntilOk);
                return;
            }
        }
        m_lastProblem.clear();
        m_deadline->stop();
        closeConnections();
        m_formationMs = m_clock.elapsed();
        m_state = State::Ready;
        setStep(tr("ready"));
        emit ready();
    });
}

void EmbeddedCluster::roundTrip(const QList<Command> &commands, std::function<void(const Replies &)> done)
{
    struct Collector
    {
        Replies replies;
        qsizetype remaining = 0;
        std::function<void(const Replies &)> done;
    };
    if (commands.isEmpty()) { // e.g. no replicas to attach
        const quint64 generation = m_generation;
        QMetaObject::invokeMethod(
            this,
            [this, generation, done = std::move(done)] {
                if (generation == m_generation)
                    done({});
            },
            Qt::QueuedConnection);
        return;
    }
    auto collector = std::make_shared<Collector>();
    collector->replies.resize(commands.size());
    collector->remaining = commands.size();
    collector->done = std::move(done);
    const quint64 generation = m_generation;
    for (qsizetype i = 0; i < commands.size(); ++i) {
        m_connections[size_t(commands[i].node)]->command(
            commands[i].args, this, [this, collector, generation, i](const RedisReply &reply) {
                collector->replies[i] = reply;
                if (--collector->remaining == 0 && generation == m_generation)
                    collector->done(collector->replies);
            });
    }
}

void EmbeddedCluster::again(void (EmbeddedCluster::*step)())
{
    const quint64 generation = m_generation;
    QTimer::singleShot(kPollIntervalMs, this, [this, step, generation] {
        if (generation == m_generation && m_state == State::Forming)
            (this->*step)();
    });
}

void EmbeddedCluster::setStep(const QString &step)
{
    if (step == m_step)
        return;
    m_step = step;
    emit progress(step);
}

void EmbeddedCluster::fail(const QString &message)
{
    if (m_state != State::Starting && m_state != State::Forming)
        return;
    ++m_generation;
    m_deadline->stop();
    m_state = State::Failed;
    closeConnections();
    for (const auto &server : m_nodes)
        server->stopAsync();
    emit failed(message);
}

void EmbeddedCluster::closeConnections()
{
    // Deleted later: this may run inside one of their reply callbacks.
    for (auto &connection : m_connections)
        connection.release()->deleteLater();
    m_connections.clear();
}

void EmbeddedCluster::stop()
{
    ++m_generation;
    m_deadline->stop();
    closeConnections();
    const bool wasActive = m_state != State::Stopped;
    m_state = State::Stopped;
    for (const auto &server : m_nodes)
        server->stop();
    if (wasActive && m_nodes.empty())
        emit stopped();
}

void EmbeddedCluster::stopAsync()
{
    ++m_generation;
    m_deadline->stop();
    closeConnections();
    m_state = State::Stopped;
    for (const auto &server : m_nodes)
        server->stopAsync();
}
