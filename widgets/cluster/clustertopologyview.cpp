#include "clustertopologyview.h"

#include "clusterslot.h"
#include "widgetstyle.h"

#include <algorithm>
#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QMouseEvent>
#include <QPainter>
#include <QPushButton>
#include <QRegularExpression>
#include <QSet>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>
#include <QVBoxLayout>

namespace {

constexpr int kBarHeight = 28;
constexpr int kMovingMarkHeight = 6;

QString legend()
{
    return ClusterTopologyView::tr(
        "The 16384 slots by master: red is not covered, an orange mark is being moved. "
        "Point at the bar for details.");
}

QString slotsText(const ClusterNode &node, const ClusterTopology &topology)
{
    const auto shortId = [&topology](const QByteArray &id) {
        const ClusterNode *peer = topology.node(id);
        return peer ? peer->endpoint() : QString::fromLatin1(id.left(8));
    };
    QStringList parts;
    for (const SlotRange &range : node.slotRanges)
        parts.append(range.first == range.last ? QString::number(range.first)
                                               : QStringLiteral("%1-%2").arg(range.first).arg(range.last));
    for (const SlotMigration &migration : node.migrating)
        parts.append(
            ClusterTopologyView::tr("%1 migrating to %2").arg(migration.slot).arg(shortId(migration.peerId)));
    for (const SlotMigration &migration : node.importing)
        parts.append(ClusterTopologyView::tr("%1 importing from %2")
                         .arg(migration.slot)
                         .arg(shortId(migration.peerId)));
    return parts.join(QStringLiteral(", "));
}

} // namespace

// The 16,384 slots as a horizontal bar: each pixel column shows the owner of the slots it covers
// (uncovered wins over covered, so a single uncovered slot stays visible), moving slots marked above.
class ClusterTopologyView::CoverageBar : public QWidget
{
public:
    explicit CoverageBar(ClusterTopologyView *view) : QWidget(view), m_view(view)
    {
        setMouseTracking(true);
        setMinimumHeight(kBarHeight);
        setMaximumHeight(kBarHeight);
        setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
        setObjectName(QStringLiteral("coverageBar"));
    }

    // The slots pixel column x covers.
    std::pair<int, int> slotsAt(int x) const
    {
        const int w = std::max(1, width());
        const int first = int(qint64(std::clamp(x, 0, w - 1)) * ClusterSlot::kSlotCount / w);
        const int last =
            std::max(first, int(qint64(std::clamp(x, 0, w - 1) + 1) * ClusterSlot::kSlotCount / w) - 1);
        return {first, last};
    }

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter painter(this);
        const ClusterTopology &topology = m_view->m_topology;
        const auto masters = topology.masters();
        for (int x = 0; x < width(); ++x) {
            const auto [first, last] = slotsAt(x);
            QColor colour;
            for (int slot = first; slot <= last; ++slot) {
                const ClusterNode *owner = topology.masterForSlot(slot);
                if (!owner) {
                    colour = uncoveredColour();
                    break;
                }
                if (!colour.isValid())
                    colour = masterColour(int(masters.indexOf(owner)));
            }
            painter.fillRect(x, 0, 1, height(), colour);
        }
        // Moving slots: a mark three pixels wide, so that a single slot can be seen.
        for (const int slot : topology.movingSlots())
            painter.fillRect(columnOf(slot) - 1, 0, 3, kMovingMarkHeight, movingColour());
    }

    // The column whose slots include slot (columns tile 0 … 16383).
    int columnOf(int slot) const
    {
        const qint64 w = std::max(1, width());
        int x = int(qint64(slot) * w / ClusterSlot::kSlotCount);
        while (x + 1 < w && (x + 1) * ClusterSlot::kSlotCount / w <= slot)
            ++x;
        return x;
    }

    void mouseMoveEvent(QMouseEvent *event) override
    {
        const auto [first, last] = slotsAt(int(event->position().x()));
        m_view->showSlotInfo(first, last);
    }

    void leaveEvent(QEvent *) override { m_view->m_hover->setText(legend()); }

private:
    ClusterTopologyView *m_view;
};

