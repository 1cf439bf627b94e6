#include "blockingcall.h"
#include "clusterclient.h"
#include "clusterslot.h"
#include "embeddedcluster.h"
#include "embeddedserver.h"
#include "testcluster.h"
#include "testserver.h"
#include "tlsfixture.h"

#include <memory>
#include <optional>
#include <QSignalSpy>
#include <QTest>

// ClusterClient over TLS: a cluster of 3 masters with tls-cluster, a TLS seed, and every node
// reached on its TLS port with the seed's CA and password.
class TestClusterTls : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void nodesAreReachedWithTls();
    void wrongCaFailsToLoad();

private:
    ConnectionConfig tlsSeed() const;

    TlsFixture m_pki;
    TestCluster m_cluster;
};

void TestClusterTls::initTestCase()
{
    QVERIFY(m_pki.create());
    EmbeddedCluster::Options options;
    options.replicasPerMaster = 0;
    options.nodeTimeoutMs = 1000;
    options.password = QStringLiteral("tls-secret");
    options.tlsCertFile = m_pki.serverCert();
    options.tlsKeyFile = m_pki.serverKey();
    options.tlsCaFile = m_pki.caCert();
    options.tlsClientCertFile = m_pki.clientCert();
    options.tlsClientKeyFile = m_pki.clientKey();
    QVERIFY(m_cluster.start(options));
    qInfo("3-node TLS cluster formed in %lld ms", m_cluster.cluster().formationMs());
}

ConnectionConfig TestClusterTls::tlsSeed() const
{
    ConnectionConfig seed = m_cluster.cluster().seedConfig();
    seed.port = m_cluster.cluster().tlsPort(1);
    seed.tls = true;
    seed.caFile = m_pki.caCert();
    return seed;
}

void TestClusterTls::nodesAreReachedWithTls()
{
    ClusterClient client(tlsSeed());
    QVERIFY(TestCluster::open(client));

    // The map names the TLS ports (CLUSTER SHARDS "tls-port").
    const QList<RedisConnection *> masters = client.masterConnections();
    QCOMPARE(masters.size(), 3);
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(masters[i]->config().port, m_cluster.cluster().tlsPort(i));
        QVERIFY(masters[i]->config().tls);
        QCOMPARE(masters[i]->config().caFile, m_pki.caCert());
        QCOMPARE(masters[i]->config().password, QStringLiteral("tls-secret"));
    }

    // Keys of every master, written and read back through TLS connections only.
    auto remaining = std::make_shared<int>(0);
    QList<QByteArray> keys;
    for (int i = 0; i < 300; ++i)
        keys.append("tls:" + QByteArray::number(i));
    for (const QByteArray &key : std::as_const(keys)) {
        ++*remaining;
        client.command({"SET", key, key}, nullptr, [remaining](const RedisReply &reply) {
            if (reply == RedisReply::status("OK"))
                --*remaining;
        });
    }
    QTRY_COMPARE_WITH_TIMEOUT(*remaining, 0, 10000);
    auto matching = std::make_shared<int>(0);
    for (const QByteArray &key : std::as_const(keys)) {
        client.command({"GET", key}, nullptr, [matching, key](const RedisReply &reply) {
            if (reply == RedisReply::bulk(key))
                ++*matching;
        });
    }
    QTRY_COMPARE_WITH_TIMEOUT(*matching, int(keys.size()), 10000);
    for (RedisConnection *master : masters)
        QVERIFY(master->isReady());

    // The plain ports hold the same keys (management view), split by slot.
    qint64 total = 0;
    for (int i = 0; i < 3; ++i) {
        const auto plain = TestServer::connect(m_cluster.cluster().nodeConfig(i));
        QVERIFY(plain);
        const qint64 size = blockingCall(*plain, {"DBSIZE"}).toInteger();
        QVERIFY(size > 50);
        total += size;
        // The client's connection to this node came in on the TLS port.
        const QByteArray self =
            "id=" + QByteArray::number(blockingCall(*plain, {"CLIENT", "ID"}).toInteger()) + ' ';
        int viaTls = 0;
        for (const QByteArray &line :
             blockingCall(*plain, {"CLIENT", "LIST", "TYPE", "normal"}).bytes().split('\n')) {
            if (!line.contains(" name=keyscope ") || line.startsWith(self))
                continue;
            QVERIFY2(
                line.contains(" laddr=127.0.0.1:" + QByteArray::number(m_cluster.cluster().tlsPort(i)) + ' '),
                line);
            ++viaTls;
        }
        QVERIFY(viaTls >= 1);
    }
    QCOMPARE(total, 300);
}

void TestClusterTls::wrongCaFailsToLoad()
{
    ConnectionConfig seed = tlsSeed();
    seed.caFile = m_pki.serverCert(); // not the CA: verification fails
    ClusterClient client(seed);
    QSignalSpy failed(&client, &ClusterClient::failed);
    client.open();
    QVERIFY(failed.wait(10000));
    const QString message = failed.first().first().toString();
    qInfo("%s", qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("Cannot load the cluster topology")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("certificate"), Qt::CaseInsensitive), qPrintable(message));
}

QTEST_GUILESS_MAIN(TestClusterTls)
#include "tst_clustertls.moc"
