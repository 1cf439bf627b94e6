#pragma once

#include "clusterclient.h"
#include "clustertopology.h"
#include "connectionconfig.h"
#include "connectionerror.h"
#include "redisconnection.h"
#include "sentinelclient.h"

#include <optional>
#include <QList>
#include <QObject>
#include <QPointer>

// One open connection as the pages see it: given a profile, it reaches a standalone server, a Redis
// Cluster or the master a set of sentinels names, owns every connection that takes, and offers one
// interface whatever the kind. A standalone server (or a Sentinel-followed master) is a topology of one
// node.
//
// open() connects to the profile's server (or asks the sentinels for the master first) and reads its
// INFO: a server in cluster mode gets a ClusterClient, and the session is ready() once the slot map
// is known. Commands go through command(), routed by key slot in a cluster; per-node work uses
// nodes(), commandOn() and scanConnections(). Read-only profiles are enforced by every connection
// the session opens. After a Sentinel failover the session connects to the new master and emits
// serverChanged() then ready(): pages built on the old server's connections start again.
class Session : public QObject
{
    Q_OBJECT

public:
    enum class State {
        Closed,       // open() not called, or close()
        Connecting,   // connecting, authenticating, reading INFO or the slot map
        Ready,        // commands flow
        Reconnecting, // the server was lost; the connection retries with back-off
        Failed,       // gave up: wrong password, TLS refused, not reachable, no master …
    };
    Q_ENUM(State)

    using Callback = RedisConnection::Callback;
    using NodeReply = ClusterClient::NodeReply;
    using NodesCallback = ClusterClient::MastersCallback;

    explicit Session(ConnectionConfig profile, QObject *parent = nullptr);
    ~Session() override;

    // The profile as given (the Sentinel master's address is not in it).
    const ConnectionConfig &profile() const { return m_profile; }
    // The server the session talks to by default: the standalone server, the cluster's seed, the
    // master the sentinels named.
    ConnectionConfig serverConfig() const;
    bool isReadOnly() const { return m_profile.readOnly; }
    State state() const { return m_state; }
    bool isReady() const { return m_state == State::Ready; }
    // "Connected", "Connected (read-only)", "Reconnecting…".
    QString stateText() const;
    ConnectionError lastError() const { return m_lastError; }

    void open();
    // Closes every connection; pending callbacks get a Failure.
    void close();
    // Replaces the password (after an authentication failure) and opens again.
    void reopenWithPassword(const QString &password);

    // The kind, for the pages that show it (the Cluster and Sentinel tabs); nullptr otherwise.
    ClusterClient *cluster() const { return m_cluster; }
    SentinelClient *sentinel() const { return m_sentinel; }

    // The connection to the default node (see serverConfig()): ping, SELECT, INFO of that node.
    RedisConnection *connection() const { return m_connection; }

    // Routed: by the key slot in a cluster (with MOVED/ASK followed), to the server otherwise.
    void command(const QList<QByteArray> &args, QObject *context, Callback callback, int timeoutMs = -1);
    // Every node, masters and replicas, with their roles; one node (id = its endpoint) when standalone.
    QList<ClusterNode> nodes() const;
    // The default node's id among nodes().
    QByteArray defaultNodeId() const;
    // As is to one node of nodes() (no routing).
    void commandOn(const QByteArray &nodeId, const QList<QByteArray> &args, QObject *context,
                   Callback callback, int timeoutMs = -1);
    // On every master that serves slots (the one server when standalone), all replies at once.
    void commandOnMasters(const QList<QByteArray> &args, QObject *context, NodesCallback callback,
                          int timeoutMs = -1);
    // On every node that is not failed, replicas included.
    void commandOnNodes(const QList<QByteArray> &args, QObject *context, NodesCallback callback,
                        int timeoutMs = -1);
    // What to scan to see the whole keyspace: every master, or the one server. Owned by the session
    // (hold them in QPointer); mastersChanged() says when the list changes.
    QList<RedisConnection *> scanConnections();
    // The connection to one node of nodes(), nullptr if unknown.
    RedisConnection *connectionTo(const QByteArray &nodeId);
    // The connection holding key (its slot's master in a cluster): for a page of keyed reads and
    // writes on one key.
    RedisConnection *connectionForKey(const QByteArray &key);
    // The settings of the node that serves slot (any slot when standalone), for a dedicated connection
    // such as a subscriber; nullopt if the slot is not covered.
    std::optional<ConnectionConfig> configForSlot(int slot) const;
    // The master serving slot (the one server when standalone), nullopt if uncovered or not open.
    std::optional<ClusterNode> masterForSlot(int slot) const;
    // The profile's settings pointed at one node of nodes(), for a dedicated connection (a subscriber).
    std::optional<ConnectionConfig> configForNode(const QByteArray &nodeId) const;
    // Reloads a cluster's slot map now (after a MOVED seen elsewhere); nothing to do when standalone.
    void refreshTopology();
    // The total of a count per master (DBSIZE), or an error if a master did not answer.
    void countOnMasters(const QList<QByteArray> &args, QObject *context,
                        std::function<void(std::optional<qint64> total, const QString &error)> callback);

signals:
    void stateChanged(Session::State state);
    void ready();
    void errorOccurred(const ConnectionError &error);
    // A message that does not stop the session (a sentinel unreachable, a cluster refresh failing).
    void problem(const QString &message);
    // The nodes or their roles changed (cluster topology).
    void topologyChanged();
    // scanConnections() changed (a cluster failover, a master added).
    void mastersChanged();
    // A Sentinel failover: the session now talks to host:port; ready() follows.
    void serverChanged(const QString &host, quint16 port);
    void databaseChanged(int db);

private:
    void connectTo(const ConnectionConfig &config);
    void onConnectionReady();
    void onConnectionState(RedisConnection::State state);
    void onConnectionError(const ConnectionError &error);
    void detectKind();
    void openCluster();
    void followSentinels();
    void setState(State state);
    void fail(const ConnectionError &error);
    ClusterNode standaloneNode() const;

    ConnectionConfig m_profile;
    State m_state = State::Closed;
    ConnectionError m_lastError;
    QPointer<RedisConnection> m_connection; // child of this
    QPointer<ClusterClient> m_cluster;      // child of this, when the server runs in cluster mode
    QPointer<SentinelClient> m_sentinel;    // child of this, when the profile names sentinels
    bool m_kindKnown = false;               // INFO read since the connection was made
    quint64 m_generation = 0;               // bumped by close() and every new server
};
