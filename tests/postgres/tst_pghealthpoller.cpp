#include "pgconnection.h"
#include "pghealthpoller.h"
#include "testpostgres.h"

#include <memory>
#include <QSignalSpy>
#include <QTest>
#include <vector>

namespace {

using Session = TestPostgres::Session;

std::unique_ptr<PgHealthPoller> startPoller(const PgConfig &config, const PgThresholds &thresholds = {})
{
    auto poller = std::make_unique<PgHealthPoller>(config);
    poller->setInterval(PgHealthPoller::kMinIntervalMs);
    poller->setThresholds(thresholds);
    poller->start();
    return poller;
}

// The first sample taken after now.
std::optional<PgSample> nextSample(PgHealthPoller &poller, int timeoutMs = 10000)
{
    QSignalSpy spy(&poller, &PgHealthPoller::sampled);
    if (!spy.wait(timeoutMs))
        return std::nullopt;
    return spy.last().at(0).value<PgSample>();
}

int countOf(const QList<PgCount> &counts, const QString &key)
{
    for (const PgCount &c : counts) {
        if (c.key == key)
            return c.count;
    }
    return 0;
}

} // namespace

class TestPgHealthPoller : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void connectionCounts();
    void idleInTransactionDetected();
    void longRunningQuery();
    void lockWaitWithItsBlocker();
    void hitRatioOfAQuietDatabase();
    void tooManyConnectionsThenRecovery();

private:
    TestPostgres m_pg;
};

void TestPgHealthPoller::initTestCase()
{
    qRegisterMetaType<PgSample>();
    QVERIFY(m_pg.start());
}

void TestPgHealthPoller::connectionCounts()
{
    auto poller = startPoller(m_pg.config());
    QVERIFY(nextSample(*poller));
    std::vector<std::unique_ptr<Session>> pool;
    for (int i = 0; i < 7; ++i) {
        pool.push_back(std::make_unique<Session>(m_pg.conninfo(
            TestPostgres::kMonitor, TestPostgres::kMonitorPassword, "application_name=orders-api")));
        QVERIFY(pool.back()->isOk());
    }
    Session checker(m_pg.conninfo());
    const int expected =
        checker.exec("SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend'")
            .value_or("-1")
            .toInt();
    QCOMPARE(expected, 9); // the pool, the checker and the poller
    std::optional<PgSample> sample;
    QTRY_VERIFY((sample = poller->lastSample()) && sample->total == expected);
    QCOMPARE(countOf(sample->byApplication, "orders-api"), 7);
    QCOMPARE(countOf(sample->byApplication, "Keyscope"), 1);
    QCOMPARE(countOf(sample->byClient, "127.0.0.1"), 9);
    QCOMPARE(sample->count("idle"), 8); // the poller itself is active
    QCOMPARE(sample->count("active"), 1);
    QCOMPARE(sample->maxConnections, 100);
    QCOMPARE(sample->reservedConnections, 3);
    QCOMPARE(sample->usableConnections(), 97);
    QCOMPARE(sample->ownPid, poller->connection()->backendPid());
    QVERIFY(sample->serverVersion.startsWith("15."));
    QVERIFY(sample->advice.isEmpty());
    QCOMPARE(poller->series(PgHealthPoller::Total).last().value, 9.0);

    pool.resize(2);
    QTRY_COMPARE(poller->lastSample()->total, 4);
    QCOMPARE(countOf(poller->lastSample()->byApplication, "orders-api"), 2);

    poller->stop();
    QVERIFY(!poller->isRunning());
    QSignalSpy samples(poller.get(), &PgHealthPoller::sampled);
    QTest::qWait(1200); // more than two intervals
    QVERIFY(samples.isEmpty());
}

