#include "blockingcall.h"
#include "faultproxy.h"
#include "keyscanner.h"
#include "pubsubsubscriber.h"
#include "redisconnection.h"
#include "stringvalue.h"
#include "testserver.h"

#include <memory>
#include <optional>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

// Keyscope against a real redis-server behind FaultProxy: every fault ends in a correct result or a clear
// error within its timeout, never a hang and never a half-written value, and the connection recovers.
class TestFaults : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void repliesSplitAtEveryByteParseTheSame();
    void cutMidReplyFailsThenReconnects();
    void stalledServerTimesOut();
    void truncatedReplyTimesOutAndRecovers();
    void latencyStillGivesEveryReplyInOrder();
    void valueLoadCutIsAnErrorAndEditIsAllOrNothing();
    void scanCutMidwayFailsAndScansAgain();
    void subscriberResubscribesAfterADrop();

private:
    ConnectionConfig viaProxy(int commandTimeoutMs = 2000) const;
    RedisReply call(RedisConnection &connection, const QList<QByteArray> &args, int timeoutMs = -1);

    TestServer m_server;
    std::unique_ptr<RedisConnection> m_admin;
    std::unique_ptr<FaultProxy> m_proxy;
};

void TestFaults::initTestCase()
{
    QVERIFY(m_server.start());
    QVERIFY((m_admin = m_server.connect()));
}

void TestFaults::init()
{
    m_proxy = std::make_unique<FaultProxy>(m_server.port());
    QVERIFY(m_proxy->listen());
    QCOMPARE(blockingCall(*m_admin, {"FLUSHALL"}), RedisReply::status("OK"));
}

ConnectionConfig TestFaults::viaProxy(int commandTimeoutMs) const
{
    ConnectionConfig config = m_server.config();
    config.port = m_proxy->port();
    config.connectTimeoutMs = 2000;
    config.commandTimeoutMs = commandTimeoutMs;
    return config;
}

RedisReply TestFaults::call(RedisConnection &connection, const QList<QByteArray> &args, int timeoutMs)
{
    return blockingCall(connection, args, timeoutMs);
}

void TestFaults::repliesSplitAtEveryByteParseTheSame()
{
    // Every reply type, nested, with binary bulk strings: the reader sees it one byte per read.
    const QByteArray binary("\x00\r\n\xff$*:", 7);
    blockingCall(*m_admin, {"SET", "bin", binary});
    blockingCall(*m_admin, {"RPUSH", "list", "a", binary, ""});
    blockingCall(*m_admin, {"HSET", "h", "f", "v"});
    m_proxy->setMode(FaultProxy::Mode::SplitEveryByte);
    RedisConnection connection(viaProxy(20000));
    connection.open();
    QTRY_VERIFY_WITH_TIMEOUT(connection.isReady(), 20000);
    QCOMPARE(call(connection, {"GET", "bin"}), RedisReply::bulk(binary));
    QCOMPARE(call(connection, {"LRANGE", "list", "0", "-1"}),
             RedisReply::array({RedisReply::bulk("a"), RedisReply::bulk(binary), RedisReply::bulk("")}));
    QCOMPARE(call(connection, {"GET", "missing"}), RedisReply::nil());
    QCOMPARE(call(connection, {"INCR", "n"}), RedisReply::integer(1));
    QVERIFY(call(connection, {"HGET", "h"}).isError()); // an error reply, split too
    QCOMPARE(call(connection, {"HGETALL", "h"}),
             RedisReply::array({RedisReply::bulk("f"), RedisReply::bulk("v")}));
    QVERIFY(m_proxy->bytesToClient() > 60);
}

