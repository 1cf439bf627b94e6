#include "redisreply.h"
#include "sentinelrecordings.h"
#include "sentinelstate.h"

#include <QTest>

using namespace SentinelRecordings;

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
