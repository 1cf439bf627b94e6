#include "messagepack.h"
#include "valuedecoder.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

namespace {

struct Packet
{
    QString step;
    QByteArray channel;
    QByteArray payload;
};

// What the real Socket.IO Redis adapter published (tests/pubsub/socketio/README.md).
QList<Packet> adapterPackets()
{
    QFile file(QFINDTESTDATA("../pubsub/socketio/packets.jsonl"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<Packet> out;
    while (!file.atEnd()) {
        const QJsonObject line = QJsonDocument::fromJson(file.readLine()).object();
        out.append({line.value("step").toString(),
                    QByteArray::fromHex(line.value("channel").toString().toLatin1()),
                    QByteArray::fromHex(line.value("payload").toString().toLatin1())});
    }
    return out;
}

Packet packet(const QString &stepStart)
{
    for (const Packet &p : adapterPackets()) {
        if (p.step.startsWith(stepStart))
            return p;
    }
    return {};
}

} // namespace

class TestMessagePack : public QObject
{
    Q_OBJECT
private slots:
    void fixtureIsThere();
    void adapterBroadcast();
    void roomsAndScalars();
    void binaryAsHex();
    void timestampExtension();
    void valueDecoderOffersIt();
    void compactLine();
    void malformedAndHostile();
    void outputIsCapped();
};

void TestMessagePack::fixtureIsThere()
{
    const QList<Packet> packets = adapterPackets();
    QCOMPARE(packets.size(), 7);
    QCOMPARE(packets[0].channel, QByteArray("socket.io#/#"));
}

void TestMessagePack::adapterBroadcast()
{
    const Packet p = packet("io.emit('progress'");
    QCOMPARE(p.channel, QByteArray("socket.io#/#"));
    const MessagePack::Reading r = MessagePack::read(p.payload);
    QVERIFY2(r.ok, qPrintable(r.error));
    QVERIFY(!r.truncated);
    // [uid, {type, data: [event, args…], nsp}, {rooms, except, flags}], indented like JSON.
    QVERIFY2(r.text.contains("\"type\": 2"), qPrintable(r.text));
    QVERIFY2(r.text.contains("\"data\": [\n      \"progress\",\n      {\n        \"batch\": 123,"),
             qPrintable(r.text));
    QVERIFY(r.text.contains("\"total\": 100"));
    QVERIFY(r.text.contains("\"nsp\": \"/\""));
    QVERIFY(r.text.contains("\"rooms\": []"));
    QVERIFY(r.text.contains("\"flags\": {}"));
}

void TestMessagePack::roomsAndScalars()
{
    const Packet chat = packet("io.to('room1')");
    QCOMPARE(chat.channel, QByteArray("socket.io#/#room1#"));
    const MessagePack::Reading c = MessagePack::read(chat.payload);
    QVERIFY2(c.ok, qPrintable(c.error));
    // UTF-8 kept, HTML left as the characters it is.
    QVERIFY2(c.text.contains(QString::fromUtf8("\"héllo <b>bold</b>\"")), qPrintable(c.text));
    QVERIFY(c.text.contains("\"rooms\": [\n      \"room1\"\n    ]"));

    const MessagePack::Reading t = MessagePack::read(packet("io.to(['room1', 'room2'])").payload);
    QVERIFY2(t.ok, qPrintable(t.error));
    QVERIFY2(t.text.contains("\"tick\",\n      1,\n      2.5,\n      true,\n      null"), qPrintable(t.text));
    QVERIFY(t.text.contains("\"except\": [\n      \"room3\"\n    ]"));

    const MessagePack::Reading v = MessagePack::read(packet("io.volatile").payload);
    QVERIFY(v.text.contains("\"volatile\": true"));
    QVERIFY(v.text.contains("\"compress\": false"));
}

void TestMessagePack::binaryAsHex()
{
    const MessagePack::Reading r = MessagePack::read(packet("io.emit('file'").payload);
    QVERIFY2(r.ok, qPrintable(r.error));
    QVERIFY2(r.text.contains("<bin[5]: 00 01 02 ff fe>"), qPrintable(r.text));
    // Quotes, line breaks and control characters escaped as JSON does.
    QCOMPARE(MessagePack::read(QByteArray::fromHex("91a461220a01")).text,
             QString("[\n  \"a\\\"\\n\\u0001\"\n]"));
    // A str whose bytes are not UTF-8 stays byte-exact, escaped.
    QCOMPARE(MessagePack::read(QByteArray("\x91\xa2\xff\x41", 4)).text, QString("[\n  \"\\xffA\"\n]"));
}

void TestMessagePack::timestampExtension()
{
    // notepack encodes a Date as the timestamp extension (-1).
    const MessagePack::Reading r = MessagePack::read(packet("io.of('/admin')").payload);
    QVERIFY2(r.ok, qPrintable(r.error));
    QVERIFY2(r.text.contains("\"at\": <timestamp 1970-01-01T00:00:00.000000000Z>"), qPrintable(r.text));
    QVERIFY(r.text.contains("\"nsp\": \"/admin\""));
    // Any other extension is hex.
    QCOMPARE(MessagePack::read(QByteArray("\x91\xd4\x05\x2a", 4)).text, QString("[\n  <ext 5 [1]: 2a>\n]"));
}

void TestMessagePack::valueDecoderOffersIt()
{
    const QByteArray payload = packet("io.emit('progress'").payload;
    const QList<ValueDecoder::Decoding> d = ValueDecoder::decode(payload);
    QCOMPARE(d.size(), 1);
    QCOMPARE(d[0].label, QString("MessagePack"));
    QCOMPARE(d[0].reading, MessagePack::read(payload).text);
    // Inside base64, as some caches store it.
    const QList<ValueDecoder::Decoding> b = ValueDecoder::decode(payload.toBase64());
    QCOMPARE(b.size(), 2);
    QCOMPARE(b[1].label, QString("base64 → MessagePack"));
    // The JSON request on socket.io-request#/# is JSON, not MessagePack; text is neither.
    const QList<ValueDecoder::Decoding> j = ValueDecoder::decode(packet("io.serverSideEmit").payload);
    QCOMPARE(j.size(), 1);
    QCOMPARE(j[0].label, QString("JSON"));
    QVERIFY(ValueDecoder::decode("hello world").isEmpty());
    QVERIFY(ValueDecoder::decode(QByteArray("\x92\x01", 2)).isEmpty()); // an array that ends early
}

void TestMessagePack::compactLine()
{
    const MessagePack::Reading r = MessagePack::readCompact(packet("io.to('room1')").payload, 200);
    QVERIFY2(r.ok, qPrintable(r.error));
    QVERIFY(!r.text.contains('\n'));
    QVERIFY2(r.text.contains(QString::fromUtf8("{\"type\": 2, \"data\": [\"chat\", \"héllo <b>bold</b>\"]")),
             qPrintable(r.text));
    const MessagePack::Reading cut = MessagePack::readCompact(packet("io.to('room1')").payload, 20);
    QVERIFY(cut.ok);
    QVERIFY(cut.truncated);
    QCOMPARE(cut.text.size(), 20);
}

void TestMessagePack::malformedAndHostile()
{
    QVERIFY(!MessagePack::read({}).ok);
    QVERIFY(!MessagePack::read(QByteArray("\xc1", 1)).ok); // the one byte MessagePack never uses
    const MessagePack::Reading early = MessagePack::read(QByteArray("\x93\x01\x02", 3));
    QVERIFY(!early.ok);
    QVERIFY2(early.error.contains("ends early"), qPrintable(early.error));
    const MessagePack::Reading trailing = MessagePack::read(QByteArray("\x91\x01\x01", 3));
    QVERIFY(!trailing.ok);
    QVERIFY2(trailing.error.contains("1 byte(s) follow"), qPrintable(trailing.error));
    // Four billion elements announced in 5 bytes: nothing is allocated for them, it just ends early.
    QVERIFY(!MessagePack::read(QByteArray("\xdd\xff\xff\xff\xff\x01", 6)).ok);
    QVERIFY(!MessagePack::read(QByteArray("\xdf\xff\xff\xff\xff", 5)).ok);
    QVERIFY(!MessagePack::read(QByteArray("\xc6\xff\xff\xff\xff\x00", 6)).ok); // bin of 4 GiB
    // A million nested arrays: refused past the depth cap, no recursion to overflow.
    const MessagePack::Reading deep = MessagePack::read(QByteArray(1'000'000, '\x91'));
    QVERIFY(!deep.ok);
    QVERIFY2(deep.error.contains("deeper than 64"), qPrintable(deep.error));
    QVERIFY(MessagePack::read(QByteArray(63, '\x91') + QByteArray(1, '\xc0')).ok);
}

void TestMessagePack::outputIsCapped()
{
    // 1M-element array of 16-byte strings: 17 MB in, text stops at the cap.
    QByteArray big("\xdd\x00\x10\x00\x00", 5);
    const QByteArray element = QByteArray("\xb0") + QByteArray(16, 'x');
    for (int i = 0; i < 0x100000; ++i)
        big += element;
    const MessagePack::Reading r = MessagePack::read(big);
    QVERIFY(r.ok);
    QVERIFY(r.truncated);
    QCOMPARE(r.text.size(), MessagePack::kMaxTextChars);
}

QTEST_GUILESS_MAIN(TestMessagePack)
#include "tst_messagepack.moc"
