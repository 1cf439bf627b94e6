#include "blockingcall.h"
#include "clusterslot.h"
#include "sentinelclient.h"
#include "session.h"
#include "testcluster.h"
#include "testsentinel.h"
#include "testserver.h"
#include "testsession.h"

#include <memory>
#include <optional>
#include <QSignalSpy>
#include <QTest>

namespace {
// Spins the event loop until the session answers.
RedisReply call(Session &session, const QList<QByteArray> &args)
{
    auto result = std::make_shared<std::optional<RedisReply>>();
    session.command(args, nullptr, [result](const RedisReply &reply) { *result = reply; });
    if (!QTest::qWaitFor([&] { return result->has_value(); }, 20000))
        return RedisReply::failure(QStringLiteral("no reply"));
    return **result;
}

QList<Session::NodeReply> onMasters(Session &session, const QList<QByteArray> &args)
{
    auto result = std::make_shared<std::optional<QList<Session::NodeReply>>>();
    session.commandOnMasters(args, nullptr,
                             [result](const QList<Session::NodeReply> &replies) { *result = replies; });
    if (!QTest::qWaitFor([&] { return result->has_value(); }, 20000))
        qWarning("no reply within 20 s");
    return result->value_or(QList<Session::NodeReply>());
}

std::optional<qint64> total(Session &session, const QList<QByteArray> &args)
{
    auto result = std::make_shared<std::optional<std::optional<qint64>>>();
    session.countOnMasters(args, nullptr,
                           [result](std::optional<qint64> sum, const QString &) { *result = sum; });
    if (!QTest::qWaitFor([&] { return result->has_value(); }, 20000))
        qWarning("no reply within 20 s");
    return result->value_or(std::nullopt);
}
} // namespace

// The one interface pages use, against a real standalone server, a real 6-node cluster and a real
// Sentinel setup.
class TestSession : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void standaloneIsATopologyOfOne();
    void clusterRoutesByKeyAndCountsEveryMaster();
    void twoSessionsAreIndependent();
    void readOnlyRefusesWrites();
    void wrongPasswordFailsThenReopens();
    void sentinelProfileReachesTheMasterAndFollowsAFailover();
    void closeReleasesEveryConnection();

private:
    TestServer m_server;
    TestCluster m_cluster;
};

void TestSession::initTestCase()
{
    QVERIFY(m_server.start());
    EmbeddedCluster::Options options;
    options.replicasPerMaster = 1;
    QVERIFY(m_cluster.start(options));
}

void TestSession::standaloneIsATopologyOfOne()
{
    Session session(m_server.config());
    QVERIFY(openSession(session));
    QCOMPARE(session.state(), Session::State::Ready);
    QVERIFY(!session.cluster());
    QVERIFY(!session.sentinel());
    const QList<ClusterNode> nodes = session.nodes();
    QCOMPARE(nodes.size(), 1);
    QCOMPARE(nodes.first().endpoint(), m_server.config().endpoint());
    QVERIFY(nodes.first().isMaster());
    QCOMPARE(session.defaultNodeId(), nodes.first().id);
    QCOMPARE(session.scanConnections().size(), 1);

    QVERIFY(!call(session, {"FLUSHALL"}).isError());
    QCOMPARE(call(session, {"SET", "k\xff", "v"}).bytes(), QByteArray("OK"));
    QCOMPARE(session.connectionForKey("k\xff"), session.connection());
    QCOMPARE(total(session, {"DBSIZE"}), std::optional<qint64>(1));
    const QList<Session::NodeReply> replies = onMasters(session, {"PING"});
    QCOMPARE(replies.size(), 1);
    QCOMPARE(replies.first().reply.bytes(), QByteArray("PONG"));

    // commandOn() the one node, and a clear failure for a node that is not there.
    auto reply = std::make_shared<std::optional<RedisReply>>();
    session.commandOn(nodes.first().id, {"GET", "k\xff"}, nullptr,
                      [reply](const RedisReply &r) { *reply = r; });
    QVERIFY(QTest::qWaitFor([&] { return reply->has_value(); }, 10000));
    QCOMPARE((*reply)->bytes(), QByteArray("v"));
    reply->reset();
    session.commandOn("nowhere", {"PING"}, nullptr, [reply](const RedisReply &r) { *reply = r; });
    QVERIFY(QTest::qWaitFor([&] { return reply->has_value(); }, 10000));
    QVERIFY((*reply)->isFailure());
}

void TestSession::clusterRoutesByKeyAndCountsEveryMaster()
{
    Session session(m_cluster.cluster().seedConfig());
    QVERIFY(openSession(session));
    QVERIFY(session.cluster());
    QCOMPARE(session.nodes().size(), 6);
    int masters = 0;
    for (const ClusterNode &node : session.nodes())
        masters += node.isMaster() ? 1 : 0;
    QCOMPARE(masters, 3);
    QCOMPARE(session.scanConnections().size(), 3);
    QCOMPARE(session.defaultNodeId(), m_cluster.cluster().nodeId(0));

    for (const Session::NodeReply &node : onMasters(session, {"FLUSHALL"}))
        QVERIFY2(!node.reply.isError(), qPrintable(node.reply.errorMessage()));
    // Keys of every slot range, written through the one routed command.
    for (int i = 0; i < 90; ++i)
        QCOMPARE(call(session, {"SET", "key:" + QByteArray::number(i), "v"}).bytes(), QByteArray("OK"));
    QCOMPARE(total(session, {"DBSIZE"}), std::optional<qint64>(90));

    // The key's own master holds it, and connectionForKey() names that master.
    const QByteArray key = "key:7";
    RedisConnection *holder = session.connectionForKey(key);
    QVERIFY(holder);
    QCOMPARE(blockingCall(*holder, {"GET", key}).bytes(), QByteArray("v"));
    const ClusterNode *master = session.cluster()->topology().masterForSlot(ClusterSlot::slotOf(key));
    QVERIFY(master);
    QCOMPARE(holder->config().port, master->port);
}

