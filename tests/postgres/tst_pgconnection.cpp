#include "embeddedserver.h"
#include "pgconnection.h"
#include "testpostgres.h"
#include "tlsfixture.h"

#include <algorithm>
#include <csignal>
#include <memory>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

namespace {

// Runs sql on connection and spins the event loop until its reply (tests only).
PgReply blockingQuery(PgConnection &connection, const QList<QByteArray> &statements)
{
    std::optional<PgReply> reply;
    connection.query(statements, nullptr, [&reply](const PgReply &r) { reply = r; });
    if (!QTest::qWaitFor([&reply] { return reply.has_value(); }, 20000))
        return PgReply{{PgError::Kind::Timeout, QStringLiteral("test: no reply"), {}, {}}, {}};
    return *reply;
}

std::unique_ptr<PgConnection> openConnection(const PgConfig &config)
{
    auto connection = std::make_unique<PgConnection>(config);
    connection->open();
    if (!QTest::qWaitFor([&connection] { return connection->isReady(); }, 10000)) {
        qWarning().noquote() << "no connection:" << connection->lastError().message;
        return nullptr;
    }
    return connection;
}

} // namespace

class TestPgConnection : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void queriesInOrder();
    void readOnlyByConstruction();
    void failedStatementLeavesNoTransaction();
    void badPassword();
    void tlsRequiredButRefused();
    void refusedPort();
    void hostNameResolvedWithoutBlocking();
    void noStallWhileTheServerIsStopped();
    void tlsVerification(); // restarts the server with TLS: keep it last

private:
    TestPostgres m_pg;
};

void TestPgConnection::initTestCase()
{
    QVERIFY(m_pg.start());
}

void TestPgConnection::queriesInOrder()
{
    auto connection = openConnection(m_pg.config());
    QVERIFY(connection);
    QVERIFY(connection->backendPid() > 0);
    QVERIFY(connection->serverVersion() >= 150000);
    QVERIFY(connection->tlsProtocol().isEmpty()); // sslmode=disable
    QList<QString> seen;
    for (int i = 0; i < 5; ++i) {
        connection->query({"SELECT " + QByteArray::number(i) + " AS n, NULL::text AS nothing"}, nullptr,
                          [&seen](const PgReply &reply) {
                              QVERIFY(!reply.isError());
                              QCOMPARE(reply.results.size(), 1);
                              QVERIFY(reply.results[0].isNull(0, 1));
                              seen << reply.results[0].text(0, "n");
                          });
    }
    QTRY_COMPARE(seen.size(), 5);
    QCOMPARE(seen, (QList<QString>{"0", "1", "2", "3", "4"}));
    // Several statements: every one's rows, in order; the session settings are in place.
    const PgReply reply =
        blockingQuery(*connection, {"SELECT 'a' AS x", "SHOW statement_timeout",
                                    "SELECT current_setting('transaction_read_only') AS ro, "
                                    "current_setting('application_name') AS app"});
    QVERIFY2(!reply.isError(), qPrintable(reply.error.message));
    QCOMPARE(reply.results.size(), 3);
    QCOMPARE(reply.results[0].text(0, "x"), QString("a"));
    QCOMPARE(reply.results[1].text(0, 0), QString("5s"));
    QCOMPARE(reply.results[2].text(0, "ro"), QString("on"));
    QCOMPARE(reply.results[2].text(0, "app"), QString("Keyscope"));
}

