#include "clusterslot.h"
#include "embeddedcluster.h"
#include "pubsuboverview.h"
#include "pubsubsubscriber.h"
#include "session.h"
#include "testcluster.h"
#include "testserver.h"
#include "testsession.h"

#include <memory>
#include <QTest>

using Kind = PubSubMessage::Kind;

// PubSubOverview against real servers: what is subscribed where, as a standalone server and as an
// embedded cluster (subscribers on masters and replicas) report it.
class TestPubSubOverview : public QObject
{
    Q_OBJECT
private slots:
    void standalone();
    void cluster();

private:
    struct Result
    {
        QList<PubSubOverview::Channel> channels;
        qint64 patterns = -1;
        QStringList errors;
    };
    static bool refresh(Session &session, Result &result);
    static bool subscribed(PubSubSubscriber &subscriber, Kind kind, const QByteArray &name);
};

bool TestPubSubOverview::refresh(Session &session, Result &result)
{
    PubSubOverview overview(&session);
    bool done = false;
    connect(&overview, &PubSubOverview::refreshed, &overview,
            [&](const QList<PubSubOverview::Channel> &channels, qint64 patterns, const QStringList &errors) {
                result = {channels, patterns, errors};
                done = true;
            });
    overview.refresh();
    if (!QTest::qWaitFor([&] { return done; }, 10000))
        return false;
    return true;
}

bool TestPubSubOverview::subscribed(PubSubSubscriber &subscriber, Kind kind, const QByteArray &name)
{
    subscriber.subscribe(kind, name);
    return QTest::qWaitFor([&] { return subscriber.subscriptions(kind).contains(name); }, 10000);
}

void TestPubSubOverview::standalone()
{
    TestServer server;
    QVERIFY(server.start());
    Session session(server.config());
    QVERIFY(openSession(session));
    Result empty;
    QVERIFY(refresh(session, empty));
    QVERIFY(empty.channels.isEmpty());
    QCOMPARE(empty.patterns, 0);
    QVERIFY(empty.errors.isEmpty());

    PubSubSubscriber a(server.config()), b(server.config());
    a.open();
    b.open();
    QVERIFY(subscribed(a, Kind::Channel, "news"));
    QVERIFY(subscribed(a, Kind::Pattern, "news:*"));
    QVERIFY(subscribed(b, Kind::Channel, "news"));
    QVERIFY(subscribed(b, Kind::Channel, "sports"));
    QVERIFY(subscribed(b, Kind::Shard, "orders"));
    Result result;
    QVERIFY(refresh(session, result));
    const QString endpoint = session.nodes().at(0).endpoint();
    QCOMPARE(result.patterns, 1);
    QVERIFY2(result.errors.isEmpty(), qPrintable(result.errors.join('\n')));
    // Channels first, then shard channels, each by name.
    QCOMPARE(result.channels.size(), 3);
    QCOMPARE(result.channels.at(0).name, QByteArray("news"));
    QVERIFY(!result.channels.at(0).sharded);
    QCOMPARE(result.channels.at(0).subscribers, 2);
    QCOMPARE(result.channels.at(0).nodes, QStringList{endpoint});
    QCOMPARE(result.channels.at(1).name, QByteArray("sports"));
    QCOMPARE(result.channels.at(1).subscribers, 1);
    QCOMPARE(result.channels.at(2).name, QByteArray("orders"));
    QVERIFY(result.channels.at(2).sharded);
    QCOMPARE(result.channels.at(2).subscribers, 1);
    QCOMPARE(result.channels.at(2).nodes, QStringList{endpoint});

    // Unsubscribed: gone from the overview.
    b.unsubscribe(Kind::Channel, "sports");
    QTRY_VERIFY(!b.subscriptions(Kind::Channel).contains("sports"));
    Result after;
    QVERIFY(refresh(session, after));
    QCOMPARE(after.channels.size(), 2);
    QCOMPARE(after.channels.at(1).name, QByteArray("orders"));
}

void TestPubSubOverview::cluster()
{
    TestCluster cluster;
    QVERIFY(cluster.start({})); // 3 masters, each with a replica (nodes 3 to 5)
    const EmbeddedCluster &nodes = cluster.cluster();
    const auto endpoint = [&](int i) { return QStringLiteral("127.0.0.1:%1").arg(nodes.node(i)->port()); };
    Session session(nodes.seedConfig());
    QVERIFY(openSession(session));
    // A shard channel on the last master's slots.
    QByteArray shard;
    for (int n = 0; shard.isEmpty(); ++n) {
        const QByteArray channel = "orders:" + QByteArray::number(n);
        const int slot = ClusterSlot::slotOf(channel);
        if (slot >= nodes.formedSlots(2).first && slot <= nodes.formedSlots(2).second)
            shard = channel;
    }
    // Subscribers wherever clients connect: a master and a replica for the same channel.
    PubSubSubscriber onMaster(nodes.nodeConfig(0)), onReplica(nodes.nodeConfig(3)),
        onOther(nodes.nodeConfig(1)), onShard(nodes.nodeConfig(2));
    for (PubSubSubscriber *subscriber : {&onMaster, &onReplica, &onOther, &onShard})
        subscriber->open();
    QVERIFY(subscribed(onMaster, Kind::Channel, "batch"));
    QVERIFY(subscribed(onReplica, Kind::Channel, "batch"));
    QVERIFY(subscribed(onOther, Kind::Pattern, "batch:*"));
    QVERIFY(subscribed(onShard, Kind::Shard, shard));

    Result result;
    QVERIFY(refresh(session, result));
    QVERIFY2(result.errors.isEmpty(), qPrintable(result.errors.join('\n')));
    QCOMPARE(result.patterns, 1);
    QCOMPARE(result.channels.size(), 2);
    const PubSubOverview::Channel &batch = result.channels.at(0);
    QCOMPARE(batch.name, QByteArray("batch"));
    QVERIFY(!batch.sharded);
    QCOMPARE(batch.subscribers, 2);
    QCOMPARE(batch.nodes.size(), 2);
    QVERIFY(batch.nodes.contains(endpoint(0)));
    QVERIFY(batch.nodes.contains(endpoint(3)));
    const PubSubOverview::Channel &orders = result.channels.at(1);
    QCOMPARE(orders.name, shard);
    QVERIFY(orders.sharded);
    QCOMPARE(orders.subscribers, 1);
    QCOMPARE(orders.nodes, QStringList{endpoint(2)});
}

QTEST_GUILESS_MAIN(TestPubSubOverview)
#include "tst_pubsuboverview.moc"
