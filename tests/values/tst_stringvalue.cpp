#include "blockingcall.h"
#include "redisconnection.h"
#include "stringvalue.h"
#include "testserver.h"

#include <memory>
#include <optional>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using Outcome = WriteResult::Outcome;

class TestStringValue : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void loadsBinaryExact();
    void replaceKeepsTtl();
    void conflictWhenChangedElsewhere();
    void conflictWhenDeletedElsewhere();
    void wrongTypeFails();
    void hugeValueIsPreviewed();
    void saveToFileStreamsWholeValue();
    void readOnlyCannotReplace();

private:
    bool load(StringValue &value);
    WriteResult replace(StringValue &value, const QByteArray &bytes);
    RedisReply call(const QList<QByteArray> &args) { return blockingCall(*m_connection, args); }

    TestServer m_server;
    std::unique_ptr<RedisConnection> m_connection;
};

void TestStringValue::initTestCase()
{
    QVERIFY(m_server.start());
    QVERIFY((m_connection = m_server.connect()));
}

void TestStringValue::init()
{
    QCOMPARE(call({"FLUSHALL"}), RedisReply::status("OK"));
}

bool TestStringValue::load(StringValue &value)
{
    QSignalSpy loaded(&value, &StringValue::loaded);
    value.load();
    return loaded.wait(10000);
}

WriteResult TestStringValue::replace(StringValue &value, const QByteArray &bytes)
{
    std::optional<WriteResult> result;
    value.replace(bytes, this, [&result](const WriteResult &r) { result = r; });
    if (!QTest::qWaitFor([&result] { return result.has_value(); }, 10000))
        return {Outcome::Failed, QStringLiteral("no callback")};
    return *result;
}

void TestStringValue::loadsBinaryExact()
{
    const QByteArray bytes("\x00\xff<b>x</b>\r\n\x80", 13);
    QCOMPARE(call({"SET", "k", bytes}), RedisReply::status("OK"));
    StringValue value(m_connection.get(), "k");
    QVERIFY(load(value));
    QCOMPARE(value.value(), bytes);
    QCOMPARE(value.length(), 13);
    QVERIFY(!value.isPreview());
    const auto result = replace(value, QByteArray("\x01\x00new", 5));
    QCOMPARE(int(result.outcome), int(Outcome::Done));
    QCOMPARE(call({"GET", "k"}), RedisReply::bulk(QByteArray("\x01\x00new", 5)));
}

void TestStringValue::replaceKeepsTtl()
{
    QCOMPARE(call({"SET", "k", "old", "EX", "500"}), RedisReply::status("OK"));
    StringValue value(m_connection.get(), "k");
    QVERIFY(load(value));
    QCOMPARE(int(replace(value, "new").outcome), int(Outcome::Done));
    QCOMPARE(call({"GET", "k"}), RedisReply::bulk("new"));
    const qint64 ttl = call({"TTL", "k"}).toInteger();
    QVERIFY2(ttl > 490 && ttl <= 500, qPrintable(QString::number(ttl)));
    // A second edit compares against what the first one wrote.
    QCOMPARE(int(replace(value, "newer").outcome), int(Outcome::Done));
}

void TestStringValue::conflictWhenChangedElsewhere()
{
    QCOMPARE(call({"SET", "k", "loaded"}), RedisReply::status("OK"));
    StringValue value(m_connection.get(), "k");
    QVERIFY(load(value));
    QCOMPARE(call({"SET", "k", "theirs"}), RedisReply::status("OK")); // same length, other bytes
    const auto conflict = replace(value, "mine");
    QCOMPARE(int(conflict.outcome), int(Outcome::Conflict));
    QCOMPARE(conflict.message, QString("Not saved: someone changed this value since it was loaded."));
    QVERIFY(conflict.currentExists);
    QCOMPARE(conflict.current, QByteArray("theirs"));
    QCOMPARE(conflict.currentLength, 6);
    QCOMPARE(call({"GET", "k"}), RedisReply::bulk("theirs"));
    // The user keeps theirs: adopt, then the write goes through.
    value.adopt(conflict);
    QCOMPARE(int(replace(value, "mine").outcome), int(Outcome::Done));
    QCOMPARE(call({"GET", "k"}), RedisReply::bulk("mine"));
}

void TestStringValue::conflictWhenDeletedElsewhere()
{
    QCOMPARE(call({"SET", "k", "loaded"}), RedisReply::status("OK"));
    StringValue value(m_connection.get(), "k");
    QVERIFY(load(value));
    QCOMPARE(call({"DEL", "k"}), RedisReply::integer(1));
    const auto conflict = replace(value, "mine");
    QCOMPARE(int(conflict.outcome), int(Outcome::Conflict));
    QVERIFY(!conflict.currentExists);
    QCOMPARE(call({"EXISTS", "k"}), RedisReply::integer(0));
    value.adopt(conflict);
    QCOMPARE(int(replace(value, "mine").outcome), int(Outcome::Done));
    QCOMPARE(call({"GET", "k"}), RedisReply::bulk("mine"));
}

