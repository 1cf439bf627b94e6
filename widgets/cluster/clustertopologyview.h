#pragma once

#include "clustertopology.h"
#include "connectionconfig.h"

#include <QHash>
#include <QWidget>

class QAction;
class QLabel;
class QTreeWidget;
class QTreeWidgetItem;

// The nodes of a cluster and its slot coverage, from a ClusterTopology (CLUSTER NODES gives the
// most: flags, link states, migrations).
//
// A tree of masters (in slot order) with their replicas beneath: address (and announced hostname),
// node id, flags as CLUSTER NODES spells them (myself, master, slave, fail?, fail, handshake,
// noaddr, nofailover), link state and slot ranges with the slots migrating or importing. Failed
// nodes are shown in the error colour, possibly failed ones in a warning colour. Below, a bar of the
// 16,384 slots coloured by master, uncovered slots in red and slots being moved marked in orange;
// pointing at it names the slots and their master. Everything from the server is plain text.
//
// Per-node figures (memory, ops/s, keys) come from outside (an INFO poller per node) through
// setNodeStats(). The node context menu copies a redis-cli command for the node and, on a replica,
// asks to fail over to it; once confirmed, failoverRequested() (the page sends CLUSTER FAILOVER to
// that replica). The view never talks to a server.
class ClusterTopologyView : public QWidget
{
    Q_OBJECT
public:
    enum Column {
        AddressColumn,
        IdColumn,
        FlagsColumn,
        LinkColumn,
        MemoryColumn,
        OpsColumn,
        KeysColumn,
        SlotsColumn,
        ColumnCount
    };

    // Figures for one node; negative = unknown (shown empty).
    struct NodeStats
    {
        qint64 usedMemoryBytes = -1;
        double opsPerSecond = -1;
        qint64 keys = -1;
    };

    explicit ClusterTopologyView(QWidget *parent = nullptr);
    ~ClusterTopologyView() override;

    // Replaces what is shown; the selected node stays selected if it is still there.
    void setTopology(const ClusterTopology &topology);
    const ClusterTopology &topology() const { return m_topology; }
    // Id of the selected node, empty for none.
    QByteArray selectedNodeId() const;
    void setNodeStats(const QByteArray &nodeId, const NodeStats &stats);
    // The profile the cluster was reached with, for the redis-cli commands (user, TLS options; never
    // the password: the command asks for it with --askpass).
    void setConnectionConfig(const ConnectionConfig &config) { m_config = config; }
    // redis-cli -c for node, with config's user and TLS options.
    static QString redisCliCommand(const ClusterNode &node, const ConnectionConfig &config);

    QAction *copyCommandAction() const { return m_copyCommand; }
    QAction *failoverAction() const { return m_failover; }

    QTreeWidget *tree() const { return m_tree; }
    QWidget *coverageBar() const;
    QLabel *summaryLabel() const { return m_summary; }
    QLabel *hoverLabel() const { return m_hover; }

    // The colours of the bar, for tests and a legend.
    static QColor masterColour(int masterIndex);
    static QColor uncoveredColour();
    static QColor movingColour();

signals:
    void selectedNodeChanged(const QByteArray &nodeId);
    // The user confirmed CLUSTER FAILOVER on this replica.
    void failoverRequested(const QByteArray &replicaId);

private:
    class CoverageBar;

    void showSlotInfo(int firstSlot, int lastSlot);
    void applyStats(QTreeWidgetItem *item) const;
    void updateActions();
    void confirmFailover();
    QString summaryText() const;
    // What the slot bar shows, for a screen reader: each master's slots, uncovered and moving slots.
    QString coverageText() const;

    ClusterTopology m_topology;
    ConnectionConfig m_config;
    QHash<QByteArray, NodeStats> m_stats;
    QAction *m_copyCommand = nullptr;
    QAction *m_failover = nullptr;
    QTreeWidget *m_tree = nullptr;
    CoverageBar *m_bar = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_hover = nullptr;
};
