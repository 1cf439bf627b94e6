#include "rediscommand.h"
#include "respreader.h"

#include <QTest>

class TestRespReader : public QObject
{
    Q_OBJECT
private slots:
    void parsesEveryType();
    void parsesByteByByte();
    void bulkIsBinarySafe();
    void nestingLimitPoisonsReader();
    void garbageIsProtocolError();
    void hugeArrayCountIsRefused();
    void encodesArgvBinarySafe();
};

void TestRespReader::parsesEveryType()
{
    RespReader reader;
    reader.feed(QByteArrayLiteral("+OK\r\n-ERR bad\r\n:42\r\n$3\r\nfoo\r\n$-1\r\n*2\r\n:1\r\n*0\r\n*-1\r\n"));
    QList<RedisReply> replies;
    QVERIFY(reader.takeReplies(replies));
    QCOMPARE(replies.size(), 7);
    QCOMPARE(replies[0], RedisReply::status("OK"));
    QCOMPARE(replies[1], RedisReply::error("ERR bad"));
    QCOMPARE(replies[2], RedisReply::integer(42));
    QCOMPARE(replies[3], RedisReply::bulk("foo"));
    QVERIFY(replies[4].isNil());
    QCOMPARE(replies[5], RedisReply::array({RedisReply::integer(1), RedisReply::array({})}));
    QVERIFY(replies[6].isNil());
    QCOMPARE(replies[1].errorMessage(), QStringLiteral("ERR bad"));
}

void TestRespReader::parsesByteByByte()
{
    const QByteArray wire = QByteArrayLiteral("*3\r\n$5\r\nhello\r\n:-7\r\n+PONG\r\n");
    RespReader reader;
    QList<RedisReply> replies;
    for (char c : wire) {
        QVERIFY(replies.isEmpty());
        reader.feed(&c, 1);
        QVERIFY(reader.takeReplies(replies));
    }
    QCOMPARE(replies.size(), 1);
    QCOMPARE(replies[0].elements().size(), 3);
    QCOMPARE(replies[0].elements()[1].toInteger(), -7);
}

void TestRespReader::bulkIsBinarySafe()
{
    const QByteArray value("a\0b\r\n\xff\xfe", 7);
    RespReader reader;
    reader.feed("$7\r\n" + value + "\r\n");
    QList<RedisReply> replies;
    QVERIFY(reader.takeReplies(replies));
    QCOMPARE(replies.size(), 1);
    QCOMPARE(replies[0].bytes(), value);
}

void TestRespReader::nestingLimitPoisonsReader()
{
    // Nine levels of arrays: deeper than hiredis 0.14 (7) and 1.x (also bounded) accept.
    QByteArray wire;
    for (int i = 0; i < 9; ++i)
        wire += "*1\r\n";
    wire += ":1\r\n";
    RespReader reader;
    reader.feed(wire);
    QList<RedisReply> replies;
    QVERIFY(!reader.takeReplies(replies));
    QVERIFY(reader.hasError());
    QVERIFY2(reader.errorString().contains(QLatin1String("nested")), qPrintable(reader.errorString()));
    // Poisoned until reset, then usable again.
    reader.feed(QByteArrayLiteral("+OK\r\n"));
    QVERIFY(!reader.takeReplies(replies));
    reader.reset();
    reader.feed(QByteArrayLiteral("+OK\r\n"));
    QVERIFY(reader.takeReplies(replies));
    QCOMPARE(replies, QList<RedisReply>{RedisReply::status("OK")});
}

void TestRespReader::garbageIsProtocolError()
{
    RespReader reader;
    reader.feed(QByteArrayLiteral("?what\r\n"));
    QList<RedisReply> replies;
    QVERIFY(!reader.takeReplies(replies));
    QVERIFY(reader.errorString().startsWith(QLatin1String("Protocol error")));
}

void TestRespReader::hugeArrayCountIsRefused()
{
    // Twelve bytes that would make hiredis reserve gigabytes for the element table.
    RespReader reader;
    reader.feed(QByteArrayLiteral("*300000000\r\n"));
    QList<RedisReply> replies;
    QVERIFY(!reader.takeReplies(replies));
    QVERIFY2(reader.errorString().contains(QLatin1String("300000000")), qPrintable(reader.errorString()));
    // Arrays under the cap still parse.
    reader.reset();
    reader.feed(QByteArrayLiteral("*2\r\n$1\r\na\r\n*0\r\n"));
    QVERIFY(reader.takeReplies(replies));
    QCOMPARE(replies.size(), 1);
}

void TestRespReader::encodesArgvBinarySafe()
{
    const QByteArray key("k\0\n", 3);
    const char expected[] = "*3\r\n$3\r\nSET\r\n$3\r\nk\0\n\r\n$0\r\n\r\n";
    QCOMPARE(RedisCommand::encode({"SET", key, ""}), QByteArray(expected, sizeof(expected) - 1));
    QCOMPARE(RedisCommand::describe({"get", QByteArray("a\nb")}), QStringLiteral("GET a\\nb"));
}

QTEST_GUILESS_MAIN(TestRespReader)
#include "tst_respreader.moc"
