#include "redisreply.h"
#include "respreader.h"
#include "sentinelstate.h"

#include <QTest>

namespace {

// Recorded from redis-sentinel 7.0.15 (master "mymaster" on 27001, replica 27002, sentinels 27011-27013):
// healthy; with the master stopped (SIGSTOP: s_down, o_down); after the failover (the old master,
// still stopped, listed as a replica that is s_down).
const QByteArray kHealthyMasters = QByteArrayLiteral(
    "*1\r\n*40\r\n$4\r\nname\r\n$8\r\nmymaster\r\n$2\r\nip\r\n$9\r\n127.0.0.1\r\n$4\r\n"
    "port\r\n$5\r\n27001\r\n$5\r\nrunid\r\n$40\r\n29b73d585908e23f09543b3e9182aba898d524db\r\n"
    "$5\r\nflags\r\n$6\r\nmaster\r\n$21\r\nlink-pending-commands\r\n$1\r\n0\r\n$13\r\n"
    "link-refcount\r\n$1\r\n1\r\n$14\r\nlast-ping-sent\r\n$1\r\n0\r\n$18\r\nlast-ok-ping-reply\r\n"
    "$2\r\n20\r\n$15\r\nlast-ping-reply\r\n$2\r\n20\r\n$23\r\ndown-after-milliseconds\r\n"
    "$4\r\n1000\r\n$12\r\ninfo-refresh\r\n$4\r\n4099\r\n$13\r\nrole-reported\r\n$6\r\n"
    "master\r\n$18\r\nrole-reported-time\r\n$4\r\n4113\r\n$12\r\nconfig-epoch\r\n$1\r\n"
    "0\r\n$10\r\nnum-slaves\r\n$1\r\n1\r\n$19\r\nnum-other-sentinels\r\n$1\r\n2\r\n$6\r\n"
    "quorum\r\n$1\r\n2\r\n$16\r\nfailover-timeout\r\n$4\r\n3000\r\n$14\r\nparallel-syncs\r\n"
    "$1\r\n1\r\n");

const QByteArray kHealthyReplicas = QByteArrayLiteral(
    "*1\r\n*42\r\n$4\r\nname\r\n$15\r\n127.0.0.1:27002\r\n$2\r\nip\r\n$9\r\n127.0.0.1\r\n"
    "$4\r\nport\r\n$5\r\n27002\r\n$5\r\nrunid\r\n$40\r\n47696d1d439284bc20ee82b20b373c51606c7355\r\n"
    "$5\r\nflags\r\n$5\r\nslave\r\n$21\r\nlink-pending-commands\r\n$1\r\n0\r\n$13\r\nlink-refcount\r\n"
    "$1\r\n1\r\n$14\r\nlast-ping-sent\r\n$1\r\n0\r\n$18\r\nlast-ok-ping-reply\r\n$3\r\n"
    "168\r\n$15\r\nlast-ping-reply\r\n$3\r\n168\r\n$23\r\ndown-after-milliseconds\r\n$4\r\n"
    "1000\r\n$12\r\ninfo-refresh\r\n$4\r\n4329\r\n$13\r\nrole-reported\r\n$5\r\nslave\r\n"
    "$18\r\nrole-reported-time\r\n$4\r\n4405\r\n$21\r\nmaster-link-down-time\r\n$1\r\n"
    "0\r\n$18\r\nmaster-link-status\r\n$2\r\nok\r\n$11\r\nmaster-host\r\n$9\r\n127.0.0.1\r\n"
    "$11\r\nmaster-port\r\n$5\r\n27001\r\n$14\r\nslave-priority\r\n$3\r\n100\r\n$17\r\n"
    "slave-repl-offset\r\n$1\r\n0\r\n$17\r\nreplica-announced\r\n$1\r\n1\r\n");

const QByteArray kHealthySentinels = QByteArrayLiteral(
    "*2\r\n*28\r\n$4\r\nname\r\n$40\r\n0809ac21cb36324fb88ce707f47555b15a2e58db\r\n$2\r\n"
    "ip\r\n$9\r\n127.0.0.1\r\n$4\r\nport\r\n$5\r\n27013\r\n$5\r\nrunid\r\n$"
    "40\r\n0809ac21cb36324fb88ce707f47555b15a2e58db\r\n"
    "$5\r\nflags\r\n$8\r\nsentinel\r\n$21\r\nlink-pending-commands\r\n$1\r\n0\r\n$13\r\n"
    "link-refcount\r\n$1\r\n1\r\n$14\r\nlast-ping-sent\r\n$1\r\n0\r\n$18\r\nlast-ok-ping-reply\r\n"
    "$3\r\n623\r\n$15\r\nlast-ping-reply\r\n$3\r\n623\r\n$23\r\ndown-after-milliseconds\r\n"
    "$4\r\n1000\r\n$18\r\nlast-hello-message\r\n$3\r\n601\r\n$12\r\nvoted-leader\r\n$1\r\n"
    "?\r\n$18\r\nvoted-leader-epoch\r\n$1\r\n0\r\n*28\r\n$4\r\nname\r\n$"
    "40\r\n72d6c435596b11ca08c4ef5d23490596c1aa01d8\r\n"
    "$2\r\nip\r\n$9\r\n127.0.0.1\r\n$4\r\nport\r\n$5\r\n27012\r\n$5\r\nrunid\r\n$40\r\n"
    "72d6c435596b11ca08c4ef5d23490596c1aa01d8\r\n$5\r\nflags\r\n$8\r\nsentinel\r\n$21\r\n"
    "link-pending-commands\r\n$1\r\n0\r\n$13\r\nlink-refcount\r\n$1\r\n1\r\n$14\r\nlast-ping-sent\r\n"
    "$1\r\n0\r\n$18\r\nlast-ok-ping-reply\r\n$3\r\n617\r\n$15\r\nlast-ping-reply\r\n$3\r\n"
    "617\r\n$23\r\ndown-after-milliseconds\r\n$4\r\n1000\r\n$18\r\nlast-hello-message\r\n"
    "$3\r\n581\r\n$12\r\nvoted-leader\r\n$1\r\n?\r\n$18\r\nvoted-leader-epoch\r\n$1\r\n"
    "0\r\n");

const QByteArray kOdownMasters = QByteArrayLiteral(
    "*1\r\n*44\r\n$4\r\nname\r\n$8\r\nmymaster\r\n$2\r\nip\r\n$9\r\n127.0.0.1\r\n$4\r\n"
    "port\r\n$5\r\n27001\r\n$5\r\nrunid\r\n$40\r\n29b73d585908e23f09543b3e9182aba898d524db\r\n"
    "$5\r\nflags\r\n$20\r\ns_down,o_down,master\r\n$21\r\nlink-pending-commands\r\n$2\r\n"
    "18\r\n$13\r\nlink-refcount\r\n$1\r\n1\r\n$14\r\nlast-ping-sent\r\n$4\r\n1261\r\n$18\r\n"
    "last-ok-ping-reply\r\n$4\r\n2271\r\n$15\r\nlast-ping-reply\r\n$4\r\n2271\r\n$11\r\n"
    "s-down-time\r\n$3\r\n222\r\n$11\r\no-down-time\r\n$3\r\n160\r\n$23\r\ndown-after-milliseconds\r\n"
    "$4\r\n1000\r\n$12\r\ninfo-refresh\r\n$5\r\n10520\r\n$13\r\nrole-reported\r\n$6\r\n"
    "master\r\n$18\r\nrole-reported-time\r\n$5\r\n10534\r\n$12\r\nconfig-epoch\r\n$1\r\n"
    "0\r\n$10\r\nnum-slaves\r\n$1\r\n1\r\n$19\r\nnum-other-sentinels\r\n$1\r\n2\r\n$6\r\n"
    "quorum\r\n$1\r\n2\r\n$16\r\nfailover-timeout\r\n$4\r\n3000\r\n$14\r\nparallel-syncs\r\n"
    "$1\r\n1\r\n");

const QByteArray kAfterReplicas = QByteArrayLiteral(
    "*1\r\n*44\r\n$4\r\nname\r\n$15\r\n127.0.0.1:27001\r\n$2\r\nip\r\n$9\r\n127.0.0.1\r\n"
    "$4\r\nport\r\n$5\r\n27001\r\n$5\r\nrunid\r\n$0\r\n\r\n$5\r\nflags\r\n$12\r\ns_down,slave\r\n"
    "$21\r\nlink-pending-commands\r\n$3\r\n101\r\n$13\r\nlink-refcount\r\n$1\r\n1\r\n$14\r\n"
    "last-ping-sent\r\n$4\r\n6325\r\n$18\r\nlast-ok-ping-reply\r\n$4\r\n6325\r\n$15\r\n"
    "last-ping-reply\r\n$4\r\n6325\r\n$11\r\ns-down-time\r\n$4\r\n5291\r\n$23\r\ndown-after-milliseconds\r\n"
    "$4\r\n1000\r\n$12\r\ninfo-refresh\r\n$1\r\n0\r\n$13\r\nrole-reported\r\n$5\r\nslave\r\n"
    "$18\r\nrole-reported-time\r\n$4\r\n6325\r\n$21\r\nmaster-link-down-time\r\n$1\r\n"
    "0\r\n$18\r\nmaster-link-status\r\n$3\r\nerr\r\n$11\r\nmaster-host\r\n$1\r\n?\r\n$11\r\n"
    "master-port\r\n$1\r\n0\r\n$14\r\nslave-priority\r\n$3\r\n100\r\n$17\r\nslave-repl-offset\r\n"
    "$1\r\n0\r\n$17\r\nreplica-announced\r\n$1\r\n1\r\n");

RedisReply parse(const QByteArray &resp)
{
    RespReader reader;
    reader.feed(resp);
    QList<RedisReply> replies;
    if (!reader.takeReplies(replies) || replies.size() != 1)
        return RedisReply::failure(QStringLiteral("test: not one reply"));
    return replies.first();
}

} // namespace

