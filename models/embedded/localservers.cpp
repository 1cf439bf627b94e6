#include "localservers.h"

#include "embeddedcluster.h"
#include "embeddedsentinel.h"
#include "embeddedserver.h"

LocalServers::LocalServers(QObject *parent) : QObject(parent), m_server(std::make_unique<EmbeddedServer>())
{
    connect(m_server.get(), &EmbeddedServer::ready, this, [this] { emit ready(Kind::Standalone); });
    connect(m_server.get(), &EmbeddedServer::failed, this,
            [this](const QString &message) { emit failed(Kind::Standalone, message); });
    connect(m_server.get(), &EmbeddedServer::stopped, this, [this] {
        m_hasDemoData = false;
        emit stopped(Kind::Standalone);
    });
}

LocalServers::~LocalServers()
{
    // Their processes end with them; nothing of this object may be called back meanwhile.
    m_server->disconnect(this);
    if (m_cluster)
        m_cluster->disconnect(this);
    if (m_sentinel)
        m_sentinel->disconnect(this);
}

void LocalServers::start(Kind kind)
{
    if (isRunning(kind))
        return;
    switch (kind) {
    case Kind::Standalone:
        m_hasDemoData = false;
        m_server->start();
        return;
    case Kind::Cluster:
        m_cluster = std::make_unique<EmbeddedCluster>();
        connect(m_cluster.get(), &EmbeddedCluster::ready, this, [this] { emit ready(Kind::Cluster); });
        connect(m_cluster.get(), &EmbeddedCluster::failed, this,
                [this](const QString &message) { emit failed(Kind::Cluster, message); });
        connect(m_cluster.get(), &EmbeddedCluster::stopped, this, [this] { emit stopped(Kind::Cluster); });
        m_cluster->start();
        return;
    case Kind::Sentinel:
        m_sentinel = std::make_unique<EmbeddedSentinel>();
        connect(m_sentinel.get(), &EmbeddedSentinel::ready, this, [this] { emit ready(Kind::Sentinel); });
        connect(m_sentinel.get(), &EmbeddedSentinel::failed, this,
                [this](const QString &message) { emit failed(Kind::Sentinel, message); });
        connect(m_sentinel.get(), &EmbeddedSentinel::stopped, this, [this] { emit stopped(Kind::Sentinel); });
        m_sentinel->start();
        return;
    }
}

void LocalServers::stop(Kind kind)
{
    if (!isRunning(kind))
        return;
    switch (kind) {
    case Kind::Standalone:
        m_server->stopAsync();
        return;
    case Kind::Cluster:
        m_cluster->stopAsync();
        return;
    case Kind::Sentinel:
        m_sentinel->stopAsync();
        return;
    }
}

bool LocalServers::isRunning(Kind kind) const
{
    switch (kind) {
    case Kind::Standalone:
        return m_server->isRunning();
    case Kind::Cluster:
        return m_cluster && m_cluster->state() != EmbeddedCluster::State::Stopped &&
               m_cluster->state() != EmbeddedCluster::State::Failed;
    case Kind::Sentinel:
        return m_sentinel && m_sentinel->state() != EmbeddedSentinel::State::Stopped &&
               m_sentinel->state() != EmbeddedSentinel::State::Failed;
    }
    return false;
}

bool LocalServers::isReady(Kind kind) const
{
    switch (kind) {
    case Kind::Standalone:
        return m_server->isReady();
    case Kind::Cluster:
        return m_cluster && m_cluster->isReady();
    case Kind::Sentinel:
        return m_sentinel && m_sentinel->isReady();
    }
    return false;
}

ConnectionConfig LocalServers::profile(Kind kind) const
{
    ConnectionConfig config;
    switch (kind) {
    case Kind::Standalone:
        config = m_server->connectionConfig();
        config.name = tr("Local (embedded)");
        break;
    case Kind::Cluster:
        if (m_cluster)
            config = m_cluster->seedConfig();
        config.name = tr("Local cluster (embedded)");
        break;
    case Kind::Sentinel:
        if (m_sentinel) {
            config = m_sentinel->masterConfig();
            config.sentinelMaster = QString::fromUtf8(m_sentinel->masterName());
            for (const ConnectionConfig &sentinel : m_sentinel->sentinelConfigs())
                config.sentinels.append({sentinel.host, sentinel.port});
        }
        config.name = tr("Local Sentinel setup (embedded)");
        break;
    }
    return config;
}

double LocalServers::formationSeconds(Kind kind) const
{
    switch (kind) {
    case Kind::Standalone:
        return 0;
    case Kind::Cluster:
        return m_cluster ? double(m_cluster->formationMs()) / 1000.0 : 0;
    case Kind::Sentinel:
        return m_sentinel ? double(m_sentinel->formationMs()) / 1000.0 : 0;
    }
    return 0;
}
