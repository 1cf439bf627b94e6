#include "blockingcall.h"
#include "keyarena.h"
#include "keyscanner.h"
#include "redisconnection.h"
#include "testserver.h"

#include <memory>
#include <optional>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

namespace {

// MSET in batches of 500 keys; returns false on any error.
bool fill(RedisConnection &connection, const QList<QByteArray> &keys)
{
    for (qsizetype i = 0; i < keys.size(); i += 500) {
        QList<QByteArray> args{"MSET"};
        for (const QByteArray &key : keys.mid(i, 500))
            args << key << "v";
        if (blockingCall(connection, args).isError())
            return false;
    }
    return true;
}

QList<QByteArray> numbered(const QByteArray &prefix, int count)
{
    QList<QByteArray> keys;
    for (int i = 0; i < count; ++i)
        keys.append(prefix + QByteArray::number(i));
    return keys;
}

QSet<QByteArray> setOf(const QList<QByteArray> &keys)
{
    return QSet<QByteArray>(keys.cbegin(), keys.cend());
}

QSet<QByteArray> loaded(const KeyScanner &scanner)
{
    QSet<QByteArray> keys;
    for (qsizetype i = 0; i < scanner.keys().size(); ++i)
        keys.insert(scanner.keys().copyAt(i));
    return keys;
}

bool runToStop(KeyScanner &scanner, void (KeyScanner::*action)())
{
    QSignalSpy stopped(&scanner, &KeyScanner::stopped);
    (scanner.*action)();
    return stopped.count() > 0 || stopped.wait(20000);
}

} // namespace

class TestKeyScanner : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void arenaDeduplicatesAndKeepsBytes();
    void emptyDatabase();
    void pagesThenAll();
    void patternsWithGlobCharacters();
    void typeFilter();
    void binaryKeysByteExact();
    void keysChangingDuringScan();
    void severalNodes();
    void cancelStops();
    void serverGoneMidScan();

private:
    TestServer m_server;
    std::unique_ptr<RedisConnection> m_connection;
};

void TestKeyScanner::initTestCase()
{
    QVERIFY(m_server.start());
    QVERIFY((m_connection = m_server.connect()));
}

void TestKeyScanner::init()
{
    QCOMPARE(blockingCall(*m_connection, {"FLUSHALL"}), RedisReply::status("OK"));
}

void TestKeyScanner::arenaDeduplicatesAndKeepsBytes()
{
    KeyArena arena;
    QVERIFY(arena.insert("a:b"));
    QVERIFY(!arena.insert("a:b"));
    QVERIFY(arena.insert(QByteArray("a\0b", 3)));
    QVERIFY(arena.insert(""));
    QVERIFY(!arena.insert(""));
    QByteArray big(3 * 1024 * 1024, 'k'); // larger than a chunk
    QVERIFY(arena.insert(big));
    for (int i = 0; i < 100000; ++i)
        QVERIFY(arena.insert("key:" + QByteArray::number(i)));
    QVERIFY(!arena.insert("key:99999"));
    QCOMPARE(arena.size(), 4 + 100000);
    QCOMPARE(arena.copyAt(1), QByteArray("a\0b", 3));
    QCOMPARE(arena.copyAt(3), big);
    QCOMPARE(arena.copyAt(4 + 500), QByteArray("key:500"));
    QVERIFY(arena.contains("key:77"));
    QVERIFY(!arena.contains("key:100000"));
}

void TestKeyScanner::emptyDatabase()
{
    KeyScanner scanner({m_connection.get()}, {});
    QVERIFY(runToStop(scanner, &KeyScanner::loadPage));
    QVERIFY(scanner.isComplete());
    QCOMPARE(scanner.keys().size(), 0);
    QTRY_COMPARE(scanner.total(), 0);
}

