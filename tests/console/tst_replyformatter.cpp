#include "redisreply.h"
#include "replyformatter.h"

#include <QTest>

namespace {
RedisReply bulks(int n)
{
    QList<RedisReply> elements;
    for (int i = 1; i <= n; ++i)
        elements.append(RedisReply::bulk(QByteArray::number(i)));
    return RedisReply::array(elements);
}
} // namespace

class TestReplyFormatter : public QObject
{
    Q_OBJECT
private slots:
    void format_data();
    void format();
    void truncation_data();
    void truncation();
    void raw();
};

void TestReplyFormatter::format_data()
{
    QTest::addColumn<RedisReply>("reply");
    QTest::addColumn<QString>("text");

    QTest::newRow("status") << RedisReply::status("OK") << "OK";
    QTest::newRow("bulk") << RedisReply::bulk("value") << "\"value\"";
    QTest::newRow("empty bulk") << RedisReply::bulk("") << "\"\"";
    QTest::newRow("integer") << RedisReply::integer(-42) << "(integer) -42";
    QTest::newRow("nil") << RedisReply::nil() << "(nil)";
    QTest::newRow("error") << RedisReply::error("WRONGTYPE Operation against a key")
                           << "(error) WRONGTYPE Operation against a key";
    QTest::newRow("failure") << RedisReply::failure("SET is refused: this connection is read-only.")
                             << "(error) SET is refused: this connection is read-only.";
    QTest::newRow("binary") << RedisReply::bulk(QByteArray("\x00\x01\xff\"\\\n\r\t", 8))
                            << R"("\0\x01\xff\"\\\n\r\t")";
    QTest::newRow("html stays text") << RedisReply::bulk("<script>alert(1)</script>")
                                     << "\"<script>alert(1)</script>\"";
    QTest::newRow("UTF-8 kept") << RedisReply::bulk("clé 値") << "\"clé 値\"";
    QTest::newRow("empty array") << RedisReply::array({}) << "(empty array)";
    QTest::newRow("array") << RedisReply::array(
                                  {RedisReply::bulk("a"), RedisReply::integer(1), RedisReply::nil()})
                           << "1) \"a\"\n2) (integer) 1\n3) (nil)";
    QTest::newRow("nested") << RedisReply::array(
                                   {RedisReply::array(
                                        {RedisReply::bulk("x"),
                                         RedisReply::array({RedisReply::bulk("y"), RedisReply::bulk("z")})}),
                                    RedisReply::bulk("w"), RedisReply::array({})})
                            << "1) 1) \"x\"\n"
                               "   2) 1) \"y\"\n"
                               "      2) \"z\"\n"
                               "2) \"w\"\n"
                               "3) (empty array)";
    QTest::newRow("ten or more aligned") << bulks(10)
                                         << " 1) \"1\"\n 2) \"2\"\n 3) \"3\"\n 4) \"4\"\n 5) \"5\"\n"
                                            " 6) \"6\"\n 7) \"7\"\n 8) \"8\"\n 9) \"9\"\n10) \"10\"";
}

void TestReplyFormatter::format()
{
    QFETCH(RedisReply, reply);
    QFETCH(QString, text);
    QCOMPARE(ReplyFormatter::format(reply), text);
}

void TestReplyFormatter::truncation_data()
{
    QTest::addColumn<RedisReply>("reply");
    QTest::addColumn<qsizetype>("maxElements");
    QTest::addColumn<qsizetype>("maxBulkBytes");
    QTest::addColumn<qsizetype>("maxTotalBytes");
    QTest::addColumn<QString>("text");

    QTest::newRow("elements") << bulks(5) << qsizetype(3) << qsizetype(100) << qsizetype(100)
                              << "1) \"1\"\n2) \"2\"\n3) \"3\"\n… 2 more elements not shown";
    QTest::newRow("one element") << bulks(4) << qsizetype(3) << qsizetype(100) << qsizetype(100)
                                 << "1) \"1\"\n2) \"2\"\n3) \"3\"\n… 1 more element not shown";
    QTest::newRow("nested elements count")
        << RedisReply::array({bulks(3), bulks(3)}) << qsizetype(4) << qsizetype(100) << qsizetype(100)
        << "1) 1) \"1\"\n   2) \"2\"\n   3) \"3\"\n"
           "… 1 more element not shown";
    QTest::newRow("inner array cut") << RedisReply::array({bulks(5)}) << qsizetype(3) << qsizetype(100)
                                     << qsizetype(100)
                                     << "1) 1) \"1\"\n   2) \"2\"\n   … 3 more elements not shown";
    QTest::newRow("bulk bytes") << RedisReply::bulk(QByteArray(10, 'a')) << qsizetype(10) << qsizetype(4)
                                << qsizetype(100) << "\"aaaa\" … (6 more bytes not shown)";
    QTest::newRow("no UTF-8 cut") << RedisReply::bulk("ab\xc3\xa9z") << qsizetype(10) << qsizetype(3)
                                  << qsizetype(100) << "\"ab\" … (3 more bytes not shown)";
    QTest::newRow("total bytes")
        << RedisReply::array({RedisReply::bulk("aaaa"), RedisReply::bulk("bbbb"), RedisReply::bulk("cccc")})
        << qsizetype(10) << qsizetype(4) << qsizetype(6)
        << "1) \"aaaa\"\n2) \"bb\" … (2 more bytes not shown)\n3) \"\" … (4 more bytes not shown)";
}

void TestReplyFormatter::truncation()
{
    QFETCH(RedisReply, reply);
    QFETCH(qsizetype, maxElements);
    QFETCH(qsizetype, maxBulkBytes);
    QFETCH(qsizetype, maxTotalBytes);
    QFETCH(QString, text);
    QCOMPARE(ReplyFormatter::format(reply, {maxElements, maxBulkBytes, maxTotalBytes}), text);
}

void TestReplyFormatter::raw()
{
    const QList<QByteArray> info{"info", "server"};
    QVERIFY(ReplyFormatter::prefersRaw(info));
    QVERIFY(ReplyFormatter::prefersRaw({"CLIENT", "list"}));
    QVERIFY(!ReplyFormatter::prefersRaw({"GET", "info"}));
    QCOMPARE(ReplyFormatter::format(RedisReply::bulk("# Server\r\nredis_version:7.0.15\r\n"), {}, true),
             QStringLiteral("# Server\nredis_version:7.0.15"));
    // Not clean text: escaped even in raw mode.
    QCOMPARE(ReplyFormatter::format(RedisReply::bulk(QByteArray("a\x01", 2)), {}, true),
             QStringLiteral("a\\x01"));
    // A million elements: bounded output.
    const QString big = ReplyFormatter::format(bulks(1000000));
    QVERIFY(big.size() < 20000);
    QVERIFY(big.endsWith(QStringLiteral("… 999000 more elements not shown")));
}

QTEST_GUILESS_MAIN(TestReplyFormatter)
#include "tst_replyformatter.moc"
