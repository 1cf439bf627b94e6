#include "blockingcall.h"
#include "healthadvisor.h"
#include "redisconnection.h"
#include "testserver.h"

#include <memory>
#include <QSignalSpy>
#include <QTest>

using Status = HealthAdvisor::Status;

namespace {

QHash<QString, Status> verdicts(const QList<HealthAdvisor::Check> &checks)
{
    QHash<QString, Status> out;
    for (const HealthAdvisor::Check &c : checks)
        out.insert(c.id, c.status);
    return out;
}

const HealthAdvisor::Check *find(const QList<HealthAdvisor::Check> &checks, const QString &id)
{
    for (const HealthAdvisor::Check &c : checks) {
        if (c.id == id)
            return &c;
    }
    return nullptr;
}

} // namespace

class TestHealthAdvisor : public QObject
{
    Q_OBJECT
private slots:
    void defaultServer();
    void hardenedServer();
    void exposedWithoutPassword();
    void noevictionOnACache();
    void countersAndPressure();

private:
    QList<HealthAdvisor::Check> advise(const ConnectionConfig &config);
};

QList<HealthAdvisor::Check> TestHealthAdvisor::advise(const ConnectionConfig &config)
{
    auto connection = TestServer::connect(config);
    if (!connection)
        return {};
    HealthAdvisor advisor(connection.get());
    QSignalSpy finished(&advisor, &HealthAdvisor::finished);
    advisor.run();
    if (!finished.wait(10000))
        return {};
    return advisor.checks();
}

void TestHealthAdvisor::defaultServer()
{
    TestServer server;
    QVERIFY(server.start());
    const auto checks = advise(server.config());
    const auto v = verdicts(checks);
    QCOMPARE(v.value("auth"), Status::Info); // no password, but loopback only
    QCOMPARE(v.value("protected-mode"), Status::Ok);
    QCOMPARE(v.value("maxmemory"), Status::Warning);
    QCOMPARE(find(checks, "maxmemory")->fix.split('\n').last(), QString("CONFIG SET maxmemory 2gb"));
    QCOMPARE(v.value("aof"), Status::Warning);
    QCOMPARE(v.value("replication"), Status::Info);
    QVERIFY(!v.contains("memory-pressure")); // no limit: nothing to compare with
}

void TestHealthAdvisor::hardenedServer()
{
    TestServer server;
    QVERIFY(server.start({"--requirepass", "s3cret", "--maxmemory", "100mb", "--maxmemory-policy",
                          "allkeys-lru", "--appendonly", "yes", "--save", "3600 1"}));
    ConnectionConfig config = server.config();
    config.password = "s3cret";
    const auto v = verdicts(advise(config));
    QCOMPARE(v.value("auth"), Status::Ok);
    QCOMPARE(v.value("maxmemory"), Status::Ok);
    QCOMPARE(v.value("policy"), Status::Ok);
    QCOMPARE(v.value("aof"), Status::Ok);
    QCOMPARE(v.value("rdb"), Status::Ok);
    QCOMPARE(v.value("memory-pressure"), Status::Ok);
}

void TestHealthAdvisor::exposedWithoutPassword()
{
    TestServer server;
    QVERIFY(server.start({"--bind", "0.0.0.0", "--protected-mode", "no", "--save", ""}));
    const auto checks = advise(server.config());
    const auto v = verdicts(checks);
    QCOMPARE(v.value("auth"), Status::Critical);
    QCOMPARE(v.value("protected-mode"), Status::Critical);
    QVERIFY(find(checks, "protected-mode")->fix.startsWith("protected-mode yes"));
    QCOMPARE(v.value("rdb"), Status::Warning);
}

void TestHealthAdvisor::noevictionOnACache()
{
    TestServer server;
    QVERIFY(server.start({"--maxmemory", "50mb", "--maxmemory-policy", "noeviction"}));
    auto connection = server.connect();
    QVERIFY(connection);
    for (int i = 0; i < 10; ++i)
        QCOMPARE(blockingCall(*connection, {"SET", "cache:" + QByteArray::number(i), "v", "EX", "60"}),
                 RedisReply::status("OK"));
    const auto checks = advise(server.config());
    QCOMPARE(verdicts(checks).value("policy"), Status::Warning);
    QVERIFY(find(checks, "policy")->fix.startsWith("maxmemory-policy volatile-lru"));
    // volatile-lru where few keys expire: the others would never be evicted.
    for (int i = 0; i < 30; ++i)
        QCOMPARE(blockingCall(*connection, {"SET", "user:" + QByteArray::number(i), "v"}),
                 RedisReply::status("OK"));
    QCOMPARE(blockingCall(*connection, {"CONFIG", "SET", "maxmemory-policy", "volatile-lru"}),
             RedisReply::status("OK"));
    QCOMPARE(verdicts(advise(server.config())).value("policy"), Status::Warning);
}

void TestHealthAdvisor::countersAndPressure()
{
    const auto info = [](const QByteArray &text) { return ServerInfo::parse(text); };
    HealthAdvisor::Facts facts;
    facts.previous = info("rejected_connections:3\r\nevicted_keys:100\r\n");
    facts.info = info("role:slave\r\nmaster_link_status:down\r\nrdb_last_bgsave_status:err\r\n"
                      "used_memory:95\r\nmaxmemory:100\r\nkeyspace_hits:70\r\nkeyspace_misses:30\r\n"
                      "mem_fragmentation_ratio:1.80\r\nused_memory_rss:104857600\r\n"
                      "rejected_connections:5\r\nevicted_keys:150\r\n");
    const auto checks = HealthAdvisor::evaluate(facts);
    const auto v = verdicts(checks);
    QCOMPARE(v.value("replication"), Status::Critical);
    QCOMPARE(v.value("bgsave"), Status::Critical);
    QCOMPARE(v.value("memory-pressure"), Status::Critical);
    QCOMPARE(v.value("hit-ratio"), Status::Warning);
    QCOMPARE(v.value("fragmentation"), Status::Warning);
    QCOMPARE(v.value("rejected"), Status::Critical);
    QCOMPARE(find(checks, "rejected")->why,
             QString("2 connection(s) were refused since the last check: maxclients is reached."));
    QCOMPARE(v.value("evictions"), Status::Warning);
    // Nothing grew, nothing to say.
    facts.previous = facts.info;
    const auto calm = verdicts(HealthAdvisor::evaluate(facts));
    QVERIFY(!calm.contains("rejected"));
    QVERIFY(!calm.contains("evictions"));
}

QTEST_GUILESS_MAIN(TestHealthAdvisor)
#include "tst_healthadvisor.moc"
