#include "connectionexport.h"
#include "connectionimport.h"

#include <QFile>
#include <QTest>

namespace {

ConnectionImport::Result readSample(const QString &name, const QList<ConnectionConfig> &existing = {})
{
    QFile file(QFINDTESTDATA("imports/" + name));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return ConnectionImport::read(file.readAll(), existing);
}

const ConnectionImport::Entry *named(const ConnectionImport::Result &result, const QString &name)
{
    for (const ConnectionImport::Entry &e : result.entries) {
        if (e.config.name == name)
            return &e;
    }
    return nullptr;
}

} // namespace

class TestConnectionImport : public QObject
{
    Q_OBJECT
private slots:
    void redisInsight();
    void anotherRedisDesktopManager();
    void respApp();
    void tinyRdm();
    void urlList();
    void duplicatesAreFlagged();
    void exportReadsBackWithoutPasswords();
    void malformedFilesSayWhy();
    void aScalarWhereAMapGoesIsNotAnError();
};

void TestConnectionImport::redisInsight()
{
    const ConnectionImport::Result r = readSample("redisinsight-export.json");
    QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
    QCOMPARE(r.format, ConnectionImport::Format::RedisInsight);
    QCOMPARE(r.entries.size(), 4);
    const auto *prod = named(r, "Production cache");
    QVERIFY(prod);
    QCOMPARE(prod->config.host, QString("cache.prod.internal"));
    QCOMPARE(prod->config.port, quint16(6380));
    QCOMPARE(prod->config.db, 2);
    QCOMPARE(prod->config.username, QString("app"));
    QCOMPARE(prod->config.password, QString("s3cret"));
    QVERIFY(prod->config.tls);
    QCOMPARE(prod->config.serverName, QString("cache.example.com"));
    QVERIFY(!prod->config.verifyPeer);
    QCOMPARE(prod->notes.size(), 2); // not verified; the CA inside the file is not taken over
    QVERIFY(named(r, "Sessions cluster")->cluster);
    const auto *queues = named(r, "Queues (Sentinel)");
    QVERIFY(queues->config.usesSentinel());
    QCOMPARE(queues->config.sentinelMaster, QString("mymaster"));
    QCOMPARE(queues->config.sentinels.first().endpoint(), QString("10.0.5.20:26379"));
    QCOMPARE(queues->config.sentinelPassword, QString("sentinel-pass"));
    QCOMPARE(queues->config.password, QString("master-pass"));
    const auto *bastion = named(r, "Behind the bastion");
    QCOMPARE(bastion->ssh, QString("ops@bastion.example.com:2222"));
    QVERIFY(bastion->notes.join(' ').contains("SSH"));
}

void TestConnectionImport::anotherRedisDesktopManager()
{
    const ConnectionImport::Result r = readSample("ardm-export.txt");
    QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
    QCOMPARE(r.format, ConnectionImport::Format::AnotherRedisDesktopManager);
    QCOMPARE(r.entries.size(), 4);
    const auto *staging = named(r, "Staging");
    QCOMPARE(staging->config.password, QString("st4ging"));
    QVERIFY(staging->config.readOnly);
    const auto *tls = named(r, "10.0.9.1:7001"); // unnamed: named after its address
    QVERIFY(tls);
    QVERIFY(tls->cluster);
    QVERIFY(tls->config.tls);
    QCOMPARE(tls->config.caFile, QString("/home/me/tls/ca.pem"));
    QCOMPARE(tls->config.certFile, QString("/home/me/tls/client.crt"));
    QCOMPARE(tls->config.keyFile, QString("/home/me/tls/client.key"));
    QCOMPARE(tls->config.serverName, QString("redis.internal"));
    const auto *sentinel = named(r, "ARDM sentinel");
    QCOMPARE(sentinel->config.sentinelMaster, QString("orders"));
    QCOMPARE(sentinel->config.sentinelPassword, QString("sentinel-pass"));
    QCOMPARE(sentinel->config.password, QString("node-pass"));
    QCOMPARE(named(r, "Tunnelled")->ssh, QString("deploy@jump.example.com:22"));
}

void TestConnectionImport::respApp()
{
    const ConnectionImport::Result r = readSample("respapp-connections.json");
    QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
    QCOMPARE(r.format, ConnectionImport::Format::RespApp);
    QCOMPARE(r.entries.size(), 3); // the group's two, flattened
    const auto *prod = named(r, "RESP production");
    QCOMPARE(prod->config.password, QString("r3sp"));
    QVERIFY(prod->config.tls);
    QVERIFY(prod->config.verifyPeer);
    QCOMPARE(prod->config.caFile, QString("/etc/ssl/redis-ca.pem"));
    QCOMPARE(prod->config.connectTimeoutMs, 60000);
    QCOMPARE(named(r, "Via SSH")->ssh, QString("me@bastion.example.com:22"));
    QCOMPARE(named(r, "Dev")->config.username, QString("dev"));
    QCOMPARE(named(r, "Dev")->config.commandTimeoutMs, 20000);
}

void TestConnectionImport::tinyRdm()
{
    const ConnectionImport::Result r = readSample("tinyrdm-connections.yaml");
    QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
    QCOMPARE(r.format, ConnectionImport::Format::TinyRdm);
    QCOMPARE(r.entries.size(), 4);
    const auto *local = named(r, "Local");
    QCOMPARE(local->config.db, 3);
    QCOMPARE(local->config.password, QString("local-pass"));
    QCOMPARE(local->config.colour, QString("#F75B52"));
    QVERIFY(local->ssh.isEmpty()); // login_type alone is not an SSH tunnel
    const auto *tls = named(r, "Work TLS");
    QVERIFY(tls->config.tls);
    QVERIFY(!tls->config.verifyPeer);
    QCOMPARE(tls->config.serverName, QString("redis.work.example"));
    QCOMPARE(tls->config.port, quint16(6390));
    const auto *sentinel = named(r, "Work sentinel");
    QCOMPARE(sentinel->config.sentinelMaster, QString("cache"));
    QCOMPARE(sentinel->config.sentinelPassword, QString("sentinel-pass"));
    QCOMPARE(sentinel->config.password, QString("data-pass"));
    const auto *cluster = named(r, "Work cluster via bastion");
    QVERIFY(cluster->cluster);
    QCOMPARE(cluster->ssh, QString("ops@bastion.work.example:22"));
}

