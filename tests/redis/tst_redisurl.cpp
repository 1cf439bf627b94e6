#include "redisurl.h"

#include <QTest>

class TestRedisUrl : public QObject
{
    Q_OBJECT
private slots:
    void parsesValid_data();
    void parsesValid();
    void rejectsInvalid_data();
    void rejectsInvalid();
    void keepsBaseFields();
    void toUrl_data();
    void toUrl();
    void roundTrips_data();
    void roundTrips();
    void parsesSentinel_data();
    void parsesSentinel();
    void sentinelKeepsBaseFields();
    void parsesHostList_data();
    void parsesHostList();
    void formatsHostPort_data();
    void formatsHostPort();
};

namespace {

ConnectionConfig make(const QString &host, quint16 port = 6379, const QString &user = {},
                      const QString &password = {}, int db = 0, bool tls = false)
{
    ConnectionConfig c;
    c.host = host;
    c.port = port;
    c.username = user;
    c.password = password;
    c.db = db;
    c.tls = tls;
    return c;
}

ConnectionConfig sentinel(const QList<HostPort> &sentinels, const QString &master, const QString &user = {},
                          const QString &password = {}, int db = 0, bool tls = false)
{
    ConnectionConfig c = make(QStringLiteral("127.0.0.1"), 6379, user, password, db, tls);
    c.sentinels = sentinels;
    c.sentinelMaster = master;
    return c;
}

HostPort at(const QString &host, quint16 port = 26379)
{
    return {host, port};
}

} // namespace

void TestRedisUrl::parsesValid_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<ConnectionConfig>("expected");
    QTest::newRow("host-only") << "redis://localhost" << make(QStringLiteral("localhost"));
    QTest::newRow("host-port") << "redis://localhost:6380" << make(QStringLiteral("localhost"), 6380);
    QTest::newRow("render") << "redis://red-cn1abc2d3ef4gh:6379"
                            << make(QStringLiteral("red-cn1abc2d3ef4gh"));
    QTest::newRow("redis-cloud")
        << "redis://default:s3cret@redis-12345.c1.eu-west-1-2.ec2.cloud.redislabs.com:12345"
        << make(QStringLiteral("redis-12345.c1.eu-west-1-2.ec2.cloud.redislabs.com"), 12345, {},
                QStringLiteral("s3cret"));
    QTest::newRow("password-only") << "redis://:pw@cache" << make(QStringLiteral("cache"), 6379, {}, "pw");
    QTest::newRow("user-password") << "redis://alice:wonder@cache:7000/2"
                                   << make(QStringLiteral("cache"), 7000, "alice", "wonder", 2);
    QTest::newRow("user-only") << "redis://alice@cache" << make(QStringLiteral("cache"), 6379, "alice");
    QTest::newRow("tls") << "rediss://cache.example.com:6380"
                         << make(QStringLiteral("cache.example.com"), 6380, {}, {}, 0, true);
    QTest::newRow("upper-case-scheme")
        << "REDISS://cache" << make(QStringLiteral("cache"), 6379, {}, {}, 0, true);
    QTest::newRow("ipv6") << "redis://[::1]:6380" << make(QStringLiteral("::1"), 6380);
    QTest::newRow("ipv6-no-port") << "redis://[2001:db8::7]/1"
                                  << make(QStringLiteral("2001:db8::7"), 6379, {}, {}, 1);
    QTest::newRow("ipv4") << "redis://10.0.0.5" << make(QStringLiteral("10.0.0.5"));
    QTest::newRow("db-path") << "redis://cache/3" << make(QStringLiteral("cache"), 6379, {}, {}, 3);
    QTest::newRow("db-16-and-up") << "redis://cache/42" << make(QStringLiteral("cache"), 6379, {}, {}, 42);
    QTest::newRow("db-query") << "redis://cache?db=3" << make(QStringLiteral("cache"), 6379, {}, {}, 3);
    QTest::newRow("db-path-and-query-agree")
        << "redis://cache/3?db=3" << make(QStringLiteral("cache"), 6379, {}, {}, 3);
    QTest::newRow("trailing-slash") << "redis://cache:6379/" << make(QStringLiteral("cache"));
    QTest::newRow("percent-encoded") << "redis://us%40er:p%40ss%3Aw%2Ford%25@cache"
                                     << make(QStringLiteral("cache"), 6379, "us@er", "p@ss:w/ord%");
    QTest::newRow("unencoded-at-colon-slash")
        << "redis://:p@ss:w/rd@cache:6390" << make(QStringLiteral("cache"), 6390, {}, "p@ss:w/rd");
    QTest::newRow("utf8-password") << "redis://:caf%C3%A9@cache"
                                   << make(QStringLiteral("cache"), 6379, {}, "café");
    QTest::newRow("empty-password") << "redis://:@cache" << make(QStringLiteral("cache"));
    QTest::newRow("surrounding-space") << "  redis://cache  " << make(QStringLiteral("cache"));
    QTest::newRow("port-bounds") << "redis://cache:65535" << make(QStringLiteral("cache"), 65535);
}

