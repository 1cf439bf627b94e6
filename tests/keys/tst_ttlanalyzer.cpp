#include "blockingcall.h"
#include "demodata.h"
#include "redisconnection.h"
#include "testserver.h"
#include "ttlanalyzer.h"

#include <memory>
#include <QSignalSpy>
#include <QTest>

class TestTtlAnalyzer : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void namespaces_data();
    void namespaces();
    void glob_data();
    void glob();
    void knownMix();
    void rulesFindViolations();
    void sampleLimit();
    void policyWarnings();
    void reproducesTheDemoMix();
    void cancel();
    void parseExpected();

private:
    bool fillMix();
    std::unique_ptr<TtlAnalyzer> run(TtlAnalyzer::Options options);
    const TtlAnalyzer::Namespace *find(const QList<TtlAnalyzer::Namespace> &list, const QByteArray &name);
    RedisReply call(const QList<QByteArray> &args) { return blockingCall(*m_connection, args); }

    TestServer m_server;
    std::unique_ptr<RedisConnection> m_connection;
    QList<TtlAnalyzer::Namespace> m_keep;
};

void TestTtlAnalyzer::initTestCase()
{
    QVERIFY(m_server.start());
    QVERIFY((m_connection = m_server.connect()));
}

void TestTtlAnalyzer::init()
{
    QCOMPARE(call({"FLUSHALL"}), RedisReply::status("OK"));
    QCOMPARE(call({"CONFIG", "SET", "maxmemory-policy", "noeviction"}), RedisReply::status("OK"));
}

void TestTtlAnalyzer::namespaces_data()
{
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<int>("depth");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("session") << QByteArray("app:user:42:session") << 2 << QByteArray("app:user");
    QTest::newRow("depth 1") << QByteArray("app:user:42:session") << 1 << QByteArray("app");
    QTest::newRow("id second") << QByteArray("user:17") << 2 << QByteArray("user");
    QTest::newRow("cache") << QByteArray("cache:dashboard:7") << 2 << QByteArray("cache:dashboard");
    QTest::newRow("no delimiter") << QByteArray("solo") << 2 << QByteArray();
    QTest::newRow("hex id") << QByteArray("sess:9f8e7d6c5b4a") << 2 << QByteArray("sess");
    QTest::newRow("uuid") << QByteArray("job:3f2a1b4c-0000-4e5f-8a9b-1c2d3e4f5a6b:state") << 2
                          << QByteArray("job");
    QTest::newRow("slashes") << QByteArray("a/b/c") << 2 << QByteArray("a/b");
    QTest::newRow("queue") << QByteArray("bull:email:id") << 2 << QByteArray("bull:email");
    QTest::newRow("leading id") << QByteArray("42:x") << 2 << QByteArray();
}

void TestTtlAnalyzer::namespaces()
{
    QFETCH(QByteArray, key);
    QFETCH(int, depth);
    QFETCH(QByteArray, expected);
    QCOMPARE(TtlAnalyzer::namespaceOf(key, depth), expected);
}

void TestTtlAnalyzer::glob_data()
{
    QTest::addColumn<QByteArray>("pattern");
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<bool>("match");
    QTest::newRow("star") << QByteArray("cache:*") << QByteArray("cache:a:b") << true;
    QTest::newRow("star none") << QByteArray("cache:*") << QByteArray("cach") << false;
    QTest::newRow("inner star") << QByteArray("a*b*c") << QByteArray("axxbyyc") << true;
    QTest::newRow("inner star no") << QByteArray("a*b*c") << QByteArray("axxbyy") << false;
    QTest::newRow("question") << QByteArray("h?llo") << QByteArray("hallo") << true;
    QTest::newRow("class") << QByteArray("h[ae]llo") << QByteArray("hello") << true;
    QTest::newRow("class no") << QByteArray("h[ae]llo") << QByteArray("hillo") << false;
    QTest::newRow("negated") << QByteArray("h[^e]llo") << QByteArray("hallo") << true;
    QTest::newRow("range") << QByteArray("k[0-9]") << QByteArray("k7") << true;
    QTest::newRow("escape") << QByteArray("a\\*b") << QByteArray("a*b") << true;
    QTest::newRow("escape no") << QByteArray("a\\*b") << QByteArray("axb") << false;
    QTest::newRow("exact") << QByteArray("abc") << QByteArray("abcd") << false;
}