void TestFaults::cutMidReplyFailsThenReconnects()
{
    blockingCall(*m_admin, {"SET", "big", QByteArray(200'000, 'x')});
    m_proxy->setMode(FaultProxy::Mode::CutAfter);
    m_proxy->setCutAfterBytes(100'000 + 200); // the handshake, then half of the value
    RedisConnection connection(viaProxy());
    connection.open();
    QTRY_VERIFY_WITH_TIMEOUT(connection.isReady(), 5000);
    QElapsedTimer clock;
    clock.start();
    const RedisReply cut = call(connection, {"GET", "big"});
    QVERIFY2(cut.isFailure(), qPrintable(cut.errorMessage()));
    QVERIFY(clock.elapsed() < 5000);
    // New connections pass again: the connection comes back by itself and reads the whole value.
    m_proxy->setMode(FaultProxy::Mode::Pass);
    QTRY_VERIFY_WITH_TIMEOUT(connection.isReady(), 10000);
    QCOMPARE(call(connection, {"STRLEN", "big"}), RedisReply::integer(200'000));
    QVERIFY(m_proxy->acceptedCount() >= 2);
}

void TestFaults::stalledServerTimesOut()
{
    m_proxy->setMode(FaultProxy::Mode::Stall);
    RedisConnection connection(viaProxy());
    QSignalSpy states(&connection, &RedisConnection::stateChanged);
    connection.open();
    // The handshake never answers: the connect timeout says so, and the connection keeps trying.
    QTRY_VERIFY_WITH_TIMEOUT(!connection.lastError().message.isEmpty(), 8000);
    QVERIFY(!connection.isReady());
    QVERIFY2(connection.lastError().message.contains("time", Qt::CaseInsensitive),
             qPrintable(connection.lastError().message));
    m_proxy->setMode(FaultProxy::Mode::Pass);
    QTRY_VERIFY_WITH_TIMEOUT(connection.isReady(), 15000);
    QCOMPARE(call(connection, {"PING"}), RedisReply::status("PONG"));
}

void TestFaults::truncatedReplyTimesOutAndRecovers()
{
    blockingCall(*m_admin, {"SET", "v", QByteArray(50'000, 'y')});
    m_proxy->setMode(FaultProxy::Mode::Truncate);
    m_proxy->setCutAfterBytes(20'000);
    RedisConnection connection(viaProxy(1500));
    connection.open();
    QTRY_VERIFY_WITH_TIMEOUT(connection.isReady(), 5000);
    QElapsedTimer clock;
    clock.start();
    const RedisReply half = call(connection, {"GET", "v"});
    QVERIFY2(half.isFailure(), qPrintable(half.errorMessage()));
    QVERIFY2(half.errorMessage().contains("time", Qt::CaseInsensitive), qPrintable(half.errorMessage()));
    QVERIFY(clock.elapsed() >= 1400 && clock.elapsed() < 6000);
    m_proxy->setMode(FaultProxy::Mode::Pass);
    QTRY_VERIFY_WITH_TIMEOUT(connection.isReady(), 10000);
    QCOMPARE(call(connection, {"STRLEN", "v"}), RedisReply::integer(50'000));
}

void TestFaults::latencyStillGivesEveryReplyInOrder()
{
    m_proxy->setMode(FaultProxy::Mode::Latency);
    m_proxy->setLatencyMs(150);
    RedisConnection connection(viaProxy());
    connection.open();
    QTRY_VERIFY_WITH_TIMEOUT(connection.isReady(), 5000);
    QList<qint64> replies;
    for (int i = 1; i <= 200; ++i)
        connection.command({"INCR", "counter"}, this,
                           [&replies](const RedisReply &r) { replies.append(r.toInteger()); });
    QTRY_COMPARE_WITH_TIMEOUT(replies.size(), 200, 10000);
    for (int i = 0; i < 200; ++i)
        QCOMPARE(replies[i], qint64(i + 1));
}

void TestFaults::valueLoadCutIsAnErrorAndEditIsAllOrNothing()
{
    const QByteArray before(300'000, 'a');
    blockingCall(*m_admin, {"SET", "doc", before});
    // Loading through a link that cuts mid-value: a clear error, nothing shown as the value.
    m_proxy->setMode(FaultProxy::Mode::CutAfter);
    m_proxy->setCutAfterBytes(150'000);
    RedisConnection cutting(viaProxy());
    cutting.setAutoReconnect(false);
    cutting.open();
    QTRY_VERIFY_WITH_TIMEOUT(cutting.isReady(), 5000);
    StringValue value(&cutting, "doc");
    value.setPreviewThreshold(1024 * 1024);
    QSignalSpy failed(&value, &StringValue::loadFailed);
    value.load();
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 5000);
    QVERIFY(!value.isLoaded());

    // An edit whose reply is lost: it either went through whole or not at all, and the caller is told.
    m_proxy->setMode(FaultProxy::Mode::Pass);
    RedisConnection editing(viaProxy());
    editing.open();
    QTRY_VERIFY_WITH_TIMEOUT(editing.isReady(), 5000);
    StringValue edited(&editing, "doc");
    edited.setPreviewThreshold(1024 * 1024);
    QSignalSpy loaded(&edited, &StringValue::loaded);
    edited.load();
    QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, 5000);
    const QByteArray after(300'000, 'b');
    m_proxy->dropAll(); // the link goes down as the write leaves
    std::optional<WriteResult> result;
    edited.replace(after, this, [&result](const WriteResult &r) { result = r; });
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 10000);
    const QByteArray held = blockingCall(*m_admin, {"GET", "doc"}).bytes();
    QVERIFY2(held == before || held == after, "the server holds a half-written value");
    if (result->outcome == WriteResult::Outcome::Done)
        QCOMPARE(held, after);
    else
        QVERIFY(!result->message.isEmpty()); // reported as not (known to be) applied
}

void TestFaults::scanCutMidwayFailsAndScansAgain()
{
    QList<QByteArray> mset{"MSET"};
    for (int i = 0; i < 20'000; ++i)
        mset += {"scan:key:" + QByteArray::number(i), "v"};
    blockingCall(*m_admin, mset);
    m_proxy->setMode(FaultProxy::Mode::CutAfter);
    m_proxy->setCutAfterBytes(120'000); // a few SCAN pages in
    RedisConnection connection(viaProxy());
    connection.open();
    QTRY_VERIFY_WITH_TIMEOUT(connection.isReady(), 5000);
    KeyScanner::Options options;
    options.count = 500;
    options.pageSize = 100'000;
    KeyScanner scanner({&connection}, options);
    QSignalSpy failed(&scanner, &KeyScanner::failed);
    scanner.loadAll();
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 10000);
    QVERIFY(!scanner.isRunning());
    QVERIFY(!scanner.isComplete());
    QVERIFY(!failed.first().first().toString().isEmpty());
    // Once the link is good again, a new scan reads every key exactly once.
    m_proxy->setMode(FaultProxy::Mode::Pass);
    QTRY_VERIFY_WITH_TIMEOUT(connection.isReady(), 10000);
    scanner.loadPage();
    scanner.loadAll();
    QTRY_VERIFY_WITH_TIMEOUT(scanner.isComplete(), 20000);
    QCOMPARE(scanner.keys().size(), 20'000);
}

void TestFaults::subscriberResubscribesAfterADrop()
{
    PubSubSubscriber subscriber(viaProxy());
    QList<QByteArray> payloads;
    connect(&subscriber, &PubSubSubscriber::messagesReceived, this,
            [&payloads](const QList<PubSubMessage> &messages, qint64) {
                for (const PubSubMessage &m : messages)
                    payloads.append(m.payload);
            });
    subscriber.open();
    subscriber.subscribe(PubSubMessage::Kind::Channel, "batch:1");
    const auto subscribers = [this] {
        const RedisReply r = blockingCall(*m_admin, {"PUBSUB", "NUMSUB", "batch:1"});
        return r.elements().size() == 2 ? r.elements().at(1).toInteger() : -1;
    };
    QTRY_COMPARE_WITH_TIMEOUT(subscribers(), qint64(1), 10000);
    blockingCall(*m_admin, {"PUBLISH", "batch:1", "before"});
    QTRY_COMPARE_WITH_TIMEOUT(payloads, QList<QByteArray>{"before"}, 5000);
    m_proxy->dropAll(); // the network goes away under the subscriber
    QTRY_COMPARE_WITH_TIMEOUT(subscribers(), qint64(0), 5000);
    // It comes back and subscribes again by itself; messages flow again.
    QTRY_COMPARE_WITH_TIMEOUT(subscribers(), qint64(1), 15000);
    blockingCall(*m_admin, {"PUBLISH", "batch:1", "after"});
    QTRY_COMPARE_WITH_TIMEOUT(payloads, (QList<QByteArray>{"before", "after"}), 5000);
    QVERIFY(m_proxy->acceptedCount() >= 2);
}

QTEST_GUILESS_MAIN(TestFaults)
#include "tst_faults.moc"
