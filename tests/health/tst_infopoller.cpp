#include "blockingcall.h"
#include "infopoller.h"
#include "redisconnection.h"
#include "testserver.h"
#include "timeseries.h"

#include <memory>
#include <QSignalSpy>
#include <QTest>

namespace {

QByteArray info(qint64 commands, qint64 hits, qint64 misses, qint64 evicted, qint64 keys)
{
    return "# Stats\r\n"
           "total_commands_processed:" +
           QByteArray::number(commands) +
           "\r\n"
           "instantaneous_ops_per_sec:321\r\n"
           "keyspace_hits:" +
           QByteArray::number(hits) +
           "\r\n"
           "keyspace_misses:" +
           QByteArray::number(misses) +
           "\r\n"
           "evicted_keys:" +
           QByteArray::number(evicted) +
           "\r\n"
           "expired_keys:0\r\nrejected_connections:0\r\n"
           "instantaneous_input_kbps:1.50\r\ninstantaneous_output_kbps:2.25\r\n"
           "# Memory\r\nused_memory:1048576\r\nused_memory_rss:2097152\r\nmaxmemory:0\r\n"
           "mem_fragmentation_ratio:2.00\r\n"
           "# Clients\r\nconnected_clients:7\r\nblocked_clients:1\r\n"
           "# Keyspace\r\ndb0:keys=" +
           QByteArray::number(keys) +
           ",expires=0,avg_ttl=0\r\n"
           "db3:keys=5,expires=1,avg_ttl=10\r\n";
}

} // namespace

class TestInfoPoller : public QObject
{
    Q_OBJECT
private slots:
    void derivesFromRecordedInfo();
    void counterResetGivesNoRate();
    void timeSeriesKeepsTheNewest();
    void liveServerUnderLoad();
    void anotherConnectionKeepsTheHistory();
    void envelopeKeepsSpikes();
};

void TestInfoPoller::derivesFromRecordedInfo()
{
    const ServerInfo before = ServerInfo::parse(info(1000, 100, 50, 10, 20));
    const ServerInfo after = ServerInfo::parse(info(3000, 190, 60, 30, 25));
    const InfoSample s = InfoSample::derive(before, after, 2.0, 1700000000.0);
    QCOMPARE(s.time, 1700000000.0);
    QCOMPARE(*s.values[InfoSample::CommandsPerSecond], 1000.0);
    QCOMPARE(*s.values[InfoSample::OpsPerSecond], 321.0);
    QCOMPARE(*s.values[InfoSample::HitRatio], 0.9); // 90 hits, 10 misses in the interval
    QCOMPARE(*s.values[InfoSample::EvictedPerSecond], 10.0);
    QCOMPARE(*s.values[InfoSample::ExpiredPerSecond], 0.0);
    QCOMPARE(*s.values[InfoSample::Keys], 30.0);
    QCOMPARE(*s.values[InfoSample::UsedMemory], 1048576.0);
    QCOMPARE(*s.values[InfoSample::Fragmentation], 2.0);
    QCOMPARE(*s.values[InfoSample::ConnectedClients], 7.0);
    QCOMPARE(*s.values[InfoSample::BlockedClients], 1.0);
    QCOMPARE(*s.values[InfoSample::NetworkOutKBps], 2.25);
    QVERIFY(!s.values[InfoSample::LatencyP50Ms]); // the poller adds those
    // No lookups in the interval: no hit ratio rather than a made-up one.
    QVERIFY(!InfoSample::derive(after, after, 1.0, 0).values[InfoSample::HitRatio]);
    QCOMPARE(InfoSample::name(InfoSample::HitRatio), QString("hit ratio"));
}

void TestInfoPoller::counterResetGivesNoRate()
{
    // The server restarted between the two replies: its counters start again from zero.
    const ServerInfo before = ServerInfo::parse(info(5000, 100, 50, 10, 20));
    const ServerInfo after = ServerInfo::parse(info(40, 1, 1, 0, 20));
    const InfoSample s = InfoSample::derive(before, after, 1.0, 0);
    QVERIFY(!s.values[InfoSample::CommandsPerSecond]);
    QVERIFY(!s.values[InfoSample::HitRatio]);
    QVERIFY(s.values[InfoSample::UsedMemory]);
}

void TestInfoPoller::timeSeriesKeepsTheNewest()
{
    TimeSeries series(4);
    for (int i = 0; i < 10; ++i)
        series.append(i, i * 10);
    QCOMPARE(series.size(), 4);
    QCOMPARE(series.at(0).time, 6.0);
    QCOMPARE(series.last().value, 90.0);
    QCOMPARE(series.lowerBound(7.5), 2);
    QCOMPARE(series.lowerBound(0), 0);
    QCOMPARE(series.lowerBound(100), 4);
    QCOMPARE(TimeSeries().capacity(), 86400); // 24 h at 1 Hz

    // The storage grows with the points (1024, 2048, then the capacity), then turns into a ring.
    TimeSeries growing(3000);
    for (int i = 0; i < 5000; ++i) {
        growing.append(i, i);
        if (i == 1500) {
            QCOMPARE(growing.size(), 1501);
            QCOMPARE(growing.at(1024).value, 1024.0);
        }
    }
    QCOMPARE(growing.size(), 3000);
    for (const qsizetype i : {qsizetype(0), qsizetype(1), qsizetype(2047), qsizetype(2999)})
        QCOMPARE(growing.at(i).time, double(2000 + i));
    QCOMPARE(growing.lowerBound(4500.5), 2501);
    growing.clear();
    growing.append(9000, 1);
    QCOMPARE(growing.size(), 1);
    QCOMPARE(growing.last().time, 9000.0);
}

