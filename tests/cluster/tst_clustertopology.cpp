#include "clusterslot.h"
#include "clustertopology.h"
#include "redisreply.h"
#include "respreader.h"

#include <QTest>

namespace {

// Recorded from redis-server 7.0.15 (6 nodes, cluster-node-timeout 2000): slot 100 being moved
// from 30001 to 30002, as 30001 and 30002 see it.
const char kNodesMigrating[] =
    "13863c5b1c16414747cca9eb06aecff0399ced9b 127.0.0.1:30005@40005 slave "
    "1eaeb4ff2c01b315c3f0d268ef0ad5e701e95045 0 1796160346122 3 connected\n"
    "b2c669775fafec21671f4be390051e08119dfc4f 127.0.0.1:30006@40006 slave "
    "a2486f61a9a932f8688e94188053450b10f3332f 0 1796160346423 1 connected\n"
    "e4b444fa1c94684006ebaa36494be14fe6a79a4d 127.0.0.1:30002@40002 master - 0 1796160346122 2 connected "
    "5461-10922\n"
    "a2486f61a9a932f8688e94188053450b10f3332f 127.0.0.1:30001@40001 myself,master - 0 1796160345000 1 "
    "connected 0-5460 [100->-e4b444fa1c94684006ebaa36494be14fe6a79a4d]\n"
    "1eaeb4ff2c01b315c3f0d268ef0ad5e701e95045 127.0.0.1:30003@40003 master - 0 1796160346122 3 connected "
    "10923-16383\n"
    "7f97ad19aec0537af5da2cffdca42496f020abae 127.0.0.1:30004@40004 slave "
    "e4b444fa1c94684006ebaa36494be14fe6a79a4d 0 1796160346021 2 connected\n";
const char kNodesImporting[] =
    "e4b444fa1c94684006ebaa36494be14fe6a79a4d 127.0.0.1:30002@40002 myself,master - 0 1796160346000 2 "
    "connected 5461-10922 [100-<-a2486f61a9a932f8688e94188053450b10f3332f]\n"
    "7f97ad19aec0537af5da2cffdca42496f020abae 127.0.0.1:30004@40004 slave "
    "e4b444fa1c94684006ebaa36494be14fe6a79a4d 0 1796160346120 2 connected\n"
    "a2486f61a9a932f8688e94188053450b10f3332f 127.0.0.1:30001@40001 master - 0 1796160345437 1 connected "
    "0-5460\n"
    "b2c669775fafec21671f4be390051e08119dfc4f 127.0.0.1:30006@40006 slave "
    "a2486f61a9a932f8688e94188053450b10f3332f 0 1796160346000 1 connected\n"
    "1eaeb4ff2c01b315c3f0d268ef0ad5e701e95045 127.0.0.1:30003@40003 master - 0 1796160346120 3 connected "
    "10923-16383\n"
    "13863c5b1c16414747cca9eb06aecff0399ced9b 127.0.0.1:30005@40005 slave "
    "1eaeb4ff2c01b315c3f0d268ef0ad5e701e95045 0 1796160346120 3 connected\n";
// The same cluster 6 s after 30003 was killed: 30005 took over its slots.
const char kNodesAfterFailover[] =
    "13863c5b1c16414747cca9eb06aecff0399ced9b 127.0.0.1:30005@40005 master - 0 1796160358121 7 connected "
    "10923-16383\n"
    "b2c669775fafec21671f4be390051e08119dfc4f 127.0.0.1:30006@40006 slave "
    "a2486f61a9a932f8688e94188053450b10f3332f 0 1796160358121 1 connected\n"
    "e4b444fa1c94684006ebaa36494be14fe6a79a4d 127.0.0.1:30002@40002 master - 0 1796160358000 2 connected "
    "5461-10922\n"
    "a2486f61a9a932f8688e94188053450b10f3332f 127.0.0.1:30001@40001 myself,master - 0 1796160358000 1 "
    "connected 0-5460 [100->-e4b444fa1c94684006ebaa36494be14fe6a79a4d]\n"
    "1eaeb4ff2c01b315c3f0d268ef0ad5e701e95045 127.0.0.1:30003@40003 master,fail - 1796160353267 "
    "1796160352261 3 disconnected\n"
    "7f97ad19aec0537af5da2cffdca42496f020abae 127.0.0.1:30004@40004 slave "
    "e4b444fa1c94684006ebaa36494be14fe6a79a4d 0 1796160358725 2 connected\n";
// Lines written after the CLUSTER NODES documentation: PFAIL, handshake, noaddr, nofailover, a
// hostname with auxiliary fields, IPv6, single slots.
const char kNodesFlags[] =
    "07c37dfeb235213a872192d90877d0cd55635b91 127.0.0.1:30004@31004,cache-1.example,shard-id=ab slave,fail? "
    "e7d1eecce10fd6bb5eb35b9f99a514335d9ba9ca 1407 1406 4 disconnected\n"
    "67ed2db8d677e59ec4a4cefb06858cf2a1a89fa1 ::1:30002@31002 master - 0 1426238316232 2 connected "
    "5461-10922\n"
    "292f8b365bb7edb5e285caf0b7e6ddc7265d2f4f 127.0.0.1:30003@31003 master,nofailover - 0 1426238318243 3 "
    "connected 10923-16382 16383\n"
    "6ec23923021cf3ffec47632106199cb7f496ce01 :0@0 handshake,noaddr - 0 0 0 disconnected\n"
    "e7d1eecce10fd6bb5eb35b9f99a514335d9ba9ca 127.0.0.1:30001@31001 myself,master - 0 0 1 connected 0-100 "
    "102-5460\n";

// Recorded CLUSTER SHARDS and CLUSTER SLOTS (RESP2) of the failed-over cluster.
const char kShardsAfterFailover[] =
    "*4\r\n*4\r\n$5\r\nslots\r\n*2\r\n:10923\r\n:16383\r\n$5\r\nnodes\r\n*1\r\n*14\r\n$2\r\nid\r\n"
    "$40\r\n13863c5b1c16414747cca9eb06aecff0399ced9b\r\n$4\r\nport\r\n:30005\r\n$2\r\nip\r\n$9\r\n"
    "127.0.0.1\r\n$8\r\nendpoint\r\n$9\r\n127.0.0.1\r\n$4\r\nrole\r\n$6\r\nmaster\r\n$18\r\nreplication-"
    "offset\r\n"
    ":14\r\n$6\r\nhealth\r\n$6\r\nonline\r\n*4\r\n$5\r\nslots\r\n*2\r\n:5461\r\n:10922\r\n$5\r\n"
    "nodes\r\n*2\r\n*14\r\n$2\r\nid\r\n$40\r\ne4b444fa1c94684006ebaa36494be14fe6a79a4d\r\n$4\r\n"
    "port\r\n:30002\r\n$2\r\nip\r\n$9\r\n127.0.0.1\r\n$8\r\nendpoint\r\n$9\r\n127.0.0.1\r\n$4\r\n"
    "role\r\n$6\r\nmaster\r\n$18\r\nreplication-offset\r\n:14\r\n$6\r\nhealth\r\n$6\r\nonline\r\n"
    "*14\r\n$2\r\nid\r\n$40\r\n7f97ad19aec0537af5da2cffdca42496f020abae\r\n$4\r\nport\r\n:30004\r\n"
    "$2\r\nip\r\n$9\r\n127.0.0.1\r\n$8\r\nendpoint\r\n$9\r\n127.0.0.1\r\n$4\r\nrole\r\n$7\r\nreplica\r\n"
    "$18\r\nreplication-offset\r\n:14\r\n$6\r\nhealth\r\n$6\r\nonline\r\n*4\r\n$5\r\nslots\r\n*2\r\n"
    ":0\r\n:5460\r\n$5\r\nnodes\r\n*2\r\n*14\r\n$2\r\nid\r\n$"
    "40\r\na2486f61a9a932f8688e94188053450b10f3332f\r\n"
    "$4\r\nport\r\n:30001\r\n$2\r\nip\r\n$9\r\n127.0.0.1\r\n$8\r\nendpoint\r\n$9\r\n127.0.0.1\r\n"
    "$4\r\nrole\r\n$6\r\nmaster\r\n$18\r\nreplication-offset\r\n:14\r\n$6\r\nhealth\r\n$6\r\nonline\r\n"
    "*14\r\n$2\r\nid\r\n$40\r\nb2c669775fafec21671f4be390051e08119dfc4f\r\n$4\r\nport\r\n:30006\r\n"
    "$2\r\nip\r\n$9\r\n127.0.0.1\r\n$8\r\nendpoint\r\n$9\r\n127.0.0.1\r\n$4\r\nrole\r\n$7\r\nreplica\r\n"
    "$18\r\nreplication-offset\r\n:14\r\n$6\r\nhealth\r\n$6\r\nonline\r\n*4\r\n$5\r\nslots\r\n*0\r\n"
    "$5\r\nnodes\r\n*1\r\n*14\r\n$2\r\nid\r\n$40\r\n1eaeb4ff2c01b315c3f0d268ef0ad5e701e95045\r\n"
    "$4\r\nport\r\n:30003\r\n$2\r\nip\r\n$9\r\n127.0.0.1\r\n$8\r\nendpoint\r\n$9\r\n127.0.0.1\r\n"
    "$4\r\nrole\r\n$6\r\nmaster\r\n$18\r\nreplication-offset\r\n:14\r\n$6\r\nhealth\r\n$4\r\nfail\r\n";
const char kSlotsAfterFailover[] =
    "*3\r\n*4\r\n:0\r\n:5460\r\n*4\r\n$9\r\n127.0.0.1\r\n:30001\r\n$"
    "40\r\na2486f61a9a932f8688e94188053450b10f3332f\r\n"
    "*0\r\n*4\r\n$9\r\n127.0.0.1\r\n:30006\r\n$40\r\nb2c669775fafec21671f4be390051e08119dfc4f\r\n"
    "*0\r\n*4\r\n:5461\r\n:10922\r\n*4\r\n$9\r\n127.0.0.1\r\n:30002\r\n$"
    "40\r\ne4b444fa1c94684006ebaa36494be14fe6a79a4d\r\n"
    "*0\r\n*4\r\n$9\r\n127.0.0.1\r\n:30004\r\n$40\r\n7f97ad19aec0537af5da2cffdca42496f020abae\r\n"
    "*0\r\n*3\r\n:10923\r\n:16383\r\n*4\r\n$9\r\n127.0.0.1\r\n:30005\r\n$"
    "40\r\n13863c5b1c16414747cca9eb06aecff0399ced9b\r\n"
    "*0\r\n";

RedisReply parse(const char *resp)
{
    RespReader reader;
    reader.feed(QByteArray(resp));
    QList<RedisReply> replies;
    if (!reader.takeReplies(replies) || replies.size() != 1)
        return RedisReply::failure(QStringLiteral("bad recording"));
    return replies.first();
}

QList<QByteArray> ids(const QList<const ClusterNode *> &nodes)
{
    QList<QByteArray> result;
    for (const ClusterNode *node : nodes)
        result.append(node->id);
    return result;
}

} // namespace

