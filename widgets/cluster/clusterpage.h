#pragma once

#include <QByteArray>
#include <QPointer>
#include <QWidget>

class ClusterClient;
class ClusterNodesPoller;
class ClusterTopologyView;
class QLabel;
class QTimer;

// The Cluster tab: the topology view fed by CLUSTER NODES every 5 s (ClusterNodesPoller), memory, ops/s and
// keys per node from INFO on each node every 5 s, and the failover asked for in the view (CLUSTER FAILOVER
// on that replica, after the view's question). The client belongs to the caller.
class ClusterPage : public QWidget
{
    Q_OBJECT
public:
    static constexpr int kStatsIntervalMs = 5000;

    explicit ClusterPage(ClusterClient *client, QWidget *parent = nullptr);

    ClusterTopologyView *view() const { return m_view; }
    ClusterNodesPoller *poller() const { return m_poller; }
    QLabel *statusLabel() const { return m_status; }

signals:
    // A node's INFO figures were shown.
    void statsShown(const QByteArray &nodeId);

private:
    void pollStats();
    void failover(const QByteArray &replicaId);

    QPointer<ClusterClient> m_client;
    ClusterNodesPoller *m_poller = nullptr;
    ClusterTopologyView *m_view = nullptr;
    QLabel *m_status = nullptr;
    QTimer *m_statsTimer = nullptr;
};