void TestPgHealthPoller::idleInTransactionDetected()
{
    PgThresholds thresholds;
    thresholds.longIdleInTransactionSeconds = 0.3;
    thresholds.idleInTransactionPileUp = 1;
    thresholds.idleInTransactionPileUpSeconds = 0.3;
    auto poller = startPoller(m_pg.config(), thresholds);
    Session forgetful(m_pg.conninfo("monitor", "monitor-secret", "application_name=forgetful"));
    QVERIFY(forgetful.exec("BEGIN"));
    QVERIFY(forgetful.exec("SELECT 'forgot to commit'"));
    QTRY_VERIFY(poller->lastSample() && !poller->lastSample()->longIdleInTransaction.isEmpty());
    const PgSample sample = *poller->lastSample();
    QCOMPARE(sample.count("idle in transaction"), 1);
    const PgSession &s = sample.longIdleInTransaction.first();
    QCOMPARE(s.pid, forgetful.pid());
    QCOMPARE(s.application, QString("forgetful"));
    QCOMPARE(s.query, QString("SELECT 'forgot to commit'"));
    QVERIFY(*s.stateAge >= 0.3);
    QVERIFY(*s.transactionAge >= *s.stateAge);
    QCOMPARE(sample.advice.size(), 1);
    QVERIFY2(sample.advice.first().contains("1 sessions have been idle in transaction for 0.3 s or more"),
             qPrintable(sample.advice.first()));
    QVERIFY(forgetful.exec("COMMIT"));
    QTRY_VERIFY(poller->lastSample()->longIdleInTransaction.isEmpty());
    QVERIFY(poller->lastSample()->advice.isEmpty());
}

void TestPgHealthPoller::longRunningQuery()
{
    PgThresholds thresholds;
    thresholds.longQuerySeconds = 0.5;
    auto poller = startPoller(m_pg.config(), thresholds);
    Session slow(m_pg.conninfo());
    QVERIFY(slow.send("SELECT pg_sleep(2.5) AS \"<b>x</b>\""));
    QTRY_VERIFY(poller->lastSample() && !poller->lastSample()->longRunning.isEmpty());
    const PgSession s = poller->lastSample()->longRunning.first();
    QCOMPARE(s.pid, slow.pid());
    QCOMPARE(s.query, QString("SELECT pg_sleep(2.5) AS \"<b>x</b>\""));
    QVERIFY(*s.queryAge >= 0.5);
    QCOMPARE(s.waitEventType, QString("Timeout")); // pg_sleep waits on a timeout, not a lock
    QVERIFY(slow.exec("SELECT 1"));                // waits for the sleep to end
}

void TestPgHealthPoller::lockWaitWithItsBlocker()
{
    Session admin(m_pg.conninfo());
    QVERIFY(admin.exec("CREATE TABLE t1 (i int); CREATE TABLE t2 (i int)"));
    auto poller = startPoller(m_pg.config());
    Session holder(m_pg.conninfo()), middle(m_pg.conninfo()), last(m_pg.conninfo());
    QVERIFY(holder.exec("BEGIN; LOCK TABLE t1 IN ACCESS EXCLUSIVE MODE"));
    QVERIFY(middle.exec("BEGIN; LOCK TABLE t2 IN ACCESS EXCLUSIVE MODE"));
    QVERIFY(middle.send("LOCK TABLE t1 IN ACCESS EXCLUSIVE MODE")); // waits for holder
    QTest::qWait(300);
    QVERIFY(last.send("SELECT count(*) FROM t2")); // waits for middle
    const auto lockWaits = [](const PgSample &sample) {
        QList<PgSession> out;
        for (const PgSession &s : sample.waiting) {
            if (s.waitEventType == "Lock")
                out << s;
        }
        return out;
    };
    QTRY_VERIFY(poller->lastSample() && lockWaits(*poller->lastSample()).size() == 2);
    const PgSample sample = *poller->lastSample();
    const QList<PgSession> waiting = lockWaits(sample);
    QCOMPARE(sample.waiting.size(), 2);
    const PgSession &longest = waiting.first();
    QCOMPARE(longest.pid, middle.pid());
    QCOMPARE(longest.waitEventType, QString("Lock"));
    QCOMPARE(longest.waitEvent, QString("relation"));
    QCOMPARE(longest.blockedBy, QList<int>{holder.pid()});
    QVERIFY(*longest.lockWait >= 0.3);
    QCOMPARE(waiting.at(1).pid, last.pid());
    QCOMPARE(waiting.at(1).blockedBy, QList<int>{middle.pid()});
    QCOMPARE(sample.blockingChain(last.pid()), (QList<int>{last.pid(), middle.pid(), holder.pid()}));
    QCOMPARE(poller->series(PgHealthPoller::Waiting).last().value, 2.0);

    QVERIFY(holder.exec("COMMIT"));
    QVERIFY(middle.exec("COMMIT")); // its LOCK got through; this ends its transaction
    QVERIFY(last.exec("SELECT 1"));
    QTRY_VERIFY(poller->lastSample()->waiting.isEmpty());
}