class TestClusterTopology : public QObject
{
    Q_OBJECT
private slots:
    void nodesWithMigration();
    void nodesAfterFailover();
    void nodesFlagsAndAddresses();
    void nodesRejectsGarbage_data();
    void nodesRejectsGarbage();
    void shards();
    void clusterSlots();
    void assignSlotAfterMoved();
    void ranges();
};

void TestClusterTopology::nodesWithMigration()
{
    QString error;
    const auto topology = ClusterTopology::fromClusterNodes(kNodesMigrating, &error);
    QVERIFY2(topology, qPrintable(error));
    QCOMPARE(topology->nodes().size(), 6);
    const ClusterNode *self = topology->node("a2486f61a9a932f8688e94188053450b10f3332f");
    QVERIFY(self);
    QCOMPARE(self->flags, ClusterNode::Flags(ClusterNode::Myself | ClusterNode::Master));
    QCOMPARE(self->flagsText(), QStringLiteral("myself,master"));
    QCOMPARE(self->host, QStringLiteral("127.0.0.1"));
    QCOMPARE(self->port, 30001);
    QCOMPARE(self->busPort, 40001);
    QCOMPARE(self->slotRanges, (QList<SlotRange>{{0, 5460}}));
    QCOMPARE(self->migrating, (QList<SlotMigration>{{100, "e4b444fa1c94684006ebaa36494be14fe6a79a4d"}}));
    QVERIFY(self->importing.isEmpty());
    QVERIFY(self->linkConnected);
    QCOMPARE(self->configEpoch, 1);

    const ClusterNode *replica = topology->node("13863c5b1c16414747cca9eb06aecff0399ced9b");
    QVERIFY(replica && replica->isReplica() && !replica->isMaster());
    QCOMPARE(replica->masterId, QByteArray("1eaeb4ff2c01b315c3f0d268ef0ad5e701e95045"));
    QCOMPARE(replica->flagsText(), QStringLiteral("slave"));

    QCOMPARE(ids(topology->masters()), (QList<QByteArray>{"a2486f61a9a932f8688e94188053450b10f3332f",
                                                          "e4b444fa1c94684006ebaa36494be14fe6a79a4d",
                                                          "1eaeb4ff2c01b315c3f0d268ef0ad5e701e95045"}));
    QCOMPARE(ids(topology->replicasOf("e4b444fa1c94684006ebaa36494be14fe6a79a4d")),
             (QList<QByteArray>{"7f97ad19aec0537af5da2cffdca42496f020abae"}));
    QVERIFY(topology->isFullyCovered());
    QCOMPARE(topology->movingSlots(), (QList<int>{100}));
    QCOMPARE(topology->masterForSlot(100)->port, 30001); // still served by the source
    QCOMPARE(topology->masterForSlot(5461)->port, 30002);
    QCOMPARE(topology->masterForSlot(16383)->port, 30003);
    QCOMPARE(topology->masterForSlot(ClusterSlot::slotOf("foo"))->port, 30003);
    QVERIFY(!topology->masterForSlot(16384));
    QVERIFY(!topology->masterForSlot(-1));

    const auto importing = ClusterTopology::fromClusterNodes(kNodesImporting, &error);
    QVERIFY2(importing, qPrintable(error));
    const ClusterNode *target = importing->node("e4b444fa1c94684006ebaa36494be14fe6a79a4d");
    QCOMPARE(target->importing, (QList<SlotMigration>{{100, "a2486f61a9a932f8688e94188053450b10f3332f"}}));
    QCOMPARE(importing->movingSlots(), (QList<int>{100}));
}

