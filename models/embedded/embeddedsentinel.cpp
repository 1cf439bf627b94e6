#include "embeddedsentinel.h"

#include "embeddedserver.h"
#include "redisconnection.h"
#include "redisreply.h"
#include "sentinelstate.h"
#include "serverinfo.h"

#include <memory>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTimer>

namespace {

constexpr int kPollIntervalMs = 200;

// The value of one INFO field ("" if absent).
QString infoField(const RedisReply &reply, const QString &name)
{
    return ServerInfo::parse(reply.bytes()).value(name);
}

} // namespace

EmbeddedSentinel::EmbeddedSentinel(QObject *parent) : EmbeddedSentinel(Options{}, parent) {}

EmbeddedSentinel::EmbeddedSentinel(Options options, QObject *parent)
    : QObject(parent), m_options(std::move(options)), m_deadline(new QTimer(this)),
      m_pollTimer(new QTimer(this))
{
    m_deadline->setSingleShot(true);
    connect(m_deadline, &QTimer::timeout, this, [this] {
        QString message = tr("The local Sentinel setup did not form within %1 s (step: %2).")
                              .arg(m_options.formTimeoutMs / 1000.0)
                              .arg(m_step);
        if (!m_lastProblem.isEmpty())
            message += QLatin1Char(' ') + m_lastProblem;
        fail(message);
    });
    m_pollTimer->setSingleShot(true);
    m_pollTimer->setInterval(kPollIntervalMs);
    connect(m_pollTimer, &QTimer::timeout, this, &EmbeddedSentinel::poll);
}

EmbeddedSentinel::~EmbeddedSentinel()
{
    stop();
}

EmbeddedServer *EmbeddedSentinel::sentinel(int index) const
{
    return index >= 0 && index < sentinelCount() ? m_sentinels[size_t(index)].get() : nullptr;
}

ConnectionConfig EmbeddedSentinel::masterConfig() const
{
    return configOf(m_master.get());
}

ConnectionConfig EmbeddedSentinel::replicaConfig() const
{
    return configOf(m_replica.get());
}

ConnectionConfig EmbeddedSentinel::configOf(const EmbeddedServer *server) const
{
    ConnectionConfig config;
    if (server)
        config = server->connectionConfig();
    config.password = m_options.password;
    return config;
}

QList<ConnectionConfig> EmbeddedSentinel::sentinelConfigs() const
{
    QList<ConnectionConfig> configs;
    for (const auto &server : m_sentinels) {
        ConnectionConfig config = server->connectionConfig();
        config.name = tr("Local sentinel (embedded)");
        configs.append(config);
    }
    return configs;
}

void EmbeddedSentinel::start()
{
    if (m_state != State::Stopped && m_state != State::Failed)
        return;
    const int count = m_options.sentinels;
    if (count < 1 || m_options.quorum < 1 || m_options.quorum > count || m_options.masterName.isEmpty()) {
        m_state = State::Failed;
        QMetaObject::invokeMethod(
            this,
            [this] {
                emit failed(tr("A Sentinel setup needs a master name and a quorum of 1 … sentinels."));
            },
            Qt::QueuedConnection);
        return;
    }
    ++m_generation;
    m_master.reset();
    m_replica.reset();
    m_sentinels.clear();
    closeConnections();
    m_readyServers = 0;
    m_formationMs = -1;
    m_lastProblem.clear();
    m_state = State::Starting;
    m_clock.start();
    m_deadline->start(m_options.formTimeoutMs);
    setStep(tr("starting master and replica"));

    m_ports = EmbeddedServer::freePorts(2 + count);
    m_configDir =
        std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/keyscope-sentinel-XXXXXX"));
    if (m_ports.isEmpty() || !m_configDir->isValid()) {
        QMetaObject::invokeMethod(
            this,
            [this] {
                fail(tr("There are not enough free TCP ports on 127.0.0.1 or no temporary directory for a "
                        "local Sentinel setup."));
            },
            Qt::QueuedConnection);
        return;
    }
    m_master = makeServer(m_ports[0], QString(), tr("master"));
    m_replica = makeServer(m_ports[1], QString(), tr("replica"));
    m_master->start();
    m_replica->start();
}

