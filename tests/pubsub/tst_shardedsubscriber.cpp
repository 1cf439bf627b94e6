#include "blockingcall.h"
#include "clusterclient.h"
#include "clusterslot.h"
#include "embeddedcluster.h"
#include "embeddedserver.h"
#include "publisher.h"
#include "redisconnection.h"
#include "session.h"
#include "shardedsubscriber.h"
#include "testcluster.h"
#include "testserver.h"
#include "testsession.h"

#include <csignal>
#include <memory>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

using Kind = PubSubMessage::Kind;

namespace {
const QString kPassword = QStringLiteral("shard-secret");
}

// SSUBSCRIBE across a real 3-master cluster (one replica each): channels on their slot's master,
// SPUBLISH through the ClusterClient, a slot migration (the old master pushes sunsubscribe) and a
// master killed (its replica takes over): the channel follows its slot each time.
class TestShardedSubscriber : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void channelsOnTheirMasters();
    void unsubscribeClosesAnEmptySubscriber();
    void refusedChannelBacksOff();
    void followsAMigratedSlot();
    void followsAManualFailover();
    void followsAFailover();

private:
    int masterIndexOf(int slot) const;
    // A channel name whose slot master `index` served at formation.
    QByteArray channelOn(int index, const QByteArray &prefix) const;
    // SPUBLISH through the client: the number of receivers, -1 on an error.
    qint64 spublish(const QByteArray &channel, const QByteArray &payload);
    QList<PubSubMessage> receivedOn(const QByteArray &channel) const;
    qint64 shardNumSub(int node, const QByteArray &channel);

    TestCluster m_cluster;
    std::unique_ptr<ClusterClient> m_client; // the test's own view of the map
    std::unique_ptr<Session> m_session;
    std::vector<std::unique_ptr<RedisConnection>> m_admin; // direct, one per node
    std::unique_ptr<ShardedSubscriber> m_sharded;
    QList<PubSubMessage> m_received;
    qint64 m_dropped = 0;
    QByteArray m_channels[3];
};

void TestShardedSubscriber::initTestCase()
{
    EmbeddedCluster::Options options;
    options.nodeTimeoutMs = 1000; // a quick failover
    options.password = kPassword;
    QVERIFY(m_cluster.start(options));
    for (int i = 0; i < 6; ++i) {
        m_admin.push_back(TestServer::connect(m_cluster.cluster().nodeConfig(i)));
        QVERIFY(m_admin.back());
    }
    m_client = std::make_unique<ClusterClient>(m_cluster.cluster().seedConfig());
    QVERIFY(TestCluster::open(*m_client));
    m_session = std::make_unique<Session>(m_cluster.cluster().seedConfig());
    QVERIFY(openSession(*m_session));
    m_sharded = std::make_unique<ShardedSubscriber>(m_session.get());
    connect(m_sharded.get(), &ShardedSubscriber::messagesReceived, this,
            [this](const QList<PubSubMessage> &batch, qint64 dropped) {
                m_received += batch;
                m_dropped += dropped;
            });
    for (int i = 0; i < 3; ++i)
        m_channels[i] = channelOn(i, "orders:");
}

int TestShardedSubscriber::masterIndexOf(int slot) const
{
    for (int i = 0; i < 3; ++i) {
        const auto [first, last] = m_cluster.cluster().formedSlots(i);
        if (slot >= first && slot <= last)
            return i;
    }
    return -1;
}

QByteArray TestShardedSubscriber::channelOn(int index, const QByteArray &prefix) const
{
    for (int n = 0;; ++n) {
        const QByteArray channel = prefix + QByteArray::number(n);
        if (masterIndexOf(ClusterSlot::slotOf(channel)) == index)
            return channel;
    }
}

qint64 TestShardedSubscriber::spublish(const QByteArray &channel, const QByteArray &payload)
{
    Publisher publisher(m_session.get());
    QSignalSpy finished(&publisher, &Publisher::finished);
    publisher.publish(channel, payload, true);
    if (!finished.wait(20000) || !finished.first().at(2).toString().isEmpty())
        return -1;
    return finished.first().at(1).toLongLong();
}