void TestClusterTopology::nodesAfterFailover()
{
    QString error;
    const auto topology = ClusterTopology::fromClusterNodes(kNodesAfterFailover, &error);
    QVERIFY2(topology, qPrintable(error));
    const ClusterNode *dead = topology->node("1eaeb4ff2c01b315c3f0d268ef0ad5e701e95045");
    QVERIFY(dead);
    QCOMPARE(dead->flags, ClusterNode::Flags(ClusterNode::Master | ClusterNode::Failed));
    QVERIFY(dead->isFailed());
    QVERIFY(!dead->linkConnected);
    QVERIFY(dead->slotRanges.isEmpty());
    QCOMPARE(dead->pingSentMs, 1796160353267);
    const ClusterNode *promoted = topology->masterForSlot(16383);
    QCOMPARE(promoted->id, QByteArray("13863c5b1c16414747cca9eb06aecff0399ced9b"));
    QCOMPARE(promoted->configEpoch, 7);
    QVERIFY(topology->replicasOf(promoted->id).isEmpty());
    QVERIFY(topology->isFullyCovered());
}

void TestClusterTopology::nodesFlagsAndAddresses()
{
    QString error;
    const auto topology = ClusterTopology::fromClusterNodes(kNodesFlags, &error);
    QVERIFY2(topology, qPrintable(error));
    QCOMPARE(topology->nodes().size(), 5);
    const ClusterNode &suspect = topology->nodes()[0];
    QCOMPARE(suspect.flags, ClusterNode::Flags(ClusterNode::Replica | ClusterNode::PossiblyFailed));
    QCOMPARE(suspect.flagsText(), QStringLiteral("slave,fail?"));
    QCOMPARE(suspect.hostname, QStringLiteral("cache-1.example"));
    QCOMPARE(suspect.busPort, 31004);
    QVERIFY(!suspect.linkConnected);

    const ClusterNode &v6 = topology->nodes()[1];
    QCOMPARE(v6.host, QStringLiteral("::1"));
    QCOMPARE(v6.port, 30002);
    QCOMPARE(v6.endpoint(), QStringLiteral("[::1]:30002"));

    const ClusterNode &noFailover = topology->nodes()[2];
    QVERIFY(noFailover.flags.testFlag(ClusterNode::NoFailover));
    QCOMPARE(noFailover.slotRanges, (QList<SlotRange>{{10923, 16382}, {16383, 16383}}));
    QCOMPARE(noFailover.slotCount(), 5461);

    const ClusterNode &handshake = topology->nodes()[3];
    QCOMPARE(handshake.flags, ClusterNode::Flags(ClusterNode::Handshake | ClusterNode::NoAddress));
    QCOMPARE(handshake.host, QString());
    QCOMPARE(handshake.port, 0);

    QCOMPARE(topology->uncoveredSlots(), (QList<SlotRange>{{101, 101}}));
    QVERIFY(!topology->isFullyCovered());
    QVERIFY(!topology->masterForSlot(101));
}

