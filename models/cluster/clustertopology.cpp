#include "clustertopology.h"

#include "clusterslot.h"
#include "connectionconfig.h"
#include "redisreply.h"

#include <algorithm>
#include <QCoreApplication>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ClusterTopology", text);
}

bool setError(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

bool parseSlot(QByteArrayView text, int *slot)
{
    bool ok = false;
    const int value = text.toByteArray().toInt(&ok);
    if (!ok || value < 0 || value >= ClusterSlot::kSlotCount)
        return false;
    *slot = value;
    return true;
}

// "ip:port@cport[,hostname[,aux=value…]]", ip may be IPv6 ("::1:7000@17000") or empty (noaddr).
bool parseAddress(QByteArrayView text, ClusterNode *node)
{
    const QList<QByteArray> parts = text.toByteArray().split(',');
    const QByteArray &address = parts.first();
    for (qsizetype i = 1; i < parts.size(); ++i) {
        if (!parts[i].contains('=') && node->hostname.isEmpty())
            node->hostname = QString::fromUtf8(parts[i]);
    }
    const qsizetype at = address.indexOf('@');
    const QByteArray hostPort = at >= 0 ? address.left(at) : address;
    const qsizetype colon = hostPort.lastIndexOf(':');
    if (colon < 0)
        return false;
    bool ok = false;
    node->port = hostPort.mid(colon + 1).toUShort(&ok);
    if (!ok)
        return false;
    if (at >= 0) {
        node->busPort = address.mid(at + 1).toUShort(&ok);
        if (!ok)
            return false;
    }
    node->host = QString::fromUtf8(hostPort.left(colon));
    return true;
}

bool parseFlags(QByteArrayView text, ClusterNode *node)
{
    for (const QByteArray &flag : text.toByteArray().split(',')) {
        if (flag == "myself")
            node->flags |= ClusterNode::Myself;
        else if (flag == "master")
            node->flags |= ClusterNode::Master;
        else if (flag == "slave" || flag == "replica")
            node->flags |= ClusterNode::Replica;
        else if (flag == "fail?")
            node->flags |= ClusterNode::PossiblyFailed;
        else if (flag == "fail")
            node->flags |= ClusterNode::Failed;
        else if (flag == "handshake")
            node->flags |= ClusterNode::Handshake;
        else if (flag == "noaddr")
            node->flags |= ClusterNode::NoAddress;
        else if (flag == "nofailover")
            node->flags |= ClusterNode::NoFailover;
        else if (flag != "noflags")
            return false;
    }
    return true;
}

// "5461", "0-5460", "[100->-<id>]" (migrating), "[100-<-<id>]" (importing).
bool parseSlotField(QByteArrayView text, ClusterNode *node)
{
    if (text.startsWith('[')) {
        if (!text.endsWith(']'))
            return false;
        const QByteArrayView inner = text.sliced(1, text.size() - 2);
        const bool migrating = inner.indexOf("->-") >= 0;
        const qsizetype arrow = migrating ? inner.indexOf("->-") : inner.indexOf("-<-");
        int slot = 0;
        if (arrow < 0 || !parseSlot(inner.first(arrow), &slot))
            return false;
        const SlotMigration migration{slot, inner.sliced(arrow + 3).toByteArray()};
        (migrating ? node->migrating : node->importing).append(migration);
        return true;
    }
    const qsizetype dash = text.indexOf('-');
    SlotRange range;
    if (dash < 0) {
        if (!parseSlot(text, &range.first))
            return false;
        range.last = range.first;
    } else if (!parseSlot(text.first(dash), &range.first) || !parseSlot(text.sliced(dash + 1), &range.last) ||
               range.last < range.first) {
        return false;
    }
    node->slotRanges.append(range);
    return true;
}

// A RESP2 map: a flat array of name, value, name, value …
const RedisReply *mapValue(const RedisReply &map, QByteArrayView name)
{
    const auto &elements = map.elements();
    for (qsizetype i = 0; i + 1 < elements.size(); i += 2) {
        if (elements[i].bytes() == name)
            return &elements[i + 1];
    }
    return nullptr;
}

QString endpointHost(const RedisReply *endpoint, const RedisReply *ip)
{
    // "?" or empty: the node does not know its preferred endpoint; the IP is the best guess.
    if (endpoint && !endpoint->bytes().isEmpty() && endpoint->bytes() != "?")
        return QString::fromUtf8(endpoint->bytes());
    return ip ? QString::fromUtf8(ip->bytes()) : QString();
}

} // namespace

int ClusterNode::slotCount() const
{
    int count = 0;
    for (const SlotRange &range : slotRanges)
        count += range.count();
    return count;
}

QString ClusterNode::endpoint() const
{
    return HostPort::format(host, port);
}