std::unique_ptr<EmbeddedServer> EmbeddedSentinel::makeServer(quint16 port, const QString &configFile,
                                                             const QString &which)
{
    EmbeddedServer::Options options;
    options.executable = m_options.executable;
    options.port = port;
    options.configFile = configFile;
    if (configFile.isEmpty()) {
        // A replica syncs at once instead of after the default 5 s.
        options.extraArgs = QStringList{QStringLiteral("--repl-diskless-sync-delay"), QStringLiteral("0")};
        if (!m_options.password.isEmpty()) {
            options.extraArgs << QStringLiteral("--requirepass") << m_options.password
                              << QStringLiteral("--masterauth") << m_options.password;
        }
    } else {
        options.extraArgs = QStringList{QStringLiteral("--sentinel")};
    }
    auto server = std::make_unique<EmbeddedServer>(options);
    connect(server.get(), &EmbeddedServer::ready, this, &EmbeddedSentinel::onServerReady);
    connect(server.get(), &EmbeddedServer::failed, this,
            [this, which](const QString &message) { onServerFailed(which, message); });
    return server;
}

void EmbeddedSentinel::onServerReady()
{
    if (m_state != State::Starting)
        return;
    ++m_readyServers;
    if (m_readyServers == 2)
        replicate();
    else if (m_readyServers == 2 + sentinelCount()) {
        m_state = State::Forming;
        setStep(tr("waiting for the sentinels to see the master, the replica and each other"));
        m_sentinelConnections.clear();
        for (const auto &server : m_sentinels) {
            ConnectionConfig config = server->connectionConfig();
            config.clientName = QStringLiteral("keyscope-sentinel-setup");
            auto connection = std::make_unique<RedisConnection>(config);
            connection->open();
            m_sentinelConnections.push_back(std::move(connection));
        }
        poll();
    }
}

void EmbeddedSentinel::onServerFailed(const QString &which, const QString &message)
{
    if (m_state == State::Starting || m_state == State::Forming)
        fail(tr("The %1 of the local Sentinel setup failed: %2").arg(which, message));
    else if (m_state == State::Ready)
        emit processStopped(which, message);
}

void EmbeddedSentinel::replicate()
{
    setStep(tr("attaching the replica (REPLICAOF)"));
    ConnectionConfig config = replicaConfig();
    config.clientName = QStringLiteral("keyscope-sentinel-setup");
    m_replicaConnection = std::make_unique<RedisConnection>(config);
    m_replicaConnection->open();
    roundTrip({{m_replicaConnection.get(),
                {"REPLICAOF", m_master->host().toUtf8(), QByteArray::number(m_master->port())}}},
              [this](const Replies &replies) {
                  if (replies[0].isError()) {
                      fail(tr("REPLICAOF failed: %1").arg(replies[0].errorMessage()));
                      return;
                  }
                  startSentinels();
              });
}

bool EmbeddedSentinel::writeSentinelConfig(const QString &path, quint16 port)
{
    const QByteArray &name = m_options.masterName;
    QByteArray text = "port " + QByteArray::number(port) + '\n';
    text += "sentinel monitor " + name + " 127.0.0.1 " + QByteArray::number(m_master->port()) + ' ' +
            QByteArray::number(m_options.quorum) + '\n';
    text +=
        "sentinel down-after-milliseconds " + name + ' ' + QByteArray::number(m_options.downAfterMs) + '\n';
    text +=
        "sentinel failover-timeout " + name + ' ' + QByteArray::number(m_options.failoverTimeoutMs) + '\n';
    text += "sentinel resolve-hostnames no\n";
    if (!m_options.password.isEmpty())
        text += "sentinel auth-pass " + name + ' ' + m_options.password.toUtf8() + '\n';
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(text) == text.size();
}

void EmbeddedSentinel::startSentinels()
{
    setStep(tr("starting the sentinels"));
    for (int i = 0; i < m_options.sentinels; ++i) {
        const QString path =
            QDir(m_configDir->path()).filePath(QStringLiteral("sentinel-%1.conf").arg(i + 1));
        if (!writeSentinelConfig(path, m_ports[2 + i])) {
            fail(tr("Cannot write the sentinel configuration %1.").arg(QDir::toNativeSeparators(path)));
            return;
        }
        m_sentinels.push_back(makeServer(m_ports[2 + i], path, tr("sentinel %1").arg(i + 1)));
    }
    for (const auto &server : m_sentinels)
        server->start();
}

