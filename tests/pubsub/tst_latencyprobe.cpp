#include "latencyprobe.h"
#include "pubsubsubscriber.h"
#include "redisconnection.h"
#include "testserver.h"

#include <memory>
#include <QSignalSpy>
#include <QTest>

class TestLatencyProbe : public QObject
{
    Q_OBJECT
private slots:
    void measuresLoopbackLatency();
};

void TestLatencyProbe::measuresLoopbackLatency()
{
    TestServer server;
    QVERIFY(server.start());
    RedisConnection publisher(server.config());
    publisher.open();
    QTRY_VERIFY_WITH_TIMEOUT(publisher.isReady(), 10000);
    PubSubSubscriber subscriber(server.config());
    subscriber.open();
    LatencyProbe probe(&publisher, &subscriber);
    int others = 0;
    connect(&subscriber, &PubSubSubscriber::messagesReceived, this,
            [&](const QList<PubSubMessage> &batch, qint64) {
                for (const PubSubMessage &m : batch) {
                    if (!probe.consume(m))
                        ++others;
                }
            });
    probe.start(20);
    QTRY_VERIFY_WITH_TIMEOUT(probe.stats().samples >= 20, 10000);
    probe.stop();
    const LatencyProbe::Stats stats = probe.stats();
    // Loopback: positive, ordered, and well under a second.
    QVERIFY(stats.p50 > 0);
    QVERIFY(stats.p50 <= stats.p95 && stats.p95 <= stats.p99);
    QVERIFY2(stats.p99 < 1000, qPrintable(QString::number(stats.p99)));
    QCOMPARE(others, 0);
    QVERIFY(probe.channel().startsWith("keyscope:latency-probe:"));
    PubSubMessage foreign;
    foreign.channel = "other";
    QVERIFY(!probe.consume(foreign));
}

QTEST_GUILESS_MAIN(TestLatencyProbe)
#include "tst_latencyprobe.moc"