void TestClusterTopology::nodesRejectsGarbage_data()
{
    QTest::addColumn<QByteArray>("text");
    const QByteArray good =
        "e7d1eecce10fd6bb5eb35b9f99a514335d9ba9ca 127.0.0.1:30001@31001 myself,master - 0 0 1 "
        "connected";
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("error text") << QByteArray("ERR This instance has cluster support disabled");
    QTest::newRow("unknown flag") << QByteArray(good).replace("myself,master", "master,boss");
    QTest::newRow("no port") << QByteArray(good).replace("127.0.0.1:30001@31001", "127.0.0.1");
    QTest::newRow("bad link") << QByteArray(good).replace("connected", "maybe");
    QTest::newRow("slot too big") << good + " 0-16384";
    QTest::newRow("reversed range") << good + " 10-5";
    QTest::newRow("bad migration") << good + " [100->]";
}

void TestClusterTopology::nodesRejectsGarbage()
{
    QFETCH(QByteArray, text);
    QString error;
    QVERIFY(!ClusterTopology::fromClusterNodes(text, &error));
    QVERIFY(!error.isEmpty());
}

void TestClusterTopology::shards()
{
    const RedisReply reply = parse(kShardsAfterFailover);
    QVERIFY(reply.isArray());
    QString error;
    const auto topology = ClusterTopology::fromClusterShards(reply, false, &error);
    QVERIFY2(topology, qPrintable(error));
    QCOMPARE(topology->nodes().size(), 6);
    QVERIFY(topology->isFullyCovered());
    QCOMPARE(topology->masterForSlot(0)->id, QByteArray("a2486f61a9a932f8688e94188053450b10f3332f"));
    QCOMPARE(topology->masterForSlot(16383)->id, QByteArray("13863c5b1c16414747cca9eb06aecff0399ced9b"));
    QCOMPARE(topology->masterForSlot(16383)->endpoint(), QStringLiteral("127.0.0.1:30005"));
    const ClusterNode *dead = topology->node("1eaeb4ff2c01b315c3f0d268ef0ad5e701e95045");
    QVERIFY(dead && dead->isMaster() && dead->isFailed() && dead->slotRanges.isEmpty());
    QCOMPARE(ids(topology->replicasOf("e4b444fa1c94684006ebaa36494be14fe6a79a4d")),
             (QList<QByteArray>{"7f97ad19aec0537af5da2cffdca42496f020abae"}));
    QCOMPARE(topology->masters().size(), 4);

    QVERIFY(!ClusterTopology::fromClusterShards(RedisReply::error("ERR unknown subcommand"), false, &error));
    QVERIFY(error.contains(QStringLiteral("unknown subcommand")));
    QVERIFY(!ClusterTopology::fromClusterShards(RedisReply::array({RedisReply::array({})}), false, &error));
}

