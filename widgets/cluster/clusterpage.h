#pragma once

#include "sessionpage.h"

#include <QByteArray>
#include <QPointer>

class ClusterNodesPoller;
class ClusterTopologyView;
class QLabel;
class QTimer;

// The Cluster tab: the topology view fed by CLUSTER NODES every 5 s (ClusterNodesPoller), memory, ops/s and
// keys per node from INFO on each node every 5 s, and the failover asked for in the view (CLUSTER FAILOVER
// on that replica, after the view's question). Made only for a session whose server is a cluster.
class ClusterPage : public SessionPage
{
    Q_OBJECT
public:
    static constexpr int kStatsIntervalMs = 5000;

    explicit ClusterPage(Session *session, QWidget *parent = nullptr);

    QString title() const override;

    ClusterTopologyView *view() const { return m_view; }
    ClusterNodesPoller *poller() const { return m_poller; }
    QLabel *statusLabel() const { return m_status; }

signals:
    // A node's INFO figures were shown.
    void statsShown(const QByteArray &nodeId);

private:
    void pollStats();
    void failover(const QByteArray &replicaId);

    ClusterNodesPoller *m_poller = nullptr;
    ClusterTopologyView *m_view = nullptr;
    QLabel *m_status = nullptr;
    QTimer *m_statsTimer = nullptr;
};
