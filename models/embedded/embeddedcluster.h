#pragma once

#include "connectionconfig.h"

#include <functional>
#include <memory>
#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QStringList>
#include <vector>

class EmbeddedServer;
class QTimer;
class RedisConnection;
class RedisReply;

// A local Redis Cluster of real redis-server processes (EmbeddedServer each: 127.0.0.1, free
// ports, its own temporary data directory, killed with Keyscope), formed from code:
// CLUSTER ADDSLOTSRANGE on the masters (slots split as redis-cli does: 0-5460 / 5461-10922 /
// 10923-16383 for three), CLUSTER MEET, CLUSTER REPLICATE once every node knows every other.
//
// start() is asynchronous: ready() once every node reports cluster_state:ok, sees every replica
// attached to its master and each replica's replication link is up; failed(message) otherwise,
// within Options::formTimeoutMs (the nodes are then stopped). Nodes 0 … masters-1 are the masters
// at formation; replica masters + k·masters + i replicates master i. After ready() a node that
// exits (crash, kill) is reported by nodeStopped(); the cluster fails over by itself.
class EmbeddedCluster : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QString executable; // empty = EmbeddedServer::findExecutable()
        int masters = 3;
        int replicasPerMaster = 1;
        int nodeTimeoutMs = 5000; // cluster-node-timeout: failure detection takes about this long
        int formTimeoutMs = 30000;
        QString password; // non-empty: requirepass and masterauth on every node
        // All three set: every node also listens with TLS on tlsPort(index), and the cluster bus and
        // replication use TLS (tls-cluster, tls-replication); clients need no certificate. The plain
        // port stays for management, so CLUSTER SHARDS lists both.
        QString tlsCertFile;
        QString tlsKeyFile;
        QString tlsCaFile;
        // The certificate nodes present when they connect to each other (the cluster bus always
        // asks for one); empty = tlsCertFile, which then needs the clientAuth usage too.
        QString tlsClientCertFile;
        QString tlsClientKeyFile;
        QStringList extraArgs; // appended to every node's command line
    };

    enum class State { Stopped, Starting, Forming, Ready, Failed };
    Q_ENUM(State)

    explicit EmbeddedCluster(QObject *parent = nullptr);
    explicit EmbeddedCluster(Options options, QObject *parent = nullptr);
    ~EmbeddedCluster() override;

    void setOptions(Options options) { m_options = std::move(options); }
    const Options &options() const { return m_options; }

    // Does nothing unless stopped or failed.
    void start();
    // Stops every node (blocks a few seconds at most, like EmbeddedServer::stop()).
    void stop();
    // For the UI: asks every node to shut down and returns at once; stopped() when all are gone.
    void stopAsync();

    State state() const { return m_state; }
    bool isReady() const { return m_state == State::Ready; }
    int nodeCount() const { return int(m_nodes.size()); }
    EmbeddedServer *node(int index) const;
    // CLUSTER MYID of node index (known once forming got that far).
    QByteArray nodeId(int index) const;
    // The slots node index was given at formation ({-1, -1} for a replica).
    std::pair<int, int> formedSlots(int index) const;
    // The TLS port of node index, 0 without TLS.
    quint16 tlsPort(int index) const;
    // A config that reaches node index (plain TCP, with Options::password).
    ConnectionConfig nodeConfig(int index) const;
    // nodeConfig(0), named: the seed for a ClusterClient.
    ConnectionConfig seedConfig() const;
    // How long the last start() took until ready() (-1 before).
    qint64 formationMs() const { return m_formationMs; }

signals:
    void ready();
    void failed(const QString &message);
    void nodeStopped(int index, const QString &message);
    void stopped();
    // What forming is doing now, for a status line.
    void progress(const QString &step);

private:
    struct Command
    {
        int node;
        QList<QByteArray> args;
    };
    using Replies = QList<RedisReply>;

    void onNodeReady();
    void onNodeFailed(int index, const QString &message);
    void form();
    void meet();
    void waitForHandshakes();
    void replicate();
    void waitUntilOk();
    // Sends every command, calls done with the replies in order once all arrived (unless the
    // cluster was stopped or failed meanwhile).
    void roundTrip(const QList<Command> &commands, std::function<void(const Replies &)> done);
    void again(void (EmbeddedCluster::*step)());
    void setStep(const QString &step);
    void fail(const QString &message);
    void closeConnections();
    int masterOf(int index) const;

    Options m_options;
    State m_state = State::Stopped;
    std::vector<std::unique_ptr<EmbeddedServer>> m_nodes;
    std::vector<std::unique_ptr<RedisConnection>> m_connections;
    QList<quint16> m_busPorts;
    QList<quint16> m_tlsPorts;
    QList<QByteArray> m_ids;
    int m_readyNodes = 0;
    int m_stoppedNodes = 0;
    quint64 m_generation = 0; // bumped by stop() and fail(): late replies are ignored
    QTimer *m_deadline = nullptr;
    QElapsedTimer m_clock;
    qint64 m_formationMs = -1;
    QString m_step;
    QString m_lastProblem; // why the current step is not done yet, for the timeout message
};
