#pragma once

#include "clustertopology.h"

#include <QWidget>

class QLabel;
class QTreeWidget;

// The nodes of a cluster and its slot coverage, from a ClusterTopology (CLUSTER NODES gives the
// most: flags, link states, migrations).
//
// A tree of masters (in slot order) with their replicas beneath: address (and announced hostname),
// node id, flags as CLUSTER NODES spells them (myself, master, slave, fail?, fail, handshake,
// noaddr, nofailover), link state and slot ranges with the slots migrating or importing. Failed
// nodes are shown in the error colour, possibly failed ones in a warning colour. Below, a bar of the
// 16,384 slots coloured by master, uncovered slots in red and slots being moved marked in orange;
// pointing at it names the slots and their master. Everything from the server is plain text.
class ClusterTopologyView : public QWidget
{
    Q_OBJECT
public:
    enum Column { AddressColumn, IdColumn, FlagsColumn, LinkColumn, SlotsColumn, ColumnCount };

    explicit ClusterTopologyView(QWidget *parent = nullptr);
    ~ClusterTopologyView() override;

    // Replaces what is shown; the selected node stays selected if it is still there.
    void setTopology(const ClusterTopology &topology);
    const ClusterTopology &topology() const { return m_topology; }
    // Id of the selected node, empty for none.
    QByteArray selectedNodeId() const;

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

private:
    class CoverageBar;

    void showSlotInfo(int firstSlot, int lastSlot);
    QString summaryText() const;

    ClusterTopology m_topology;
    QTreeWidget *m_tree = nullptr;
    CoverageBar *m_bar = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_hover = nullptr;
};
