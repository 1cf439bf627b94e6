#include "blockingcall.h"
#include "embeddedserver.h"
#include "redisconnection.h"
#include "testserver.h"

#include <csignal>
#include <memory>
#include <optional>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

namespace {

bool openAndWait(RedisConnection &connection)
{
    connection.open();
    return QTest::qWaitFor([&] { return connection.isReady(); }, 10000);
}

ConnectionError waitForError(RedisConnection &connection)
{
    QSignalSpy spy(&connection, &RedisConnection::errorOccurred);
    connection.open();
    if (spy.isEmpty() && !spy.wait(10000))
        return {};
    return spy.first().first().value<ConnectionError>();
}

} // namespace

class TestRedisConnection : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void stateText();
    void connectsAndPings();
    void authenticatesAsAclUser();
    void wrongPasswordIsClear();
    void missingPasswordIsClear();
    void selectsDatabase();
    void pipelinesInOrder();
    void roundTripsBinary();
    void serverKilledMidCommandThenReconnects();
    void commandTimeoutResetsConnection();
    void nestingLimitGivesClearErrorAndReconnects();
    void refusedIsClear();
    void unknownHostIsClear();
    void failsFastWhenDisconnected();
    void readOnlyRefusesWrites();
    void skipsCallbackOfDestroyedContext();
    void namesItself();

private:
    TestServer m_server;
};

void TestRedisConnection::initTestCase()
{
    QVERIFY(m_server.start({QStringLiteral("--user"), QStringLiteral("alice"), QStringLiteral("on"),
                            QStringLiteral(">s3cret"), QStringLiteral("~*"), QStringLiteral("+@all")}));
}

void TestRedisConnection::stateText()
{
    QCOMPARE(RedisConnection::stateText(RedisConnection::State::Disconnected),
             QStringLiteral("Disconnected"));
    QCOMPARE(RedisConnection::stateText(RedisConnection::State::Connecting), QStringLiteral("Connecting…"));
    QCOMPARE(RedisConnection::stateText(RedisConnection::State::Authenticating),
             QStringLiteral("Authenticating…"));
    QCOMPARE(RedisConnection::stateText(RedisConnection::State::Ready), QStringLiteral("Connected"));
    QCOMPARE(RedisConnection::stateText(RedisConnection::State::WaitingToReconnect),
             QStringLiteral("Reconnecting…"));
}

void TestRedisConnection::connectsAndPings()
{
    RedisConnection connection(m_server.config());
    QSignalSpy ready(&connection, &RedisConnection::ready);
    QVERIFY(openAndWait(connection));
    QCOMPARE(ready.count(), 1);
    QCOMPARE(blockingCall(connection, {"PING"}), RedisReply::status("PONG"));
}

void TestRedisConnection::authenticatesAsAclUser()
{
    ConnectionConfig config = m_server.config();
    config.username = QStringLiteral("alice");
    config.password = QStringLiteral("s3cret");
    RedisConnection connection(config);
    QVERIFY(openAndWait(connection));
    QCOMPARE(blockingCall(connection, {"ACL", "WHOAMI"}), RedisReply::bulk("alice"));
}

void TestRedisConnection::wrongPasswordIsClear()
{
    ConnectionConfig config = m_server.config();
    config.username = QStringLiteral("alice");
    config.password = QStringLiteral("wrong");
    RedisConnection connection(config);
    const ConnectionError error = waitForError(connection);
    QCOMPARE(error.kind, ConnectionError::Kind::AuthFailed);
    QVERIFY2(error.message.contains(QLatin1String("alice")) &&
                 error.message.contains(QLatin1String("wrong user name or password")),
             qPrintable(error.message));
    // An authentication failure is not retried: it would only fail again.
    QCOMPARE(connection.state(), RedisConnection::State::Disconnected);
    const RedisReply reply = blockingCall(connection, {"PING"});
    QVERIFY(reply.isFailure());
    QVERIFY2(reply.errorMessage().contains(QLatin1String("Not connected")), qPrintable(reply.errorMessage()));
}

