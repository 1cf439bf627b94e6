#include "embeddedserver.h"
#include "redisconnection.h"
#include "testserver.h"
#include "tlsfixture.h"

#include <memory>
#include <optional>
#include <QSignalSpy>
#include <QTest>

// TLS against a real redis-server with certificates made by openssl in the test.
class TestTls : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void verifiedConnectionWorks();
    void hostnameMismatchIsRejected();
    void untrustedCaIsRejected();
    void verificationCanBeTurnedOff();
    void clientCertificateRequired();
    void plainClientOnTlsPortIsExplained();
    void tlsClientOnPlainPortIsExplained();

private:
    ConnectionConfig tlsConfig(quint16 port) const;
    ConnectionError errorOf(const ConnectionConfig &config);
    bool pings(const ConnectionConfig &config);

    TlsFixture m_pki;
    TestServer m_server;       // TLS, client certificates optional
    TestServer m_mutualServer; // TLS, client certificate required
    quint16 m_tlsPort = 0;
    quint16 m_mutualPort = 0;
};

void TestTls::initTestCase()
{
    QVERIFY(m_pki.create());
    m_tlsPort = EmbeddedServer::freePort();
    QVERIFY(m_server.start(m_pki.serverArgs(m_tlsPort, false)));
    m_mutualPort = EmbeddedServer::freePort();
    QVERIFY(m_mutualServer.start(m_pki.serverArgs(m_mutualPort, true)));
}

ConnectionConfig TestTls::tlsConfig(quint16 port) const
{
    ConnectionConfig config;
    config.host = QStringLiteral("127.0.0.1");
    config.port = port;
    config.tls = true;
    config.caFile = m_pki.caCert();
    return config;
}

ConnectionError TestTls::errorOf(const ConnectionConfig &config)
{
    RedisConnection connection(config);
    QSignalSpy spy(&connection, &RedisConnection::errorOccurred);
    connection.open();
    if (spy.isEmpty() && !spy.wait(10000))
        return {};
    return spy.first().first().value<ConnectionError>();
}

bool TestTls::pings(const ConnectionConfig &config)
{
    RedisConnection connection(config);
    connection.open();
    auto reply = std::make_shared<std::optional<RedisReply>>();
    connection.command({"PING"}, nullptr, [reply](const RedisReply &r) { *reply = r; });
    if (!QTest::qWaitFor([&] { return reply->has_value(); }, 10000))
        return false;
    if (**reply != RedisReply::status("PONG"))
        qWarning() << (*reply)->errorMessage();
    return **reply == RedisReply::status("PONG");
}

void TestTls::verifiedConnectionWorks()
{
    QVERIFY(pings(tlsConfig(m_tlsPort)));
    ConnectionConfig byName = tlsConfig(m_tlsPort);
    byName.serverName = QStringLiteral("localhost"); // SNI + verification against the DNS name
    QVERIFY(pings(byName));
}

void TestTls::hostnameMismatchIsRejected()
{
    ConnectionConfig config = tlsConfig(m_tlsPort);
    config.serverName = QStringLiteral("redis.example.com");
    const ConnectionError error = errorOf(config);
    QCOMPARE(error.kind, ConnectionError::Kind::TlsVerification);
    QVERIFY2(error.message.contains(QLatin1String("host name did not match")), qPrintable(error.message));
}

void TestTls::untrustedCaIsRejected()
{
    ConnectionConfig config = tlsConfig(m_tlsPort);
    config.caFile.clear(); // system CAs do not know our test CA
    const ConnectionError error = errorOf(config);
    QCOMPARE(error.kind, ConnectionError::Kind::TlsVerification);
    QVERIFY2(error.message.contains(QLatin1String("certificate")), qPrintable(error.message));
}

void TestTls::verificationCanBeTurnedOff()
{
    ConnectionConfig config = tlsConfig(m_tlsPort);
    config.caFile.clear();
    config.serverName = QStringLiteral("redis.example.com");
    config.verifyPeer = false;
    QVERIFY(pings(config));
}

void TestTls::clientCertificateRequired()
{
    const ConnectionError error = errorOf(tlsConfig(m_mutualPort));
    QVERIFY2(error.kind == ConnectionError::Kind::TlsHandshake || error.kind == ConnectionError::Kind::Closed,
             qPrintable(error.message));
    QVERIFY2(error.message.contains(QLatin1String("client certificate")), qPrintable(error.message));

    ConnectionConfig config = tlsConfig(m_mutualPort);
    config.certFile = m_pki.clientCert();
    config.keyFile = m_pki.clientKey();
    QVERIFY(pings(config));

    config.keyFile = m_pki.caCert(); // not a key
    const ConnectionError badKey = errorOf(config);
    QCOMPARE(badKey.kind, ConnectionError::Kind::TlsHandshake);
    QVERIFY2(badKey.message.contains(QLatin1String("client key")), qPrintable(badKey.message));
}

void TestTls::plainClientOnTlsPortIsExplained()
{
    ConnectionConfig config = tlsConfig(m_tlsPort);
    config.tls = false;
    const ConnectionError error = errorOf(config);
    QCOMPARE(error.kind, ConnectionError::Kind::Closed);
    QVERIFY2(error.message.contains(QLatin1String("rediss://")), qPrintable(error.message));
}

void TestTls::tlsClientOnPlainPortIsExplained()
{
    // A plain server waits for a newline that a ClientHello never sends: the handshake times out.
    ConnectionConfig config = tlsConfig(m_server.port());
    config.connectTimeoutMs = 1000;
    const ConnectionError error = errorOf(config);
    QCOMPARE(error.kind, ConnectionError::Kind::TlsHandshake);
    QVERIFY2(error.message.contains(QLatin1String("speak TLS")), qPrintable(error.message));
}

QTEST_GUILESS_MAIN(TestTls)
#include "tst_tls.moc"
