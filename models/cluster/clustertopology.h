#pragma once

#include <optional>
#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QString>

class RedisReply;

// An inclusive range of hash slots, first ≤ last, both in 0 … 16383.
struct SlotRange
{
    int first = 0;
    int last = 0;
    int count() const { return last - first + 1; }
    bool operator==(const SlotRange &) const = default;
};

// A slot being moved, as CLUSTER NODES shows it on the node involved: [slot->-peer] (migrating to
// peer) or [slot-<-peer] (importing from peer).
struct SlotMigration
{
    int slot = 0;
    QByteArray peerId;
    bool operator==(const SlotMigration &) const = default;
};

// One node of a cluster as one of its members sees it.
struct ClusterNode
{
    enum Flag {
        Myself = 0x1,         // the node that answered
        Master = 0x2,         //
        Replica = 0x4,        // "slave" in CLUSTER NODES, "replica" in CLUSTER SHARDS
        PossiblyFailed = 0x8, // "fail?": unreachable for this node (PFAIL)
        Failed = 0x10,        // "fail": a majority of masters agrees it is down
        Handshake = 0x20,     // not yet trusted (CLUSTER MEET in progress)
        NoAddress = 0x40,     // "noaddr": address unknown
        NoFailover = 0x80,    // a replica that never fails over
    };
    Q_DECLARE_FLAGS(Flags, Flag)

    QByteArray id; // 40 hex characters
    QString host;  // IP (or the preferred endpoint of CLUSTER SHARDS / SLOTS)
    quint16 port = 0;
    quint16 busPort = 0;
    QString hostname; // announced hostname, may be empty
    Flags flags;
    QByteArray masterId; // of a replica; empty for a master
    qint64 pingSentMs = 0;
    qint64 pongReceivedMs = 0;
    qint64 configEpoch = 0;
    bool linkConnected = true;
    QList<SlotRange> slotRanges;
    QList<SlotMigration> migrating;
    QList<SlotMigration> importing;

    bool isMaster() const { return flags.testFlag(Master); }
    bool isReplica() const { return flags.testFlag(Replica); }
    bool isFailed() const { return flags.testFlag(Failed); }
    int slotCount() const;
    // host:port, IPv6 in brackets.
    QString endpoint() const;
    // The flags as CLUSTER NODES spells them ("myself,master"), "noflags" for none.
    QString flagsText() const;
    // For people: "127.0.0.1:7001 (replica)", "… (master, failed)".
    QString label() const;
    bool operator==(const ClusterNode &) const = default;
};
Q_DECLARE_OPERATORS_FOR_FLAGS(ClusterNode::Flags)

// The nodes of a cluster and which master serves each of the 16384 slots. A value type (the
// slot table is implicitly shared, so copies are cheap).
//
// Built from CLUSTER NODES (every flag, link states, migrations), CLUSTER SHARDS (Redis ≥ 7) or
// CLUSTER SLOTS (older servers); the last two know roles, addresses and slots only (their nodes are
// sorted by id), and a node a shard reports with health "fail" gets the Failed flag.
class ClusterTopology
{
public:
    ClusterTopology();

    // nullopt with *error set when the text is not CLUSTER NODES output.
    static std::optional<ClusterTopology> fromClusterNodes(QByteArrayView text, QString *error = nullptr);
    // useTlsPort: take a node's "tls-port" when it has one (the client connects with TLS).
    static std::optional<ClusterTopology> fromClusterShards(const RedisReply &reply, bool useTlsPort = false,
                                                            QString *error = nullptr);
    // Nodes without an id (very old servers) get "host:port" as their id.
    static std::optional<ClusterTopology> fromClusterSlots(const RedisReply &reply, QString *error = nullptr);

    const QList<ClusterNode> &nodes() const { return m_nodes; }
    bool isEmpty() const { return m_nodes.isEmpty(); }
    const ClusterNode *node(QByteArrayView id) const;
    const ClusterNode *nodeAt(const QString &host, quint16 port) const;
    // The master serving slot, nullptr if the slot is uncovered.
    const ClusterNode *masterForSlot(int slot) const;
    // Masters in the order of their first slot (masters without slots last, by address).
    QList<const ClusterNode *> masters() const { return mastersOf(m_nodes); }
    // The same order over any list of nodes (e.g. a session's copy of them).
    static QList<const ClusterNode *> mastersOf(const QList<ClusterNode> &nodes);
    QList<const ClusterNode *> replicasOf(QByteArrayView masterId) const;
    // Slots no master serves, as ranges.
    QList<SlotRange> uncoveredSlots() const;
    bool isFullyCovered() const { return uncoveredSlots().isEmpty(); }
    // Every slot some node reports as migrating or importing, sorted, no duplicates.
    QList<int> movingSlots() const;

    // After a MOVED: slot now belongs to the master at host:port. False (nothing changed) when no
    // known master has that address; then only a full reload helps.
    bool assignSlot(int slot, const QString &host, quint16 port);

    bool operator==(const ClusterTopology &) const = default;

    // Ranges from a sorted or unsorted list of slots.
    static QList<SlotRange> rangesOf(QList<int> slotList);

private:
    void sortNodes(); // by id, so that replies listing nodes in another order compare equal
    void rebuildSlotTable();

    QList<ClusterNode> m_nodes;
    QList<qint16> m_slotOwner; // index into m_nodes per slot, -1 = uncovered
};

Q_DECLARE_METATYPE(ClusterTopology)
