#include "blockingcall.h"
#include "keyoperations.h"
#include "redisconnection.h"
#include "testserver.h"

#include <memory>
#include <optional>
#include <QDateTime>
#include <QSignalSpy>
#include <QTest>

using Outcome = KeyOperations::Outcome;
using Type = KeyOperations::Type;

class TestKeyOperations : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void createsEveryType_data();
    void createsEveryType();
    void createNeverOverwrites();
    void createWithTtl();
    void renameRefusesToOverwrite();
    void renameOverwritesWhenAsked();
    void renameMissingKey();
    void removeIsByteExact();
    void readOnlyConnectionCannotWrite();
    void setsAndRemovesExpiry();

private:
    template <typename Call> KeyOperations::Result wait(Call call)
    {
        std::optional<KeyOperations::Result> result;
        call([&result](const KeyOperations::Result &r) { result = r; });
        if (!QTest::qWaitFor([&result] { return result.has_value(); }, 10000))
            return {Outcome::Failed, QStringLiteral("no callback"), 0};
        return *result;
    }

    TestServer m_server;
    std::unique_ptr<RedisConnection> m_connection;
    std::unique_ptr<KeyOperations> m_operations;
};

void TestKeyOperations::initTestCase()
{
    QVERIFY(m_server.start());
    QVERIFY((m_connection = m_server.connect()));
    m_operations = std::make_unique<KeyOperations>(m_connection.get());
}

void TestKeyOperations::init()
{
    QCOMPARE(blockingCall(*m_connection, {"FLUSHALL"}), RedisReply::status("OK"));
}

void TestKeyOperations::createsEveryType_data()
{
    QTest::addColumn<int>("type");
    QTest::addColumn<QByteArray>("typeName");
    QTest::addColumn<QList<QByteArray>>("read");
    QTest::addColumn<RedisReply>("expected");
    const QByteArray value("v\x00\xff<b>", 6);
    QTest::newRow("string") << int(Type::String) << QByteArray("string") << QList<QByteArray>{"GET"}
                            << RedisReply::bulk(value);
    QTest::newRow("list") << int(Type::List) << QByteArray("list") << QList<QByteArray>{"LRANGE", "0", "-1"}
                          << RedisReply::array({RedisReply::bulk(value)});
    QTest::newRow("set") << int(Type::Set) << QByteArray("set") << QList<QByteArray>{"SMEMBERS"}
                         << RedisReply::array({RedisReply::bulk(value)});
    QTest::newRow("zset") << int(Type::SortedSet) << QByteArray("zset")
                          << QList<QByteArray>{"ZRANGE", "0", "-1", "WITHSCORES"}
                          << RedisReply::array({RedisReply::bulk(value), RedisReply::bulk("2.5")});
    QTest::newRow("hash") << int(Type::Hash) << QByteArray("hash") << QList<QByteArray>{"HGETALL"}
                          << RedisReply::array({RedisReply::bulk("f\x01"), RedisReply::bulk(value)});
    QTest::newRow("stream") << int(Type::Stream) << QByteArray("stream") << QList<QByteArray>{"XLEN"}
                            << RedisReply::integer(1);
}

void TestKeyOperations::createsEveryType()
{
    QFETCH(int, type);
    QFETCH(QByteArray, typeName);
    QFETCH(QList<QByteArray>, read);
    QFETCH(RedisReply, expected);
    const QByteArray name("new:\xfe\x00key", 9);
    KeyOperations::NewKey key;
    key.name = name;
    key.type = Type(type);
    key.field = "f\x01";
    key.value = QByteArray("v\x00\xff<b>", 6);
    key.score = 2.5;
    const auto result = wait([&](auto cb) { m_operations->create(key, this, cb); });
    QCOMPARE(int(result.outcome), int(Outcome::Done));
    QCOMPARE(KeyOperations::typeName(Type(type)), typeName);
    QCOMPARE(blockingCall(*m_connection, {"TYPE", name}), RedisReply::status(typeName));
    read.insert(1, name);
    QCOMPARE(blockingCall(*m_connection, read), expected);
    QCOMPARE(blockingCall(*m_connection, {"TTL", name}), RedisReply::integer(-1));
}

