#include "demodata.h"
#include "rediscommand.h"
#include "redisreply.h"
#include "respreader.h"
#include "testserver.h"

#include <algorithm>
#include <array>
#include <memory>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSet>
#include <QTcpSocket>
#include <QTest>
#include <utility>
#include <zlib.h>

namespace {

// Inflates gzip (windowBits 15 + 32 also accepts zlib); empty on any error.
QByteArray gunzip(const QByteArray &data)
{
    struct InflateEnd
    {
        void operator()(z_stream *stream) const { inflateEnd(stream); }
    };
    z_stream stream{};
    if (inflateInit2(&stream, 15 + 32) != Z_OK)
        return {};
    const std::unique_ptr<z_stream, InflateEnd> guard(&stream);
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    stream.avail_in = uInt(data.size());
    QByteArray out;
    std::array<char, 16384> buffer{};
    int result = Z_OK;
    while (result != Z_STREAM_END) {
        stream.next_out = reinterpret_cast<Bytef *>(buffer.data());
        stream.avail_out = uInt(buffer.size());
        result = inflate(&stream, Z_NO_FLUSH);
        if (result != Z_OK && result != Z_STREAM_END)
            return {};
        out.append(buffer.data(), qsizetype(buffer.size() - stream.avail_out));
    }
    return out;
}

// The key each command writes (XREADGROUP only reads; XGROUP names its key second).
QSet<QByteArray> keysOf(const QList<QList<QByteArray>> &commands)
{
    QSet<QByteArray> keys;
    for (const QList<QByteArray> &command : commands) {
        const QByteArray name = command.first().toUpper();
        if (name == "XREADGROUP")
            continue;
        keys.insert(command.at(name == "XGROUP" ? 2 : 1));
    }
    return keys;
}

const QByteArray binaryKey("bin:\xff\xfe\x00key", 10);

// Sends commands as one pipeline over a blocking socket and collects their replies (the test does
// not depend on RedisConnection).
QList<RedisReply> pipeline(QTcpSocket &socket, RespReader &reader, const QList<QList<QByteArray>> &commands)
{
    QByteArray payload;
    for (const QList<QByteArray> &command : commands)
        payload += RedisCommand::encode(command);
    socket.write(payload);
    QList<RedisReply> replies;
    while (replies.size() < commands.size() && socket.waitForReadyRead(10000)) {
        reader.feed(socket.readAll());
        if (!reader.takeReplies(replies))
            break;
    }
    return replies;
}

} // namespace

class TestDemoData : public QObject
{
    Q_OBJECT
private slots:
    void gzipRoundTrips_data();
    void gzipRoundTrips();
    void deterministicForSeed();
    void keyCountIsRealistic();
    void includesAwkwardKeys();
    void loadsIntoRealServer();
};

void TestDemoData::gzipRoundTrips_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("json") << QByteArray(R"({"device":"dev-00001","readings":[1,2,3]})");
    QByteArray noise(300000, Qt::Uninitialized);
    QRandomGenerator generator(7);
    for (char &byte : noise)
        byte = char(generator.bounded(256));
    QTest::newRow("300 KB incompressible") << noise;
    QTest::newRow("1 MB repetitive") << QByteArray(1 << 20, 'x');
}

void TestDemoData::gzipRoundTrips()
{
    QFETCH(QByteArray, input);
    const QByteArray compressed = DemoData::gzip(input);
    QVERIFY(compressed.size() >= 18);
    QCOMPARE(quint8(compressed.at(0)), quint8(0x1f)); // RFC 1952 magic
    QCOMPARE(quint8(compressed.at(1)), quint8(0x8b));
    QCOMPARE(quint8(compressed.at(2)), quint8(8)); // deflate
    QCOMPARE(gunzip(compressed), input);
}

void TestDemoData::deterministicForSeed()
{
    const QList<QList<QByteArray>> first = DemoData::commands(42);
    QCOMPARE(DemoData::commands(42), first);
    QCOMPARE(DemoData::commands(), first);
    QVERIFY(DemoData::commands(7) != first);
}

