#include "blockingcall.h"
#include "clusterslot.h"
#include "redisconnection.h"
#include "testserver.h"

#include <memory>
#include <QRandomGenerator>
#include <QTest>

class TestClusterSlot : public QObject
{
    Q_OBJECT
private slots:
    void crc16Vectors_data();
    void crc16Vectors();
    void hashTags_data();
    void hashTags();
    void knownSlots_data();
    void knownSlots();
    void matchesServerKeyslot();
};

void TestClusterSlot::crc16Vectors_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("crc");
    // The check value of CRC16-XMODEM; the others cross-checked with Python (binascii.crc_hqx).
    QTest::newRow("check value") << QByteArray("123456789") << 0x31C3;
    QTest::newRow("empty") << QByteArray() << 0;
    QTest::newRow("A") << QByteArray("A") << 0x58E5;
    QTest::newRow("zero byte") << QByteArray(1, '\0') << 0;
    QTest::newRow("0xff") << QByteArray(1, '\xff') << 0x1EF0;
}

void TestClusterSlot::crc16Vectors()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, crc);
    QCOMPARE(int(ClusterSlot::crc16(bytes)), crc);
}

void TestClusterSlot::hashTags_data()
{
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<QByteArray>("hashed");
    QTest::newRow("no braces") << QByteArray("user:1") << QByteArray("user:1");
    QTest::newRow("tag") << QByteArray("{user:1}:cart") << QByteArray("user:1");
    QTest::newRow("tag in the middle") << QByteArray("a{b}c") << QByteArray("b");
    QTest::newRow("empty tag") << QByteArray("{}") << QByteArray("{}");
    QTest::newRow("empty tag then tag") << QByteArray("foo{}{bar}") << QByteArray("foo{}{bar}");
    QTest::newRow("nested") << QByteArray("{{a}}") << QByteArray("{a");
    QTest::newRow("first tag wins") << QByteArray("a{b}{c}") << QByteArray("b");
    QTest::newRow("only open") << QByteArray("{") << QByteArray("{");
    QTest::newRow("open without close") << QByteArray("a{bc") << QByteArray("a{bc");
    QTest::newRow("close before open") << QByteArray("a}b{c") << QByteArray("a}b{c");
    QTest::newRow("close, open, close") << QByteArray("}{x}") << QByteArray("x");
    QTest::newRow("binary tag") << QByteArray("\x00{\xff\x00}\x01", 6) << QByteArray("\xff\x00", 2);
    QTest::newRow("empty key") << QByteArray() << QByteArray();
}

void TestClusterSlot::hashTags()
{
    QFETCH(QByteArray, key);
    QFETCH(QByteArray, hashed);
    QCOMPARE(ClusterSlot::hashedPart(key).toByteArray(), hashed);
    QCOMPARE(ClusterSlot::slotOf(key), ClusterSlot::slotOf(hashed));
}

void TestClusterSlot::knownSlots_data()
{
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<int>("slot");
    // Values from the Redis Cluster specification and redis-cli's CLUSTER KEYSLOT.
    QTest::newRow("123456789") << QByteArray("123456789") << 12739;
    QTest::newRow("foo") << QByteArray("foo") << 12182;
    QTest::newRow("bar") << QByteArray("bar") << 5061;
    QTest::newRow("hello") << QByteArray("hello") << 866;
    QTest::newRow("{user1000}.following") << QByteArray("{user1000}.following") << 3443;
    QTest::newRow("{user1000}.followers") << QByteArray("{user1000}.followers") << 3443;
    QTest::newRow("empty") << QByteArray() << 0;
}

void TestClusterSlot::knownSlots()
{
    QFETCH(QByteArray, key);
    QFETCH(int, slot);
    QCOMPARE(ClusterSlot::slotOf(key), slot);
}

// CLUSTER KEYSLOT on a real cluster-enabled redis-server, for hash-tag edge cases and random
// binary keys (braces made frequent on purpose).
void TestClusterSlot::matchesServerKeyslot()
{
    TestServer server;
    QVERIFY(server.start({QStringLiteral("--cluster-enabled"), QStringLiteral("yes")}));
    const std::unique_ptr<RedisConnection> connection = server.connect();
    QVERIFY(connection);

    QList<QByteArray> keys{"{}",    "{{a}}",   "a{b}{c}",   "{",          "}",
                           "{}{a}", "a{}b{c}", "{a}",       "}{a}",       "{a}}",
                           "{{}}",  "x{y{z}}", "123456789", QByteArray(), QByteArray("\0{\0}", 4)};
    QRandomGenerator random(7);
    const char alphabet[] = {'{', '}', 'a', 'b', '\0', '\xff', '\x80', ':'};
    for (int i = 0; i < 2000; ++i) {
        QByteArray key(int(random.bounded(12)), '\0');
        for (char &c : key)
            c = random.bounded(3) == 0 ? char(random.bounded(256)) : alphabet[random.bounded(8)];
        keys.append(key);
    }

    int remaining = int(keys.size());
    QList<int> serverSlots(keys.size(), -1);
    for (qsizetype i = 0; i < keys.size(); ++i) {
        connection->command(
            {"CLUSTER", "KEYSLOT", keys[i]}, nullptr, [&serverSlots, &remaining, i](const RedisReply &reply) {
                serverSlots[i] = reply.type() == RedisReply::Type::Integer ? int(reply.toInteger()) : -2;
                --remaining;
            });
    }
    QTRY_COMPARE_WITH_TIMEOUT(remaining, 0, 20000);
    for (qsizetype i = 0; i < keys.size(); ++i) {
        if (ClusterSlot::slotOf(keys[i]) != serverSlots[i])
            QFAIL(qPrintable(QStringLiteral("key %1 (hex %2): ours %3, server %4")
                                 .arg(i)
                                 .arg(QString::fromLatin1(keys[i].toHex()))
                                 .arg(ClusterSlot::slotOf(keys[i]))
                                 .arg(serverSlots[i])));
    }
}

QTEST_GUILESS_MAIN(TestClusterSlot)
#include "tst_clusterslot.moc"