void EmbeddedSentinel::poll()
{
    std::vector<std::pair<RedisConnection *, QList<QByteArray>>> commands;
    commands.push_back({m_replicaConnection.get(), {"INFO", "replication"}});
    for (const auto &connection : m_sentinelConnections)
        commands.push_back({connection.get(), {"SENTINEL", "MASTER", m_options.masterName}});
    roundTrip(commands, [this](const Replies &replies) {
        if (infoField(replies[0], QStringLiteral("master_link_status")) != QLatin1String("up")) {
            m_lastProblem = tr("The replica's link to the master is not up yet.");
            m_pollTimer->start();
            return;
        }
        const QByteArray others = QByteArray::number(sentinelCount() - 1);
        for (qsizetype i = 1; i < replies.size(); ++i) {
            const RedisReply &reply = replies[i];
            const SentinelState::Node master =
                SentinelState::parseNode(reply).value_or(SentinelState::Node{});
            const bool seen = !reply.isError() && master.field("flags") == "master" &&
                              master.field("num-slaves").toInt() >= 1 &&
                              master.field("num-other-sentinels") == others;
            if (!seen) {
                m_lastProblem = reply.isError()
                                    ? tr("Sentinel %1 answered: %2").arg(i).arg(reply.errorMessage())
                                    : tr("Sentinel %1 sees flags %2, %3 replicas, %4 other sentinels.")
                                          .arg(i)
                                          .arg(QString::fromUtf8(master.field("flags")),
                                               QString::fromUtf8(master.field("num-slaves")),
                                               QString::fromUtf8(master.field("num-other-sentinels")));
                m_pollTimer->start();
                return;
            }
        }
        closeConnections();
        m_deadline->stop();
        m_state = State::Ready;
        m_formationMs = m_clock.elapsed();
        emit ready();
    });
}

void EmbeddedSentinel::roundTrip(const std::vector<std::pair<RedisConnection *, QList<QByteArray>>> &commands,
                                 std::function<void(const Replies &)> done)
{
    struct Gather
    {
        Replies replies;
        qsizetype missing = 0;
        std::function<void(const Replies &)> done;
    };
    auto gather = std::make_shared<Gather>();
    gather->replies.resize(qsizetype(commands.size()));
    gather->missing = qsizetype(commands.size());
    gather->done = std::move(done);
    const quint64 generation = m_generation;
    for (size_t i = 0; i < commands.size(); ++i) {
        commands[i].first->command(commands[i].second, this,
                                   [this, gather, generation, i](const RedisReply &reply) {
                                       gather->replies[qsizetype(i)] = reply;
                                       if (--gather->missing == 0 && generation == m_generation &&
                                           (m_state == State::Starting || m_state == State::Forming))
                                           gather->done(gather->replies);
                                   });
    }
}

void EmbeddedSentinel::setStep(const QString &step)
{
    m_step = step;
    emit progress(step);
}

void EmbeddedSentinel::fail(const QString &message)
{
    if (m_state == State::Failed)
        return;
    stopAsync(); // this may run in the GUI thread: no blocking stop
    m_state = State::Failed;
    emit failed(message);
}

void EmbeddedSentinel::stop()
{
    ++m_generation;
    m_deadline->stop();
    m_pollTimer->stop();
    closeConnections();
    m_state = State::Stopped; // the servers' failed() during stop is not reported
    for (const auto &server : m_sentinels)
        server->stop();
    if (m_replica)
        m_replica->stop();
    if (m_master)
        m_master->stop();
}

void EmbeddedSentinel::closeConnections()
{
    // Deleted later: this may run inside one of their reply callbacks.
    for (auto &connection : m_sentinelConnections)
        connection.release()->deleteLater();
    m_sentinelConnections.clear();
    if (m_replicaConnection)
        m_replicaConnection.release()->deleteLater();
}

void EmbeddedSentinel::stopAsync()
{
    ++m_generation;
    m_deadline->stop();
    m_pollTimer->stop();
    closeConnections();
    m_state = State::Stopped;
    const quint64 generation = m_generation;
    auto pending = std::make_shared<int>(0);
    std::vector<EmbeddedServer *> servers{m_master.get(), m_replica.get()};
    for (const auto &server : m_sentinels)
        servers.push_back(server.get());
    for (EmbeddedServer *server : servers) {
        if (!server)
            continue;
        if (!server->isRunning()) {
            server->stop(); // only the clean-up is left: does not block
            continue;
        }
        ++*pending;
        connect(
            server, &EmbeddedServer::stopped, this,
            [this, pending, generation] {
                if (--*pending == 0 && generation == m_generation)
                    emit stopped();
            },
            Qt::SingleShotConnection);
        server->stopAsync();
    }
    if (*pending == 0)
        QMetaObject::invokeMethod(this, &EmbeddedSentinel::stopped, Qt::QueuedConnection);
}