void TestKeyScanner::pagesThenAll()
{
    QVERIFY(fill(*m_connection, numbered("app:user:", 5000)));
    KeyScanner::Options options;
    options.count = 100;
    options.pageSize = 1000;
    KeyScanner scanner({m_connection.get()}, options);
    QSignalSpy progress(&scanner, &KeyScanner::progress);

    QVERIFY(runToStop(scanner, &KeyScanner::loadPage));
    const qsizetype firstPage = scanner.keys().size();
    QVERIFY2(firstPage >= 1000 && firstPage < 5000, qPrintable(QString::number(firstPage)));
    QVERIFY(!scanner.isComplete());
    QCOMPARE(scanner.total(), 5000);

    QVERIFY(runToStop(scanner, &KeyScanner::loadMore));
    QVERIFY(scanner.keys().size() >= firstPage + 1000);

    QVERIFY(runToStop(scanner, &KeyScanner::loadAll));
    QVERIFY(scanner.isComplete());
    QCOMPARE(loaded(scanner), setOf(numbered("app:user:", 5000)));
    QCOMPARE(progress.last().at(0).value<qsizetype>(), 5000);
    QCOMPARE(progress.last().at(1).value<qint64>(), 5000);
}

void TestKeyScanner::patternsWithGlobCharacters()
{
    const QList<QByteArray> keys{"a*b", "a?b", "a[b]", "a\\b", "axb", ":a", "a:", "a::b"};
    QVERIFY(fill(*m_connection, keys));
    const auto scan = [this](const QByteArray &pattern) {
        KeyScanner::Options options;
        options.pattern = pattern;
        KeyScanner scanner({m_connection.get()}, options);
        runToStop(scanner, &KeyScanner::loadAll);
        return loaded(scanner);
    };
    QCOMPARE(scan("a\\*b"), QSet<QByteArray>{"a*b"});
    QCOMPARE(scan("a\\?b"), QSet<QByteArray>{"a?b"});
    QCOMPARE(scan("a\\[b\\]"), QSet<QByteArray>{"a[b]"});
    QCOMPARE(scan("a\\\\b"), QSet<QByteArray>{"a\\b"});
    QCOMPARE(scan("a?b"), (QSet<QByteArray>{"a*b", "a?b", "a\\b", "axb"}));
    QCOMPARE(scan(":*"), QSet<QByteArray>{":a"});
    QCOMPARE(scan("*:"), QSet<QByteArray>{"a:"});
    QCOMPARE(scan("a::*"), QSet<QByteArray>{"a::b"});
}

void TestKeyScanner::typeFilter()
{
    QVERIFY(fill(*m_connection, numbered("str:", 50)));
    for (int i = 0; i < 30; ++i)
        QVERIFY(!blockingCall(*m_connection, {"HSET", "hash:" + QByteArray::number(i), "f", "v"}).isError());
    KeyScanner::Options options;
    options.type = "hash";
    KeyScanner scanner({m_connection.get()}, options);
    QVERIFY(runToStop(scanner, &KeyScanner::loadAll));
    QCOMPARE(loaded(scanner), setOf(numbered("hash:", 30)));
}

void TestKeyScanner::binaryKeysByteExact()
{
    const QList<QByteArray> keys{QByteArray("bin:\0\xff", 6), QByteArray("bin:\r\n"),
                                 QByteArray("bin:\xc3\x28"), QByteArray("bin:<b>x</b>")};
    QVERIFY(fill(*m_connection, keys));
    KeyScanner::Options options;
    options.pattern = "bin:*";
    KeyScanner scanner({m_connection.get()}, options);
    QVERIFY(runToStop(scanner, &KeyScanner::loadAll));
    QCOMPARE(loaded(scanner), setOf(keys));
    // What was loaded addresses the same keys.
    for (qsizetype i = 0; i < scanner.keys().size(); ++i)
        QCOMPARE(blockingCall(*m_connection, {"EXISTS", scanner.keys().copyAt(i)}), RedisReply::integer(1));
}

