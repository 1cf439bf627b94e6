#include "blockingcall.h"
#include "embeddedsentinel.h"
#include "embeddedserver.h"
#include "redisconnection.h"
#include "sentinelstate.h"
#include "testsentinel.h"
#include "testserver.h"

#include <memory>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

namespace {

// A field of a flat [name, value, …] reply such as SENTINEL MASTER's, as the server sent it.
QByteArray mapField(const RedisReply &reply, QByteArrayView name)
{
    return SentinelState::parseNode(reply).value_or(SentinelState::Node{}).field(name);
}

} // namespace

class TestEmbeddedSentinel : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void everySentinelSeesTheSetup();
    void replicaFollowsTheMaster();
    void sentinelsAnswerTheMasterAddress();
    void badSetupsFail();
    void stopStopsEverything();
    void stopAsyncStopsEverything();

private:
    TestSentinel m_sentinel;
};

void TestEmbeddedSentinel::initTestCase()
{
    QVERIFY(m_sentinel.start());
    QVERIFY(m_sentinel.setup().isReady());
    qInfo("master + replica + 3 sentinels formed in %lld ms", m_sentinel.setup().formationMs());
}

void TestEmbeddedSentinel::everySentinelSeesTheSetup()
{
    const EmbeddedSentinel &setup = m_sentinel.setup();
    QCOMPARE(setup.sentinelCount(), 3);
    QCOMPARE(setup.sentinelConfigs().size(), 3);
    for (const ConnectionConfig &config : setup.sentinelConfigs()) {
        const auto connection = TestServer::connect(config);
        QVERIFY(connection);
        const RedisReply master = blockingCall(*connection, {"SENTINEL", "MASTER", setup.masterName()});
        QVERIFY2(!master.isError(), qPrintable(master.errorMessage()));
        QCOMPARE(mapField(master, "flags"), QByteArray("master"));
        QCOMPARE(mapField(master, "port").toInt(), int(setup.master()->port()));
        QCOMPARE(mapField(master, "quorum"), QByteArray("2"));
        QCOMPARE(mapField(master, "num-other-sentinels"), QByteArray("2"));
        QVERIFY(mapField(master, "num-slaves").toInt() >= 1);
        QCOMPARE(mapField(master, "down-after-milliseconds"), QByteArray("1000"));
        const RedisReply mode = blockingCall(*connection, {"INFO", "server"});
        QVERIFY(mode.bytes().contains("redis_mode:sentinel"));
    }
}

void TestEmbeddedSentinel::replicaFollowsTheMaster()
{
    const EmbeddedSentinel &setup = m_sentinel.setup();
    const auto master = TestServer::connect(setup.masterConfig());
    const auto replica = TestServer::connect(setup.replicaConfig());
    QVERIFY(master && replica);
    QCOMPARE(blockingCall(*master, {"ROLE"}).elements().value(0).bytes(), QByteArray("master"));
    QCOMPARE(blockingCall(*replica, {"ROLE"}).elements().value(0).bytes(), QByteArray("slave"));
    QCOMPARE(blockingCall(*master, {"SET", "embedded-sentinel", "v1"}).bytes(), QByteArray("OK"));
    QCOMPARE(blockingCall(*master, {"WAIT", "1", "5000"}).toInteger(), 1);
    QCOMPARE(blockingCall(*replica, {"GET", "embedded-sentinel"}).bytes(), QByteArray("v1"));
}

void TestEmbeddedSentinel::sentinelsAnswerTheMasterAddress()
{
    const EmbeddedSentinel &setup = m_sentinel.setup();
    const auto connection = TestServer::connect(setup.sentinelConfigs().first());
    QVERIFY(connection);
    const RedisReply address =
        blockingCall(*connection, {"SENTINEL", "GET-MASTER-ADDR-BY-NAME", setup.masterName()});
    QCOMPARE(address.elements().size(), 2);
    QCOMPARE(address.elements()[0].bytes(), QByteArray("127.0.0.1"));
    QCOMPARE(address.elements()[1].bytes(), QByteArray::number(setup.master()->port()));
    const RedisReply replicas = blockingCall(*connection, {"SENTINEL", "REPLICAS", setup.masterName()});
    QCOMPARE(replicas.elements().size(), 1);
    QCOMPARE(mapField(replicas.elements()[0], "port").toInt(), int(setup.replica()->port()));
}

void TestEmbeddedSentinel::badSetupsFail()
{
    EmbeddedSentinel::Options options;
    options.quorum = 4; // more than the 3 sentinels
    EmbeddedSentinel bad(options);
    QSignalSpy failedSpy(&bad, &EmbeddedSentinel::failed);
    bad.start();
    QVERIFY(failedSpy.wait(2000));
    QCOMPARE(bad.state(), EmbeddedSentinel::State::Failed);

    options = {};
    options.executable = QStringLiteral("/nonexistent/redis-server");
    EmbeddedSentinel missing(options);
    QSignalSpy missingSpy(&missing, &EmbeddedSentinel::failed);
    missing.start();
    QVERIFY(missingSpy.wait(5000));
    QVERIFY(missingSpy.first().first().toString().contains(QStringLiteral("redis-server")));
    QCOMPARE(missing.state(), EmbeddedSentinel::State::Failed);
}

void TestEmbeddedSentinel::stopStopsEverything()
{
    EmbeddedSentinel &setup = m_sentinel.setup();
    QList<quint16> ports{setup.master()->port(), setup.replica()->port()};
    for (int i = 0; i < setup.sentinelCount(); ++i)
        ports.append(setup.sentinel(i)->port());
    setup.stop();
    QCOMPARE(setup.state(), EmbeddedSentinel::State::Stopped);
    for (quint16 port : ports) {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, port);
        QVERIFY2(!socket.waitForConnected(300), qPrintable(QString::number(port)));
    }
}

void TestEmbeddedSentinel::stopAsyncStopsEverything()
{
    TestSentinel sentinel;
    QVERIFY(sentinel.start());
    EmbeddedSentinel &setup = sentinel.setup();
    QList<quint16> ports{setup.master()->port(), setup.replica()->port()};
    for (int i = 0; i < setup.sentinelCount(); ++i)
        ports.append(setup.sentinel(i)->port());
    setup.sentinel(2)->stop(); // one already gone
    QSignalSpy stopped(&setup, &EmbeddedSentinel::stopped);
    QElapsedTimer clock;
    clock.start();
    setup.stopAsync();
    QVERIFY(clock.elapsed() < 500);
    QVERIFY(stopped.wait(5000));
    QCOMPARE(setup.state(), EmbeddedSentinel::State::Stopped);
    for (quint16 port : ports) {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, port);
        QVERIFY2(!socket.waitForConnected(300), qPrintable(QString::number(port)));
    }
    QTest::qWait(100);
    QCOMPARE(stopped.size(), 1);
}

QTEST_GUILESS_MAIN(TestEmbeddedSentinel)
#include "tst_embeddedsentinel.moc"