void TestPgConnection::readOnlyByConstruction()
{
    // Even as the superuser, nothing can be written through this connection.
    auto connection = openConnection(m_pg.config(TestPostgres::kSuperuser, TestPostgres::kSuperPassword));
    QVERIFY(connection);
    // Refused before it is sent: not a read statement.
    for (const QByteArray &write :
         {QByteArray("CREATE TABLE written_by_keyscope (i int)"), QByteArray("COMMIT"),
          QByteArray(" /* hi */ (SET TRANSACTION READ WRITE)"), QByteArray()}) {
        const PgReply reply = blockingQuery(*connection, {"SELECT 1", write});
        QCOMPARE(reply.error.kind, PgError::Kind::Query);
        QVERIFY2(reply.error.message.startsWith("Refused: this read-only connection runs only SELECT"),
                 qPrintable(reply.error.message));
    }
    // A second statement after a semicolon: the server refuses it (extended protocol).
    PgReply reply = blockingQuery(*connection, {"SELECT 1; CREATE TABLE written_by_keyscope (i int)"});
    QCOMPARE(reply.error.sqlState, QByteArray("42601"));
    // A write inside a read statement: the transaction is read-only.
    reply =
        blockingQuery(*connection, {"WITH w AS (INSERT INTO pg_catalog.pg_description VALUES (0, 0, 0, 'x') "
                                    "RETURNING 1) SELECT * FROM w"});
    QCOMPARE(reply.error.sqlState, QByteArray("25006"));
    QVERIFY2(reply.error.message.contains("read-only"), qPrintable(reply.error.message));
    // Switching the transaction to read-write comes too late: its snapshot is taken already.
    reply = blockingQuery(*connection, {"SELECT set_config('transaction_read_only', 'off', true)"});
    QCOMPARE(reply.error.sqlState, QByteArray("25001"));
    // A session default turned off does not matter: every transaction is BEGIN READ ONLY.
    reply = blockingQuery(*connection, {"SELECT set_config('default_transaction_read_only', 'off', false)",
                                        "SELECT current_setting('transaction_read_only') AS ro"});
    QVERIFY2(!reply.isError(), qPrintable(reply.error.message));
    QCOMPARE(reply.results[1].text(0, "ro"), QString("on"));
    TestPostgres::Session check(m_pg.conninfo());
    QCOMPARE(check.exec("SELECT count(*) FROM pg_class WHERE relname = 'written_by_keyscope'"), QString("0"));
    QVERIFY(connection->isReady());
}

void TestPgConnection::failedStatementLeavesNoTransaction()
{
    auto connection = openConnection(m_pg.config());
    QVERIFY(connection);
    PgReply reply = blockingQuery(*connection, {"SELECT 1/0"});
    QCOMPARE(reply.error.sqlState, QByteArray("22012"));
    QVERIFY(reply.error.message.contains("division by zero"));
    // The aborted transaction was rolled back: the next query runs normally.
    reply = blockingQuery(*connection, {"SELECT 2 AS two"});
    QVERIFY2(!reply.isError(), qPrintable(reply.error.message));
    QCOMPARE(reply.results[0].text(0, "two"), QString("2"));
    // The statement timeout applies.
    PgConfig quick = m_pg.config();
    quick.statementTimeoutMs = 200;
    auto timed = openConnection(quick);
    QVERIFY(timed);
    reply = blockingQuery(*timed, {"SELECT pg_sleep(2)"});
    QCOMPARE(reply.error.kind, PgError::Kind::Timeout);
    QCOMPARE(reply.error.sqlState, QByteArray("57014"));
    QVERIFY(!blockingQuery(*timed, {"SELECT 1"}).isError());
}

void TestPgConnection::badPassword()
{
    PgConnection connection(m_pg.config(TestPostgres::kMonitor, "wrong"));
    QSignalSpy errors(&connection, &PgConnection::errorOccurred);
    connection.open();
    QTRY_COMPARE(errors.size(), 1);
    const auto error = errors.at(0).at(0).value<PgError>();
    QCOMPARE(error.kind, PgError::Kind::Authentication);
    QVERIFY2(error.message.contains("refused the password"), qPrintable(error.message));
    QVERIFY2(error.message.contains("password authentication failed for user \"monitor\""),
             qPrintable(error.message));
    // It would only fail again: no retry.
    QCOMPARE(connection.state(), PgConnection::State::Disconnected);
    QTest::qWait(600);
    QCOMPARE(errors.size(), 1);

    PgConfig none = m_pg.config();
    none.setPassword({});
    PgConnection noPassword(none);
    QSignalSpy noPasswordErrors(&noPassword, &PgConnection::errorOccurred);
    noPassword.open();
    QTRY_COMPARE(noPasswordErrors.size(), 1);
    const auto missing = noPasswordErrors.at(0).at(0).value<PgError>();
    QCOMPARE(missing.kind, PgError::Kind::Authentication);
    QVERIFY2(missing.message.contains("the profile has none"), qPrintable(missing.message));
}

