#include "blockingcall.h"
#include "bulkdeleter.h"
#include "redisconnection.h"
#include "session.h"
#include "testcluster.h"
#include "testserver.h"
#include "testsession.h"

#include <memory>
#include <QSignalSpy>
#include <QTest>

namespace {

bool fill(RedisConnection &connection, const QByteArray &prefix, int count)
{
    QList<QByteArray> args{"MSET"};
    for (int i = 0; i < count; ++i)
        args << prefix + QByteArray::number(i) << "v";
    return !blockingCall(connection, args).isError();
}

qint64 dbsize(RedisConnection &connection)
{
    return blockingCall(connection, {"DBSIZE"}).toInteger();
}

} // namespace

class TestBulkDeleter : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void previewCountsAndSamples();
    void deletesExactlyThePreviewedKeys();
    void patternIsByteExact();
    void cancelStopsSendingBatches();
    void readOnlyConnectionFails();
    void serverGoneMidDelete();
    void clusterDeletesOnEveryMaster();

private:
    bool previewed(BulkDeleter &deleter);

    TestServer m_server;
    std::unique_ptr<RedisConnection> m_connection;
    std::unique_ptr<Session> m_session;
};

void TestBulkDeleter::initTestCase()
{
    QVERIFY(m_server.start());
    QVERIFY((m_connection = m_server.connect()));
    m_session = std::make_unique<Session>(m_server.config());
    QVERIFY(openSession(*m_session));
}

void TestBulkDeleter::init()
{
    if (!m_connection->isReady())
        QTRY_VERIFY_WITH_TIMEOUT(m_connection->isReady(), 10000);
    QCOMPARE(blockingCall(*m_connection, {"FLUSHALL"}), RedisReply::status("OK"));
}

bool TestBulkDeleter::previewed(BulkDeleter &deleter)
{
    QSignalSpy ready(&deleter, &BulkDeleter::previewReady);
    deleter.preview();
    return ready.wait(10000) && deleter.state() == BulkDeleter::State::Previewed;
}

void TestBulkDeleter::previewCountsAndSamples()
{
    QVERIFY(fill(*m_connection, "session:", 1234));
    QVERIFY(fill(*m_connection, "user:", 10));
    BulkDeleter deleter(m_session.get(), "session:*");
    QVERIFY(previewed(deleter));
    QCOMPARE(deleter.matchCount(), 1234);
    const QList<QByteArray> sample = deleter.sample();
    QCOMPARE(sample.size(), BulkDeleter::kSampleSize);
    for (const QByteArray &key : sample)
        QVERIFY2(key.startsWith("session:"), key.constData());
    // Preview deletes nothing.
    QCOMPARE(dbsize(*m_connection), 1244);
}

void TestBulkDeleter::deletesExactlyThePreviewedKeys()
{
    QVERIFY(fill(*m_connection, "tmp:", 1201)); // three batches, the last one short
    QVERIFY(fill(*m_connection, "keep:", 5));
    BulkDeleter deleter(m_session.get(), "tmp:*");
    QVERIFY(previewed(deleter));
    // A matching key created after the preview was not confirmed: it stays.
    QCOMPARE(blockingCall(*m_connection, {"SET", "tmp:late", "v"}), RedisReply::status("OK"));
    QSignalSpy progress(&deleter, &BulkDeleter::progress);
    QSignalSpy finished(&deleter, &BulkDeleter::finished);
    deleter.run();
    QVERIFY(finished.wait(10000));
    QCOMPARE(deleter.state(), BulkDeleter::State::Finished);
    QCOMPARE(finished.first().first().toLongLong(), 1201);
    QCOMPARE(progress.last().at(0).value<qsizetype>(), 1201);
    QCOMPARE(progress.last().at(1).value<qsizetype>(), 1201);
    QCOMPARE(progress.size(), 4); // 0, 500, 1000, 1201
    QCOMPARE(dbsize(*m_connection), 6);
    QCOMPARE(blockingCall(*m_connection, {"EXISTS", "tmp:late"}), RedisReply::integer(1));
}

void TestBulkDeleter::patternIsByteExact()
{
    const QByteArray odd("x[1]\xff", 5);
    for (const QByteArray &key : {odd, QByteArray("x1\xff"), QByteArray("x[1]")})
        QCOMPARE(blockingCall(*m_connection, {"SET", key, "v"}), RedisReply::status("OK"));
    // \[ escapes the bracket: only the literal "x[1]\xff" matches, not "x1\xff".
    BulkDeleter deleter(m_session.get(), QByteArray("x\\[1\\]\xff", 7));
    QVERIFY(previewed(deleter));
    QCOMPARE(deleter.sample(), QList<QByteArray>{odd});
    QSignalSpy finished(&deleter, &BulkDeleter::finished);
    deleter.run();
    QVERIFY(finished.wait(10000));
    QCOMPARE(blockingCall(*m_connection, {"EXISTS", odd}), RedisReply::integer(0));
    QCOMPARE(dbsize(*m_connection), 2);
}