void TestTtlAnalyzer::glob()
{
    QFETCH(QByteArray, pattern);
    QFETCH(QByteArray, key);
    QFETCH(bool, match);
    QCOMPARE(TtlAnalyzer::globMatch(pattern, key), match);
    // The server agrees.
    QCOMPARE(call({"SET", key, "v"}), RedisReply::status("OK"));
    const RedisReply found = call({"SCAN", "0", "MATCH", pattern, "COUNT", "1000"});
    QCOMPARE(found.elements().value(1).elements().size(), match ? 1 : 0);
}

bool TestTtlAnalyzer::fillMix()
{
    for (int i = 0; i < 100; ++i) {
        if (call({"SET", "a:" + QByteArray::number(i), "v", "EX", "10"}).isError())
            return false;
    }
    for (int i = 0; i < 50; ++i) {
        if (call({"SET", "b:" + QByteArray::number(i), "v"}).isError())
            return false;
    }
    for (int i = 0; i < 30; ++i) {
        if (call({"SET", "c:" + QByteArray::number(i), "v", "EX", QByteArray::number(3000 + i * 10)})
                .isError())
            return false;
    }
    for (int i = 0; i < 5; ++i) {
        if (call({"RPUSH", "q:" + QByteArray::number(i), "job"}).isError())
            return false;
    }
    return true;
}

std::unique_ptr<TtlAnalyzer> TestTtlAnalyzer::run(TtlAnalyzer::Options options)
{
    auto analyzer = std::make_unique<TtlAnalyzer>(QList<RedisConnection *>{m_connection.get()}, options);
    QSignalSpy finished(analyzer.get(), &TtlAnalyzer::finished);
    analyzer->start();
    if (!finished.wait(20000))
        return nullptr;
    return analyzer;
}

const TtlAnalyzer::Namespace *TestTtlAnalyzer::find(const QList<TtlAnalyzer::Namespace> &list,
                                                    const QByteArray &name)
{
    m_keep = list;
    for (const TtlAnalyzer::Namespace &ns : std::as_const(m_keep)) {
        if (ns.name == name)
            return &ns;
    }
    return nullptr;
}

void TestTtlAnalyzer::knownMix()
{
    QVERIFY(fillMix());
    auto analyzer = run({});
    QVERIFY(analyzer);
    QCOMPARE(analyzer->sampled(), 185);
    QCOMPARE(analyzer->withoutTtl(), 55);
    const QList<TtlAnalyzer::Namespace> list = analyzer->namespaces();
    QCOMPARE(list.size(), 4);
    QCOMPARE(list.first().name, QByteArray("a")); // largest first
    const auto *a = find(list, "a");
    QCOMPARE(a->keys, 100);
    QCOMPARE(a->withoutTtl, 0);
    QVERIFY(a->maxMs <= 10000 && a->minMs > 5000);
    QCOMPARE(a->expiringSoon, 100); // within 60 s
    const auto *c = find(list, "c");
    QCOMPARE(c->keys, 30);
    QCOMPARE(c->expiringSoon, 0);
    QVERIFY(c->minMs > 2990 * 1000 && c->minMs <= 3000 * 1000);
    QVERIFY(c->maxMs > 3280 * 1000 && c->maxMs <= 3290 * 1000);
    QVERIFY(c->medianMs > 3140 * 1000 && c->medianMs <= 3150 * 1000);
    const auto *b = find(list, "b");
    QCOMPARE(b->withoutTtl, 50);
    QCOMPARE(b->minMs, -1);
    QVERIFY(!b->queueLike);
    QVERIFY(find(list, "q")->queueLike);
    QVERIFY(analyzer->warnings().isEmpty() || analyzer->policy() == "noeviction");
}