void TestPgHealthPoller::hitRatioOfAQuietDatabase()
{
    Session admin(m_pg.conninfo());
    QVERIFY(admin.exec("CREATE DATABASE quiet"));
    {
        // Some reads from disk and some from shared buffers, then the session ends (its stats are flushed).
        Session work(m_pg.conninfo(TestPostgres::kSuperuser, TestPostgres::kSuperPassword, "dbname=quiet"));
        QVERIFY(work.exec("CREATE TABLE numbers AS SELECT g FROM generate_series(1, 20000) g"));
        for (int i = 0; i < 5; ++i)
            QVERIFY(work.exec("SELECT sum(g) FROM numbers"));
    }
    auto poller = startPoller(m_pg.config());
    // Nobody uses "quiet" any more: its counters settle, and the poller must read exactly what the server
    // holds.
    qint64 hit = -1, read = -1;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            const auto direct = admin.exec(
                "SELECT blks_hit || ' ' || blks_read FROM pg_stat_database WHERE datname = 'quiet'");
            if (!direct || !poller->lastSample())
                return false;
            const QStringList parts = direct->split(' ');
            hit = parts.value(0).toLongLong();
            read = parts.value(1).toLongLong();
            for (const PgDatabaseStats &d : poller->lastSample()->databases) {
                if (d.name == "quiet")
                    return d.blocksHit == hit && d.blocksRead == read && d.backends == 0;
            }
            return false;
        }(),
        10000);
    QVERIFY2(hit > 0 && read > 0, qPrintable(QString("hit %1 read %2").arg(hit).arg(read)));
    for (const PgDatabaseStats &d : poller->lastSample()->databases) {
        if (d.name == "quiet") {
            QCOMPARE(*d.hitRatio(), double(hit) / double(hit + read));
            QVERIFY(d.commits >= 6);
        }
    }
}

void TestPgHealthPoller::tooManyConnectionsThenRecovery()
{
    // 6 slots, 1 kept for superusers: the monitor role (the panel's) can use 5.
    QVERIFY(m_pg.start({"max_connections=6", "superuser_reserved_connections=1"}));
    auto poller = startPoller(m_pg.config());
    std::vector<std::unique_ptr<Session>> app;
    for (int i = 0; i < 4; ++i)
        app.push_back(std::make_unique<Session>(m_pg.conninfo()));
    QTRY_VERIFY(poller->lastSample() && poller->lastSample()->total == 5);
    QCOMPARE(poller->lastSample()->usableConnections(), 5);
    QVERIFY(poller->lastSample()->advice.first().contains("5 of 5 usable connections"));

    // The panel's session goes away and an application takes its slot before the panel reconnects (the
    // event loop does not run between these two lines).
    QSignalSpy failures(poller.get(), &PgHealthPoller::failed);
    const int panelPid = poller->connection()->backendPid();
    QCOMPARE(app[0]->exec("SELECT pg_terminate_backend(" + QByteArray::number(panelPid) + ", 5000)"),
             QString("t"));
    app.push_back(std::make_unique<Session>(m_pg.conninfo()));
    QVERIFY(app.back()->isOk());

    const QString refused = "The server refuses new connections: 5 of 5 used";
    QTRY_VERIFY(!failures.isEmpty() && failures.last().at(0).toString().startsWith(refused));
    QCOMPARE(poller->connection()->lastError().kind, PgError::Kind::TooManyConnections);
    QVERIFY(poller->lastError().startsWith(refused));
    const qsizetype attempts = failures.size();
    QTRY_VERIFY(failures.size() >= attempts + 2); // it keeps trying
    QVERIFY(failures.last().at(0).toString().startsWith(refused));

    app.resize(3);
    QTRY_VERIFY_WITH_TIMEOUT(poller->connection()->isReady(), 10000);
    QTRY_VERIFY(poller->lastError().isEmpty() && poller->lastSample()->total == 4);
}

QTEST_GUILESS_MAIN(TestPgHealthPoller)
#include "tst_pghealthpoller.moc"
