#pragma once

#include "clustertopology.h"

#include <QByteArray>
#include <QStringList>
#include <QWidget>

class QComboBox;

// The console's target chooser on a cluster: routed by key, all masters, or one node of the topology
// (address, role, slots). A chosen node that leaves the map stays the target, marked, until the user
// picks another (chosenNodeGone() once).
class ConsoleTargetBar : public QWidget
{
    Q_OBJECT
public:
    enum class Mode { Routed, AllMasters, Node };
    Q_ENUM(Mode)

    explicit ConsoleTargetBar(QWidget *parent = nullptr);

    QComboBox *chooser() const { return m_targets; }
    // Lists the nodes (Session::nodes()), each master followed by its replicas; the target is kept.
    void setNodes(const QList<ClusterNode> &nodes);
    QStringList targets() const;
    Mode mode() const;
    // The chosen node's id (empty unless mode() is Node).
    QByteArray node() const;
    // The chosen target as listed.
    QString currentText() const;
    // False when there is no such target (no node with that id).
    bool setTarget(Mode mode, const QByteArray &nodeId = {});

signals:
    void targetChanged();
    // The chosen node (its id's first characters) is no longer in the cluster.
    void chosenNodeGone(const QString &shortId);

private:
    QComboBox *m_targets = nullptr;
    QByteArray m_goneNode; // the chosen node that left the map, once said
};
