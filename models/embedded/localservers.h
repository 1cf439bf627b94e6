#pragma once

#include "connectionconfig.h"

#include <memory>
#include <QObject>
#include <QString>

class EmbeddedCluster;
class EmbeddedSentinel;
class EmbeddedServer;

// The local servers Keyscope runs itself, one owner and one lifecycle for the three kinds: a standalone
// redis-server, a 6-node cluster, a Sentinel setup (master, replica, 3 sentinels). start(kind) launches
// it (nothing blocks), ready(kind) says its profile() can be opened, stop(kind) ends it (stopped(kind)
// follows). Everything stops when the owner is destroyed.
class LocalServers : public QObject
{
    Q_OBJECT

public:
    enum class Kind { Standalone, Cluster, Sentinel };
    Q_ENUM(Kind)

    explicit LocalServers(QObject *parent = nullptr);
    ~LocalServers() override;

    void start(Kind kind);
    void stop(Kind kind);
    // Started and not stopped or failed since (forming counts).
    bool isRunning(Kind kind) const;
    bool isReady(Kind kind) const;
    // The profile to open once ready: the server, the cluster's seed, or the sentinels with the master's
    // name.
    ConnectionConfig profile(Kind kind) const;
    // Seconds the last start took until ready.
    double formationSeconds(Kind kind) const;
    // The standalone server, for its log.
    EmbeddedServer *server() const { return m_server.get(); }
    // The cluster and the Sentinel setup once started (nullptr before), for their nodes.
    EmbeddedCluster *cluster() const { return m_cluster.get(); }
    EmbeddedSentinel *sentinel() const { return m_sentinel.get(); }

    // Whether the standalone server was given the demo data since it started (it keeps it until stopped).
    bool hasDemoData() const { return m_hasDemoData; }
    void setHasDemoData(bool loaded) { m_hasDemoData = loaded; }

signals:
    void ready(LocalServers::Kind kind);
    void failed(LocalServers::Kind kind, const QString &message);
    void stopped(LocalServers::Kind kind);

private:
    std::unique_ptr<EmbeddedServer> m_server;
    std::unique_ptr<EmbeddedCluster> m_cluster;
    std::unique_ptr<EmbeddedSentinel> m_sentinel;
    bool m_hasDemoData = false;
};