void TestInfoPoller::liveServerUnderLoad()
{
    TestServer server;
    QVERIFY(server.start());
    auto connection = server.connect();
    QVERIFY(connection);
    InfoPoller poller(connection.get());
    poller.setInterval(100);
    QCOMPARE(poller.interval(), InfoPoller::kMinIntervalMs);
    QSignalSpy sampled(&poller, &InfoPoller::sampled);
    poller.start();
    QVERIFY(sampled.wait(5000));
    QVERIFY(!poller.lastSample()->values[InfoSample::CommandsPerSecond]); // nothing to compare with yet
    // Load with known lookups: 90 hits and 10 misses before the next sample.
    QCOMPARE(blockingCall(*connection, {"SET", "k", "v"}), RedisReply::status("OK"));
    for (int i = 0; i < 90; ++i)
        connection->command({"GET", "k"}, this, [](const RedisReply &) {});
    for (int i = 0; i < 10; ++i)
        connection->command({"GET", "missing"}, this, [](const RedisReply &) {});
    QVERIFY(sampled.wait(5000));
    const InfoSample &s = *poller.lastSample();
    QCOMPARE(*s.values[InfoSample::HitRatio], 0.9);
    QVERIFY(*s.values[InfoSample::CommandsPerSecond] > 0);
    QCOMPARE(*s.values[InfoSample::Keys], 1.0);
    QVERIFY(*s.values[InfoSample::LatencyP50Ms] > 0);
    QVERIFY(*s.values[InfoSample::LatencyP99Ms] >= *s.values[InfoSample::LatencyP50Ms]);
    QCOMPARE(poller.series(InfoSample::UsedMemory).size(), 2);
    QCOMPARE(poller.series(InfoSample::HitRatio).size(), 1);
}

// A cluster node that moved: the poller follows the new connection and keeps what it drew.
void TestInfoPoller::anotherConnectionKeepsTheHistory()
{
    TestServer first, second;
    QVERIFY(first.start());
    QVERIFY(second.start());
    auto a = first.connect();
    auto b = second.connect();
    QVERIFY(a && b);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(blockingCall(*b, {"SET", "key" + QByteArray::number(i), "v"}), RedisReply::status("OK"));
    InfoPoller poller(a.get());
    poller.setInterval(InfoPoller::kMinIntervalMs);
    QSignalSpy sampled(&poller, &InfoPoller::sampled);
    poller.start();
    QTRY_VERIFY_WITH_TIMEOUT(sampled.size() >= 2, 5000);
    QCOMPARE(*poller.lastSample()->values[InfoSample::Keys], 0.0);
    QVERIFY(poller.lastSample()->values[InfoSample::CommandsPerSecond]);
    const qsizetype before = poller.series(InfoSample::Keys).size();

    poller.setConnection(b.get());
    QCOMPARE(poller.connection(), b.get());
    sampled.clear();
    QVERIFY(sampled.wait(5000));
    // The other server's figures, and no rate from counters of two different servers.
    QCOMPARE(*poller.lastSample()->values[InfoSample::Keys], 3.0);
    QVERIFY(!poller.lastSample()->values[InfoSample::CommandsPerSecond]);
    QVERIFY(poller.series(InfoSample::Keys).size() > before);
    QCOMPARE(poller.series(InfoSample::Keys).at(0).value, 0.0);
    QCOMPARE(poller.series(InfoSample::Keys).last().value, 3.0);
}

void TestInfoPoller::envelopeKeepsSpikes()
{
    TimeSeries series;
    for (int i = 0; i < 86400; ++i)
        series.append(i, i == 50000 ? 1e6 : (i == 70000 ? -5 : 1));
    // A day on 800 pixels: at most two points per pixel, and the spike and the dip are still there.
    const std::vector<TimeSeries::Point> day = series.envelope(0, 86399, 800);
    QVERIFY(day.size() <= 1600);
    QVERIFY(std::any_of(day.cbegin(), day.cend(),
                        [](const auto &p) { return p.value == 1e6 && p.time == 50000; }));
    QVERIFY(std::any_of(day.cbegin(), day.cend(), [](const auto &p) { return p.value == -5; }));
    QVERIFY(std::is_sorted(day.cbegin(), day.cend(),
                           [](const auto &a, const auto &b) { return a.time < b.time; }));
    // Two hours on 1,800 pixels: from the points themselves (less than a minute per two pixels).
    const std::vector<TimeSeries::Point> hours = series.envelope(79200, 86399, 1800);
    QVERIFY(hours.size() <= 3600);
    // Per-minute level on a narrow chart: the spike is still there.
    const std::vector<TimeSeries::Point> narrow = series.envelope(0, 86399, 100);
    QVERIFY(narrow.size() <= 200);
    QVERIFY(std::any_of(narrow.cbegin(), narrow.cend(), [](const auto &p) { return p.value == 1e6; }));
    // Five minutes: every point.
    const std::vector<TimeSeries::Point> recent = series.envelope(86100, 86399, 800);
    QCOMPARE(recent.size(), size_t(300));
    QCOMPARE(recent.front().time, 86100.0);
    QVERIFY(series.envelope(90000, 95000, 800).empty());
}

QTEST_GUILESS_MAIN(TestInfoPoller)
#include "tst_infopoller.moc"