QString ClusterNode::label() const
{
    const QString role = isReplica() ? QCoreApplication::translate("ClusterNode", "replica")
                                     : QCoreApplication::translate("ClusterNode", "master");
    return isFailed() ? QCoreApplication::translate("ClusterNode", "%1 (%2, failed)").arg(endpoint(), role)
                      : QCoreApplication::translate("ClusterNode", "%1 (%2)").arg(endpoint(), role);
}

QString ClusterNode::flagsText() const
{
    static const std::pair<Flag, const char *> names[] = {
        {Myself, "myself"}, {Master, "master"},       {Replica, "slave"},    {PossiblyFailed, "fail?"},
        {Failed, "fail"},   {Handshake, "handshake"}, {NoAddress, "noaddr"}, {NoFailover, "nofailover"},
    };
    QStringList parts;
    for (const auto &[flag, name] : names) {
        if (flags.testFlag(flag))
            parts.append(QLatin1String(name));
    }
    return parts.isEmpty() ? QStringLiteral("noflags") : parts.join(QLatin1Char(','));
}

ClusterTopology::ClusterTopology() : m_slotOwner(ClusterSlot::kSlotCount, qint16(-1)) {}

std::optional<ClusterTopology> ClusterTopology::fromClusterNodes(QByteArrayView text, QString *error)
{
    ClusterTopology topology;
    int lineNumber = 0;
    for (const QByteArray &rawLine : text.toByteArray().split('\n')) {
        ++lineNumber;
        const QByteArray line = rawLine.trimmed();
        if (line.isEmpty())
            continue;
        const QList<QByteArray> fields = line.split(' ');
        const auto bad = [&](const QString &what) {
            setError(error, tr("CLUSTER NODES, line %1: %2").arg(lineNumber).arg(what));
            return std::nullopt;
        };
        if (fields.size() < 8)
            return bad(tr("expected at least 8 fields, found %1").arg(fields.size()));
        ClusterNode node;
        node.id = fields[0];
        if (!parseAddress(fields[1], &node))
            return bad(tr("cannot read the address “%1”").arg(QString::fromUtf8(fields[1])));
        if (!parseFlags(fields[2], &node))
            return bad(tr("unknown flags “%1”").arg(QString::fromUtf8(fields[2])));
        if (fields[3] != "-")
            node.masterId = fields[3];
        bool ok1 = false, ok2 = false, ok3 = false;
        node.pingSentMs = fields[4].toLongLong(&ok1);
        node.pongReceivedMs = fields[5].toLongLong(&ok2);
        node.configEpoch = fields[6].toLongLong(&ok3);
        if (!ok1 || !ok2 || !ok3)
            return bad(tr("cannot read the ping, pong or epoch fields"));
        if (fields[7] != "connected" && fields[7] != "disconnected")
            return bad(tr("unknown link state “%1”").arg(QString::fromUtf8(fields[7])));
        node.linkConnected = fields[7] == "connected";
        for (qsizetype i = 8; i < fields.size(); ++i) {
            if (!fields[i].isEmpty() && !parseSlotField(fields[i], &node))
                return bad(tr("cannot read the slot field “%1”").arg(QString::fromUtf8(fields[i])));
        }
        topology.m_nodes.append(node);
    }
    if (topology.m_nodes.isEmpty()) {
        setError(error, tr("CLUSTER NODES returned no node."));
        return std::nullopt;
    }
    topology.rebuildSlotTable();
    return topology;
}