void TestPgConnection::tlsRequiredButRefused()
{
    PgConfig config = m_pg.config();
    config.setValue("sslmode", "require");
    PgConnection connection(config);
    QSignalSpy errors(&connection, &PgConnection::errorOccurred);
    connection.open();
    QTRY_COMPARE(errors.size(), 1);
    const auto error = errors.at(0).at(0).value<PgError>();
    QCOMPARE(error.kind, PgError::Kind::Tls);
    QVERIFY2(error.message.contains("does not accept TLS"), qPrintable(error.message));
    QCOMPARE(connection.state(), PgConnection::State::Disconnected);

    // prefer (the default) falls back to plain TCP on this server.
    config.setValue("sslmode", "prefer");
    QVERIFY(openConnection(config));
}

void TestPgConnection::refusedPort()
{
    PgConfig config = m_pg.config();
    config.setValue("port", QString::number(EmbeddedServer::freePort()));
    PgConnection connection(config);
    QSignalSpy errors(&connection, &PgConnection::errorOccurred);
    connection.open();
    QTRY_VERIFY(!errors.isEmpty());
    const auto error = errors.at(0).at(0).value<PgError>();
    QCOMPARE(error.kind, PgError::Kind::Refused);
    // Worth retrying: the server may come up.
    QCOMPARE(connection.state(), PgConnection::State::WaitingToReconnect);
    PgReply reply;
    connection.query({"SELECT 1"}, nullptr, [&reply](const PgReply &r) { reply = r; });
    QTRY_VERIFY(reply.isError());
    QCOMPARE(reply.error.kind, PgError::Kind::Refused);
}

void TestPgConnection::hostNameResolvedWithoutBlocking()
{
    PgConfig config = m_pg.config();
    config.setValue("host", "localhost");
    auto connection = openConnection(config);
    QVERIFY(connection);
    QVERIFY(!blockingQuery(*connection, {"SELECT 1"}).isError());

    // A failover list: every name is looked up by Keyscope, libpq gets one hostaddr per host.
    config.setValue("host", "localhost,127.0.0.1,localhost");
    PgConnection list(config);
    list.open();
    QCOMPARE(list.state(), PgConnection::State::Resolving);
    QTRY_VERIFY(list.isReady());

    config.setValue("host", "no-such-host.invalid");
    PgConnection unknown(config);
    QSignalSpy errors(&unknown, &PgConnection::errorOccurred);
    unknown.open();
    QCOMPARE(unknown.state(), PgConnection::State::Resolving);
    QTRY_VERIFY_WITH_TIMEOUT(!errors.isEmpty(), 10000);
    QCOMPARE(errors.at(0).at(0).value<PgError>().kind, PgError::Kind::HostNotFound);
}

void TestPgConnection::noStallWhileTheServerIsStopped()
{
    PgConfig config = m_pg.config();
    config.statementTimeoutMs = 1000; // no answer within 3 s: dropped
    auto connection = openConnection(config);
    QVERIFY(connection);
    const pid_t backend = pid_t(connection->backendPid());

    // A 10 ms timer measures the longest gap in the GUI thread's event loop.
    QElapsedTimer clock;
    clock.start();
    qint64 last = clock.elapsed();
    qint64 longestGap = 0;
    QTimer stall;
    stall.setInterval(10);
    connect(&stall, &QTimer::timeout, this, [&] {
        const qint64 now = clock.elapsed();
        longestGap = std::max(longestGap, now - last);
        last = now;
    });
    stall.start();

    QVERIFY(::kill(backend, SIGSTOP) == 0);
    std::optional<PgReply> reply;
    connection->query({"SELECT 42 AS answer"}, nullptr, [&reply](const PgReply &r) { reply = r; });
    QTest::qWait(1500);
    QVERIFY(!reply); // the server process is stopped: no answer yet, and the loop kept turning
    const qint64 stoppedGap = longestGap;
    QVERIFY(::kill(backend, SIGCONT) == 0);
    QTRY_VERIFY(reply.has_value());
    QVERIFY2(!reply->isError(), qPrintable(reply->error.message));
    QCOMPARE(reply->results[0].text(0, "answer"), QString("42"));
    qInfo() << "longest event-loop gap while the server was stopped:" << stoppedGap << "ms";
    // A blocking libpq call would freeze the loop for the whole stop (1.5 s); 500 ms leaves room for a
    // loaded machine.
    QVERIFY2(stoppedGap < 500, qPrintable(QString::number(stoppedGap)));

    // Stopped for longer than the query timeout: the query fails, the connection is opened again.
    QVERIFY(::kill(backend, SIGSTOP) == 0);
    reply.reset();
    longestGap = 0;
    last = clock.elapsed();
    connection->query({"SELECT 43"}, nullptr, [&reply](const PgReply &r) { reply = r; });
    QTRY_VERIFY_WITH_TIMEOUT(reply.has_value(), 6000);
    QCOMPARE(reply->error.kind, PgError::Kind::Timeout);
    QVERIFY2(reply->error.message.contains("No answer from the server within 3 s"),
             qPrintable(reply->error.message));
    QVERIFY(::kill(backend, SIGCONT) == 0);
    QVERIFY2(longestGap < 500, qPrintable(QString::number(longestGap)));
    QTRY_VERIFY(connection->isReady());
    QVERIFY(connection->backendPid() != int(backend));
    QVERIFY(!blockingQuery(*connection, {"SELECT 1"}).isError());
}

