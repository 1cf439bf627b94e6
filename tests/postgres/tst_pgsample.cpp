#include "pgsample.h"

#include <QTest>

namespace {

PgResult table(const QList<QByteArray> &columns, const QList<QList<QString>> &rows)
{
    QList<QString> values;
    QList<bool> nulls;
    for (const QList<QString> &row : rows) {
        for (const QString &value : row) {
            values << value;
            nulls << value.isNull();
        }
    }
    return PgResult(columns, values, nulls);
}

const QList<QByteArray> kActivityColumns{
    "pid",        "datname", "usename",   "application_name", "client",   "state",     "wait_event_type",
    "wait_event", "query",   "query_age", "state_age",        "xact_age", "lock_wait", "blocked_by"};

QList<QString> session(int pid, const QString &app, const QString &client, const QString &state,
                       const QString &waitType = {}, double age = 1, const QString &blockedBy = {},
                       const QString &query = QStringLiteral("SELECT 1"))
{
    return {QString::number(pid),
            "app",
            "ops",
            app,
            client,
            state,
            waitType,
            waitType.isNull() ? QString() : QString("Relation"),
            query,
            QString::number(age),
            QString::number(age),
            QString::number(age),
            blockedBy.isNull() ? QString() : QString::number(age),
            blockedBy};
}

PgResult databases(qint64 commits, qint64 hit, qint64 read, qint64 deadlocks = 0)
{
    return table({"datname", "numbackends", "xact_commit", "xact_rollback", "blks_read", "blks_hit",
                  "tup_returned", "tup_fetched", "deadlocks", "temp_files", "temp_bytes"},
                 {{"app", "8", QString::number(commits), "10", QString::number(read), QString::number(hit),
                   QString::number(commits * 100), QString::number(commits * 3), QString::number(deadlocks),
                   "2", "4096"}});
}

PgSample sample(double time, const QList<QList<QString>> &sessions, const PgResult &dbs, int max = 13,
                int reserved = 3)
{
    const PgResult settings = table({"max_connections", "reserved", "own_pid", "version"},
                                    {{QString::number(max), QString::number(reserved), "100", "15.4"}});
    QString error;
    const auto s = PgSample::fromResults({settings, table(kActivityColumns, sessions), dbs}, time, &error);
    if (!s)
        qWarning() << error;
    return s.value_or(PgSample());
}

} // namespace

class TestPgSample : public QObject
{
    Q_OBJECT
private slots:
    void hitRatioFromKnownStats();
    void ratesOverTheInterval();
    void connectionsCounted();
    void waitingAndBlockingChains();
    void longSessionsByThreshold();
    void advice();
    void unexpectedShape();
};

void TestPgSample::hitRatioFromKnownStats()
{
    PgDatabaseStats stats;
    QVERIFY(!stats.hitRatio()); // nothing read yet: no ratio rather than a made-up one
    stats.blocksHit = 9900;
    stats.blocksRead = 100;
    QCOMPARE(*stats.hitRatio(), 0.99);
    stats.blocksRead = 0;
    QCOMPARE(*stats.hitRatio(), 1.0);
    const PgSample s = sample(10, {}, databases(5, 750, 250));
    QCOMPARE(s.databases.size(), 1);
    QCOMPARE(s.databases[0].blocksHit, 750);
    QCOMPARE(*s.databases[0].hitRatio(), 0.75);
    QCOMPARE(s.databases[0].tempFiles, 2);
    QCOMPARE(s.databases[0].tempBytes, 4096);
}

void TestPgSample::ratesOverTheInterval()
{
    const PgThresholds t;
    const PgSample first = PgSample::derive(sample(100, {}, databases(1000, 10, 1)), nullptr, t);
    QVERIFY(!first.transactionsPerSecond); // nothing to compare with
    const PgSample second = PgSample::derive(sample(102, {}, databases(1400, 10, 1)), &first, t);
    QCOMPARE(*second.transactionsPerSecond, 200.0); // 400 commits in 2 s (rollbacks unchanged)
    QCOMPARE(*second.databases[0].tuplesReturnedPerSecond, 20000.0);
    QCOMPARE(*second.databases[0].tuplesFetchedPerSecond, 600.0);
    // Statistics reset between the samples: no rate.
    const PgSample reset = PgSample::derive(sample(104, {}, databases(3, 10, 1)), &second, t);
    QVERIFY(!reset.transactionsPerSecond);
    QVERIFY(!reset.databases[0].transactionsPerSecond);
}

void TestPgSample::connectionsCounted()
{
    const PgSample s = PgSample::derive(
        sample(1,
               {session(100, "Keyscope", "10.0.0.9", "active"), session(101, "api", "10.0.0.1", "idle"),
                session(102, "api", "10.0.0.1", "idle"), session(103, "api", "10.0.0.2", "active"),
                session(104, "worker", {}, "idle in transaction"), session(105, {}, {}, {})},
               databases(1, 1, 1)),
        nullptr, PgThresholds());
    QCOMPARE(s.total, 6);
    QCOMPARE(s.usableConnections(), 10);
    QCOMPARE(s.count("active"), 2);
    QCOMPARE(s.count("idle"), 2);
    QCOMPARE(s.count("idle in transaction"), 1);
    QCOMPARE(s.count("(not visible)"), 1);
    QCOMPARE(s.byApplication.first().key, QString("api"));
    QCOMPARE(s.byApplication.first().count, 3);
    QCOMPARE(s.byClient.first().key, QString("(local socket)"));
    QCOMPARE(s.byClient.first().count, 2);
    QCOMPARE(s.byClient.at(1).key, QString("10.0.0.1"));
}