void TestTtlAnalyzer::rulesFindViolations()
{
    QVERIFY(fillMix());
    TtlAnalyzer::Options options;
    options.rules = {{"a:*", 10'000}, {"b:*", 60'000}, {"c:*", std::nullopt}, {"*", std::nullopt}};
    auto analyzer = run(options);
    QVERIFY(analyzer);
    QCOMPARE(analyzer->violationCount(), 80); // 50 b without TTL, 30 c with one; q matches "*" and has none
    QCOMPARE(analyzer->violations().size(), 80);
    for (const TtlAnalyzer::Violation &v : analyzer->violations()) {
        if (v.key.startsWith("b:")) {
            QCOMPARE(v.rule, 1);
            QCOMPARE(v.ttlMs, -1);
        } else {
            QVERIFY(v.key.startsWith("c:"));
            QCOMPARE(v.rule, 2);
            QVERIFY(v.ttlMs > 0);
        }
    }
}

void TestTtlAnalyzer::sampleLimit()
{
    QVERIFY(fillMix());
    TtlAnalyzer::Options options;
    options.sampleLimit = 40;
    auto analyzer = run(options);
    QVERIFY(analyzer);
    QCOMPARE(analyzer->sampled(), 40);
    options.pattern = "c:*";
    options.sampleLimit = 1000;
    analyzer = run(options);
    QVERIFY(analyzer);
    QCOMPARE(analyzer->sampled(), 30);
}

void TestTtlAnalyzer::policyWarnings()
{
    QVERIFY(fillMix());
    QCOMPARE(call({"CONFIG", "SET", "maxmemory-policy", "volatile-lru"}), RedisReply::status("OK"));
    auto analyzer = run({});
    QVERIFY(analyzer);
    QCOMPARE(analyzer->policy(), QByteArray("volatile-lru"));
    QCOMPARE(analyzer->warnings().size(), 1);
    QVERIFY2(analyzer->warnings().first().startsWith(
                 "maxmemory-policy is volatile-lru, but 29% of the sampled keys "
                 "have no TTL"),
             qPrintable(analyzer->warnings().first()));

    QCOMPARE(call({"CONFIG", "SET", "maxmemory-policy", "noeviction"}), RedisReply::status("OK"));
    analyzer = run({});
    QVERIFY(analyzer);
    QCOMPARE(analyzer->warnings().size(), 1);
    QVERIFY(analyzer->warnings().first().startsWith(
        "maxmemory-policy is noeviction on a cache-like keyspace (71%"));

    QCOMPARE(call({"CONFIG", "SET", "maxmemory-policy", "allkeys-lru"}), RedisReply::status("OK"));
    analyzer = run({});
    QVERIFY(analyzer);
    QCOMPARE(analyzer->warnings().size(), 1);
    QVERIFY(analyzer->warnings().first().startsWith(
        "maxmemory-policy is allkeys-lru and q hold lists or streams"));

    // Without queues, allkeys-* is fine.
    QCOMPARE(call({"DEL", "q:0", "q:1", "q:2", "q:3", "q:4"}), RedisReply::integer(5));
    analyzer = run({});
    QVERIFY(analyzer);
    QVERIFY(analyzer->warnings().isEmpty());
}