void TestRedisUrl::parsesValid()
{
    QFETCH(QString, url);
    QFETCH(ConnectionConfig, expected);
    const RedisUrl::Result result = RedisUrl::parse(url);
    QVERIFY2(result.config, qPrintable(result.error));
    QVERIFY(result.error.isEmpty());
    QCOMPARE(result.config->host, expected.host);
    QCOMPARE(result.config->port, expected.port);
    QCOMPARE(result.config->username, expected.username);
    QCOMPARE(result.config->password, expected.password);
    QCOMPARE(result.config->db, expected.db);
    QCOMPARE(result.config->tls, expected.tls);
    QVERIFY(*result.config == expected);
}

void TestRedisUrl::rejectsInvalid_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("empty") << ""
                           << "empty";
    QTest::newRow("blank") << "   "
                           << "empty";
    QTest::newRow("no-scheme") << "localhost:6379"
                               << "redis://";
    QTest::newRow("no-scheme-says-rediss") << "localhost:6379"
                                           << "rediss://";
    QTest::newRow("http") << "http://cache:6379"
                          << "http://";
    QTest::newRow("empty-scheme") << "://cache"
                                  << "scheme";
    QTest::newRow("empty-host") << "redis://"
                                << "host";
    QTest::newRow("empty-host-port") << "redis://:6379"
                                     << "host";
    QTest::newRow("empty-host-user") << "redis://:pw@/0"
                                     << "host";
    QTest::newRow("host-char") << "redis://ca che"
                               << "host";
    QTest::newRow("host-hash") << "redis://cache#frag"
                               << "host";
    QTest::newRow("ipv6-unbracketed") << "redis://::1"
                                      << "brackets";
    QTest::newRow("ipv6-unclosed") << "redis://[::1:6379"
                                   << "]";
    QTest::newRow("ipv6-invalid") << "redis://[::g]:6379"
                                  << "IPv6";
    QTest::newRow("ipv6-ipv4-inside") << "redis://[10.0.0.1]"
                                      << "IPv6";
    QTest::newRow("ipv6-empty") << "redis://[]:6379"
                                << "host";
    QTest::newRow("ipv6-junk") << "redis://[::1]x"
                               << "IPv6 host";
    QTest::newRow("port-empty") << "redis://cache:"
                                << "port";
    QTest::newRow("port-nan") << "redis://cache:abc"
                              << "port “abc” is not a number";
    QTest::newRow("port-negative") << "redis://cache:-1"
                                   << "port";
    QTest::newRow("port-zero") << "redis://cache:0"
                               << "port 0 is out of range";
    QTest::newRow("port-too-big") << "redis://cache:65536"
                                  << "port 65536 is out of range";
    QTest::newRow("port-huge") << "redis://cache:99999999999999999999"
                               << "out of range";
    QTest::newRow("db-nan") << "redis://cache/abc"
                            << "database “abc”";
    QTest::newRow("db-negative") << "redis://cache/-1"
                                 << "database “-1”";
    QTest::newRow("db-huge") << "redis://cache/99999999999"
                             << "database number";
    QTest::newRow("db-query-nan") << "redis://cache?db=x"
                                  << "database “x”";
    QTest::newRow("db-query-empty") << "redis://cache?db="
                                    << "database";
    QTest::newRow("db-conflict") << "redis://cache/1?db=2"
                                 << "database is given twice";
    QTest::newRow("path-garbage") << "redis://cache/0/x"
                                  << "“/x” in the path";
    QTest::newRow("bad-escape-password") << "redis://:p%zzw@cache"
                                         << "password has an invalid percent-encoding “%zz”";
    QTest::newRow("truncated-escape") << "redis://:pw%4@cache"
                                      << "password";
    QTest::newRow("bad-escape-user") << "redis://us%g1:pw@cache"
                                     << "user name";
    QTest::newRow("not-utf8-password") << "redis://:%ff%fe@cache"
                                       << "password";
    QTest::newRow("unknown-query") << "redis://cache?timeout=5"
                                   << "query parameter “timeout”";
    QTest::newRow("sentinel-no-master") << "redis+sentinel://s1:26379,s2:26379"
                                        << "master name is missing";
    QTest::newRow("sentinel-no-master-slash") << "redis+sentinel://s1:26379/"
                                              << "master name is missing";
    QTest::newRow("sentinel-no-master-db") << "redis+sentinel://s1//2"
                                           << "master name is missing";
    QTest::newRow("sentinel-no-master-query") << "redis+sentinel://s1?db=2"
                                              << "master name is missing";
    QTest::newRow("sentinel-no-hosts") << "redis+sentinel:///mymaster"
                                       << "sentinels are missing";
    QTest::newRow("sentinel-empty-item") << "redis+sentinel://s1,,s2/mymaster"
                                         << "between two commas";
    QTest::newRow("sentinel-trailing-comma") << "redis+sentinel://s1,/mymaster"
                                             << "between two commas";
    QTest::newRow("sentinel-port-nan") << "redis+sentinel://s1:26379,s2:abc/mymaster"
                                       << "port “abc” is not a number";
    QTest::newRow("sentinel-port-zero") << "redis+sentinel://s1:0/mymaster"
                                        << "port 0 is out of range";
    QTest::newRow("sentinel-port-too-big") << "redis+sentinel://s1:26379,s2:70000/mymaster"
                                           << "port 70000 is out of range";
    QTest::newRow("sentinel-port-empty") << "redis+sentinel://s1:/mymaster"
                                         << "default port 26379";
    QTest::newRow("sentinel-host-empty") << "redis+sentinel://:26379/mymaster"
                                         << "host of the sentinel “:26379” is missing";
    QTest::newRow("sentinel-ipv6-unbracketed") << "redis+sentinel://::1/mymaster"
                                               << "brackets";
    QTest::newRow("sentinel-host-char") << "redis+sentinel://s 1/mymaster"
                                        << "not allowed in a host name";
    QTest::newRow("sentinel-db-nan") << "redis+sentinel://s1/mymaster/x"
                                     << "database “x”";
    QTest::newRow("sentinel-path-garbage") << "redis+sentinel://s1/mymaster/1/x"
                                           << "“/x” in the path";
    QTest::newRow("sentinel-master-bad-escape") << "redis+sentinel://s1/my%zz"
                                                << "master name has an invalid percent-encoding";
    QTest::newRow("sentinel-master-not-utf8") << "redis+sentinel://s1/%ff"
                                              << "master name";
    QTest::newRow("sentinel-db-conflict") << "redis+sentinel://s1/m/1?db=2"
                                          << "database is given twice";
}

