#include "blockingcall.h"
#include "pubsubsubscriber.h"
#include "redisconnection.h"
#include "testserver.h"

#include <memory>
#include <QHash>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

using Kind = PubSubMessage::Kind;

class TestPubSubSubscriber : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void channelsPatternsAndShardsWithExactBytes();
    void unsubscribeStopsDelivery();
    void openTwiceIsOneSubscriber();
    void resubscribesAfterTheServerRestarts();
    void explainsBeingDropped();
    void dropsOldestWhileTheGuiIsBusy();

private:
    // A subscriber on the server, subscribed and confirmed.
    std::unique_ptr<PubSubSubscriber> subscriber(const ConnectionConfig &config, qsizetype capacity,
                                                 const QList<QPair<Kind, QByteArray>> &subscriptions);
    // Everything a subscriber delivered since it was created (blockingCall spins the event loop, so
    // batches may arrive while the test is still publishing).
    struct Inbox
    {
        QList<PubSubMessage> messages;
        qint64 dropped = 0;
    };
    // Waits until count messages arrived or were dropped (or 10 s).
    static bool waitFor(const Inbox &inbox, int count);
    QHash<PubSubSubscriber *, std::shared_ptr<Inbox>> m_inboxes;
    Inbox &inbox(PubSubSubscriber *subscriber) { return *m_inboxes.value(subscriber); }

    TestServer m_server;
    std::unique_ptr<RedisConnection> m_publisher;
};

void TestPubSubSubscriber::initTestCase()
{
    QVERIFY(m_server.start());
    QVERIFY((m_publisher = m_server.connect()));
}

std::unique_ptr<PubSubSubscriber>
TestPubSubSubscriber::subscriber(const ConnectionConfig &config, qsizetype capacity,
                                 const QList<QPair<Kind, QByteArray>> &subscriptions)
{
    auto sub = std::make_unique<PubSubSubscriber>(config, capacity);
    auto box = std::make_shared<Inbox>();
    m_inboxes.insert(sub.get(), box);
    connect(sub.get(), &PubSubSubscriber::messagesReceived, this,
            [box](const QList<PubSubMessage> &batch, qint64 dropped) {
                box->messages += batch;
                box->dropped += dropped;
            });
    sub->open();
    for (const auto &[kind, name] : subscriptions)
        sub->subscribe(kind, name);
    const bool confirmed = QTest::qWaitFor(
        [&] {
            int n = 0;
            for (const Kind kind : {Kind::Channel, Kind::Pattern, Kind::Shard})
                n += int(sub->subscriptions(kind).size());
            return n == subscriptions.size();
        },
        10000);
    return confirmed ? std::move(sub) : nullptr;
}

bool TestPubSubSubscriber::waitFor(const Inbox &inbox, int count)
{
    return QTest::qWaitFor([&] { return inbox.messages.size() + inbox.dropped >= count; }, 10000);
}

void TestPubSubSubscriber::channelsPatternsAndShardsWithExactBytes()
{
    auto sub =
        subscriber(m_server.config(), 1000,
                   {{Kind::Channel, "batch:123"}, {Kind::Pattern, "socket.io#/#*"}, {Kind::Shard, "orders"}});
    QVERIFY(sub);
    QCOMPARE(sub->subscriptions(Kind::Pattern), QList<QByteArray>{"socket.io#/#*"});
    const QByteArray binary("\x00\xff{\"progress\":50}\r\n", 20);
    QCOMPARE(blockingCall(*m_publisher, {"PUBLISH", "batch:123", binary}), RedisReply::integer(1));
    QCOMPARE(blockingCall(*m_publisher, {"PUBLISH", "socket.io#/#room1#", "hello"}), RedisReply::integer(1));
    QCOMPARE(blockingCall(*m_publisher, {"SPUBLISH", "orders", "o1"}), RedisReply::integer(1));
    QCOMPARE(blockingCall(*m_publisher, {"PUBLISH", "other", "nobody"}), RedisReply::integer(0));
    QVERIFY(waitFor(inbox(sub.get()), 3));
    const QList<PubSubMessage> got = inbox(sub.get()).messages;
    QCOMPARE(got.size(), 3);
    QCOMPARE(int(got[0].kind), int(Kind::Channel));
    QCOMPARE(got[0].channel, QByteArray("batch:123"));
    QCOMPARE(got[0].payload, binary);
    QVERIFY(got[0].receivedMs > 0);
    QCOMPARE(int(got[1].kind), int(Kind::Pattern));
    QCOMPARE(got[1].pattern, QByteArray("socket.io#/#*"));
    QCOMPARE(got[1].channel, QByteArray("socket.io#/#room1#"));
    QCOMPARE(got[1].payload, QByteArray("hello"));
    QCOMPARE(int(got[2].kind), int(Kind::Shard));
    QCOMPARE(got[2].channel, QByteArray("orders"));
}