void TestRedisConnection::missingPasswordIsClear()
{
    TestServer guarded;
    QVERIFY(guarded.start({QStringLiteral("--requirepass"), QStringLiteral("pw")}));
    RedisConnection connection(guarded.config());
    const ConnectionError error = waitForError(connection);
    QCOMPARE(error.kind, ConnectionError::Kind::AuthFailed);
    QVERIFY2(error.message.contains(QLatin1String("requires a password")), qPrintable(error.message));

    ConnectionConfig config = guarded.config();
    config.password = QStringLiteral("pw");
    RedisConnection good(config);
    QVERIFY(openAndWait(good));
    QCOMPARE(blockingCall(good, {"PING"}), RedisReply::status("PONG"));
}

void TestRedisConnection::selectsDatabase()
{
    ConnectionConfig config = m_server.config();
    config.db = 3;
    RedisConnection db3(config);
    QVERIFY(openAndWait(db3));
    QCOMPARE(blockingCall(db3, {"SET", "select:probe", "in-three"}), RedisReply::status("OK"));

    RedisConnection db0(m_server.config());
    QVERIFY(openAndWait(db0));
    QCOMPARE(blockingCall(db0, {"EXISTS", "select:probe"}), RedisReply::integer(0));
    QCOMPARE(blockingCall(db0, {"SELECT", "3"}), RedisReply::status("OK"));
    QCOMPARE(blockingCall(db0, {"GET", "select:probe"}), RedisReply::bulk("in-three"));

    // selectDatabase: later commands and reconnects use the new database.
    RedisConnection switching(m_server.config());
    QVERIFY(openAndWait(switching));
    QSignalSpy changed(&switching, &RedisConnection::databaseChanged);
    std::optional<RedisReply> selected;
    switching.selectDatabase(3, nullptr, [&selected](const RedisReply &reply) { selected = reply; });
    QCOMPARE(blockingCall(switching, {"GET", "select:probe"}), RedisReply::bulk("in-three"));
    QCOMPARE(selected, RedisReply::status("OK"));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(switching.config().db, 3);
    switching.close();
    QVERIFY(openAndWait(switching));
    QCOMPARE(blockingCall(switching, {"GET", "select:probe"}), RedisReply::bulk("in-three"));

    config.db = 99999;
    RedisConnection bad(config);
    const ConnectionError error = waitForError(bad);
    QVERIFY2(error.message.contains(QLatin1String("Cannot select database 99999")),
             qPrintable(error.message));
}

void TestRedisConnection::pipelinesInOrder()
{
    RedisConnection connection(m_server.config());
    QVERIFY(openAndWait(connection));
    constexpr int count = 10000;
    auto received = std::make_shared<QList<QByteArray>>();
    for (int i = 0; i < count; ++i) {
        connection.command({"ECHO", QByteArray::number(i)}, nullptr,
                           [received](const RedisReply &reply) { received->append(reply.bytes()); });
    }
    QCOMPARE(connection.pendingCount(), count);
    QTRY_COMPARE_WITH_TIMEOUT(received->size(), count, 20000);
    for (int i = 0; i < count; ++i)
        QCOMPARE(received->at(i), QByteArray::number(i));
}

void TestRedisConnection::roundTripsBinary()
{
    RedisConnection connection(m_server.config());
    QVERIFY(openAndWait(connection));
    QByteArray big(1024 * 1024, Qt::Uninitialized);
    for (qsizetype i = 0; i < big.size(); ++i)
        big[i] = char((i * 131 + 7) & 0xFF);
    const QList<QPair<QByteArray, QByteArray>> cases = {
        {QByteArray("nul\0key", 7), QByteArray("v\0al", 4)},
        {QByteArray("bad-utf8:\xff\xfe\xc3"), QByteArray("\x80\x81\xc0")},
        {QByteArray("crlf:\r\nkey"), QByteArray("line1\r\nline2\n\r")},
        {QByteArray("html:<b>x</b>"), QByteArray("<img src=x onerror=alert(1)>")},
        {QByteArray("big:1mb"), big},
        {QByteArray("empty"), QByteArray("")},
    };
    for (const auto &[key, value] : cases) {
        QCOMPARE(blockingCall(connection, {"SET", key, value}), RedisReply::status("OK"));
        QCOMPARE(blockingCall(connection, {"GET", key}), RedisReply::bulk(value));
        QCOMPARE(blockingCall(connection, {"STRLEN", key}), RedisReply::integer(value.size()));
    }
    // SCAN hands the binary key back byte-exact too.
    const RedisReply scan =
        blockingCall(connection, {"SCAN", "0", "MATCH", QByteArray("nul\0*", 5), "COUNT", "1000"});
    QVERIFY(scan.isArray());
    QVERIFY(scan.elements().at(1).elements().contains(RedisReply::bulk(QByteArray("nul\0key", 7))));
}