QList<PubSubMessage> TestShardedSubscriber::receivedOn(const QByteArray &channel) const
{
    QList<PubSubMessage> list;
    for (const PubSubMessage &message : m_received) {
        if (message.channel == channel)
            list.append(message);
    }
    return list;
}

qint64 TestShardedSubscriber::shardNumSub(int node, const QByteArray &channel)
{
    const RedisReply reply = blockingCall(*m_admin[size_t(node)], {"PUBSUB", "SHARDNUMSUB", channel});
    return reply.elements().size() == 2 ? reply.elements().at(1).toInteger() : -1;
}

void TestShardedSubscriber::channelsOnTheirMasters()
{
    for (const QByteArray &channel : m_channels)
        m_sharded->subscribe(channel);
    QCOMPARE(m_sharded->channels().size(), 3);
    QTRY_COMPARE_WITH_TIMEOUT(m_sharded->subscriptions().size(), 3, 10000);
    QCOMPARE(m_sharded->subscriberCount(), 3);
    QVERIFY(m_sharded->problemText().isEmpty());
    for (int i = 0; i < 3; ++i) {
        const QByteArray &channel = m_channels[i];
        QCOMPARE(m_sharded->nodeIdOf(channel), m_cluster.cluster().nodeId(i));
        QCOMPARE(m_sharded->endpointOf(channel),
                 QStringLiteral("127.0.0.1:%1").arg(m_cluster.cluster().node(i)->port()));
        // Each master holds its own channel's subscriber and no other.
        QCOMPARE(shardNumSub(i, channel), 1);
        QCOMPARE(blockingCall(*m_admin[size_t(i)], {"PUBSUB", "SHARDCHANNELS"}),
                 RedisReply::array({RedisReply::bulk(channel)}));
    }
    // SPUBLISH through the client reaches the channel's master: one receiver each, all three arrive.
    const QByteArray binary("\x00\xff shard", 8);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(spublish(m_channels[i], binary + QByteArray::number(i)), 1);
    QTRY_COMPARE_WITH_TIMEOUT(m_received.size(), 3, 10000);
    QCOMPARE(m_dropped, 0);
    for (int i = 0; i < 3; ++i) {
        const QList<PubSubMessage> got = receivedOn(m_channels[i]);
        QCOMPARE(got.size(), 1);
        QCOMPARE(int(got[0].kind), int(Kind::Shard));
        QCOMPARE(got[0].payload, binary + QByteArray::number(i));
    }
}

void TestShardedSubscriber::unsubscribeClosesAnEmptySubscriber()
{
    const QByteArray extra = channelOn(1, "extra:");
    m_sharded->subscribe(extra);
    QTRY_COMPARE_WITH_TIMEOUT(m_sharded->subscriptions().size(), 4, 10000);
    QCOMPARE(m_sharded->subscriberCount(), 3); // the same connection to master 1
    QCOMPARE(shardNumSub(1, extra), 1);
    m_sharded->unsubscribe(extra);
    QTRY_COMPARE(shardNumSub(1, extra), 0);
    QCOMPARE(shardNumSub(1, m_channels[1]), 1);
    QCOMPARE(m_sharded->subscriberCount(), 3);

    // A master's only channel gone: its subscriber connection closes.
    m_sharded->unsubscribe(m_channels[1]);
    QCOMPARE(m_sharded->subscriberCount(), 2);
    QVERIFY(!m_sharded->subscriberFor(m_cluster.cluster().nodeId(1)));
    QTRY_COMPARE(shardNumSub(1, m_channels[1]), 0);
    QTRY_COMPARE(blockingCall(*m_admin[1], {"CLIENT", "LIST", "TYPE", "pubsub"}).bytes(), QByteArray());
    QCOMPARE(spublish(m_channels[1], "nobody"), 0);
    m_sharded->subscribe(m_channels[1]);
    QTRY_COMPARE_WITH_TIMEOUT(m_sharded->subscriptions().size(), 3, 10000);
    QCOMPARE(m_sharded->subscriberCount(), 3);
}