void TestPubSubSubscriber::openTwiceIsOneSubscriber()
{
    auto sub = subscriber(m_server.config(), 100, {{Kind::Channel, "twice"}});
    QVERIFY(sub);
    sub->open();
    sub->subscribe(Kind::Channel, "twice:more");
    QTRY_VERIFY(sub->subscriptions(Kind::Channel).contains("twice:more"));
    QCOMPARE(blockingCall(*m_publisher, {"PUBSUB", "NUMSUB", "twice", "twice:more"}),
             RedisReply::array({RedisReply::bulk("twice"), RedisReply::integer(1),
                                RedisReply::bulk("twice:more"), RedisReply::integer(1)}));
    QCOMPARE(blockingCall(*m_publisher, {"PUBLISH", "twice", "once"}), RedisReply::integer(1));
    QVERIFY(waitFor(inbox(sub.get()), 1));
    QTest::qWait(100);
    QCOMPARE(inbox(sub.get()).messages.size(), 1);
}

void TestPubSubSubscriber::unsubscribeStopsDelivery()
{
    auto sub = subscriber(m_server.config(), 1000, {{Kind::Channel, "a"}, {Kind::Channel, "b"}});
    QVERIFY(sub);
    QSignalSpy changed(sub.get(), &PubSubSubscriber::subscriptionsChanged);
    sub->unsubscribe(Kind::Channel, "a");
    QTRY_COMPARE(sub->subscriptions(Kind::Channel), QList<QByteArray>{"b"});
    QCOMPARE(blockingCall(*m_publisher, {"PUBLISH", "a", "x"}), RedisReply::integer(0));
    QCOMPARE(blockingCall(*m_publisher, {"PUBLISH", "b", "y"}), RedisReply::integer(1));
    QVERIFY(waitFor(inbox(sub.get()), 1));
    const QList<PubSubMessage> got = inbox(sub.get()).messages;
    QCOMPARE(got.size(), 1);
    QCOMPARE(got[0].channel, QByteArray("b"));
}

void TestPubSubSubscriber::resubscribesAfterTheServerRestarts()
{
    TestServer server;
    QVERIFY(server.start());
    auto sub = subscriber(server.config(), 1000, {{Kind::Channel, "jobs"}, {Kind::Pattern, "batch:*"}});
    QVERIFY(sub);
    // Restart on the same port.
    EmbeddedServer::Options options = server.server().options();
    options.port = server.port();
    server.server().setOptions(options);
    server.server().stop();
    QTRY_VERIFY_WITH_TIMEOUT(sub->state() != RedisConnection::State::Ready, 10000);
    QVERIFY(server.start());
    QTRY_COMPARE_WITH_TIMEOUT(sub->subscriptions(Kind::Channel), QList<QByteArray>{"jobs"}, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(sub->subscriptions(Kind::Pattern), QList<QByteArray>{"batch:*"}, 15000);
    RedisConnection publisher(server.config());
    publisher.open();
    QTRY_VERIFY_WITH_TIMEOUT(publisher.isReady(), 10000);
    QCOMPARE(blockingCall(publisher, {"PUBLISH", "jobs", "after restart"}), RedisReply::integer(1));
    QCOMPARE(blockingCall(publisher, {"PUBLISH", "batch:9", "p"}), RedisReply::integer(1));
    QVERIFY(waitFor(inbox(sub.get()), 2));
    const QList<PubSubMessage> got = inbox(sub.get()).messages;
    QCOMPARE(got.size(), 2);
    QCOMPARE(got[0].payload, QByteArray("after restart"));
}

void TestPubSubSubscriber::explainsBeingDropped()
{
    auto sub = subscriber(m_server.config(), 1000, {{Kind::Channel, "flood"}});
    QVERIFY(sub);
    QCOMPARE(blockingCall(*m_publisher, {"PUBLISH", "flood", "1"}), RedisReply::integer(1));
    QVERIFY(waitFor(inbox(sub.get()), 1));
    // The server closes the subscriber, as it does when the output buffer limit is exceeded.
    QSignalSpy error(sub.get(), &PubSubSubscriber::errorChanged);
    QCOMPARE(blockingCall(*m_publisher, {"CLIENT", "KILL", "TYPE", "pubsub"}), RedisReply::integer(1));
    QTRY_VERIFY(!error.isEmpty());
    QVERIFY2(error.first().first().toString().contains("client-output-buffer-limit pubsub"),
             qPrintable(error.first().first().toString()));
    // It comes back by itself and the error clears.
    QTRY_COMPARE_WITH_TIMEOUT(sub->subscriptions(Kind::Channel), QList<QByteArray>{"flood"}, 15000);
    QTRY_VERIFY(sub->errorText().isEmpty());
}

void TestPubSubSubscriber::dropsOldestWhileTheGuiIsBusy()
{
    auto sub = subscriber(m_server.config(), 10, {{Kind::Channel, "busy"}});
    QVERIFY(sub);
    // 100 messages from one script while this (GUI) thread sleeps: the worker keeps at most 10 waiting.
    m_publisher->command(
        {"EVAL", "for i = 1, 100 do redis.call('PUBLISH', KEYS[1], i) end return 1", "1", "busy"}, this,
        [](const RedisReply &) {});
    QThread::msleep(500);
    QVERIFY(waitFor(inbox(sub.get()), 100));
    const QList<PubSubMessage> got = inbox(sub.get()).messages;
    const qint64 dropped = inbox(sub.get()).dropped;
    QCOMPARE(got.size() + dropped, 100);
    QVERIFY2(dropped >= 80, qPrintable(QString::number(dropped)));
    QCOMPARE(got.last().payload, QByteArray("100")); // the newest survive
}

QTEST_GUILESS_MAIN(TestPubSubSubscriber)
#include "tst_pubsubsubscriber.moc"