std::optional<ClusterTopology> ClusterTopology::fromClusterShards(const RedisReply &reply, bool useTlsPort,
                                                                  QString *error)
{
    const auto bad = [error](const QString &what) {
        setError(error, tr("Unexpected CLUSTER SHARDS reply: %1").arg(what));
        return std::nullopt;
    };
    if (!reply.isArray())
        return bad(reply.isError() ? reply.errorMessage() : tr("not an array"));
    ClusterTopology topology;
    for (const RedisReply &shard : reply.elements()) {
        const RedisReply *shardSlots = mapValue(shard, "slots");
        const RedisReply *nodes = mapValue(shard, "nodes");
        if (!shardSlots || !nodes || !shardSlots->isArray() || !nodes->isArray() ||
            shardSlots->elements().size() % 2 != 0)
            return bad(tr("a shard without slots or nodes"));
        QList<SlotRange> ranges;
        const auto &bounds = shardSlots->elements();
        for (qsizetype i = 0; i < bounds.size(); i += 2) {
            const SlotRange range{int(bounds[i].toInteger()), int(bounds[i + 1].toInteger())};
            if (range.first < 0 || range.last >= ClusterSlot::kSlotCount || range.last < range.first)
                return bad(tr("slot range %1-%2").arg(range.first).arg(range.last));
            ranges.append(range);
        }
        QByteArray masterId;
        const qsizetype firstOfShard = topology.m_nodes.size();
        for (const RedisReply &entry : nodes->elements()) {
            const RedisReply *id = mapValue(entry, "id");
            const RedisReply *role = mapValue(entry, "role");
            const RedisReply *port = mapValue(entry, "port");
            const RedisReply *tlsPort = mapValue(entry, "tls-port");
            if (!id || !role || (!port && !tlsPort))
                return bad(tr("a node without id, role or port"));
            ClusterNode node;
            node.id = id->bytes();
            node.host = endpointHost(mapValue(entry, "endpoint"), mapValue(entry, "ip"));
            if (const RedisReply *hostname = mapValue(entry, "hostname"))
                node.hostname = QString::fromUtf8(hostname->bytes());
            node.port = quint16(((useTlsPort && tlsPort) || !port ? tlsPort : port)->toInteger());
            const bool master = role->bytes() == "master";
            node.flags = master ? ClusterNode::Master : ClusterNode::Replica;
            if (const RedisReply *health = mapValue(entry, "health");
                health && (health->bytes() == "fail" || health->bytes() == "failed")) {
                node.flags |= ClusterNode::Failed;
                node.linkConnected = false;
            }
            if (master) {
                masterId = node.id;
                node.slotRanges = ranges;
            }
            topology.m_nodes.append(node);
        }
        for (qsizetype i = firstOfShard; i < topology.m_nodes.size(); ++i) {
            if (topology.m_nodes[i].isReplica())
                topology.m_nodes[i].masterId = masterId;
        }
    }
    topology.sortNodes();
    topology.rebuildSlotTable();
    return topology;
}

std::optional<ClusterTopology> ClusterTopology::fromClusterSlots(const RedisReply &reply, QString *error)
{
    const auto bad = [error](const QString &what) {
        setError(error, tr("Unexpected CLUSTER SLOTS reply: %1").arg(what));
        return std::nullopt;
    };
    if (!reply.isArray())
        return bad(reply.isError() ? reply.errorMessage() : tr("not an array"));
    ClusterTopology topology;
    const auto findOrAdd = [&topology](const RedisReply &entry, bool master) -> ClusterNode * {
        const auto &fields = entry.elements();
        ClusterNode node;
        node.host = QString::fromUtf8(fields[0].bytes());
        node.port = quint16(fields[1].toInteger());
        node.id = fields.size() > 2 ? fields[2].bytes() : node.endpoint().toUtf8();
        for (ClusterNode &known : topology.m_nodes) {
            if (known.id == node.id)
                return &known;
        }
        node.flags = master ? ClusterNode::Master : ClusterNode::Replica;
        topology.m_nodes.append(node);
        return &topology.m_nodes.last();
    };
    for (const RedisReply &range : reply.elements()) {
        const auto &fields = range.elements();
        if (fields.size() < 3)
            return bad(tr("a slot range without a master"));
        for (qsizetype i = 2; i < fields.size(); ++i) {
            if (!fields[i].isArray() || fields[i].elements().size() < 2)
                return bad(tr("a node without address"));
        }
        const SlotRange served{int(fields[0].toInteger()), int(fields[1].toInteger())};
        if (served.first < 0 || served.last >= ClusterSlot::kSlotCount || served.last < served.first)
            return bad(tr("slot range %1-%2").arg(served.first).arg(served.last));
        ClusterNode *master = findOrAdd(fields[2], true);
        master->slotRanges.append(served);
        const QByteArray masterId = master->id; // findOrAdd may reallocate m_nodes
        for (qsizetype i = 3; i < fields.size(); ++i)
            findOrAdd(fields[i], false)->masterId = masterId;
    }
    for (ClusterNode &node : topology.m_nodes)
        std::sort(node.slotRanges.begin(), node.slotRanges.end(),
                  [](const SlotRange &a, const SlotRange &b) { return a.first < b.first; });
    topology.sortNodes();
    topology.rebuildSlotTable();
    return topology;
}

void ClusterTopology::sortNodes()
{
    std::sort(m_nodes.begin(), m_nodes.end(),
              [](const ClusterNode &a, const ClusterNode &b) { return a.id < b.id; });
}

void ClusterTopology::rebuildSlotTable()
{
    m_slotOwner.fill(qint16(-1));
    for (qsizetype i = 0; i < m_nodes.size(); ++i) {
        // A failed master keeps its slots in CLUSTER NODES until a replica takes over; it still
        // owns them (requests to it fail, which is the truth).
        if (!m_nodes[i].isMaster())
            continue;
        for (const SlotRange &range : std::as_const(m_nodes[i].slotRanges))
            std::fill(m_slotOwner.begin() + range.first, m_slotOwner.begin() + range.last + 1, qint16(i));
    }
}