// An empty slot moved from master 1 to master 2: master 1 pushes sunsubscribe, the channel is
// subscribed on master 2, and master 1's subscriber (its only channel) closes.
// A channel the ACL user may not subscribe to (NOPERM) never confirms: the retries slow down (1 s, 2 s,
// 4 s … 30 s) instead of reloading the map every second for ever; a new subscription starts again at 1 s.
void TestShardedSubscriber::refusedChannelBacksOff()
{
    for (auto &admin : m_admin)
        QCOMPARE(blockingCall(*admin, {"ACL", "SETUSER", "limited", "on", ">limited-pw", "~*",
                                       "resetchannels", "&allowed:*", "+@all"}),
                 RedisReply::status("OK"));
    ConnectionConfig limited = m_cluster.cluster().seedConfig();
    limited.username = QStringLiteral("limited");
    limited.password = QStringLiteral("limited-pw");
    Session client(limited);
    QVERIFY(openSession(client));
    ShardedSubscriber sharded(&client);
    sharded.subscribe("forbidden:1");
    QCOMPARE(sharded.retryInterval(), ShardedSubscriber::kRetryMs);
    QTRY_VERIFY_WITH_TIMEOUT(sharded.retryInterval() >= 4 * ShardedSubscriber::kRetryMs, 10000);
    QVERIFY(!sharded.isConfirmed("forbidden:1"));
    sharded.subscribe("allowed:1");
    QCOMPARE(sharded.retryInterval(), ShardedSubscriber::kRetryMs);
    QTRY_VERIFY_WITH_TIMEOUT(sharded.isConfirmed("allowed:1"), 10000);
}

void TestShardedSubscriber::followsAMigratedSlot()
{
    EmbeddedCluster &cluster = m_cluster.cluster();
    const QByteArray channel = m_channels[1];
    const QByteArray slot = QByteArray::number(ClusterSlot::slotOf(channel));
    QCOMPARE(blockingCall(*m_admin[1], {"CLUSTER", "COUNTKEYSINSLOT", slot}).toInteger(), 0);
    QSignalSpy moved(m_sharded.get(), &ShardedSubscriber::channelMoved);
    QCOMPARE(blockingCall(*m_admin[2], {"CLUSTER", "SETSLOT", slot, "IMPORTING", cluster.nodeId(1)}),
             RedisReply::status("OK"));
    QCOMPARE(blockingCall(*m_admin[1], {"CLUSTER", "SETSLOT", slot, "MIGRATING", cluster.nodeId(2)}),
             RedisReply::status("OK"));
    for (const int node : {2, 1, 0})
        QCOMPARE(
            blockingCall(*m_admin[size_t(node)], {"CLUSTER", "SETSLOT", slot, "NODE", cluster.nodeId(2)}),
            RedisReply::status("OK"));

    QTRY_COMPARE_WITH_TIMEOUT(m_sharded->nodeIdOf(channel), cluster.nodeId(2), 15000);
    QTRY_VERIFY_WITH_TIMEOUT(m_sharded->isConfirmed(channel), 10000);
    QCOMPARE(moved.count(), 1);
    QCOMPARE(moved.first().at(1).toString(), QStringLiteral("127.0.0.1:%1").arg(cluster.node(1)->port()));
    QCOMPARE(moved.first().at(2).toString(), QStringLiteral("127.0.0.1:%1").arg(cluster.node(2)->port()));
    QCOMPARE(m_sharded->subscriberCount(), 2);
    QCOMPARE(shardNumSub(2, channel), 1);
    QTRY_COMPARE(shardNumSub(1, channel), 0);
    m_received.clear();
    QCOMPARE(spublish(channel, "after the migration"), 1);
    QTRY_COMPARE_WITH_TIMEOUT(receivedOn(channel).size(), 1, 10000);
    QCOMPARE(receivedOn(channel).first().payload, QByteArray("after the migration"));
}