void TestClusterTopology::clusterSlots()
{
    const RedisReply reply = parse(kSlotsAfterFailover);
    QString error;
    const auto topology = ClusterTopology::fromClusterSlots(reply, &error);
    QVERIFY2(topology, qPrintable(error));
    QCOMPARE(topology->nodes().size(), 5); // the failed node serves nothing: not listed
    QVERIFY(topology->isFullyCovered());
    QCOMPARE(topology->masterForSlot(5461)->port, 30002);
    QCOMPARE(topology->masterForSlot(10923)->id, QByteArray("13863c5b1c16414747cca9eb06aecff0399ced9b"));
    QCOMPARE(ids(topology->replicasOf("a2486f61a9a932f8688e94188053450b10f3332f")),
             (QList<QByteArray>{"b2c669775fafec21671f4be390051e08119dfc4f"}));
    // The same routing as CLUSTER SHARDS gives.
    const auto shards = ClusterTopology::fromClusterShards(parse(kShardsAfterFailover));
    for (int slot = 0; slot < ClusterSlot::kSlotCount; ++slot)
        QCOMPARE(topology->masterForSlot(slot)->id, shards->masterForSlot(slot)->id);
}

void TestClusterTopology::assignSlotAfterMoved()
{
    auto topology = *ClusterTopology::fromClusterNodes(kNodesMigrating);
    QVERIFY(topology.assignSlot(100, QStringLiteral("127.0.0.1"), 30002));
    QCOMPARE(topology.masterForSlot(100)->port, 30002);
    QCOMPARE(topology.masterForSlot(99)->port, 30001);
    QCOMPARE(topology.node("a2486f61a9a932f8688e94188053450b10f3332f")->slotRanges,
             (QList<SlotRange>{{0, 99}, {101, 5460}}));
    QCOMPARE(topology.node("e4b444fa1c94684006ebaa36494be14fe6a79a4d")->slotRanges,
             (QList<SlotRange>{{100, 100}, {5461, 10922}}));
    QVERIFY(topology.isFullyCovered());
    // A replica's or an unknown address: nothing changes.
    QVERIFY(!topology.assignSlot(100, QStringLiteral("127.0.0.1"), 30004));
    QVERIFY(!topology.assignSlot(100, QStringLiteral("10.0.0.1"), 30002));
    QCOMPARE(topology.masterForSlot(100)->port, 30002);
}

void TestClusterTopology::ranges()
{
    QCOMPARE(ClusterTopology::rangesOf({5, 1, 2, 3, 9, 2}), (QList<SlotRange>{{1, 3}, {5, 5}, {9, 9}}));
    QVERIFY(ClusterTopology::rangesOf({}).isEmpty());
    const ClusterTopology empty;
    QCOMPARE(empty.uncoveredSlots(), (QList<SlotRange>{{0, 16383}}));
    QVERIFY(!empty.masterForSlot(0));
}

QTEST_GUILESS_MAIN(TestClusterTopology)
#include "tst_clustertopology.moc"