void TestDemoData::keyCountIsRealistic()
{
    const QSet<QByteArray> keys = keysOf(DemoData::commands());
    QVERIFY2(keys.size() >= 3000 && keys.size() <= 5000, qPrintable(QString::number(keys.size())));
    for (const char *prefix :
         {"sess:", "cache:dashboard:", "cache:device:", "cache:hourly:", "cache:latest:", "cache:gz:",
          "cache:gzb64:", "user:", "bull:photo-analyze:", "batch:", "app:user:"}) {
        QVERIFY2(std::any_of(keys.cbegin(), keys.cend(),
                             [prefix](const QByteArray &key) { return key.startsWith(prefix); }),
                 prefix);
    }
    for (const char *key :
         {"bull:photo-analyze:wait", "bull:photo-analyze:active", "bull:photo-analyze:completed",
          "bull:photo-analyze:failed", "bull:photo-analyze:id", "online:users", "leaderboard:weekly",
          "events:orders", "app:user:1:session", "batch:1:progress"})
        QVERIFY2(keys.contains(key), key);
}

void TestDemoData::includesAwkwardKeys()
{
    const QSet<QByteArray> keys = keysOf(DemoData::commands());
    QVERIFY(keys.contains(binaryKey));
    QVERIFY(keys.contains("weird:line\nbreak"));
    QVERIFY(keys.contains("html:<script>alert(1)</script>"));
}

void TestDemoData::loadsIntoRealServer()
{
    TestServer server;
    QVERIFY(server.start());
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), server.port());
    QVERIFY(socket.waitForConnected(5000));
    RespReader reader;
    const auto call = [&](const QList<QByteArray> &command) {
        const QList<RedisReply> replies = pipeline(socket, reader, {command});
        return replies.isEmpty() ? RedisReply::failure(QStringLiteral("no reply")) : replies.first();
    };

    const QList<QList<QByteArray>> commands = DemoData::commands();
    const QList<RedisReply> replies = pipeline(socket, reader, commands);
    QCOMPARE(replies.size(), commands.size());
    for (qsizetype i = 0; i < replies.size(); ++i)
        QVERIFY2(!replies.at(i).isError(), qPrintable(RedisCommand::describe(commands.at(i)) +
                                                      QLatin1String(": ") + replies.at(i).errorMessage()));

    QCOMPARE(call({"DBSIZE"}).toInteger(), qint64(keysOf(commands).size()));

    const qint64 dashboardTtl = call({"TTL", "cache:dashboard:1"}).toInteger();
    QVERIFY2(dashboardTtl > 0 && dashboardTtl <= 10, qPrintable(QString::number(dashboardTtl)));
    QCOMPARE(call({"TTL", "user:1"}).toInteger(), qint64(-1));

    const QList<std::pair<QByteArray, QByteArray>> types{
        {"bull:photo-analyze:wait", "list"},
        {"bull:photo-analyze:active", "list"},
        {"bull:photo-analyze:completed", "zset"},
        {"bull:photo-analyze:failed", "zset"},
        {"bull:photo-analyze:id", "string"},
        {"bull:photo-analyze:1", "hash"},
        {"online:users", "set"},
        {"leaderboard:weekly", "zset"},
        {"events:orders", "stream"},
        {"user:1", "hash"},
    };
    for (const auto &[key, type] : types)
        QVERIFY2(call({"TYPE", key}) == RedisReply::status(type), key);

    // The consumer group read 15 entries and acknowledged 3.
    const RedisReply pending = call({"XPENDING", "events:orders", "billing"});
    QVERIFY(pending.isArray());
    QCOMPARE(pending.elements().first().toInteger(), qint64(12));

    // Awkward keys and values come back byte for byte.
    QCOMPARE(call({"GET", binaryKey}).bytes(), QByteArray("\x00\x01\x02\xff\xfe\x80", 6));
    const RedisReply scan = call({"SCAN", "0", "MATCH", "bin:*", "COUNT", "100000"});
    QVERIFY(scan.isArray());
    QVERIFY(scan.elements().at(1).elements().contains(RedisReply::bulk(binaryKey)));
    QCOMPARE(call({"GET", "html:<script>alert(1)</script>"}).bytes(),
             QByteArray("<img src=x onerror=alert(1)>"));
    QCOMPARE(call({"EXISTS", "weird:line\nbreak"}).toInteger(), qint64(1));

    // Compressed cache values are real gzip (and gzip in base64).
    const QByteArray gz = gunzip(call({"GET", "cache:gz:1"}).bytes());
    QVERIFY(QJsonDocument::fromJson(gz).isObject());
    const QByteArray gzb64 = gunzip(QByteArray::fromBase64(call({"GET", "cache:gzb64:1"}).bytes()));
    QCOMPARE(gzb64, gz);
}

QTEST_GUILESS_MAIN(TestDemoData)

#include "tst_demodata.moc"