void TestConnectionImport::urlList()
{
    const ConnectionImport::Result r = readSample("redis-urls.txt");
    QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
    QCOMPARE(r.format, ConnectionImport::Format::UrlList);
    QCOMPARE(r.entries.size(), 3);
    QCOMPARE(r.entries[0].config.password, QString("pa55"));
    QCOMPARE(r.entries[0].config.db, 1);
    QVERIFY(r.entries[1].config.tls);
    QCOMPARE(r.entries[1].config.username, QString("reporter"));
    QCOMPARE(r.entries[2].config.name, QString("[::1]:6379"));
    QCOMPARE(r.skipped.size(), 1);
    QVERIFY2(r.skipped.first().startsWith("line 6: "), qPrintable(r.skipped.first()));
}

void TestConnectionImport::duplicatesAreFlagged()
{
    ConnectionConfig existing;
    existing.name = "Prod (mine)";
    existing.host = "CACHE.prod.internal";
    existing.port = 6380;
    existing.db = 2;
    existing.username = "app";
    const ConnectionImport::Result r = readSample("redisinsight-export.json", {existing});
    QCOMPARE(named(r, "Production cache")->duplicateOf, QString("Prod (mine)"));
    QVERIFY(named(r, "Sessions cluster")->duplicateOf.isEmpty());
}

void TestConnectionImport::exportReadsBackWithoutPasswords()
{
    const ConnectionImport::Result original = readSample("tinyrdm-connections.yaml");
    QList<ConnectionConfig> profiles;
    for (const auto &e : original.entries)
        profiles.append(e.config);
    const QByteArray withoutPasswords = ConnectionExport::toJson(profiles, false);
    QVERIFY(!withoutPasswords.contains("local-pass"));
    QVERIFY(!withoutPasswords.contains("sentinel-pass"));
    const ConnectionImport::Result back = ConnectionImport::read(withoutPasswords);
    QCOMPARE(back.format, ConnectionImport::Format::Keyscope);
    QCOMPARE(back.entries.size(), profiles.size());
    for (qsizetype i = 0; i < profiles.size(); ++i) {
        ConnectionConfig expected = profiles[i];
        expected.password.clear();
        expected.sentinelPassword.clear();
        QCOMPARE(back.entries[i].config, expected);
    }
    const ConnectionImport::Result withPasswords =
        ConnectionImport::read(ConnectionExport::toJson(profiles, true));
    for (qsizetype i = 0; i < profiles.size(); ++i)
        QCOMPARE(withPasswords.entries[i].config, profiles[i]);
}

void TestConnectionImport::malformedFilesSayWhy()
{
    QCOMPARE(ConnectionImport::read("").error, QString("The file is empty."));
    QVERIFY(ConnectionImport::read("[{\"host\": ").error.startsWith("The JSON is malformed at byte"));
    QVERIFY(ConnectionImport::read("{\"hello\": 1}").error.contains("no list of connections"));
    QVERIFY(ConnectionImport::read("- name: [unclosed").error.startsWith("The YAML is malformed"));
    QVERIFY(ConnectionImport::read("just some text").error.startsWith("Not a connection file"));
    QVERIFY(ConnectionImport::read(QByteArray(17 * 1024 * 1024, ' ')).error.contains("16 MiB"));
    // Not an entry: skipped and said, the others kept.
    const ConnectionImport::Result mixed = ConnectionImport::read("[42, {\"host\": \"h\", \"auth\": \"x\"}]");
    QCOMPARE(mixed.entries.size(), 1);
    QCOMPARE(mixed.skipped.size(), 1);
    // Deep nesting of groups does not recurse without end.
    QByteArray deep = "[";
    for (int i = 0; i < 200; ++i)
        deep += "{\"type\": \"group\", \"name\": \"g\", \"connections\": [";
    deep += "{\"host\": \"h\", \"timeout_connect\": 1}";
    for (int i = 0; i < 200; ++i)
        deep += "]}";
    deep += "]";
    const ConnectionImport::Result nested = ConnectionImport::read(deep);
    QCOMPARE(nested.format, ConnectionImport::Format::RespApp);
    QCOMPARE(nested.error, QString("The file holds no connection.")); // groups deeper than 8 are not read
}

void TestConnectionImport::aScalarWhereAMapGoesIsNotAnError()
{
    // Found by fuzz_import: yaml-cpp throws on a subscript of a scalar, which ended the read halfway with
    // both entries and an error. A section that is not a map is now read as absent.
    const ConnectionImport::Result r =
        ConnectionImport::read("- name: A\n  addr: a.example\n  ssl: true\n"
                               "  sentinel: [1, 2]\n- name: B\n  addr: b.example\n");
    QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
    QCOMPARE(r.entries.size(), 2);
    QVERIFY(!r.entries[0].config.tls);
    QVERIFY(!r.entries[0].config.usesSentinel());
    QCOMPARE(r.entries[1].config.host, QString("b.example"));
}

QTEST_GUILESS_MAIN(TestConnectionImport)
#include "tst_connectionimport.moc"