class TestSentinelState : public QObject
{
    Q_OBJECT
private slots:
    void healthyMaster();
    void healthyReplica();
    void sentinels();
    void downMaster();
    void downReplicaAfterFailover();
    void fromReplies();
    void rejectsMalformedReplies();
};

void TestSentinelState::healthyMaster()
{
    QString error;
    const auto masters = SentinelState::parseNodes(parse(kHealthyMasters), &error);
    QVERIFY2(masters, qPrintable(error));
    QCOMPARE(masters->size(), 1);
    const SentinelState::Node &m = masters->first();
    QCOMPARE(m.name, QByteArray("mymaster"));
    QCOMPARE(m.ip, QByteArray("127.0.0.1"));
    QCOMPARE(m.port, quint16(27001));
    QCOMPARE(m.runId, QByteArray("29b73d585908e23f09543b3e9182aba898d524db"));
    QCOMPARE(m.flags, QList<QByteArray>{"master"});
    QCOMPARE(m.role(), SentinelState::Node::Role::Master);
    QVERIFY(!m.isSubjectivelyDown());
    QVERIFY(!m.isObjectivelyDown());
    QVERIFY(!m.isFailoverInProgress());
    QVERIFY(!m.isTroubled());
    QCOMPARE(m.numSlaves, 1);
    QCOMPARE(m.numOtherSentinels, 2);
    QCOMPARE(m.quorum, 2);
    QCOMPARE(m.lastOkPingReplyMs, 20);
    QCOMPARE(m.field("failover-timeout"), QByteArray("3000"));
    QCOMPARE(m.field("down-after-milliseconds"), QByteArray("1000"));
    QCOMPARE(m.fields.size(), 20);
}

