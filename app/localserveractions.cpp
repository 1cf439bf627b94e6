#include "localserveractions.h"

#include "connectiontreemodel.h"
#include "embeddedserver.h"

#include <QAction>
#include <QApplication>
#include <QStatusBar>
#include <QStyle>

namespace {
int slot(LocalServers::Kind kind)
{
    return int(kind);
}
} // namespace

LocalServerActions::LocalServerActions(LocalServers *servers, ConnectionTreeModel *tree, QStatusBar *status,
                                       QObject *parent)
    : QObject(parent), m_servers(servers), m_tree(tree), m_status(status)
{
    using Kind = LocalServers::Kind;
    for (Kind kind : {Kind::Standalone, Kind::Cluster, Kind::Sentinel}) {
        m_actions[slot(kind)] = new QAction(this);
        connect(m_actions[slot(kind)], &QAction::triggered, this, [this, kind] { toggle(kind); });
    }
    action(Kind::Cluster)
        ->setStatusTip(tr("3 masters and 3 replicas of the local redis-server, then connect to it"));
    action(Kind::Sentinel)
        ->setStatusTip(
            tr("A master, a replica and 3 sentinels of the local redis-server; connect to the master "
               "through the sentinels and follow its failovers"));
    connect(servers, &LocalServers::ready, this, &LocalServerActions::onReady);
    connect(servers, &LocalServers::failed, this, [this](LocalServers::Kind kind, const QString &message) {
        const QString text = kind == Kind::Standalone ? tr("The local server failed: %1").arg(message)
                             : kind == Kind::Cluster  ? tr("The local cluster failed: %1").arg(message)
                                                     : tr("The local Sentinel setup failed: %1").arg(message);
        m_status->showMessage(text);
        if (kind == Kind::Standalone)
            m_tree->setEmbeddedStatus(text);
        m_openWhenReady[slot(kind)] = false;
        update();
        emit failed(text);
    });
    connect(servers, &LocalServers::stopped, this, [this](LocalServers::Kind kind) {
        if (kind == Kind::Standalone)
            m_tree->setEmbeddedStatus(tr("Stopped"));
        update();
        emit stopped(kind);
    });
    update();
}

QAction *LocalServerActions::action(LocalServers::Kind kind) const
{
    return m_actions[slot(kind)];
}

QString LocalServerActions::treeId(LocalServers::Kind kind)
{
    switch (kind) {
    case LocalServers::Kind::Standalone:
        return ConnectionTreeModel::embeddedId();
    case LocalServers::Kind::Cluster:
        return QStringLiteral(":local-cluster");
    case LocalServers::Kind::Sentinel:
        return QStringLiteral(":local-sentinel");
    }
    return {};
}

void LocalServerActions::open(LocalServers::Kind kind)
{
    if (m_servers->isReady(kind)) {
        emit openRequested(kind);
        return;
    }
    m_openWhenReady[slot(kind)] = true;
    if (!m_servers->isRunning(kind))
        toggle(kind);
}

void LocalServerActions::toggle(LocalServers::Kind kind)
{
    if (m_servers->isRunning(kind)) {
        m_openWhenReady[slot(kind)] = false;
        emit stopping(kind);
        m_servers->stop(kind); // stopped() follows
        update();
        return;
    }
    switch (kind) {
    case LocalServers::Kind::Standalone:
        m_status->showMessage(tr("Starting the local redis-server…"));
        m_tree->setEmbeddedStatus(tr("Starting…"));
        break;
    case LocalServers::Kind::Cluster:
        m_status->showMessage(tr("Starting a local cluster of 6 redis-server nodes…"));
        break;
    case LocalServers::Kind::Sentinel:
        m_status->showMessage(tr("Starting a master, a replica and 3 sentinels…"));
        break;
    }
    m_openWhenReady[slot(kind)] = true;
    m_servers->start(kind);
    update();
}

void LocalServerActions::onReady(LocalServers::Kind kind)
{
    switch (kind) {
    case LocalServers::Kind::Standalone:
        m_status->clearMessage();
        m_tree->setEmbeddedStatus(
            tr("Running on %1\nData directory: %2")
                .arg(HostPort::format(m_servers->server()->host(), m_servers->server()->port()),
                     m_servers->server()->dataDir()));
        break;
    case LocalServers::Kind::Cluster:
        m_status->showMessage(
            tr("Local cluster formed in %1 s.").arg(m_servers->formationSeconds(kind), 0, 'f', 1));
        break;
    case LocalServers::Kind::Sentinel:
        m_status->showMessage(
            tr("Local Sentinel setup ready in %1 s.").arg(m_servers->formationSeconds(kind), 0, 'f', 1));
        break;
    }
    update();
    if (m_openWhenReady[slot(kind)]) {
        m_openWhenReady[slot(kind)] = false;
        emit openRequested(kind);
    }
}

void LocalServerActions::update()
{
    using Kind = LocalServers::Kind;
    const bool server = m_servers->isRunning(Kind::Standalone);
    action(Kind::Standalone)->setText(server ? tr("Stop local server") : tr("Start local server"));
    action(Kind::Standalone)
        ->setIcon(QApplication::style()->standardIcon(server ? QStyle::SP_MediaStop : QStyle::SP_MediaPlay));
    action(Kind::Cluster)
        ->setText(m_servers->isRunning(Kind::Cluster) ? tr("Stop local cluster")
                                                      : tr("Start local cluster (6 nodes)"));
    action(Kind::Sentinel)
        ->setText(m_servers->isRunning(Kind::Sentinel) ? tr("Stop local Sentinel setup")
                                                       : tr("Start local Sentinel setup"));
}