const ClusterNode *ClusterTopology::node(QByteArrayView id) const
{
    for (const ClusterNode &candidate : m_nodes) {
        if (candidate.id == id)
            return &candidate;
    }
    return nullptr;
}

const ClusterNode *ClusterTopology::nodeAt(const QString &host, quint16 port) const
{
    for (const ClusterNode &candidate : m_nodes) {
        if (candidate.port == port && candidate.host == host)
            return &candidate;
    }
    return nullptr;
}

const ClusterNode *ClusterTopology::masterForSlot(int slot) const
{
    if (slot < 0 || slot >= ClusterSlot::kSlotCount)
        return nullptr;
    const qint16 owner = m_slotOwner[slot];
    return owner < 0 ? nullptr : &m_nodes[owner];
}

QList<const ClusterNode *> ClusterTopology::mastersOf(const QList<ClusterNode> &nodes)
{
    QList<const ClusterNode *> result;
    for (const ClusterNode &candidate : nodes) {
        if (candidate.isMaster())
            result.append(&candidate);
    }
    const auto firstSlot = [](const ClusterNode *node) {
        int first = ClusterSlot::kSlotCount;
        for (const SlotRange &range : node->slotRanges)
            first = std::min(first, range.first);
        return first;
    };
    std::stable_sort(result.begin(), result.end(), [&](const ClusterNode *a, const ClusterNode *b) {
        const int fa = firstSlot(a), fb = firstSlot(b);
        return fa != fb ? fa < fb : a->endpoint() < b->endpoint();
    });
    return result;
}

QList<const ClusterNode *> ClusterTopology::replicasOf(QByteArrayView masterId) const
{
    QList<const ClusterNode *> result;
    for (const ClusterNode &candidate : m_nodes) {
        if (candidate.isReplica() && candidate.masterId == masterId)
            result.append(&candidate);
    }
    return result;
}

QList<SlotRange> ClusterTopology::uncoveredSlots() const
{
    QList<int> uncovered;
    for (int slot = 0; slot < ClusterSlot::kSlotCount; ++slot) {
        if (m_slotOwner[slot] < 0)
            uncovered.append(slot);
    }
    return rangesOf(uncovered);
}

QList<int> ClusterTopology::movingSlots() const
{
    QList<int> moving;
    for (const ClusterNode &candidate : m_nodes) {
        for (const SlotMigration &migration : candidate.migrating)
            moving.append(migration.slot);
        for (const SlotMigration &migration : candidate.importing)
            moving.append(migration.slot);
    }
    std::sort(moving.begin(), moving.end());
    moving.erase(std::unique(moving.begin(), moving.end()), moving.end());
    return moving;
}

bool ClusterTopology::assignSlot(int slot, const QString &host, quint16 port)
{
    if (slot < 0 || slot >= ClusterSlot::kSlotCount)
        return false;
    qsizetype target = -1;
    for (qsizetype i = 0; i < m_nodes.size(); ++i) {
        if (m_nodes[i].isMaster() && m_nodes[i].port == port && m_nodes[i].host == host)
            target = i;
    }
    if (target < 0)
        return false;
    const qint16 owner = m_slotOwner[slot];
    if (owner == target)
        return true;
    const auto removeFrom = [slot](QList<SlotRange> &ranges) {
        QList<int> kept;
        for (const SlotRange &range : std::as_const(ranges)) {
            for (int s = range.first; s <= range.last; ++s) {
                if (s != slot)
                    kept.append(s);
            }
        }
        ranges = rangesOf(kept);
    };
    if (owner >= 0)
        removeFrom(m_nodes[owner].slotRanges);
    QList<SlotRange> &targetSlots = m_nodes[target].slotRanges;
    targetSlots.append({slot, slot});
    QList<int> all;
    for (const SlotRange &range : std::as_const(targetSlots)) {
        for (int s = range.first; s <= range.last; ++s)
            all.append(s);
    }
    targetSlots = rangesOf(all);
    m_slotOwner[slot] = qint16(target);
    return true;
}

QList<SlotRange> ClusterTopology::rangesOf(QList<int> slotList)
{
    std::sort(slotList.begin(), slotList.end());
    slotList.erase(std::unique(slotList.begin(), slotList.end()), slotList.end());
    QList<SlotRange> ranges;
    for (const int slot : std::as_const(slotList)) {
        if (!ranges.isEmpty() && ranges.last().last + 1 == slot)
            ranges.last().last = slot;
        else
            ranges.append({slot, slot});
    }
    return ranges;
}