ClusterTopologyView::ClusterTopologyView(QWidget *parent)
    : QWidget(parent), m_tree(new QTreeWidget(this)), m_summary(new QLabel(this)), m_hover(new QLabel(this))
{
    m_bar = new CoverageBar(this);
    m_tree->setObjectName(QStringLiteral("clusterNodes"));
    WidgetStyle::setAccessible(m_tree, tr("Cluster nodes"),
                               tr("A row is one master, its replicas beneath it: address, id, flags, link, "
                                  "memory, ops/s, keys, slots"));
    WidgetStyle::setAccessible(m_bar, tr("Slot coverage"));
    m_tree->setColumnCount(ColumnCount);
    m_tree->setHeaderLabels(
        {tr("Node"), tr("ID"), tr("Flags"), tr("Link"), tr("Memory"), tr("Ops/s"), tr("Keys"), tr("Slots")});
    for (const int column : {MemoryColumn, OpsColumn, KeysColumn})
        m_tree->headerItem()->setTextAlignment(column, Qt::AlignRight | Qt::AlignVCenter);
    m_tree->setRootIsDecorated(true);
    m_tree->setUniformRowHeights(true);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setWordWrap(false);
    m_tree->header()->setStretchLastSection(true);
    m_tree->header()->setSectionResizeMode(QHeaderView::Interactive);
    connect(m_tree, &QTreeWidget::itemSelectionChanged, this, [this] {
        updateActions();
        emit selectedNodeChanged(selectedNodeId());
    });

    m_copyCommand = new QAction(tr("Copy redis-cli Command"), this);
    m_failover = new QAction(tr("Fail Over to This Replica…"), this);
    connect(m_copyCommand, &QAction::triggered, this, [this] {
        if (const ClusterNode *node = m_topology.node(selectedNodeId()))
            QGuiApplication::clipboard()->setText(redisCliCommand(*node, m_config));
    });
    connect(m_failover, &QAction::triggered, this, &ClusterTopologyView::confirmFailover);
    m_tree->addAction(m_copyCommand);
    m_tree->addAction(m_failover);
    m_tree->setContextMenuPolicy(Qt::ActionsContextMenu);

    for (QLabel *label : {m_summary, m_hover}) {
        label->setTextFormat(Qt::PlainText);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    m_summary->setObjectName(QStringLiteral("clusterSummary"));
    m_summary->setWordWrap(true);
    m_hover->setObjectName(QStringLiteral("slotInfo"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summary);
    layout->addWidget(m_tree, 1);
    layout->addWidget(m_bar);
    layout->addWidget(m_hover);
    setTopology({});
}

ClusterTopologyView::~ClusterTopologyView() = default;

QWidget *ClusterTopologyView::coverageBar() const
{
    return m_bar;
}

QColor ClusterTopologyView::masterColour(int masterIndex)
{
    // Distinct hues, away from the red of uncovered slots and the orange of moving ones.
    static const QColor colours[] = {QColor(0x3b, 0x7d, 0xd8), QColor(0x2e, 0xa0, 0x6b),
                                     QColor(0x8a, 0x5c, 0xd1), QColor(0x1f, 0xa3, 0xb5),
                                     QColor(0x6b, 0x8e, 0x23), QColor(0xb0, 0x5c, 0xa8)};
    return colours[std::max(0, masterIndex) % int(std::size(colours))];
}

QColor ClusterTopologyView::uncoveredColour()
{
    return QColor(0xd3, 0x2f, 0x2f);
}

QColor ClusterTopologyView::movingColour()
{
    return QColor(0xff, 0x98, 0x00);
}

QByteArray ClusterTopologyView::selectedNodeId() const
{
    const auto selected = m_tree->selectedItems();
    return selected.isEmpty() ? QByteArray() : selected.first()->data(IdColumn, Qt::UserRole).toByteArray();
}

void ClusterTopologyView::setTopology(const ClusterTopology &topology)
{
    const QByteArray selected = selectedNodeId();
    m_topology = topology;
    m_tree->clear();

    const auto addItem = [this, &selected](QTreeWidgetItem *item, const ClusterNode &node) {
        QString address = node.flags.testFlag(ClusterNode::NoAddress) ? tr("(no address)") : node.endpoint();
        if (!node.hostname.isEmpty())
            address += QStringLiteral(" (%1)").arg(node.hostname);
        item->setText(AddressColumn, address);
        item->setText(IdColumn, QString::fromLatin1(node.id));
        item->setData(IdColumn, Qt::UserRole, node.id);
        item->setText(FlagsColumn, node.flagsText());
        item->setText(LinkColumn, node.linkConnected ? tr("connected") : tr("disconnected"));
        item->setText(SlotsColumn, slotsText(node, m_topology));
        applyStats(item);
        QColor foreground;
        if (node.isFailed())
            foreground = uncoveredColour();
        else if (node.flags.testAnyFlags(ClusterNode::PossiblyFailed | ClusterNode::Handshake))
            foreground = movingColour().darker(130);
        if (foreground.isValid()) {
            for (int column = 0; column < ColumnCount; ++column)
                item->setForeground(column, foreground);
        }
        if (node.id == selected)
            item->setSelected(true);
    };

    QSet<QByteArray> shown;
    const auto masters = m_topology.masters();
    for (const ClusterNode *master : masters) {
        auto *item = new QTreeWidgetItem(m_tree);
        addItem(item, *master);
        shown.insert(master->id);
        for (const ClusterNode *replica : m_topology.replicasOf(master->id)) {
            addItem(new QTreeWidgetItem(item), *replica);
            shown.insert(replica->id);
        }
    }
    // Replicas of an unknown master, nodes still in handshake: at the end.
    for (const ClusterNode &node : m_topology.nodes()) {
        if (!shown.contains(node.id))
            addItem(new QTreeWidgetItem(m_tree), node);
    }
    m_tree->expandAll();
    for (int column = 0; column < SlotsColumn; ++column)
        m_tree->resizeColumnToContents(column);

    m_summary->setText(summaryText());
    m_hover->setText(legend());
    m_bar->setAccessibleDescription(coverageText());
    m_bar->update();
    updateActions();
}

void ClusterTopologyView::setNodeStats(const QByteArray &nodeId, const NodeStats &stats)
{
    m_stats.insert(nodeId, stats);
    for (QTreeWidgetItemIterator it(m_tree); *it; ++it) {
        if ((*it)->data(IdColumn, Qt::UserRole).toByteArray() == nodeId)
            applyStats(*it);
    }
}

void ClusterTopologyView::applyStats(QTreeWidgetItem *item) const
{
    const NodeStats stats = m_stats.value(item->data(IdColumn, Qt::UserRole).toByteArray());
    const QLocale locale;
    item->setText(MemoryColumn, stats.usedMemoryBytes < 0
                                    ? QString()
                                    : locale.formattedDataSize(stats.usedMemoryBytes, 1,
                                                               QLocale::DataSizeTraditionalFormat));
    item->setText(OpsColumn,
                  stats.opsPerSecond < 0 ? QString() : locale.toString(stats.opsPerSecond, 'f', 0));
    item->setText(KeysColumn, stats.keys < 0 ? QString() : locale.toString(stats.keys));
    for (const int column : {MemoryColumn, OpsColumn, KeysColumn})
        item->setTextAlignment(column, Qt::AlignRight | Qt::AlignVCenter);
}

void ClusterTopologyView::updateActions()
{
    const ClusterNode *node = m_topology.node(selectedNodeId());
    m_copyCommand->setEnabled(node && node->port != 0);
    m_failover->setEnabled(node && node->isReplica() && !node->isFailed() &&
                           !node->flags.testFlag(ClusterNode::NoFailover));
}

void ClusterTopologyView::confirmFailover()
{
    const ClusterNode *replica = m_topology.node(selectedNodeId());
    if (!replica || !replica->isReplica())
        return;
    const ClusterNode *master = m_topology.node(replica->masterId);
    QMessageBox *box = WidgetStyle::messageBox(
        this, QMessageBox::Question, tr("Fail Over"),
        tr("Make the replica %1 the master of its slots (CLUSTER FAILOVER)? Its master %2 "
           "becomes a replica of it.")
            .arg(replica->endpoint(), master ? master->endpoint() : tr("(unknown)")),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    const QByteArray id = replica->id;
    connect(box, &QMessageBox::finished, this, [this, id](int result) {
        if (result == QMessageBox::Yes)
            emit failoverRequested(id);
    });
    box->open();
}

QString ClusterTopologyView::redisCliCommand(const ClusterNode &node, const ConnectionConfig &config)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9_./:@%+=,-]+$"));
    const auto quoted = [](const QString &word) {
        return plain.match(word).hasMatch()
                   ? word
                   : QLatin1Char('\'') + QString(word).replace(QLatin1Char('\''), QStringLiteral("'\\''")) +
                         QLatin1Char('\'');
    };
    QStringList words{QStringLiteral("redis-cli"), QStringLiteral("-c"), QStringLiteral("-h"),
                      quoted(node.host),           QStringLiteral("-p"), QString::number(node.port)};
    if (!config.username.isEmpty())
        words << QStringLiteral("--user") << quoted(config.username);
    if (!config.password.isEmpty())
        words << QStringLiteral("--askpass");
    if (config.tls) {
        words << QStringLiteral("--tls");
        if (!config.caFile.isEmpty())
            words << QStringLiteral("--cacert") << quoted(config.caFile);
        if (!config.certFile.isEmpty())
            words << QStringLiteral("--cert") << quoted(config.certFile);
        if (!config.keyFile.isEmpty())
            words << QStringLiteral("--key") << quoted(config.keyFile);
        if (!config.serverName.isEmpty())
            words << QStringLiteral("--sni") << quoted(config.serverName);
        if (!config.verifyPeer)
            words << QStringLiteral("--insecure");
    }
    return words.join(QLatin1Char(' '));
}

QString ClusterTopologyView::coverageText() const
{
    QStringList parts;
    for (const ClusterNode *master : m_topology.masters())
        parts.append(tr("slots %1 on %2").arg(slotsText(*master, m_topology), master->endpoint()));
    int uncovered = 0;
    for (const SlotRange &range : m_topology.uncoveredSlots())
        uncovered += range.last - range.first + 1;
    QString text = tr("%n master(s)", nullptr, int(m_topology.masters().size()));
    if (!parts.isEmpty())
        text += QStringLiteral("; ") + parts.join(QStringLiteral("; "));
    text += QStringLiteral("; ") + tr("%n slot(s) not covered", nullptr, uncovered);
    if (const qsizetype moving = m_topology.movingSlots().size(); moving > 0)
        text += QStringLiteral("; ") + tr("%n slot(s) being moved", nullptr, int(moving));
    return text + QLatin1Char('.');
}

QString ClusterTopologyView::summaryText() const
{
    if (m_topology.isEmpty())
        return tr("No cluster topology.");
    int masters = 0, replicas = 0, failed = 0, suspect = 0;
    for (const ClusterNode &node : m_topology.nodes()) {
        masters += node.isMaster() ? 1 : 0;
        replicas += node.isReplica() ? 1 : 0;
        failed += node.isFailed() ? 1 : 0;
        suspect += node.flags.testFlag(ClusterNode::PossiblyFailed) ? 1 : 0;
    }
    QStringList parts{tr("%n master(s)", nullptr, masters), tr("%n replica(s)", nullptr, replicas)};
    if (failed > 0)
        parts.append(tr("%n failed", nullptr, failed));
    if (suspect > 0)
        parts.append(tr("%n possibly failed", nullptr, suspect));
    int uncovered = 0;
    for (const SlotRange &range : m_topology.uncoveredSlots())
        uncovered += range.count();
    parts.append(uncovered == 0 ? tr("all 16384 slots covered")
                                : tr("%n slot(s) not covered", nullptr, uncovered));
    const qsizetype moving = m_topology.movingSlots().size();
    if (moving > 0)
        parts.append(tr("%n slot(s) being moved", nullptr, int(moving)));
    return parts.join(QStringLiteral(" · "));
}

void ClusterTopologyView::showSlotInfo(int firstSlot, int lastSlot)
{
    const QString range =
        firstSlot == lastSlot ? tr("Slot %1").arg(firstSlot) : tr("Slots %1-%2").arg(firstSlot).arg(lastSlot);
    QStringList owners;
    for (int slot = firstSlot; slot <= lastSlot; ++slot) {
        const ClusterNode *owner = m_topology.masterForSlot(slot);
        const QString name = owner ? owner->endpoint() : tr("not covered");
        if (!owners.contains(name))
            owners.append(name);
    }
    QString text = QStringLiteral("%1: %2").arg(range, owners.join(QStringLiteral(", ")));
    const QList<int> moving = m_topology.movingSlots();
    const auto it = std::lower_bound(moving.cbegin(), moving.cend(), firstSlot);
    if (it != moving.cend() && *it <= lastSlot)
        text += QStringLiteral(" · ") + tr("slot %1 is being moved").arg(*it);
    m_hover->setText(text);
}