void TestRedisConnection::serverKilledMidCommandThenReconnects()
{
    EmbeddedServer server;
    server.start();
    QTRY_VERIFY_WITH_TIMEOUT(server.isReady(), 10000);
    const quint16 port = server.port();

    RedisConnection connection(server.connectionConfig());
    QVERIFY(openAndWait(connection));
    auto result = std::make_shared<std::optional<RedisReply>>();
    connection.command({"DEBUG", "SLEEP", "5"}, nullptr, [result](const RedisReply &r) { *result = r; });
    QTest::qWait(100);
    ::kill(pid_t(server.processId()), SIGKILL);
    QTRY_VERIFY_WITH_TIMEOUT(result->has_value(), 5000);
    QVERIFY((*result)->isFailure());
    QVERIFY2((*result)->errorMessage().contains(QLatin1String("closed the connection")),
             qPrintable((*result)->errorMessage()));
    QCOMPARE(connection.lastError().kind, ConnectionError::Kind::Closed);
    QTRY_COMPARE_WITH_TIMEOUT(connection.state(), RedisConnection::State::WaitingToReconnect, 5000);

    // The same port comes back: the connection finds it by itself.
    server.stop();
    EmbeddedServer::Options options;
    options.port = port;
    server.setOptions(options);
    server.start();
    QTRY_VERIFY_WITH_TIMEOUT(server.isReady(), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(connection.isReady(), 15000);
    QCOMPARE(blockingCall(connection, {"PING"}), RedisReply::status("PONG"));
}

void TestRedisConnection::commandTimeoutResetsConnection()
{
    RedisConnection connection(m_server.config());
    QVERIFY(openAndWait(connection));
    const RedisReply slow = blockingCall(connection, {"DEBUG", "SLEEP", "1"}, 200);
    QVERIFY(slow.isFailure());
    QVERIFY2(slow.errorMessage().contains(QLatin1String("DEBUG SLEEP")) &&
                 slow.errorMessage().contains(QLatin1String("no reply")),
             qPrintable(slow.errorMessage()));
    QCOMPARE(connection.lastError().kind, ConnectionError::Kind::Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(connection.isReady(), 10000);
    QCOMPARE(blockingCall(connection, {"PING"}), RedisReply::status("PONG"));
}

void TestRedisConnection::nestingLimitGivesClearErrorAndReconnects()
{
    RedisConnection connection(m_server.config());
    QVERIFY(openAndWait(connection));
    // A command pipelined behind the deep reply fails too, with the same reason, never hangs.
    auto behind = std::make_shared<std::optional<RedisReply>>();
    auto docs = std::make_shared<std::optional<RedisReply>>();
    QSignalSpy errors(&connection, &RedisConnection::errorOccurred);
    connection.command({"COMMAND", "DOCS"}, nullptr, [docs](const RedisReply &r) { *docs = r; });
    connection.command({"PING"}, nullptr, [behind](const RedisReply &r) { *behind = r; });
    QTRY_VERIFY_WITH_TIMEOUT(docs->has_value() && behind->has_value(), 10000);
    QVERIFY((*docs)->isFailure());
    QVERIFY2((*docs)->errorMessage().contains(QLatin1String("nested")) &&
                 (*docs)->errorMessage().contains(QLatin1String("COMMAND DOCS")),
             qPrintable((*docs)->errorMessage()));
    QVERIFY((*behind)->isFailure());
    QCOMPARE(errors.count(), 1);
    QCOMPARE(errors.first().first().value<ConnectionError>().kind, ConnectionError::Kind::Protocol);
    QTRY_VERIFY_WITH_TIMEOUT(connection.isReady(), 10000);
    QCOMPARE(blockingCall(connection, {"PING"}), RedisReply::status("PONG"));
    // The narrow form works.
    QVERIFY(blockingCall(connection, {"COMMAND", "DOCS", "GET"}).isArray());
}

void TestRedisConnection::refusedIsClear()
{
    ConnectionConfig config;
    config.port = EmbeddedServer::freePort();
    RedisConnection connection(config);
    const ConnectionError error = waitForError(connection);
    QCOMPARE(error.kind, ConnectionError::Kind::Refused);
    QVERIFY2(error.message.contains(QStringLiteral("127.0.0.1:%1").arg(config.port)),
             qPrintable(error.message));
}

void TestRedisConnection::unknownHostIsClear()
{
    ConnectionConfig config;
    config.host = QStringLiteral("no-such-host.invalid");
    RedisConnection connection(config);
    const ConnectionError error = waitForError(connection);
    QCOMPARE(error.kind, ConnectionError::Kind::HostNotFound);
    QVERIFY2(error.message.contains(QLatin1String("no-such-host.invalid")), qPrintable(error.message));
}

void TestRedisConnection::failsFastWhenDisconnected()
{
    RedisConnection connection(m_server.config());
    QElapsedTimer timer;
    timer.start();
    const RedisReply reply = blockingCall(connection, {"PING"});
    QVERIFY(reply.isFailure());
    QVERIFY(timer.elapsed() < 1000);
    // Commands queued while connecting are sent after the handshake.
    connection.open();
    QCOMPARE(blockingCall(connection, {"PING"}), RedisReply::status("PONG"));
    connection.close();
    QCOMPARE(connection.state(), RedisConnection::State::Disconnected);
}

void TestRedisConnection::readOnlyRefusesWrites()
{
    ConnectionConfig config = m_server.config();
    config.readOnly = true;
    RedisConnection connection(config);
    QVERIFY(openAndWait(connection));
    const RedisReply write = blockingCall(connection, {"SET", "ro:key", "x"});
    QVERIFY(write.isFailure());
    QVERIFY2(write.errorMessage().contains(QLatin1String("read-only")), qPrintable(write.errorMessage()));
    QVERIFY(blockingCall(connection, {"CONFIG", "SET", "maxmemory", "1"}).isFailure());
    QVERIFY(blockingCall(connection, {"FLUSHALL"}).isFailure());
    QVERIFY(blockingCall(connection, {"GET", "ro:key"}).isNil());
    QVERIFY(blockingCall(connection, {"CONFIG", "GET", "maxmemory"}).isArray());

    RedisConnection writer(m_server.config());
    QVERIFY(openAndWait(writer));
    QVERIFY(blockingCall(writer, {"EXISTS", "ro:key"}) == RedisReply::integer(0));
}

void TestRedisConnection::skipsCallbackOfDestroyedContext()
{
    RedisConnection connection(m_server.config());
    QVERIFY(openAndWait(connection));
    auto called = std::make_shared<bool>(false);
    {
        QObject context;
        connection.command({"PING"}, &context, [called](const RedisReply &) { *called = true; });
    }
    QCOMPARE(blockingCall(connection, {"PING"}), RedisReply::status("PONG"));
    QVERIFY(!*called);
}

void TestRedisConnection::namesItself()
{
    ConnectionConfig config = m_server.config();
    config.clientName = QStringLiteral("keyscope-test");
    RedisConnection connection(config);
    QVERIFY(openAndWait(connection));
    QCOMPARE(blockingCall(connection, {"CLIENT", "GETNAME"}), RedisReply::bulk("keyscope-test"));
    QVERIFY(connection.isReady());
    auto micros = std::make_shared<qint64>(-1);
    connection.ping(nullptr, [micros](qint64 us, const RedisReply &) { *micros = us; });
    QTRY_VERIFY(*micros >= 0);
}

QTEST_GUILESS_MAIN(TestRedisConnection)
#include "tst_redisconnection.moc"