void TestRedisUrl::rejectsInvalid()
{
    QFETCH(QString, url);
    QFETCH(QString, mentions);
    const RedisUrl::Result result = RedisUrl::parse(url);
    QVERIFY(!result.config);
    QVERIFY2(result.error.contains(mentions, Qt::CaseInsensitive), qPrintable(result.error));
}

void TestRedisUrl::keepsBaseFields()
{
    ConnectionConfig base;
    base.id = QStringLiteral("id-1");
    base.name = QStringLiteral("prod");
    base.username = QStringLiteral("bob");
    base.password = QStringLiteral("from-base");
    base.caFile = QStringLiteral("/etc/ca.pem");
    base.commandTimeoutMs = 1234;
    base.readOnly = true;
    base.db = 5;

    const RedisUrl::Result plain = RedisUrl::parse(QStringLiteral("rediss://cache:6380"), base);
    QVERIFY2(plain.config, qPrintable(plain.error));
    QCOMPARE(plain.config->id, base.id);
    QCOMPARE(plain.config->name, base.name);
    QCOMPARE(plain.config->caFile, base.caFile);
    QCOMPARE(plain.config->commandTimeoutMs, 1234);
    QVERIFY(plain.config->readOnly);
    // No user info in the URL: user and password stay; the db is the URL's (none means 0).
    QCOMPARE(plain.config->username, QStringLiteral("bob"));
    QCOMPARE(plain.config->password, QStringLiteral("from-base"));
    QCOMPARE(plain.config->db, 0);
    QVERIFY(plain.config->tls);

    const RedisUrl::Result userOnly = RedisUrl::parse(QStringLiteral("redis://alice@cache"), base);
    QVERIFY(userOnly.config);
    QCOMPARE(userOnly.config->username, QStringLiteral("alice"));
    QCOMPARE(userOnly.config->password, QStringLiteral("from-base"));
    QVERIFY(!userOnly.config->tls);

    const RedisUrl::Result both = RedisUrl::parse(QStringLiteral("redis://default:new@cache"), base);
    QVERIFY(both.config);
    QCOMPARE(both.config->username, QString()); // "default" is what AUTH <password> means
    QCOMPARE(both.config->password, QStringLiteral("new"));
}

