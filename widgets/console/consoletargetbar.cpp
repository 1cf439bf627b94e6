#include "consoletargetbar.h"

#include "clusterslot.h"
#include "clustertopology.h"

#include <algorithm>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>

namespace {

enum Role { ModeRole = Qt::UserRole, NodeRole };

QString slotsText(const QList<SlotRange> &ranges)
{
    QStringList parts;
    for (qsizetype i = 0; i < ranges.size() && i < 3; ++i)
        parts.append(ranges[i].first == ranges[i].last
                         ? QString::number(ranges[i].first)
                         : QStringLiteral("%1-%2").arg(ranges[i].first).arg(ranges[i].last));
    if (ranges.size() > 3)
        parts.append(QStringLiteral("…"));
    return parts.join(QStringLiteral(", "));
}

} // namespace

ConsoleTargetBar::ConsoleTargetBar(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *label = new QLabel(tr("Target:"), this);
    layout->addWidget(label);
    m_targets = new QComboBox(this);
    m_targets->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_targets->setToolTip(tr("Where commands go: routed by their keys to the master of their slot, to every "
                             "master, or to one node as is"));
    label->setBuddy(m_targets);
    layout->addWidget(m_targets);
    layout->addStretch(1);
    connect(m_targets, &QComboBox::currentIndexChanged, this, &ConsoleTargetBar::targetChanged);
}

void ConsoleTargetBar::setNodes(const QList<ClusterNode> &nodes)
{
    const Mode chosen = mode();
    const QByteArray current = node();
    const QSignalBlocker blocker(m_targets);
    m_targets->clear();
    m_targets->addItem(tr("Routed by key"));
    m_targets->setItemData(0, int(Mode::Routed), ModeRole);
    m_targets->addItem(tr("All masters"));
    m_targets->setItemData(1, int(Mode::AllMasters), ModeRole);
    const auto addNode = [this](const ClusterNode &node, const QString &role) {
        QString text = QStringLiteral("%1 · %2").arg(node.endpoint(), role);
        if (node.isFailed())
            text += QStringLiteral(" · ") + tr("failed");
        m_targets->addItem(text);
        const int index = m_targets->count() - 1;
        m_targets->setItemData(index, int(Mode::Node), ModeRole);
        m_targets->setItemData(index, node.id, NodeRole);
    };
    QList<QByteArray> listed;
    for (const ClusterNode *master : ClusterTopology::mastersOf(nodes)) {
        addNode(*master, master->slotRanges.isEmpty()
                             ? tr("master, no slots")
                             : tr("master, slots %1").arg(slotsText(master->slotRanges)));
        listed.append(master->id);
        for (const ClusterNode &replica : nodes) {
            if (!replica.isReplica() || replica.masterId != master->id)
                continue;
            addNode(replica, tr("replica of %1").arg(master->endpoint()));
            listed.append(replica.id);
        }
    }
    for (const ClusterNode &other : nodes)
        if (!listed.contains(other.id))
            addNode(other, other.isReplica() ? tr("replica") : tr("node"));
    int index = 0;
    if (chosen == Mode::AllMasters)
        index = 1;
    else if (chosen == Mode::Node)
        index = m_targets->findData(current, NodeRole);
    if (index < 0) {
        // The chosen node left the map: it stays the target (its commands fail) until the user picks
        // another, rather than quietly becoming "Routed by key".
        const QString shortId = QString::fromLatin1(current.left(8));
        m_targets->addItem(tr("%1 · no longer in the cluster").arg(shortId));
        index = m_targets->count() - 1;
        m_targets->setItemData(index, int(Mode::Node), ModeRole);
        m_targets->setItemData(index, current, NodeRole);
        if (m_goneNode != current)
            emit chosenNodeGone(shortId);
        m_goneNode = current;
    }
    m_targets->setCurrentIndex(index);
}

QStringList ConsoleTargetBar::targets() const
{
    QStringList texts;
    for (int i = 0; i < m_targets->count(); ++i)
        texts.append(m_targets->itemText(i));
    return texts;
}

ConsoleTargetBar::Mode ConsoleTargetBar::mode() const
{
    const QVariant mode = m_targets->currentData(ModeRole);
    return mode.isValid() ? Mode(mode.toInt()) : Mode::Routed;
}

QByteArray ConsoleTargetBar::node() const
{
    return mode() == Mode::Node ? m_targets->currentData(NodeRole).toByteArray() : QByteArray();
}

QString ConsoleTargetBar::currentText() const
{
    return m_targets->currentText();
}

bool ConsoleTargetBar::setTarget(Mode mode, const QByteArray &nodeId)
{
    const int index = mode == Mode::Routed       ? 0
                      : mode == Mode::AllMasters ? 1
                                                 : m_targets->findData(nodeId, NodeRole);
    if (index < 0 || index >= m_targets->count())
        return false;
    m_targets->setCurrentIndex(index);
    return true;
}