void TestStringValue::wrongTypeFails()
{
    QCOMPARE(call({"SET", "k", "loaded"}), RedisReply::status("OK"));
    StringValue value(m_connection.get(), "k");
    QVERIFY(load(value));
    QCOMPARE(call({"DEL", "k"}), RedisReply::integer(1));
    QCOMPARE(call({"RPUSH", "k", "a"}), RedisReply::integer(1));
    const auto result = replace(value, "mine");
    QCOMPARE(int(result.outcome), int(Outcome::Failed));
    QCOMPARE(result.message, QString("Not saved: the key is now a list, no longer a string."));
    QCOMPARE(call({"TYPE", "k"}), RedisReply::status("list"));

    QSignalSpy failed(&value, &StringValue::loadFailed);
    value.load();
    QVERIFY(failed.wait(10000));
    QVERIFY2(failed.first().first().toString().contains("WRONGTYPE"),
             qPrintable(failed.first().first().toString()));
}

void TestStringValue::hugeValueIsPreviewed()
{
    // 64 MiB (SETRANGE allocates it on the server): only the first MiB comes over.
    QCOMPARE(call({"SETRANGE", "big", QByteArray::number(64 * 1024 * 1024 - 1), "!"}),
             RedisReply::integer(64 << 20));
    QCOMPARE(call({"SETRANGE", "big", "0", "head"}), RedisReply::integer(64 << 20));
    StringValue value(m_connection.get(), "big");
    QVERIFY(load(value));
    QVERIFY(value.isPreview());
    QCOMPARE(value.length(), 64 << 20);
    QCOMPARE(value.value().size(), StringValue::kPreviewBytes);
    QVERIFY(value.value().startsWith("head"));
    // Replacing (e.g. from a file) compares length and the previewed bytes.
    QCOMPARE(call({"SETRANGE", "big", "1", "E"}), RedisReply::integer(64 << 20));
    QCOMPARE(int(replace(value, "small now").outcome), int(Outcome::Conflict));
    QVERIFY(load(value));
    QCOMPARE(int(replace(value, "small now").outcome), int(Outcome::Done));
    QCOMPARE(call({"GET", "big"}), RedisReply::bulk("small now"));
    QVERIFY(!value.isPreview());
    // Writing a big value (e.g. from a file) leaves a preview behind, not the whole value.
    const QByteArray large(2 * 1024 * 1024, 'L');
    QCOMPARE(int(replace(value, large).outcome), int(Outcome::Done));
    QVERIFY(value.isPreview());
    QCOMPARE(value.value().size(), StringValue::kPreviewBytes);
    QCOMPARE(value.length(), large.size());
    QCOMPARE(call({"STRLEN", "big"}), RedisReply::integer(large.size()));
    QCOMPARE(int(replace(value, "again").outcome), int(Outcome::Done)); // compares against the preview
}

void TestStringValue::saveToFileStreamsWholeValue()
{
    QByteArray bytes;
    for (int i = 0; i < 3 * 1024 * 1024 + 17; ++i)
        bytes += char(i * 7);
    QCOMPARE(call({"SET", "k", bytes}), RedisReply::status("OK"));
    StringValue value(m_connection.get(), "k");
    QTemporaryDir dir;
    const QString path = dir.filePath("value.bin");
    QSignalSpy saved(&value, &StringValue::fileSaved);
    QSignalSpy progress(&value, &StringValue::fileProgress);
    value.saveToFile(path);
    QVERIFY(saved.wait(10000));
    QCOMPARE(progress.size(), 5); // 0, 1, 2, 3 MiB, end
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), bytes);
}

void TestStringValue::readOnlyCannotReplace()
{
    QCOMPARE(call({"SET", "k", "v"}), RedisReply::status("OK"));
    ConnectionConfig config = m_server.config();
    config.readOnly = true;
    RedisConnection readOnly(config);
    readOnly.open();
    QTRY_VERIFY_WITH_TIMEOUT(readOnly.isReady(), 10000);
    StringValue value(&readOnly, "k");
    QVERIFY(load(value));
    const auto result = replace(value, "changed");
    QCOMPARE(int(result.outcome), int(Outcome::Failed));
    QVERIFY2(result.message.contains("read-only"), qPrintable(result.message));
    QCOMPARE(call({"GET", "k"}), RedisReply::bulk("v"));
}

QTEST_GUILESS_MAIN(TestStringValue)
#include "tst_stringvalue.moc"