void TestKeyScanner::keysChangingDuringScan()
{
    QVERIFY(fill(*m_connection, numbered("stable:", 3000)));
    QVERIFY(fill(*m_connection, numbered("doomed:", 1000)));
    KeyScanner::Options options;
    options.count = 20;
    KeyScanner scanner({m_connection.get()}, options);
    // After the first reply, delete some keys and add others while the scan goes on.
    bool changed = false;
    connect(&scanner, &KeyScanner::progress, this, [&] {
        if (changed)
            return;
        changed = true;
        QList<QByteArray> unlink{"UNLINK"};
        unlink += numbered("doomed:", 1000);
        m_connection->command(unlink, nullptr, [](const RedisReply &) {});
        QList<QByteArray> mset{"MSET"};
        for (const QByteArray &key : numbered("new:", 1000))
            mset << key << "v";
        m_connection->command(mset, nullptr, [](const RedisReply &) {});
    });
    QVERIFY(runToStop(scanner, &KeyScanner::loadAll));
    QVERIFY(changed);
    QVERIFY(scanner.isComplete());
    const QSet<QByteArray> keys = loaded(scanner);
    QCOMPARE(qsizetype(keys.size()), scanner.keys().size()); // no duplicates
    for (const QByteArray &key : numbered("stable:", 3000))
        QVERIFY2(keys.contains(key), key.constData()); // SCAN's guarantee: present throughout → returned
}

void TestKeyScanner::severalNodes()
{
    TestServer other;
    QVERIFY(other.start());
    RedisConnection second(other.config());
    second.open();
    QVERIFY(fill(*m_connection, numbered("one:", 700)));
    QVERIFY(fill(second, numbered("two:", 300)));
    KeyScanner scanner({m_connection.get(), &second}, {});
    QVERIFY(runToStop(scanner, &KeyScanner::loadPage));
    QVERIFY(scanner.isComplete());
    QCOMPARE(scanner.keys().size(), 1000);
    QTRY_COMPARE(scanner.total(), 1000);
}

void TestKeyScanner::cancelStops()
{
    QVERIFY(fill(*m_connection, numbered("k:", 3000)));
    KeyScanner::Options options;
    options.count = 10;
    KeyScanner scanner({m_connection.get()}, options);
    QSignalSpy added(&scanner, &KeyScanner::keysAdded);
    connect(&scanner, &KeyScanner::progress, &scanner, &KeyScanner::cancel);
    QVERIFY(runToStop(scanner, &KeyScanner::loadAll));
    QVERIFY(!scanner.isRunning());
    QVERIFY(!scanner.isComplete());
    const qsizetype count = scanner.keys().size();
    QVERIFY(count < 3000);
    QTest::qWait(200);
    QCOMPARE(scanner.keys().size(), count);
    // loadMore resumes from the cursors.
    QObject::disconnect(&scanner, &KeyScanner::progress, &scanner, &KeyScanner::cancel);
    QVERIFY(runToStop(scanner, &KeyScanner::loadAll));
    QVERIFY(scanner.isComplete());
    QCOMPARE(scanner.keys().size(), 3000);
}

void TestKeyScanner::serverGoneMidScan()
{
    TestServer doomed;
    QVERIFY(doomed.start());
    RedisConnection connection(doomed.config());
    connection.open();
    QVERIFY(fill(connection, numbered("x:", 2000)));
    KeyScanner::Options options;
    options.count = 10;
    KeyScanner scanner({&connection}, options);
    QSignalSpy failed(&scanner, &KeyScanner::failed);
    connect(&scanner, &KeyScanner::progress, &doomed.server(), &EmbeddedServer::stop,
            Qt::SingleShotConnection);
    QVERIFY(runToStop(scanner, &KeyScanner::loadAll));
    QCOMPARE(failed.count(), 1);
    QVERIFY2(failed.first().first().toString().startsWith(QLatin1String("SCAN failed")),
             qPrintable(failed.first().first().toString()));
    QVERIFY(!scanner.isComplete());
    QVERIFY(scanner.keys().size() < 2000);
}

QTEST_GUILESS_MAIN(TestKeyScanner)
#include "tst_keyscanner.moc"