void TestRedisUrl::toUrl_data()
{
    QTest::addColumn<ConnectionConfig>("config");
    QTest::addColumn<bool>("withPassword");
    QTest::addColumn<QString>("url");
    QTest::newRow("plain") << make(QStringLiteral("cache")) << true << "redis://cache:6379";
    QTest::newRow("tls-db") << make(QStringLiteral("cache"), 6380, {}, {}, 4, true) << false
                            << "rediss://cache:6380/4";
    QTest::newRow("password-hidden") << make(QStringLiteral("cache"), 6379, "alice", "pw") << false
                                     << "redis://alice@cache:6379";
    QTest::newRow("password-only-hidden")
        << make(QStringLiteral("cache"), 6379, {}, "pw") << false << "redis://cache:6379";
    QTest::newRow("password-shown") << make(QStringLiteral("cache"), 6379, {}, "p@ss:w/rd%") << true
                                    << "redis://:p%40ss%3Aw%2Frd%25@cache:6379";
    QTest::newRow("user-encoded") << make(QStringLiteral("cache"), 6379, "a b", "é") << true
                                  << "redis://a%20b:%C3%A9@cache:6379";
    QTest::newRow("ipv6") << make(QStringLiteral("::1"), 6380) << false << "redis://[::1]:6380";
    QTest::newRow("sentinel") << sentinel({at("s1"), at("10.0.0.2", 26380)}, "mymaster", {}, "pw") << false
                              << "redis+sentinel://s1:26379,10.0.0.2:26380/mymaster";
    QTest::newRow("sentinel-user-db-tls") << sentinel({at("::1")}, "cache one", "app", "p@ss", 2, true)
                                          << true << "rediss+sentinel://app:p%40ss@[::1]:26379/cache%20one/2";
}

void TestRedisUrl::toUrl()
{
    QFETCH(ConnectionConfig, config);
    QFETCH(bool, withPassword);
    QFETCH(QString, url);
    QCOMPARE(RedisUrl::toUrl(config, withPassword), url);
}

void TestRedisUrl::roundTrips_data()
{
    QTest::addColumn<ConnectionConfig>("config");
    QTest::newRow("default") << ConnectionConfig();
    QTest::newRow("tls-db") << make(QStringLiteral("cache.example.com"), 6380, {}, {}, 15, true);
    QTest::newRow("acl-user") << make(QStringLiteral("10.1.2.3"), 7000, "app:reader", "p@ss:/?#[]% w", 3);
    QTest::newRow("password-only") << make(QStringLiteral("red-abc123"), 6379, {}, "Zm9v/YmFy+cXV4=");
    QTest::newRow("ipv6") << make(QStringLiteral("2001:db8::1"), 1, "ünï", "пароль😀", 100);
    QTest::newRow("user-no-password") << make(QStringLiteral("cache"), 65535, "alice");
    QTest::newRow("sentinel") << sentinel({at("s1"), at("s2", 26380), at("2001:db8::1", 1)}, "mymaster");
    QTest::newRow("sentinel-everything")
        << sentinel({at("10.0.0.1")}, "m/ä?#%", "ünï", "p@ss:/?#[]% w", 9, true);
}