void TestPgConnection::tlsVerification()
{
    TlsFixture tls, otherCa;
    QVERIFY(tls.create());
    QVERIFY(otherCa.create());
    const QStringList settings = m_pg.tlsSettings(tls.serverCert(), tls.serverKey());
    QVERIFY(!settings.isEmpty());
    QVERIFY(m_pg.start(settings));

    PgConfig config = m_pg.config();
    config.setValue("sslmode", "require");
    auto encrypted = openConnection(config);
    QVERIFY(encrypted);
    QVERIFY2(encrypted->tlsProtocol().startsWith("TLSv1."), qPrintable(encrypted->tlsProtocol()));
    QCOMPARE(
        blockingQuery(*encrypted, {"SELECT ssl::text AS ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()"})
            .results.value(0)
            .text(0, "ssl"),
        QString("true"));

    // verify-full against the name in the certificate, resolved by Keyscope (QHostInfo), checked by libpq.
    config.setValue("sslmode", "verify-full");
    config.setValue("sslrootcert", tls.caCert());
    config.setValue("host", "localhost");
    QVERIFY(openConnection(config));

    // The first error, and whether the connection then gave up (no retry: it would only fail again).
    const auto failure = [](const PgConfig &c) {
        PgConnection connection(c);
        QSignalSpy errors(&connection, &PgConnection::errorOccurred);
        connection.open();
        if (!QTest::qWaitFor([&errors] { return !errors.isEmpty(); }, 10000))
            return PgError();
        PgError first = errors.at(0).at(0).value<PgError>();
        if (connection.state() != PgConnection::State::Disconnected)
            first.message = QStringLiteral("retrying after: ") + first.message;
        return first;
    };
    PgConfig wrongName = config;
    wrongName.setValue("host", "db.example.test");
    wrongName.setValue("hostaddr", "127.0.0.1");
    PgError error = failure(wrongName);
    QCOMPARE(error.kind, PgError::Kind::Tls);
    QVERIFY2(error.message.startsWith(
                 "TLS verification failed: the server's certificate is for another host name"),
             qPrintable(error.message));
    QVERIFY2(error.message.contains("db.example.test"), qPrintable(error.message));

    PgConfig untrusted = config;
    untrusted.setValue("sslrootcert", otherCa.caCert());
    error = failure(untrusted);
    QCOMPARE(error.kind, PgError::Kind::Tls);
    QVERIFY2(error.message.startsWith(
                 "TLS verification failed: the server's certificate is not signed by a trusted"),
             qPrintable(error.message));

    PgConfig noRoot = config;
    noRoot.setValue("sslmode", "verify-ca");
    noRoot.setValue("sslrootcert", "/nonexistent/root.crt");
    error = failure(noRoot);
    QCOMPARE(error.kind, PgError::Kind::Tls);
    QVERIFY2(error.message.startsWith("TLS verification needs a root certificate"),
             qPrintable(error.message));
}

QTEST_GUILESS_MAIN(TestPgConnection)
#include "tst_pgconnection.moc"