void TestKeyOperations::createNeverOverwrites()
{
    QCOMPARE(blockingCall(*m_connection, {"SET", "taken", "original"}), RedisReply::status("OK"));
    KeyOperations::NewKey key;
    key.name = "taken";
    key.type = Type::Hash;
    key.field = "f";
    key.value = "v";
    const auto result = wait([&](auto cb) { m_operations->create(key, this, cb); });
    QCOMPARE(int(result.outcome), int(Outcome::AlreadyExists));
    QCOMPARE(result.message, QString("A key named “taken” already exists."));
    QCOMPARE(blockingCall(*m_connection, {"GET", "taken"}), RedisReply::bulk("original"));
}

void TestKeyOperations::createWithTtl()
{
    KeyOperations::NewKey key;
    key.name = "expiring";
    key.type = Type::Set;
    key.value = "m";
    key.ttlSeconds = 300;
    QCOMPARE(int(wait([&](auto cb) { m_operations->create(key, this, cb); }).outcome), int(Outcome::Done));
    const qint64 ttl = blockingCall(*m_connection, {"TTL", "expiring"}).toInteger();
    QVERIFY2(ttl > 290 && ttl <= 300, qPrintable(QString::number(ttl)));
}

void TestKeyOperations::renameRefusesToOverwrite()
{
    QCOMPARE(blockingCall(*m_connection, {"SET", "a", "1"}), RedisReply::status("OK"));
    QCOMPARE(blockingCall(*m_connection, {"SET", "b", "2"}), RedisReply::status("OK"));
    const auto result = wait([&](auto cb) { m_operations->rename("a", "b", false, this, cb); });
    QCOMPARE(int(result.outcome), int(Outcome::AlreadyExists));
    QCOMPARE(blockingCall(*m_connection, {"GET", "a"}), RedisReply::bulk("1"));
    QCOMPARE(blockingCall(*m_connection, {"GET", "b"}), RedisReply::bulk("2"));
    // A free name: renamed, byte-exact.
    const QByteArray binary("c\x00\x80", 3);
    QCOMPARE(int(wait([&](auto cb) { m_operations->rename("a", binary, false, this, cb); }).outcome),
             int(Outcome::Done));
    QCOMPARE(blockingCall(*m_connection, {"GET", binary}), RedisReply::bulk("1"));
    QCOMPARE(blockingCall(*m_connection, {"EXISTS", "a"}), RedisReply::integer(0));
}

void TestKeyOperations::renameOverwritesWhenAsked()
{
    QCOMPARE(blockingCall(*m_connection, {"SET", "a", "1"}), RedisReply::status("OK"));
    QCOMPARE(blockingCall(*m_connection, {"SET", "b", "2"}), RedisReply::status("OK"));
    QCOMPARE(int(wait([&](auto cb) { m_operations->rename("a", "b", true, this, cb); }).outcome),
             int(Outcome::Done));
    QCOMPARE(blockingCall(*m_connection, {"GET", "b"}), RedisReply::bulk("1"));
    QCOMPARE(blockingCall(*m_connection, {"EXISTS", "a"}), RedisReply::integer(0));
}

void TestKeyOperations::renameMissingKey()
{
    const auto result = wait([&](auto cb) { m_operations->rename("gone", "b", false, this, cb); });
    QCOMPARE(int(result.outcome), int(Outcome::Failed));
    QCOMPARE(result.message, QString("Could not rename “gone”: “gone” no longer exists."));
}