// CLUSTER FAILOVER on master 2's replica (node 5): the old master pushes sunsubscribe as it becomes a
// replica, and both of its channels (its own and the migrated one) are subscribed on node 5.
void TestShardedSubscriber::followsAManualFailover()
{
    EmbeddedCluster &cluster = m_cluster.cluster();
    const QList<QByteArray> moving{m_channels[1], m_channels[2]};
    for (const QByteArray &channel : moving)
        QCOMPARE(m_sharded->nodeIdOf(channel), cluster.nodeId(2));
    QSignalSpy moved(m_sharded.get(), &ShardedSubscriber::channelMoved);
    QCOMPARE(blockingCall(*m_admin[5], {"CLUSTER", "FAILOVER"}), RedisReply::status("OK"));
    for (const QByteArray &channel : moving) {
        QTRY_COMPARE_WITH_TIMEOUT(m_sharded->nodeIdOf(channel), cluster.nodeId(5), 15000);
        QTRY_VERIFY_WITH_TIMEOUT(m_sharded->isConfirmed(channel), 10000);
        QCOMPARE(shardNumSub(5, channel), 1);
    }
    QCOMPARE(moved.count(), 2);
    QVERIFY(!m_sharded->subscriberFor(cluster.nodeId(2)));
    QCOMPARE(m_sharded->subscriberCount(), 2);
    // Both channels went to node 5's new subscriber at once: subscribed without a refusal (one
    // SSUBSCRIBE per slot, never CROSSSLOT).
    QCOMPARE(m_sharded->subscriberFor(cluster.nodeId(5))->errorText(), QString());
    m_received.clear();
    for (const QByteArray &channel : moving)
        QCOMPARE(spublish(channel, "after the manual failover"), 1);
    QTRY_COMPARE_WITH_TIMEOUT(m_received.size(), 2, 10000);
}

// SIGKILL master 0: once its replica (node 3) is promoted and the client's map says so, the channel
// is subscribed there and SPUBLISH reaches it again.
void TestShardedSubscriber::followsAFailover()
{
    EmbeddedCluster &cluster = m_cluster.cluster();
    const QByteArray channel = m_channels[0];
    QVERIFY(m_sharded->isConfirmed(channel));
    QElapsedTimer clock;
    clock.start();
    QVERIFY(::kill(pid_t(cluster.node(0)->processId()), SIGKILL) == 0);
    QTRY_VERIFY_WITH_TIMEOUT(!m_sharded->isConfirmed(channel), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(m_client->topology().masterForSlot(ClusterSlot::slotOf(channel))->id,
                              cluster.nodeId(3), 20000);
    QTRY_COMPARE_WITH_TIMEOUT(m_sharded->nodeIdOf(channel), cluster.nodeId(3), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(m_sharded->isConfirmed(channel), 10000);
    qInfo("kill -> shard channel subscribed on the promoted replica: %lld ms", clock.elapsed());
    QCOMPARE(m_sharded->endpointOf(channel), QStringLiteral("127.0.0.1:%1").arg(cluster.node(3)->port()));
    QCOMPARE(shardNumSub(3, channel), 1);
    QVERIFY(!m_sharded->subscriberFor(cluster.nodeId(0)));

    m_received.clear();
    QCOMPARE(spublish(channel, "after the failover"), 1);
    QTRY_COMPARE_WITH_TIMEOUT(receivedOn(channel).size(), 1, 10000);
    QCOMPARE(receivedOn(channel).first().payload, QByteArray("after the failover"));
    // The other masters' channels never moved.
    QCOMPARE(spublish(m_channels[2], "still here"), 1);
    QTRY_COMPARE_WITH_TIMEOUT(receivedOn(m_channels[2]).size(), 1, 10000);
    QVERIFY2(m_sharded->problemText().isEmpty(), qPrintable(m_sharded->problemText()));
}

QTEST_GUILESS_MAIN(TestShardedSubscriber)
#include "tst_shardedsubscriber.moc"
