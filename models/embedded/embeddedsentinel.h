#pragma once

#include "connectionconfig.h"

#include <functional>
#include <memory>
#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QString>
#include <vector>

class EmbeddedServer;
class QTemporaryDir;
class QTimer;
class RedisConnection;
class RedisReply;

// A local Sentinel setup of real redis-server processes (EmbeddedServer each: 127.0.0.1, free
// ports, killed with Keyscope): one master, one replica (REPLICAOF sent from code) and
// Options::sentinels sentinels (redis-server --sentinel, each with its own config file in a
// temporary directory, since a sentinel rewrites its config).
//
// start() is asynchronous: ready() once the replica's link to the master is up and every sentinel
// reports the master unflagged with at least one replica and every other sentinel
// (SENTINEL MASTER <name>); failed(message) otherwise within Options::formTimeoutMs (everything is
// then stopped). After ready() a process that exits (crash, kill) is reported by processStopped();
// the sentinels fail over by themselves.
class EmbeddedSentinel : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QString executable; // empty = EmbeddedServer::findExecutable()
        QByteArray masterName = "keyscope";
        int sentinels = 3;
        int quorum = 2;
        int downAfterMs = 1000;       // sentinel down-after-milliseconds
        int failoverTimeoutMs = 3000; // sentinel failover-timeout
        int formTimeoutMs = 30000;
        QString password; // non-empty: requirepass/masterauth on master and replica, auth-pass for sentinels
    };

    enum class State { Stopped, Starting, Forming, Ready, Failed };
    Q_ENUM(State)

    explicit EmbeddedSentinel(QObject *parent = nullptr);
    explicit EmbeddedSentinel(Options options, QObject *parent = nullptr);
    ~EmbeddedSentinel() override;

    void setOptions(Options options) { m_options = std::move(options); }
    const Options &options() const { return m_options; }

    // Does nothing unless stopped or failed.
    void start();
    // Stops every process (blocks a few seconds at most, like EmbeddedServer::stop()).
    void stop();
    // For the UI: asks every process to shut down and returns at once; stopped() when all are gone.
    void stopAsync();

    State state() const { return m_state; }
    bool isReady() const { return m_state == State::Ready; }
    QByteArray masterName() const { return m_options.masterName; }
    // The server that was the master (resp. the replica) at formation; after a failover the roles swap.
    EmbeddedServer *master() const { return m_master.get(); }
    EmbeddedServer *replica() const { return m_replica.get(); }
    int sentinelCount() const { return int(m_sentinels.size()); }
    EmbeddedServer *sentinel(int index) const;
    // A config that reaches master() / replica() (plain TCP, with Options::password).
    ConnectionConfig masterConfig() const;
    ConnectionConfig replicaConfig() const;
    // Configs that reach every sentinel (plain TCP, no password): the list for a SentinelClient.
    QList<ConnectionConfig> sentinelConfigs() const;
    // How long the last start() took until ready() (-1 before).
    qint64 formationMs() const { return m_formationMs; }

signals:
    void ready();
    void failed(const QString &message);
    // After ready(): which is tr("master"), tr("replica") or tr("sentinel %1").
    void processStopped(const QString &which, const QString &message);
    // After stopAsync(): every process is gone.
    void stopped();
    // What forming is doing now, for a status line.
    void progress(const QString &step);

private:
    using Replies = QList<RedisReply>;

    std::unique_ptr<EmbeddedServer> makeServer(quint16 port, const QString &configFile, const QString &which);
    void onServerReady();
    void onServerFailed(const QString &which, const QString &message);
    void replicate();
    void startSentinels();
    void poll();
    void roundTrip(const std::vector<std::pair<RedisConnection *, QList<QByteArray>>> &commands,
                   std::function<void(const Replies &)> done);
    bool writeSentinelConfig(const QString &path, quint16 port);
    void setStep(const QString &step);
    // A config that reaches server, with Options::password.
    ConnectionConfig configOf(const EmbeddedServer *server) const;
    void fail(const QString &message);
    void closeConnections();

    Options m_options;
    State m_state = State::Stopped;
    std::unique_ptr<QTemporaryDir> m_configDir;
    std::unique_ptr<EmbeddedServer> m_master;
    std::unique_ptr<EmbeddedServer> m_replica;
    std::vector<std::unique_ptr<EmbeddedServer>> m_sentinels;
    std::unique_ptr<RedisConnection> m_replicaConnection;
    std::vector<std::unique_ptr<RedisConnection>> m_sentinelConnections;
    QList<quint16> m_ports; // master, replica, sentinels…
    int m_readyServers = 0;
    quint64 m_generation = 0; // bumped by stop() and fail(): late replies are ignored
    QTimer *m_deadline = nullptr;
    QTimer *m_pollTimer = nullptr;
    QElapsedTimer m_clock;
    qint64 m_formationMs = -1;
    QString m_step;
    QString m_lastProblem;
};