void TestKeyOperations::removeIsByteExact()
{
    const QByteArray star("a*");
    for (const QByteArray &key : {star, QByteArray("ab"), QByteArray("a\x00", 2)})
        QCOMPARE(blockingCall(*m_connection, {"SET", key, "v"}), RedisReply::status("OK"));
    const auto result = wait([&](auto cb) { m_operations->remove({star, QByteArray("missing")}, this, cb); });
    QCOMPARE(int(result.outcome), int(Outcome::Done));
    QCOMPARE(result.count, 1);
    QCOMPARE(blockingCall(*m_connection, {"EXISTS", star}), RedisReply::integer(0));
    QCOMPARE(blockingCall(*m_connection, {"DBSIZE"}), RedisReply::integer(2));
    QCOMPARE(wait([&](auto cb) { m_operations->remove({QByteArray("a\x00", 2)}, this, cb); }).count, 1);
    QCOMPARE(blockingCall(*m_connection, {"KEYS", "*"}), RedisReply::array({RedisReply::bulk("ab")}));
}

void TestKeyOperations::readOnlyConnectionCannotWrite()
{
    QCOMPARE(blockingCall(*m_connection, {"SET", "a", "1"}), RedisReply::status("OK"));
    ConnectionConfig config = m_server.config();
    config.readOnly = true;
    RedisConnection readOnly(config);
    readOnly.open();
    QTRY_VERIFY_WITH_TIMEOUT(readOnly.isReady(), 10000);
    KeyOperations operations(&readOnly);
    const auto removed = wait([&](auto cb) { operations.remove({"a"}, this, cb); });
    QCOMPARE(int(removed.outcome), int(Outcome::Failed));
    QVERIFY2(removed.message.contains("read-only"), qPrintable(removed.message));
    const auto renamed = wait([&](auto cb) { operations.rename("a", "b", true, this, cb); });
    QCOMPARE(int(renamed.outcome), int(Outcome::Failed));
    KeyOperations::NewKey key;
    key.name = "new";
    key.value = "v";
    QCOMPARE(int(wait([&](auto cb) { operations.create(key, this, cb); }).outcome), int(Outcome::Failed));
    QCOMPARE(blockingCall(*m_connection, {"KEYS", "*"}), RedisReply::array({RedisReply::bulk("a")}));
}

void TestKeyOperations::setsAndRemovesExpiry()
{
    using Kind = KeyOperations::Expiry::Kind;
    QCOMPARE(blockingCall(*m_connection, {"SET", "k", "v"}), RedisReply::status("OK"));
    const auto set = [this](KeyOperations::Expiry expiry) {
        return wait([&](auto cb) { m_operations->setExpiry("k", expiry, this, cb); });
    };
    QCOMPARE(int(set({Kind::InSeconds, 100}).outcome), int(Outcome::Done));
    QCOMPARE(blockingCall(*m_connection, {"TTL", "k"}), RedisReply::integer(100));
    QCOMPARE(int(set({Kind::InMs, 50000}).outcome), int(Outcome::Done));
    qint64 pttl = blockingCall(*m_connection, {"PTTL", "k"}).toInteger();
    QVERIFY2(pttl > 49000 && pttl <= 50000, qPrintable(QString::number(pttl)));
    const qint64 at = QDateTime::currentSecsSinceEpoch() + 1000;
    QCOMPARE(int(set({Kind::AtSeconds, at}).outcome), int(Outcome::Done));
    QCOMPARE(blockingCall(*m_connection, {"EXPIRETIME", "k"}), RedisReply::integer(at));
    QCOMPARE(int(set({Kind::AtMs, at * 1000 + 500}).outcome), int(Outcome::Done));
    QCOMPARE(blockingCall(*m_connection, {"PEXPIRETIME", "k"}), RedisReply::integer(at * 1000 + 500));
    QCOMPARE(int(set({Kind::Persist, 0}).outcome), int(Outcome::Done));
    QCOMPARE(blockingCall(*m_connection, {"TTL", "k"}), RedisReply::integer(-1));
    QCOMPARE(int(set({Kind::Persist, 0}).outcome), int(Outcome::Done)); // no TTL: nothing to do
    const auto gone = wait([&](auto cb) { m_operations->setExpiry("gone", {Kind::InSeconds, 5}, this, cb); });
    QCOMPARE(int(gone.outcome), int(Outcome::Failed));
    QCOMPARE(gone.message, QString("Could not change the TTL: “gone” no longer exists."));
}

QTEST_GUILESS_MAIN(TestKeyOperations)
#include "tst_keyoperations.moc"
