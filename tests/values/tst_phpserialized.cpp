#include "phpserialized.h"
#include "valuedecoder.h"

#include <QFile>
#include <QTest>

namespace {

// What PHP 8.2's own serialize() and session encoder wrote (tests/values/php/capture.php).
QByteArray sample(const QString &name)
{
    QFile file(QFINDTESTDATA("php/" + name + ".ser"));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QString text(const QString &name)
{
    const PhpSerialized::Reading r = PhpSerialized::read(sample(name));
    return r.ok ? r.text : QStringLiteral("ERROR: ") + r.error;
}

} // namespace

class TestPhpSerialized : public QObject
{
    Q_OBJECT
private slots:
    void cacheArray();
    void objectWithProtectedAndPrivate();
    void binaryEnumReferencesFloats();
    void session();
    void valueDecoderOffersIt();
    void malformedAndHostile();
};

void TestPhpSerialized::cacheArray()
{
    QCOMPARE(text("cache-array"),
             QString("{\n  \"status\": \"running\",\n  \"progress\": 42,\n  \"ratio\": 0.5,\n"
                     "  \"ok\": true,\n  \"none\": null,\n  \"7\": \"seven\",\n"
                     "  \"nested\": {\n    \"0\": \"a\",\n    \"1\": \"b\"\n  }\n}"));
}

void TestPhpSerialized::objectWithProtectedAndPrivate()
{
    const QString t = text("object");
    QVERIFY2(t.startsWith("{\n  \"__class\": \"Progress\",\n  \"batch\": 123,"), qPrintable(t));
    // PHP names protected members "\0*\0done" and private ones "\0Progress\0total": shown byte-exact.
    QVERIFY2(t.contains("\"\\u0000*\\u0000done\": 40"), qPrintable(t));
    QVERIFY2(t.contains("\"\\u0000Progress\\u0000total\": 100"), qPrintable(t));
    QVERIFY(t.contains(QString::fromUtf8("\"h\xc3\xa9llo\"")));
    QVERIFY(t.contains("\"<b>bold</b>\"")); // HTML stays the characters it is
}

void TestPhpSerialized::binaryEnumReferencesFloats()
{
    QCOMPARE(text("binary"), QString("{\n  \"blob\": \"\\0\\x01\\xff\\xfe\"\n}"));
    QCOMPARE(text("enum"), QString("{\n  \"suit\": <enum Suit:Hearts>\n}"));
    QVERIFY2(text("references").contains("\"1\": <reference 2>"), qPrintable(text("references")));
    const QString floats = text("floats");
    QVERIFY2(floats.contains("INF") && floats.contains("-INF") && floats.contains("1.0E-10"),
             qPrintable(floats));
}

void TestPhpSerialized::session()
{
    QCOMPARE(text("session"), QString("{\n  \"user_id\": 5,\n  \"cart\": {\n    \"sku-1\": 2\n  },\n"
                                      "  \"flash\": \"Saved <b>ok</b>\"\n}"));
}

void TestPhpSerialized::valueDecoderOffersIt()
{
    const QList<ValueDecoder::Decoding> d = ValueDecoder::decode(sample("object"));
    QCOMPARE(d.size(), 1);
    QCOMPARE(d[0].label, QString("PHP serialize"));
    const QList<ValueDecoder::Decoding> b = ValueDecoder::decode(sample("session").toBase64());
    QCOMPARE(b.size(), 2);
    QCOMPARE(b[1].label, QString("base64 → PHP serialize"));
    QVERIFY(ValueDecoder::decode("a:plain sentence: not PHP").isEmpty());
    QVERIFY(ValueDecoder::decode("key|value").isEmpty());
}

void TestPhpSerialized::malformedAndHostile()
{
    QVERIFY(!PhpSerialized::read("a:1:{s:1:\"a\";").ok);        // ends early
    QVERIFY(!PhpSerialized::read("s:10:\"short\";").ok);        // declared length past the end
    QVERIFY(!PhpSerialized::read("a:99999999:{}").ok);          // more entries than bytes
    QVERIFY(!PhpSerialized::read("a:1:{i:0;i:1;}trailing").ok); // bytes after the value
    QVERIFY(PhpSerialized::read("a:1:{i:0;i:1;}trailing").error.contains("8 byte(s) follow"));
    QVERIFY(!PhpSerialized::read("O:8:\"stdClass\":1:{x:1;i:0;}").ok); // a key that is neither i nor s
    QVERIFY(!PhpSerialized::read("i:12abc;").ok);
    // Deep nesting stops at the cap instead of recursing on.
    QByteArray deep;
    for (int i = 0; i < 100'000; ++i)
        deep += "a:1:{i:0;";
    const PhpSerialized::Reading r = PhpSerialized::read(deep);
    QVERIFY(!r.ok);
    QVERIFY2(r.error.contains("deeper than 64"), qPrintable(r.error));
    // Output is capped: 200,000 entries of 10 bytes.
    QByteArray big = "a:200000:{";
    for (int i = 0; i < 200'000; ++i)
        big += "i:" + QByteArray::number(i) + ";s:8:\"xxxxxxxx\";";
    big += "}";
    const PhpSerialized::Reading capped = PhpSerialized::read(big);
    QVERIFY(capped.ok);
    QVERIFY(capped.truncated);
    QCOMPARE(capped.text.size(), PhpSerialized::kMaxTextChars);
}

QTEST_GUILESS_MAIN(TestPhpSerialized)
#include "tst_phpserialized.moc"