void TestSentinelState::healthyReplica()
{
    const auto replicas = SentinelState::parseNodes(parse(kHealthyReplicas));
    QVERIFY(replicas);
    QCOMPARE(replicas->size(), 1);
    const SentinelState::Node &r = replicas->first();
    QCOMPARE(r.name, QByteArray("127.0.0.1:27002"));
    QCOMPARE(r.port, quint16(27002));
    QCOMPARE(r.role(), SentinelState::Node::Role::Replica);
    QCOMPARE(r.masterLinkStatus, QByteArray("ok"));
    QCOMPARE(r.masterHost, QByteArray("127.0.0.1"));
    QCOMPARE(r.masterPort, quint16(27001));
    QCOMPARE(r.numSlaves, -1);
    QVERIFY(!r.isTroubled());
}

void TestSentinelState::sentinels()
{
    const auto sentinels = SentinelState::parseNodes(parse(kHealthySentinels));
    QVERIFY(sentinels);
    QCOMPARE(sentinels->size(), 2);
    QList<quint16> ports;
    for (const SentinelState::Node &s : *sentinels) {
        QCOMPARE(s.role(), SentinelState::Node::Role::Sentinel);
        QCOMPARE(s.runId.size(), 40);
        QCOMPARE(s.name, s.runId);
        QVERIFY(s.lastOkPingReplyMs >= 0);
        ports.append(s.port);
    }
    std::sort(ports.begin(), ports.end());
    QCOMPARE(ports, (QList<quint16>{27012, 27013}));
}

