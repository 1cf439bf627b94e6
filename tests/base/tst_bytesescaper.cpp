#include "bytesescaper.h"

#include <QTest>

class TestBytesEscaper : public QObject
{
    Q_OBJECT
private slots:
    void quotedJson();
    void escape_data();
    void escape();
    void roundTripsEveryByte();
    void rejectsMalformed();
    void patternKeepsGlobEscapes();
    void patternRoundTripsEveryGlob();
    void readable();
};

void TestBytesEscaper::escape_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("shown");
    QTest::newRow("ascii") << QByteArray("app:user:42") << QStringLiteral("app:user:42");
    QTest::newRow("utf8") << QByteArray("caf\xc3\xa9") << QStringLiteral("café");
    QTest::newRow("nul-crlf") << QByteArray("a\0\r\n", 4) << QStringLiteral("a\\0\\r\\n");
    QTest::newRow("invalid-utf8") << QByteArray("\xff\xc3") << QStringLiteral("\\xff\\xc3");
    QTest::newRow("quote-backslash") << QByteArray("\"\\") << QStringLiteral("\\\"\\\\");
    QTest::newRow("html") << QByteArray("<b>x</b>") << QStringLiteral("<b>x</b>");
    QTest::newRow("bidi-override") << QByteArray("\xe2\x80\xae") << QStringLiteral("\\xe2\\x80\\xae");
}

void TestBytesEscaper::escape()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, shown);
    QCOMPARE(BytesEscaper::escape(bytes), shown);
    QCOMPARE(BytesEscaper::unescape(shown), std::optional<QByteArray>(bytes));
}

void TestBytesEscaper::roundTripsEveryByte()
{
    QByteArray all;
    for (int i = 0; i < 256; ++i)
        all += char(i);
    all += "\xf0\x9f\x98\x80 \xe2\x82\xac"; // emoji and euro sign stay readable
    const QString shown = BytesEscaper::escape(all);
    QVERIFY(shown.contains(QStringLiteral("😀 €")));
    QCOMPARE(BytesEscaper::unescape(shown), std::optional<QByteArray>(all));
}

void TestBytesEscaper::rejectsMalformed()
{
    QCOMPARE(BytesEscaper::unescape(QStringLiteral("\\x4")), std::nullopt);
    QCOMPARE(BytesEscaper::unescape(QStringLiteral("\\q")), std::nullopt);
    QCOMPARE(BytesEscaper::unescape(QStringLiteral("tail\\")), std::nullopt);
}

void TestBytesEscaper::patternKeepsGlobEscapes()
{
    // \xHH is a byte; every other backslash pair reaches the server as typed.
    QCOMPARE(BytesEscaper::unescapePattern(QStringLiteral("a\\*b\\[1\\]\\\\\\xff*")),
             std::optional<QByteArray>(QByteArray("a\\*b\\[1\\]\\\\\xff*")));
    QCOMPARE(BytesEscaper::unescapePattern(QStringLiteral("caf\u00e9:*")),
             std::optional<QByteArray>("caf\xc3\xa9:*"));
    QCOMPARE(BytesEscaper::unescapePattern(QStringLiteral("\\x4")), std::nullopt);
    QCOMPARE(BytesEscaper::unescapePattern(QStringLiteral("tail\\")), std::nullopt);
    QCOMPARE(BytesEscaper::escapePattern("app\\[1\\]:*"), QStringLiteral("app\\[1\\]:*"));
    QCOMPARE(BytesEscaper::escapePattern(QByteArray("\\x\n\\\x01", 5)),
             QStringLiteral("\\x5cx\\x0a\\x5c\\x01"));
}

void TestBytesEscaper::patternRoundTripsEveryGlob()
{
    // Every byte, alone and after a backslash, survives escapePattern -> unescapePattern.
    QByteArray all;
    for (int i = 0; i < 256; ++i)
        all += char(i);
    for (int i = 0; i < 256; ++i)
        all += '\\' + QByteArray(1, char(i));
    all += '\\';
    QCOMPARE(BytesEscaper::unescapePattern(BytesEscaper::escapePattern(all)), std::optional<QByteArray>(all));
}

void TestBytesEscaper::readable()
{
    const QByteArray json = "{\"a\":\"b\\\"c\"}";
    QCOMPARE(BytesEscaper::readable(json), QString::fromLatin1(json)); // JSON stays as it is
    QCOMPARE(BytesEscaper::readable("caf\xc3\xa9\tx"), QString::fromUtf8("caf\xc3\xa9\tx"));
    QCOMPARE(BytesEscaper::readable("two\nlines"), QString("two\\nlines"));
    QCOMPARE(BytesEscaper::readable("two\nlines", true), QString("two\nlines"));
    QCOMPARE(BytesEscaper::readable(QByteArray("\x00\xff", 2)), QString("\\0\\xff"));
    QCOMPARE(BytesEscaper::readable("bad \xc3 utf8"), QString("bad \\xc3 utf8"));
}

void TestBytesEscaper::quotedJson()
{
    QCOMPARE(BytesEscaper::quotedJson("a\"b\n"), QString("\"a\\\"b\\n\""));
    QCOMPARE(BytesEscaper::quotedJson(QByteArray("\x01", 1)), QString("\"\\u0001\""));
    QCOMPARE(BytesEscaper::quotedJson(QByteArray::fromHex("68c3a9")), QString::fromUtf8("\"h\xc3\xa9\""));
    QCOMPARE(BytesEscaper::quotedJson(QByteArray::fromHex("ff41")), QString("\"\\xffA\""));
}

QTEST_GUILESS_MAIN(TestBytesEscaper)
#include "tst_bytesescaper.moc"
