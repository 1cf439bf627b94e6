#pragma once

#include "clustertopology.h"
#include "connectionconfig.h"
#include "redisconnection.h"

#include <deque>
#include <memory>
#include <optional>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QStringList>

class QTimer;

// A Redis Cluster client over RedisConnections: one seed config, one connection per node it needs,
// created on demand with the seed's AUTH, TLS and timeout settings (the config copied with host
// and port replaced). All on the thread that owns it; nothing blocks.
//
// open() loads the slot map from the seed (CLUSTER SHARDS, or CLUSTER SLOTS on servers before 7)
// and emits ready(). command() has RedisConnection's shape and routes each command by its keys
// (ClusterCommand::keysOf lists which commands are keyed and where their keys are) to the master
// of their slot; keyless commands go to a master (commandOnNode() targets a chosen node).
// Commands that see one node's keyspace only (DBSIZE, KEYS, SCAN, RANDOMKEY, FLUSHDB, FLUSHALL) are
// refused: commandOnNode() or commandOnMasters() say where they go.
// A multi-key command whose keys map to different slots is refused, except DEL, UNLINK, EXISTS,
// TOUCH (one command per slot, the counts summed) and MGET (one per slot, the values put back in
// order); so are transactions and subscriptions (they need a connection of their own).
//
// Redirections and retries, at most kMaxAttempts tries per command:
// - MOVED: the slot is moved in the map, the command is sent to the new owner, a topology
//   refresh is requested;
// - ASK: ASKING then the command on the node named, the map unchanged;
// - TRYAGAIN, CLUSTERDOWN: retried after kRetryDelayMs, doubling; then the error with the number
//   of attempts.
// A command that gets no reply (node down, timeout) is not retried — it may have run — but a
// refresh is requested. Refreshes: at most one in flight and kMinRefreshGapMs apart when
// requested by a redirection or failure, and by a timer refreshInterval() (at least 5 s) after the
// last reload.
// topologyChanged() whenever the map or the nodes changed; mastersChanged() when the masters that
// serve slots changed (a failover, a master added or emptied): per-master work such as a
// KeyScanner over masterConnections() should start again.
class ClusterClient : public QObject
{
    Q_OBJECT
public:
    using Callback = RedisConnection::Callback;

    static constexpr int kMaxAttempts = 5;
    static constexpr int kRetryDelayMs = 200;
    static constexpr int kMinRefreshIntervalMs = 5000;
    static constexpr int kMinRefreshGapMs = 1000;

    enum class State { Closed, Loading, Ready, Failed };
    Q_ENUM(State)

    explicit ClusterClient(ConnectionConfig seed, QObject *parent = nullptr);
    ~ClusterClient() override;

    const ConnectionConfig &seedConfig() const { return m_seed; }
    State state() const { return m_state; }
    bool isReady() const { return m_state == State::Ready; }
    const ClusterTopology &topology() const { return m_topology; }
    QString errorString() const { return m_error; }

    // Connects to the seed and loads the topology: ready() or failed().
    void open();
    // Closes every node connection; pending and queued callbacks get a Failure.
    void close();

    // As RedisConnection::command(); commands issued while the topology loads wait for it.
    void command(const QList<QByteArray> &args, QObject *context, Callback callback, int timeoutMs = -1);
    // One master's answer to commandOnMasters().
    struct NodeReply
    {
        QByteArray nodeId;
        QString endpoint;
        RedisReply reply;
    };
    using MastersCallback = std::function<void(const QList<NodeReply> &replies)>;
    // Sends to every master serving slots (DBSIZE, FLUSHALL, SCRIPT LOAD, CONFIG SET …); the callback
    // gets all replies at once, in masterConnections() order.
    void commandOnMasters(const QList<QByteArray> &args, QObject *context, MastersCallback callback,
                          int timeoutMs = -1);
    // The same on every node of the topology that is not failed, masters and replicas (PUBSUB CHANNELS:
    // classic subscribers may be connected to any node).
    void commandOnNodes(const QList<QByteArray> &args, QObject *context, MastersCallback callback,
                        int timeoutMs = -1);
    // Sends to one node as is (no routing, no redirection), e.g. for a console or INFO per node.
    void commandOnNode(const QByteArray &nodeId, const QList<QByteArray> &args, QObject *context,
                       Callback callback, int timeoutMs = -1);

    // One connection per master that serves slots and is not failed, in slot order: for scanning
    // every master (KeyScanner) or polling each. Owned by the client; valid until the node leaves
    // the topology or close() (hold them in QPointer).
    QList<RedisConnection *> masterConnections();
    // The connection to a node of the topology (created on demand), nullptr if the id is unknown.
    RedisConnection *connectionToNode(const QByteArray &nodeId);

    // The seed's settings pointed at host:port, as every node connection gets them.
    ConnectionConfig configFor(const QString &host, quint16 port) const;
    // That config for the master of slot (nullopt if uncovered): for a dedicated connection such as
    // an SSUBSCRIBE subscriber (PubSubSubscriber) to a shard channel's node.
    std::optional<ConnectionConfig> configForSlot(int slot) const;

    // Reloads the topology now unless a reload is in flight.
    void refreshTopology();
    void setRefreshInterval(int ms);
    int refreshInterval() const;

signals:
    void ready();
    void failed(const QString &message);
    void topologyChanged();
    void mastersChanged();

private:
    struct Request;
    using RequestPtr = std::shared_ptr<Request>;

    static bool isSplittable(const QList<QByteArray> &args);
    void commandOnEach(const QList<RedisConnection *> &connections, const QList<QByteArray> &args,
                       QObject *context, MastersCallback callback, int timeoutMs);
    void commandPerSlot(const RequestPtr &request);
    RedisConnection *connectionTo(const QString &host, quint16 port);
    QStringList servingMasters() const;
    void dispatch(const RequestPtr &request);
    void onReply(const RequestPtr &request, const QString &host, const RedisReply &reply);
    void retryLater(const RequestPtr &request, const RedisReply &reply);
    void deliver(const RequestPtr &request, const RedisReply &reply);
    void deliverLater(const RequestPtr &request, const RedisReply &reply);
    void requestRefresh();
    void loadTopology(QList<RedisConnection *> candidates, QString lastError);
    void onTopologyLoaded(std::optional<ClusterTopology> topology, const QString &error);
    void setTopology(ClusterTopology topology);
    QList<RedisConnection *> refreshCandidates();

    ConnectionConfig m_seed;
    State m_state = State::Closed;
    QString m_error;
    ClusterTopology m_topology;
    QHash<QString, RedisConnection *> m_connections; // by endpoint; children of this
    std::deque<RequestPtr> m_waiting;                // until the first topology is known
    bool m_useClusterSlots = false;                  // the server has no CLUSTER SHARDS
    bool m_refreshing = false;
    bool m_refreshWanted = false;
    QElapsedTimer m_sinceRefresh;
    QTimer *m_refreshTimer = nullptr;
    QTimer *m_gapTimer = nullptr;
    quint64 m_generation = 0; // bumped by close(): late topology replies are ignored
};