void TestSentinelState::downMaster()
{
    const auto masters = SentinelState::parseNodes(parse(kOdownMasters));
    QVERIFY(masters);
    const SentinelState::Node &m = masters->first();
    QCOMPARE(m.flags, (QList<QByteArray>{"s_down", "o_down", "master"}));
    QCOMPARE(m.role(), SentinelState::Node::Role::Master);
    QVERIFY(m.isSubjectivelyDown());
    QVERIFY(m.isObjectivelyDown());
    QVERIFY(m.isTroubled());
}

void TestSentinelState::downReplicaAfterFailover()
{
    const auto replicas = SentinelState::parseNodes(parse(kAfterReplicas));
    QVERIFY(replicas);
    bool sawOldMaster = false;
    for (const SentinelState::Node &r : *replicas) {
        QCOMPARE(r.role(), SentinelState::Node::Role::Replica);
        if (r.port == 27001) {
            sawOldMaster = true;
            QVERIFY(r.isSubjectivelyDown());
            QVERIFY(r.isTroubled());
        }
    }
    QVERIFY(sawOldMaster);
}

void TestSentinelState::fromReplies()
{
    QString error;
    const auto state = SentinelState::fromReplies("mymaster", parse(kHealthyMasters), parse(kHealthyReplicas),
                                                  parse(kHealthySentinels), &error);
    QVERIFY2(state, qPrintable(error));
    QVERIFY(state->master());
    QCOMPARE(state->master()->port, quint16(27001));
    QCOMPARE(state->replicas.size(), 1);
    QCOMPARE(state->sentinels.size(), 2);

    const auto other = SentinelState::fromReplies("other", parse(kHealthyMasters), parse(kHealthyReplicas),
                                                  parse(kHealthySentinels));
    QVERIFY(other);
    QVERIFY(!other->master());

    const auto refused = SentinelState::fromReplies("nope", parse(kHealthyMasters),
                                                    RedisReply::error("ERR No such master with that name"),
                                                    parse(kHealthySentinels), &error);
    QVERIFY(!refused);
    QVERIFY(error.contains(QStringLiteral("SENTINEL REPLICAS")));
    QVERIFY(error.contains(QStringLiteral("No such master")));
}

void TestSentinelState::rejectsMalformedReplies()
{
    QString error;
    QVERIFY(!SentinelState::parseNodes(RedisReply::bulk("x"), &error));
    QVERIFY(!error.isEmpty());
    // an odd number of elements
    QVERIFY(!SentinelState::parseNode(RedisReply::array({RedisReply::bulk("name")}), &error));
    // no address
    QVERIFY(
        !SentinelState::parseNode(RedisReply::array({RedisReply::bulk("name"), RedisReply::bulk("m"),
                                                     RedisReply::bulk("port"), RedisReply::bulk("99999")}),
                                  &error));
    QVERIFY(error.contains(QStringLiteral("99999")));
    const auto empty = SentinelState::parseNodes(RedisReply::array({}));
    QVERIFY(empty && empty->isEmpty());
}

QTEST_GUILESS_MAIN(TestSentinelState)
#include "tst_sentinelstate.moc"