void TestPgSample::waitingAndBlockingChains()
{
    const PgSample s = PgSample::derive(
        sample(1,
               {session(100, "Keyscope", {}, "active", "Client"), // our own session never counts
                session(201, "api", {}, "idle in transaction"),
                session(202, "api", {}, "active", "Lock", 4, "{201}"),
                session(203, "api", {}, "active", "Lock", 9, "{202,201}"),
                session(204, "api", {}, "active", "IO", 1), session(205, "api", {}, "idle", "Client"),
                // a deadlock about to be detected: a cycle
                session(301, "api", {}, "active", "Lock", 2, "{302}"),
                session(302, "api", {}, "active", "Lock", 2, "{301}")},
               databases(1, 1, 1)),
        nullptr, PgThresholds());
    QCOMPARE(s.waiting.size(), 5); // active and waiting: 202, 203, 204, 301, 302 (idle ClientRead is not)
    QCOMPARE(s.waiting.first().pid, 203); // longest wait first
    QCOMPARE(*s.waiting.first().lockWait, 9.0);
    QCOMPARE(s.blockingChain(203), (QList<int>{203, 202, 201}));
    QCOMPARE(s.blockingChain(204), (QList<int>{204}));
    QCOMPARE(s.blockingChain(301), (QList<int>{301, 302}));
}

void TestPgSample::longSessionsByThreshold()
{
    PgThresholds t;
    t.longQuerySeconds = 60;
    t.longIdleInTransactionSeconds = 10;
    const PgSample s = PgSample::derive(
        sample(1,
               {session(1, "a", {}, "active", {}, 61, {}, "SELECT <b>x</b>"),
                session(2, "a", {}, "active", {}, 59), session(3, "a", {}, "idle in transaction", {}, 11),
                session(4, "a", {}, "idle in transaction (aborted)", {}, 30),
                session(5, "a", {}, "idle in transaction", {}, 9), session(6, "a", {}, "idle", {}, 3600)},
               databases(1, 1, 1)),
        nullptr, t);
    QCOMPARE(s.longRunning.size(), 1);
    QCOMPARE(s.longRunning.first().query, QString("SELECT <b>x</b>"));
    QCOMPARE(s.longIdleInTransaction.size(), 2);
    QCOMPARE(s.longIdleInTransaction.first().pid, 4); // longest first
    QCOMPARE(s.longIdleInTransaction.last().pid, 3);
}

void TestPgSample::advice()
{
    QList<QList<QString>> sessions;
    for (int pid = 1; pid <= 8; ++pid)
        sessions << session(pid, "api", {}, "idle");
    // 8 of 10 usable is not over 80%.
    PgSample s = PgSample::derive(sample(1, sessions, databases(1, 1, 1)), nullptr, PgThresholds());
    QVERIFY(s.advice.isEmpty());
    sessions << session(9, "api", {}, "idle");
    s = PgSample::derive(sample(1, sessions, databases(1, 1, 1)), nullptr, PgThresholds());
    QCOMPARE(s.advice.size(), 1);
    QVERIFY2(s.advice.first().contains("9 of 10 usable connections"), qPrintable(s.advice.first()));

    PgThresholds t;
    t.idleInTransactionPileUp = 2;
    const PgSample before = PgSample::derive(sample(1, {}, databases(1, 1, 1, 4)), nullptr, t);
    s = PgSample::derive(sample(3,
                                {session(1, "api", {}, "idle in transaction"),
                                 session(2, "api", {}, "idle in transaction (aborted)")},
                                databases(2, 1, 1, 6)),
                         &before, t);
    QCOMPARE(s.advice.size(), 2);
    QVERIFY2(s.advice.at(0).contains("2 deadlock(s) in database app"), qPrintable(s.advice.at(0)));
    QVERIFY2(s.advice.at(1).contains("2 sessions have been idle in transaction for 1 s or more"),
             qPrintable(s.advice.at(1)));
    // Under load, sessions are idle in transaction for a moment between statements: no pile-up.
    s = PgSample::derive(sample(3,
                                {session(1, "api", {}, "idle in transaction", {}, 0.2),
                                 session(2, "api", {}, "idle in transaction", {}, 0.1),
                                 session(3, "api", {}, "idle in transaction", {}, 1.5)},
                                databases(2, 1, 1, 4)),
                         &before, t);
    QVERIFY2(s.advice.isEmpty(), qPrintable(s.advice.join('\n')));
}

void TestPgSample::unexpectedShape()
{
    QString error;
    QVERIFY(!PgSample::fromResults({table({"x"}, {{"1"}})}, 0, &error));
    QVERIFY2(error.contains("unexpected shape"), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestPgSample)
#include "tst_pgsample.moc"
