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

QTEST_GUILESS_MAIN(TestRedisUrl)
#include "tst_redisurl.moc"