void TestRedisUrl::roundTrips()
{
    QFETCH(ConnectionConfig, config);
    const QString url = RedisUrl::toUrl(config, true);
    const RedisUrl::Result result = RedisUrl::parse(url);
    QVERIFY2(result.config, qPrintable(url + QStringLiteral(": ") + result.error));
    QCOMPARE(RedisUrl::toUrl(*result.config, true), url);
    QVERIFY2(*result.config == config, qPrintable(url));
}

void TestRedisUrl::parsesSentinel_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<ConnectionConfig>("expected");
    QTest::newRow("one") << "redis+sentinel://s1:26379/mymaster" << sentinel({at("s1")}, "mymaster");
    QTest::newRow("default-port") << "redis+sentinel://s1/mymaster" << sentinel({at("s1")}, "mymaster");
    QTest::newRow("three") << "redis+sentinel://10.0.0.1:26379,10.0.0.2:26380,s3/mymaster"
                           << sentinel({at("10.0.0.1"), at("10.0.0.2", 26380), at("s3")}, "mymaster");
    QTest::newRow("auth-db") << "redis+sentinel://alice:wonder@s1,s2/cache/3"
                             << sentinel({at("s1"), at("s2")}, "cache", "alice", "wonder", 3);
    QTest::newRow("password-only") << "redis+sentinel://:pw@s1/m" << sentinel({at("s1")}, "m", {}, "pw");
    QTest::newRow("default-user") << "redis+sentinel://default:pw@s1/m"
                                  << sentinel({at("s1")}, "m", {}, "pw");
    QTest::newRow("db-query") << "redis+sentinel://s1/m?db=4" << sentinel({at("s1")}, "m", {}, {}, 4);
    QTest::newRow("trailing-slash") << "redis+sentinel://s1/m/" << sentinel({at("s1")}, "m");
    QTest::newRow("tls") << "rediss+sentinel://s1:26380/m"
                         << sentinel({at("s1", 26380)}, "m", {}, {}, 0, true);
    QTest::newRow("upper-case-scheme") << "REDIS+SENTINEL://s1/m" << sentinel({at("s1")}, "m");
    QTest::newRow("ipv6") << "redis+sentinel://[::1]:26380,[2001:db8::7]/m"
                          << sentinel({at("::1", 26380), at("2001:db8::7")}, "m");
    QTest::newRow("encoded-master") << "redis+sentinel://s1/my%20master%2Fone"
                                    << sentinel({at("s1")}, "my master/one");
}

void TestRedisUrl::parsesSentinel()
{
    QFETCH(QString, url);
    QFETCH(ConnectionConfig, expected);
    const RedisUrl::Result result = RedisUrl::parse(url);
    QVERIFY2(result.config, qPrintable(result.error));
    QVERIFY(result.error.isEmpty());
    QVERIFY(result.config->usesSentinel());
    QCOMPARE(result.config->sentinels.size(), expected.sentinels.size());
    for (qsizetype i = 0; i < expected.sentinels.size(); ++i)
        QCOMPARE(result.config->sentinels.at(i).endpoint(), expected.sentinels.at(i).endpoint());
    QCOMPARE(result.config->sentinelMaster, expected.sentinelMaster);
    QCOMPARE(result.config->username, expected.username);
    QCOMPARE(result.config->password, expected.password);
    QCOMPARE(result.config->db, expected.db);
    QCOMPARE(result.config->tls, expected.tls);
    QVERIFY(*result.config == expected);
}