void TestSession::twoSessionsAreIndependent()
{
    Session standalone(m_server.config());
    Session cluster(m_cluster.cluster().seedConfig());
    QVERIFY(openSession(standalone));
    QVERIFY(openSession(cluster));
    QVERIFY(!call(standalone, {"DEL", "only:here"}).isError());
    QVERIFY(!call(cluster, {"DEL", "only:here"}).isError());
    QCOMPARE(call(standalone, {"SET", "only:here", "1"}).bytes(), QByteArray("OK"));
    QCOMPARE(call(cluster, {"EXISTS", "only:here"}).toInteger(), 0);
    QCOMPARE(call(standalone, {"EXISTS", "only:here"}).toInteger(), 1);
    // Closing one leaves the other serving.
    cluster.close();
    QCOMPARE(cluster.state(), Session::State::Closed);
    QVERIFY(call(cluster, {"PING"}).isFailure());
    QCOMPARE(call(standalone, {"GET", "only:here"}).bytes(), QByteArray("1"));
}

void TestSession::readOnlyRefusesWrites()
{
    for (const ConnectionConfig &server : {m_server.config(), m_cluster.cluster().seedConfig()}) {
        ConnectionConfig config = server;
        config.readOnly = true;
        Session session(config);
        QVERIFY(openSession(session));
        QVERIFY(session.isReadOnly());
        QCOMPARE(session.stateText(), QStringLiteral("Connected (read-only)"));
        const RedisReply refused = call(session, {"SET", "ro:written", "x"});
        QVERIFY(refused.isError());
        QCOMPARE(call(session, {"EXISTS", "ro:written"}).toInteger(), 0);
    }
}

void TestSession::wrongPasswordFailsThenReopens()
{
    TestServer locked;
    QVERIFY(locked.start({QStringLiteral("--requirepass"), QStringLiteral("s3cret")}));
    ConnectionConfig config = locked.config();
    config.password = QStringLiteral("wrong");
    Session session(config);
    QSignalSpy errors(&session, &Session::errorOccurred);
    session.open();
    QVERIFY(QTest::qWaitFor([&] { return session.state() == Session::State::Failed; }, 10000));
    QVERIFY(!errors.isEmpty());
    QCOMPARE(errors.last().first().value<ConnectionError>().kind, ConnectionError::Kind::AuthFailed);
    QCOMPARE(session.lastError().kind, ConnectionError::Kind::AuthFailed);

    QSignalSpy ready(&session, &Session::ready);
    session.reopenWithPassword(QStringLiteral("s3cret"));
    QVERIFY(QTest::qWaitFor([&] { return !ready.isEmpty(); }, 10000));
    QCOMPARE(call(session, {"PING"}).bytes(), QByteArray("PONG"));
}

void TestSession::sentinelProfileReachesTheMasterAndFollowsAFailover()
{
    TestSentinel setup;
    QVERIFY(setup.start());
    ConnectionConfig profile;
    profile.sentinelMaster = QString::fromUtf8(setup.setup().masterName());
    for (const ConnectionConfig &sentinel : setup.setup().sentinelConfigs())
        profile.sentinels.append({sentinel.host, sentinel.port});
    Session session(profile);
    QVERIFY(openSession(session));
    QVERIFY(session.sentinel());
    const ConnectionConfig master = setup.setup().masterConfig();
    QCOMPARE(session.serverConfig().port, master.port);
    QCOMPARE(session.nodes().size(), 1);
    QCOMPARE(call(session, {"SET", "sentinel:key", "1"}).bytes(), QByteArray("OK"));

    // A failover the sentinels run: the session moves to the new master by itself.
    QSignalSpy changed(&session, &Session::serverChanged);
    QSignalSpy ready(&session, &Session::ready);
    RedisConnection sentinel(setup.setup().sentinelConfigs().first());
    sentinel.open();
    QVERIFY(!blockingCall(sentinel, {"SENTINEL", "FAILOVER", setup.setup().masterName()}).isError());
    QVERIFY(QTest::qWaitFor([&] { return !changed.isEmpty() && !ready.isEmpty(); }, 30000));
    QCOMPARE(session.serverConfig().port, setup.setup().replicaConfig().port);
    QVERIFY(QTest::qWaitFor(
        [&] {
            return call(session, {"SET", "sentinel:after", "1"}).bytes() == "OK";
        },
        10000));
}

void TestSession::closeReleasesEveryConnection()
{
    // Open and close 50 sessions (standalone and cluster alternately): no connection outlives its session.
    QObject parent;
    for (int i = 0; i < 50; ++i) {
        auto *session = new Session(i % 2 ? m_cluster.cluster().seedConfig() : m_server.config(), &parent);
        QVERIFY(openSession(*session));
        QCOMPARE(call(*session, {"PING"}).bytes(), QByteArray("PONG"));
        session->close();
        delete session;
    }
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    QTest::qWait(50);
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    QCOMPARE(parent.findChildren<QObject *>().size(), 0);
    // The servers count the clients still connected: only this test's own are left.
    auto probe = TestServer::connect(m_server.config());
    QVERIFY(probe);
    const QByteArray clients = blockingCall(*probe, {"CLIENT", "LIST", "TYPE", "normal"}).bytes();
    QCOMPARE(clients.count('\n'), 1);
}

QTEST_GUILESS_MAIN(TestSession)
#include "tst_session.moc"