void TestBulkDeleter::cancelStopsSendingBatches()
{
    QVERIFY(fill(*m_connection, "big:", 2500));
    BulkDeleter deleter(m_session.get(), "big:*");
    QVERIFY(previewed(deleter));
    QSignalSpy finished(&deleter, &BulkDeleter::finished);
    deleter.run(); // sends kInFlight batches at once
    deleter.cancel();
    QVERIFY(finished.wait(10000));
    QCOMPARE(deleter.state(), BulkDeleter::State::Cancelled);
    const qint64 deleted = BulkDeleter::kBatchSize * BulkDeleter::kInFlight;
    QCOMPARE(finished.first().first().toLongLong(), deleted);
    QCOMPARE(dbsize(*m_connection), 2500 - deleted);
}

void TestBulkDeleter::readOnlyConnectionFails()
{
    QVERIFY(fill(*m_connection, "k:", 3));
    ConnectionConfig config = m_server.config();
    config.readOnly = true;
    Session readOnly(config);
    QVERIFY(openSession(readOnly));
    BulkDeleter deleter(&readOnly, "k:*");
    QVERIFY(previewed(deleter)); // scanning is allowed
    QSignalSpy failed(&deleter, &BulkDeleter::failed);
    deleter.run();
    QVERIFY(failed.wait(10000));
    QVERIFY2(deleter.errorMessage().contains("read-only"), qPrintable(deleter.errorMessage()));
    QCOMPARE(dbsize(*m_connection), 3);
}

void TestBulkDeleter::serverGoneMidDelete()
{
    TestServer server;
    QVERIFY(server.start());
    RedisConnection connection(server.config());
    connection.setAutoReconnect(false);
    connection.open();
    QTRY_VERIFY_WITH_TIMEOUT(connection.isReady(), 10000);
    QVERIFY(fill(connection, "k:", 100));
    Session session(server.config());
    QVERIFY(openSession(session));
    BulkDeleter deleter(&session, "k:*");
    QVERIFY(previewed(deleter));
    server.server().stop();
    QTRY_VERIFY_WITH_TIMEOUT(!connection.isReady() && !session.isReady(), 10000);
    QSignalSpy failed(&deleter, &BulkDeleter::failed);
    deleter.run();
    QVERIFY(failed.wait(10000));
    QCOMPARE(deleter.state(), BulkDeleter::State::Failed);
    QVERIFY2(deleter.errorMessage().startsWith("Deleting stopped after 0 keys"),
             qPrintable(deleter.errorMessage()));
}

void TestBulkDeleter::clusterDeletesOnEveryMaster()
{
    TestCluster cluster;
    QVERIFY(cluster.start({}));
    Session client(cluster.cluster().seedConfig());
    QVERIFY(openSession(client));
    // Keys of every slot range: MSET on one node would be refused (CROSSSLOT), so one SET each.
    int answered = 0;
    for (int i = 0; i < 700; ++i)
        client.command({"SET", (i < 600 ? "tmp:" : "keep:") + QByteArray::number(i), "v"}, this,
                       [&answered](const RedisReply &reply) { answered += reply.isError() ? 0 : 1; });
    QTRY_COMPARE_WITH_TIMEOUT(answered, 700, 10000);
    std::vector<std::unique_ptr<RedisConnection>> masters;
    for (int i = 0; i < 3; ++i) {
        masters.push_back(TestServer::connect(cluster.cluster().nodeConfig(i)));
        QVERIFY(masters.back());
        QVERIFY(dbsize(*masters.back()) > 100); // the keys are spread over the three masters
    }

    BulkDeleter deleter(&client, "tmp:*");
    QVERIFY(previewed(deleter));
    QCOMPARE(deleter.matchCount(), 600);
    QSignalSpy finished(&deleter, &BulkDeleter::finished);
    deleter.run();
    QVERIFY(finished.wait(10000));
    QCOMPARE(deleter.state(), BulkDeleter::State::Finished);
    QCOMPARE(finished.first().first().toLongLong(), 600);
    qint64 left = 0;
    for (auto &master : masters)
        left += dbsize(*master);
    QCOMPARE(left, 100); // the keep: keys
}

QTEST_GUILESS_MAIN(TestBulkDeleter)
#include "tst_bulkdeleter.moc"