void TestRedisUrl::sentinelKeepsBaseFields()
{
    ConnectionConfig base;
    base.name = QStringLiteral("prod");
    base.host = QStringLiteral("old-master");
    base.sentinelUsername = QStringLiteral("sentinel-user");
    base.sentinelPassword = QStringLiteral("sentinel-pw");
    base.readOnly = true;
    const RedisUrl::Result result = RedisUrl::parse(QStringLiteral("redis+sentinel://:pw@s1/m"), base);
    QVERIFY2(result.config, qPrintable(result.error));
    // The sentinels' own credentials are not in the URL: they stay as they were.
    QCOMPARE(result.config->sentinelUsername, QStringLiteral("sentinel-user"));
    QCOMPARE(result.config->sentinelPassword, QStringLiteral("sentinel-pw"));
    QCOMPARE(result.config->password, QStringLiteral("pw"));
    QCOMPARE(result.config->name, QStringLiteral("prod"));
    QVERIFY(result.config->readOnly);
    const QList<ConnectionConfig> sentinels = result.config->sentinelConfigs();
    QCOMPARE(sentinels.size(), 1);
    QCOMPARE(sentinels.first().endpoint(), QStringLiteral("s1:26379"));
    QCOMPARE(sentinels.first().password, QStringLiteral("sentinel-pw"));
    QCOMPARE(sentinels.first().username, QStringLiteral("sentinel-user"));
    QVERIFY(!sentinels.first().readOnly);

    // A plain URL over a Sentinel profile: a direct connection again.
    const RedisUrl::Result direct = RedisUrl::parse(QStringLiteral("redis://cache:6380"), *result.config);
    QVERIFY(direct.config);
    QVERIFY(!direct.config->usesSentinel());
    QVERIFY(direct.config->sentinels.isEmpty());
    QCOMPARE(direct.config->endpoint(), QStringLiteral("cache:6380"));
}

void TestRedisUrl::parsesHostList_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("endpoints");
    QTest::addColumn<QString>("error");
    QTest::newRow("empty") << "" << QStringList() << "";
    QTest::newRow("blank") << " \n " << QStringList() << "";
    QTest::newRow("one") << "s1" << QStringList{"s1:26379"} << "";
    QTest::newRow("commas") << "s1:26379,s2:26380" << QStringList{"s1:26379", "s2:26380"} << "";
    QTest::newRow("mixed-separators")
        << " 10.0.0.1:1 ; 10.0.0.2\n[::1]:3,  s4 "
        << QStringList{"10.0.0.1:1", "10.0.0.2:26379", "[::1]:3", "s4:26379"} << "";
    QTest::newRow("bad-port") << "s1:26379, s2:x" << QStringList() << "port “x” is not a number";
    QTest::newRow("port-range") << "s1:99999" << QStringList() << "out of range";
    QTest::newRow("port-empty") << "s1:" << QStringList() << "port after “s1:” is missing";
    QTest::newRow("no-host") << ":26379" << QStringList() << "host of the sentinel";
    QTest::newRow("ipv6-unbracketed") << "::1" << QStringList() << "brackets";
    QTest::newRow("url-given") << "redis://s1" << QStringList() << "“//s1” is not a number";
}

void TestRedisUrl::parsesHostList()
{
    QFETCH(QString, text);
    QFETCH(QStringList, endpoints);
    QFETCH(QString, error);
    const RedisUrl::HostList list = RedisUrl::parseHostList(text);
    QVERIFY2(list.error.contains(error), qPrintable(list.error));
    QCOMPARE(list.error.isEmpty(), error.isEmpty());
    QStringList got;
    for (const HostPort &address : list.hosts)
        got.append(address.endpoint());
    QCOMPARE(got, endpoints);
}

void TestRedisUrl::formatsHostPort_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<quint16>("port");
    QTest::addColumn<QString>("expected");
    QTest::newRow("name") << "cache" << quint16(6379) << "cache:6379";
    QTest::newRow("ipv4") << "10.0.0.1" << quint16(7000) << "10.0.0.1:7000";
    QTest::newRow("ipv6-loopback") << "::1" << quint16(6379) << "[::1]:6379";
    QTest::newRow("ipv6") << "fe80::1%eth0" << quint16(26379) << "[fe80::1%eth0]:26379";
}

void TestRedisUrl::formatsHostPort()
{
    QFETCH(QString, host);
    QFETCH(quint16, port);
    QFETCH(QString, expected);
    QCOMPARE(HostPort::format(host, port), expected);
    QCOMPARE((HostPort{host, port}).endpoint(), expected);
    ConnectionConfig config;
    config.host = host;
    config.port = port;
    QCOMPARE(config.endpoint(), expected);
}

QTEST_GUILESS_MAIN(TestRedisUrl)
#include "tst_redisurl.moc"