void TestTtlAnalyzer::reproducesTheDemoMix()
{
    // The expected mix, worked out from the commands that build the demo data.
    const QList<QList<QByteArray>> commands = DemoData::commands();
    QHash<QByteArray, bool> hasTtl;
    for (const QList<QByteArray> &command : commands) {
        const QByteArray verb = command.first().toUpper();
        const QByteArray &key = command.at(1);
        if (verb == "SET")
            hasTtl[key] = command.contains("EX") || command.contains("PX");
        else if (verb == "EXPIRE" || verb == "PEXPIRE")
            hasTtl[key] = true;
        else if (QList<QByteArray>{"HSET", "LPUSH", "RPUSH", "SADD", "ZADD", "XADD"}.contains(verb) &&
                 !hasTtl.contains(key))
            hasTtl[key] = false; // other commands (XGROUP CREATE, XREADGROUP, XACK …) create no key
    }
    QHash<QByteArray, QPair<qint64, qint64>> expected; // namespace -> keys, without TTL
    for (auto it = hasTtl.cbegin(); it != hasTtl.cend(); ++it) {
        auto &counts = expected[TtlAnalyzer::namespaceOf(it.key(), 2)];
        ++counts.first;
        counts.second += it.value() ? 0 : 1;
    }
    QList<RedisReply> replies;
    for (const QList<QByteArray> &command : commands)
        m_connection->command(command, this, [&replies](const RedisReply &r) { replies.append(r); });
    QTRY_COMPARE_WITH_TIMEOUT(replies.size(), commands.size(), 20000);

    TtlAnalyzer::Options options;
    options.sampleLimit = 100000;
    auto analyzer = run(options);
    QVERIFY(analyzer);
    QCOMPARE(analyzer->sampled(), qint64(hasTtl.size()));
    const QList<TtlAnalyzer::Namespace> list = analyzer->namespaces();
    QCOMPARE(list.size(), expected.size());
    for (const TtlAnalyzer::Namespace &ns : list) {
        QVERIFY2(expected.contains(ns.name), ns.name.constData());
        QCOMPARE(ns.keys, expected.value(ns.name).first);
        QCOMPARE(ns.withoutTtl, expected.value(ns.name).second);
    }
    // The demo's TTL strategy: dashboards 10 s, sessions 30 min, users never.
    QVERIFY(find(list, "cache:dashboard")->maxMs <= 10'000);
    QVERIFY(find(list, "sess")->maxMs <= 1800'000);
    QCOMPARE(find(list, "user")->minMs, -1);
}

void TestTtlAnalyzer::cancel()
{
    QVERIFY(fillMix());
    TtlAnalyzer analyzer({m_connection.get()}, {});
    QSignalSpy finished(&analyzer, &TtlAnalyzer::finished);
    analyzer.start();
    analyzer.cancel();
    QCOMPARE(finished.size(), 1);
    QVERIFY(analyzer.wasCancelled());
    QVERIFY(!analyzer.isRunning());
    QTest::qWait(200); // replies still arriving change nothing
    QCOMPARE(finished.size(), 1);
    QCOMPARE(analyzer.sampled(), 0);
}

void TestTtlAnalyzer::parseExpected()
{
    using E = std::optional<std::optional<qint64>>;
    QCOMPARE(TtlAnalyzer::parseExpected("10s"), E(10'000));
    QCOMPARE(TtlAnalyzer::parseExpected("5m"), E(300'000));
    QCOMPARE(TtlAnalyzer::parseExpected("15 min"), E(900'000));
    QCOMPARE(TtlAnalyzer::parseExpected("1h"), E(3'600'000));
    QCOMPARE(TtlAnalyzer::parseExpected("2d"), E(172'800'000));
    QCOMPARE(TtlAnalyzer::parseExpected("500ms"), E(500));
    QCOMPARE(TtlAnalyzer::parseExpected("30"), E(30'000));
    QCOMPARE(TtlAnalyzer::parseExpected("none"), E(std::optional<qint64>()));
    QCOMPARE(TtlAnalyzer::parseExpected(""), E(std::optional<qint64>()));
    QCOMPARE(TtlAnalyzer::parseExpected("10 parsecs"), E());
    QCOMPARE(TtlAnalyzer::parseExpected("-5s"), E());
    QCOMPARE(TtlAnalyzer::bucketOf(-1), 9);
    QCOMPARE(TtlAnalyzer::bucketOf(9'999), 0);
    QCOMPARE(TtlAnalyzer::bucketOf(10'000), 1);
    QCOMPARE(TtlAnalyzer::bucketOf(700'000'000), 8);
}

QTEST_GUILESS_MAIN(TestTtlAnalyzer)
#include "tst_ttlanalyzer.moc"
