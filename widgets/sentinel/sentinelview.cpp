#include "sentinelview.h"

#include "connectionconfig.h"
#include "widgetstyle.h"

#include <QGuiApplication>
#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace {

QString text(const QByteArray &bytes)
{
    return QString::fromUtf8(bytes);
}

} // namespace

SentinelView::SentinelView(QWidget *parent)
    : QWidget(parent), m_summary(new QLabel(this)), m_tree(new QTreeWidget(this))
{
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_tree->setColumnCount(ColumnCount);
    m_tree->setHeaderLabels({tr("Name"), tr("Address"), tr("Flags"), tr("Last good ping"), tr("Details")});
    m_tree->setRootIsDecorated(true);
    m_tree->setUniformRowHeights(true);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_tree->header()->setStretchLastSection(true);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summary);
    layout->addWidget(m_tree, 1);

    setState(SentinelState{});
}

SentinelView::~SentinelView() = default;

QColor SentinelView::downColour()
{
    return WidgetStyle::errorColour(QGuiApplication::palette());
}

QColor SentinelView::warningColour()
{
    return QColor(0xc6, 0x6a, 0x00);
}

void SentinelView::setState(const SentinelState &state)
{
    m_state = state;
    m_error.clear();
    m_tree->clear();
    m_masters = new QTreeWidgetItem(m_tree, {tr("Masters (%1)").arg(m_state.masters.size())});
    m_replicas = new QTreeWidgetItem(
        m_tree, {tr("Replicas of %1 (%2)").arg(text(m_state.masterName)).arg(m_state.replicas.size())});
    m_sentinels = new QTreeWidgetItem(m_tree, {tr("Other sentinels (%1)").arg(m_state.sentinels.size())});
    for (QTreeWidgetItem *group : {m_masters, m_replicas, m_sentinels}) {
        QFont font = group->font(NameColumn);
        font.setBold(true);
        group->setFont(NameColumn, font);
        group->setFirstColumnSpanned(true);
    }
    for (const SentinelState::Node &node : m_state.masters)
        addNode(m_masters, node);
    for (const SentinelState::Node &node : m_state.replicas)
        addNode(m_replicas, node);
    for (const SentinelState::Node &node : m_state.sentinels)
        addNode(m_sentinels, node);
    m_tree->expandAll();
    updateSummary();
}

void SentinelView::setError(const QString &message)
{
    m_error = message;
    updateSummary();
}

void SentinelView::addNode(QTreeWidgetItem *group, const SentinelState::Node &node)
{
    auto *item = new QTreeWidgetItem(group);
    item->setText(NameColumn, text(node.name));
    item->setText(AddressColumn, HostPort::format(text(node.ip), node.port));
    item->setText(FlagsColumn, text(node.flags.join(',')));
    item->setText(PingColumn,
                  node.lastOkPingReplyMs < 0 ? QString() : tr("%1 ms ago").arg(node.lastOkPingReplyMs));
    QStringList details;
    switch (node.role()) {
    case SentinelState::Node::Role::Master:
        details << tr("%n replica(s)", nullptr, node.numSlaves)
                << tr("%n other sentinel(s)", nullptr, node.numOtherSentinels)
                << tr("quorum %1").arg(node.quorum);
        if (!node.failoverState.isEmpty() && node.failoverState != "none")
            details << tr("failover: %1").arg(text(node.failoverState));
        break;
    case SentinelState::Node::Role::Replica:
        details << tr("master %1").arg(HostPort::format(text(node.masterHost), node.masterPort))
                << tr("link %1").arg(text(node.masterLinkStatus));
        break;
    case SentinelState::Node::Role::Sentinel: // its name is its run id
    case SentinelState::Node::Role::Unknown:
        break;
    }
    item->setText(DetailsColumn, details.join(QLatin1String(", ")));
    QColor foreground;
    if (node.isSubjectivelyDown() || node.isObjectivelyDown())
        foreground = downColour();
    else if (node.isFailoverInProgress() || node.isDisconnected())
        foreground = warningColour();
    if (foreground.isValid()) {
        for (int column = 0; column < ColumnCount; ++column)
            item->setForeground(column, foreground);
    }
    item->setData(NameColumn, Qt::UserRole, node.isTroubled());
}

void SentinelView::updateSummary()
{
    QStringList parts;
    if (const SentinelState::Node *master = m_state.master()) {
        parts << tr("Master %1 at %2")
                     .arg(text(master->name), HostPort::format(text(master->ip), master->port));
        if (master->isObjectivelyDown())
            parts << tr("objectively down (o_down)");
        else if (master->isSubjectivelyDown())
            parts << tr("subjectively down (s_down)");
        if (master->isFailoverInProgress())
            parts << tr("failover in progress");
    } else if (!m_state.masterName.isEmpty()) {
        parts << tr("The sentinels do not monitor a master named %1.").arg(text(m_state.masterName));
    } else {
        parts << tr("No sentinel state yet.");
    }
    qsizetype downReplicas = 0;
    for (const SentinelState::Node &node : m_state.replicas)
        downReplicas += node.isSubjectivelyDown() || node.isObjectivelyDown() ? 1 : 0;
    if (downReplicas > 0)
        parts << tr("%n replica(s) down", nullptr, int(downReplicas));
    if (!m_error.isEmpty())
        parts << tr("Error: %1").arg(m_error);
    m_summary->setText(parts.join(QStringLiteral(" · ")));
    QPalette palette = m_summary->palette();
    const bool alarming =
        !m_error.isEmpty() || downReplicas > 0 || (m_state.master() && m_state.master()->isTroubled());
    palette.setColor(QPalette::WindowText,
                     alarming ? downColour() : this->palette().color(QPalette::WindowText));
    m_summary->setPalette(palette);
}
