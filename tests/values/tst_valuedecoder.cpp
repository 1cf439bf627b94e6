#include "demodata.h"
#include "valuedecoder.h"

#include <QTest>

namespace {

QStringList labels(const QList<ValueDecoder::Decoding> &decodings)
{
    QStringList out;
    for (const auto &d : decodings)
        out.append(d.label);
    return out;
}

} // namespace

class TestValueDecoder : public QObject
{
    Q_OBJECT
private slots:
    void plainTextHasNoDecoding();
    void json();
    void gzipJson();
    void base64GzipJson();
    void zlib();
    void base64Text();
    void brokenStreamsAreNotDecoded();
    void bombIsCapped();
};

void TestValueDecoder::plainTextHasNoDecoding()
{
    QVERIFY(ValueDecoder::decode("hello world").isEmpty());
    QVERIFY(ValueDecoder::decode("").isEmpty());
    QVERIFY(ValueDecoder::decode("Administrator").isEmpty()); // a word, not base64
    QVERIFY(ValueDecoder::decode(QByteArray("\x1f\x8b", 2)).isEmpty());
}

void TestValueDecoder::json()
{
    const auto d = ValueDecoder::decode(R"({"status":"done","progress":100,"big":9007199254740993})");
    QCOMPARE(labels(d), QStringList{"JSON"});
    QVERIFY(d[0].prettyJson.contains("\n    \"progress\": 100"));
    // 64-bit integers survive the pretty printer.
    QVERIFY2(d[0].prettyJson.contains("9007199254740993"), qPrintable(d[0].prettyJson));
    QVERIFY(ValueDecoder::prettyJson("{not json").isEmpty());
    QVERIFY(ValueDecoder::prettyJson("42").isEmpty()); // scalars are shown as text
}

void TestValueDecoder::gzipJson()
{
    const QByteArray json = R"({"report":[1,2,3]})";
    const auto d = ValueDecoder::decode(DemoData::gzip(json));
    QCOMPARE(labels(d), QStringList{"gzip"});
    QCOMPARE(d[0].bytes, json);
    QVERIFY(d[0].prettyJson.contains("\"report\": ["));
    QVERIFY(!d[0].truncated);
}

void TestValueDecoder::base64GzipJson()
{
    const QByteArray json = R"({"cached":true,"items":["a","b"]})";
    const auto d = ValueDecoder::decode(DemoData::gzip(json).toBase64());
    QCOMPARE(labels(d), (QStringList{"base64", "base64 → gzip"}));
    QCOMPARE(d[1].bytes, json);
    QVERIFY(d[1].prettyJson.contains("\"cached\": true"));
}

void TestValueDecoder::zlib()
{
    const QByteArray text(300, 'z');
    const QByteArray compressed = qCompress(text).mid(4); // qCompress = 4-byte length + zlib stream
    const auto d = ValueDecoder::decode(compressed);
    QCOMPARE(labels(d), QStringList{"zlib"});
    QCOMPARE(d[0].bytes, text);
}

void TestValueDecoder::base64Text()
{
    const auto d = ValueDecoder::decode(QByteArray("binary \x00\xff payload!", 18).toBase64());
    QCOMPARE(labels(d), QStringList{"base64"});
    QCOMPARE(d[0].bytes, QByteArray("binary \x00\xff payload!", 18));
    // URL-safe alphabet without padding.
    const auto url =
        ValueDecoder::decode(QByteArray("\xfb\xff\xfe subjects?", 13)
                                 .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    QCOMPARE(labels(url), QStringList{"base64"});
    QCOMPARE(url[0].bytes, QByteArray("\xfb\xff\xfe subjects?", 13));
}

void TestValueDecoder::brokenStreamsAreNotDecoded()
{
    QByteArray gz = DemoData::gzip(QByteArray(1000, 'x'));
    gz.chop(12); // cut before the end of the stream
    QVERIFY(ValueDecoder::decode(gz).isEmpty());
    bool ok = true;
    QCOMPARE(ValueDecoder::inflate(gz, true, &ok), QByteArray());
    QVERIFY(!ok);
}

void TestValueDecoder::bombIsCapped()
{
    // 64 MiB of zeros compress to about 64 KiB: decoding stops at the cap.
    const QByteArray bomb = DemoData::gzip(QByteArray(64 * 1024 * 1024, '\0'));
    const auto d = ValueDecoder::decode(bomb);
    QCOMPARE(labels(d), QStringList{"gzip"});
    QVERIFY(d[0].truncated);
    QCOMPARE(d[0].bytes.size(), ValueDecoder::kMaxDecodedBytes);
}

QTEST_GUILESS_MAIN(TestValueDecoder)
#include "tst_valuedecoder.moc"
