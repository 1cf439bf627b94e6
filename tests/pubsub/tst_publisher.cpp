#include "blockingcall.h"
#include "publisher.h"
#include "pubsubsubscriber.h"
#include "redisconnection.h"
#include "session.h"
#include "testserver.h"
#include "testsession.h"

#include <memory>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

class TestPublisher : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void publishesOnceAndCountsReceivers();
    void repeatsInOrder();
    void keepsToTheRate();
    void reportsRefusal();

private:
    TestServer m_server;
    std::unique_ptr<RedisConnection> m_connection;
    std::unique_ptr<Session> m_session;
};

void TestPublisher::initTestCase()
{
    QVERIFY(m_server.start());
    QVERIFY((m_connection = m_server.connect()));
    m_session = std::make_unique<Session>(m_server.config());
    QVERIFY(openSession(*m_session));
}

void TestPublisher::publishesOnceAndCountsReceivers()
{
    PubSubSubscriber a(m_server.config()), b(m_server.config());
    for (PubSubSubscriber *s : {&a, &b}) {
        s->open();
        s->subscribe(PubSubMessage::Kind::Channel, "news");
    }
    QTRY_VERIFY_WITH_TIMEOUT(!a.subscriptions(PubSubMessage::Kind::Channel).isEmpty() &&
                                 !b.subscriptions(PubSubMessage::Kind::Channel).isEmpty(),
                             10000);
    Publisher publisher(m_session.get());
    QSignalSpy finished(&publisher, &Publisher::finished);
    publisher.publish("news", "hello", false);
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.first().at(0).toLongLong(), 1);
    QCOMPARE(finished.first().at(1).toLongLong(), 2);
    QCOMPARE(finished.first().at(2).toString(), QString());
    publisher.publish("nobody", "x", true); // SPUBLISH
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.last().at(1).toLongLong(), 0);
}

void TestPublisher::repeatsInOrder()
{
    PubSubSubscriber sub(m_server.config());
    QList<PubSubMessage> got;
    connect(&sub, &PubSubSubscriber::messagesReceived, this,
            [&got](const QList<PubSubMessage> &batch, qint64) { got += batch; });
    sub.open();
    sub.subscribe(PubSubMessage::Kind::Channel, "load");
    QTRY_VERIFY_WITH_TIMEOUT(!sub.subscriptions(PubSubMessage::Kind::Channel).isEmpty(), 10000);
    Publisher publisher(m_session.get());
    QSignalSpy finished(&publisher, &Publisher::finished);
    publisher.publish("load", "payload", false, 20000);
    QVERIFY(finished.wait(20000));
    QCOMPARE(finished.first().at(0).toLongLong(), 20000);
    QTRY_COMPARE_WITH_TIMEOUT(got.size(), 20000, 10000);
    QCOMPARE(got.last().payload, QByteArray("payload"));
}

void TestPublisher::keepsToTheRate()
{
    Publisher publisher(m_session.get());
    QSignalSpy finished(&publisher, &Publisher::finished);
    QElapsedTimer clock;
    clock.start();
    publisher.publish("rated", "x", false, 101, 200); // 100 intervals of 5 ms at least
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.first().at(0).toLongLong(), 101);
    QVERIFY2(clock.elapsed() >= 450, qPrintable(QString::number(clock.elapsed())));
}

void TestPublisher::reportsRefusal()
{
    ConnectionConfig config = m_server.config();
    config.readOnly = true;
    Session readOnly(config);
    QVERIFY(openSession(readOnly));
    Publisher publisher(&readOnly);
    QSignalSpy finished(&publisher, &Publisher::finished);
    publisher.publish("x", "y", false, 10);
    QVERIFY(finished.wait(10000));
    QVERIFY2(finished.first().at(2).toString().contains("read-only"),
             qPrintable(finished.first().at(2).toString()));
}

QTEST_GUILESS_MAIN(TestPublisher)
#include "tst_publisher.moc"
