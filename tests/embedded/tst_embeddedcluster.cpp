#include "blockingcall.h"
#include "clusterslot.h"
#include "clustertopology.h"
#include "embeddedcluster.h"
#include "embeddedserver.h"
#include "redisconnection.h"
#include "testcluster.h"
#include "testserver.h"

#include <memory>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

class TestEmbeddedCluster : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void formsThreeMastersWithReplicas();
    void everyNodeAgrees();
    void writesLandOnTheirSlotsMaster();
    void shardsSlotsAndNodesAgree();
    void nodeExitIsReported();
    void badSetupsFail();
    void stopStopsEveryNode();

private:
    std::unique_ptr<RedisConnection> connect(int node)
    {
        return TestServer::connect(m_cluster.cluster().node(node)->connectionConfig());
    }

    TestCluster m_cluster;
};

void TestEmbeddedCluster::initTestCase()
{
    EmbeddedCluster::Options options;
    options.nodeTimeoutMs = 1000;
    QElapsedTimer clock;
    clock.start();
    int steps = 0;
    QObject::connect(&m_cluster.cluster(), &EmbeddedCluster::progress, this, [&](const QString &step) {
        ++steps;
        qInfo("%6lld ms: %s", clock.elapsed(), qPrintable(step));
    });
    QVERIFY(m_cluster.start(options));
    QVERIFY(m_cluster.cluster().isReady());
    QCOMPARE(steps, 7);
    QObject::disconnect(&m_cluster.cluster(), &EmbeddedCluster::progress, this, nullptr);
    qInfo("6-node cluster formed in %lld ms", m_cluster.cluster().formationMs());
}

void TestEmbeddedCluster::formsThreeMastersWithReplicas()
{
    EmbeddedCluster &cluster = m_cluster.cluster();
    QCOMPARE(cluster.nodeCount(), 6);
    const auto connection = connect(0);
    QVERIFY(connection);
    const RedisReply info = blockingCall(*connection, {"CLUSTER", "INFO"});
    QVERIFY(info.bytes().contains("cluster_state:ok"));
    QVERIFY(info.bytes().contains("cluster_slots_assigned:16384"));
    QVERIFY(info.bytes().contains("cluster_known_nodes:6"));
    QVERIFY(info.bytes().contains("cluster_size:3"));

    const RedisReply nodes = blockingCall(*connection, {"CLUSTER", "NODES"});
    QString error;
    const auto topology = ClusterTopology::fromClusterNodes(nodes.bytes(), &error);
    QVERIFY2(topology, qPrintable(error));
    QVERIFY(topology->isFullyCovered());
    const QList<std::pair<int, int>> expected{{0, 5460}, {5461, 10922}, {10923, 16383}};
    const auto masters = topology->masters();
    QCOMPARE(masters.size(), 3);
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(cluster.formedSlots(i), expected[i]);
        QCOMPARE(masters[i]->id, cluster.nodeId(i));
        QCOMPARE(masters[i]->port, cluster.node(i)->port());
        QCOMPARE(masters[i]->slotRanges, (QList<SlotRange>{{expected[i].first, expected[i].second}}));
        const auto replicas = topology->replicasOf(masters[i]->id);
        QCOMPARE(replicas.size(), 1);
        QCOMPARE(replicas.first()->id, cluster.nodeId(i + 3));
        QVERIFY(replicas.first()->linkConnected);
        QVERIFY(!replicas.first()->flags.testAnyFlags(ClusterNode::Failed | ClusterNode::PossiblyFailed));
    }
    QCOMPARE(cluster.formedSlots(3), std::make_pair(-1, -1));
    QVERIFY(topology->node(cluster.nodeId(0))->flags.testFlag(ClusterNode::Myself));
}

void TestEmbeddedCluster::everyNodeAgrees()
{
    for (int i = 0; i < 6; ++i) {
        const auto connection = connect(i);
        QVERIFY(connection);
        QCOMPARE(blockingCall(*connection, {"CLUSTER", "MYID"}).bytes(), m_cluster.cluster().nodeId(i));
        const auto topology =
            ClusterTopology::fromClusterNodes(blockingCall(*connection, {"CLUSTER", "NODES"}).bytes());
        QVERIFY(topology);
        QCOMPARE(topology->nodes().size(), 6);
        for (int master = 0; master < 3; ++master) {
            const auto [first, last] = m_cluster.cluster().formedSlots(master);
            QCOMPARE(topology->masterForSlot(first)->id, m_cluster.cluster().nodeId(master));
            QCOMPARE(topology->masterForSlot(last)->id, m_cluster.cluster().nodeId(master));
        }
        const QByteArray role = blockingCall(*connection, {"ROLE"}).elements().value(0).bytes();
        QCOMPARE(role, i < 3 ? QByteArray("master") : QByteArray("slave"));
    }
}

// The three parsers on live replies of the same cluster: the same routing and the same replicas.
// (CLUSTER SLOTS leaves out replicas whose replication offset is still 0: the writes of the test
// before make them count.)
void TestEmbeddedCluster::shardsSlotsAndNodesAgree()
{
    const auto connection = connect(4);
    QVERIFY(connection);
    const auto replicasListed = [&connection] {
        const auto topology =
            ClusterTopology::fromClusterSlots(blockingCall(*connection, {"CLUSTER", "SLOTS"}));
        return topology ? topology->nodes().size() : 0;
    };
    QTRY_COMPARE_WITH_TIMEOUT(replicasListed(), 6, 5000);
    QString error;
    const auto fromNodes =
        ClusterTopology::fromClusterNodes(blockingCall(*connection, {"CLUSTER", "NODES"}).bytes(), &error);
    QVERIFY2(fromNodes, qPrintable(error));
    const auto fromShards =
        ClusterTopology::fromClusterShards(blockingCall(*connection, {"CLUSTER", "SHARDS"}), false, &error);
    QVERIFY2(fromShards, qPrintable(error));
    const auto fromSlots =
        ClusterTopology::fromClusterSlots(blockingCall(*connection, {"CLUSTER", "SLOTS"}), &error);
    QVERIFY2(fromSlots, qPrintable(error));
    for (const auto *topology : {&*fromShards, &*fromSlots}) {
        QCOMPARE(topology->nodes().size(), 6);
        QVERIFY(topology->isFullyCovered());
        for (int slot = 0; slot < ClusterSlot::kSlotCount; ++slot) {
            const ClusterNode *expected = fromNodes->masterForSlot(slot);
            const ClusterNode *actual = topology->masterForSlot(slot);
            QVERIFY(actual);
            QCOMPARE(actual->id, expected->id);
            QCOMPARE(actual->endpoint(), expected->endpoint());
        }
        for (const ClusterNode *master : fromNodes->masters()) {
            QCOMPARE(topology->replicasOf(master->id).size(), 1);
            QCOMPARE(topology->replicasOf(master->id).first()->id,
                     fromNodes->replicasOf(master->id).first()->id);
        }
    }
}

// Each master accepts exactly the keys whose slot it was given.
void TestEmbeddedCluster::writesLandOnTheirSlotsMaster()
{
    for (int i = 0; i < 3; ++i) {
        const auto connection = connect(i);
        QVERIFY(connection);
        const auto [first, last] = m_cluster.cluster().formedSlots(i);
        QList<QByteArray> keys{"foo", "bar", "hello", "{a}x"};
        for (int n = 0; n < 100; ++n)
            keys.append("key:" + QByteArray::number(n)); // some land on every master
        for (const QByteArray &key : std::as_const(keys)) {
            const int slot = ClusterSlot::slotOf(key);
            const RedisReply reply = blockingCall(*connection, {"SET", key, "v"});
            if (slot >= first && slot <= last)
                QCOMPARE(reply, RedisReply::status("OK"));
            else
                QVERIFY2(reply.bytes().startsWith("MOVED " + QByteArray::number(slot) + ' '), reply.bytes());
        }
    }
}

void TestEmbeddedCluster::nodeExitIsReported()
{
    EmbeddedCluster &cluster = m_cluster.cluster();
    QSignalSpy stoppedSpy(&cluster, &EmbeddedCluster::nodeStopped);
    QVERIFY(cluster.node(5)->isRunning());
    QSignalSpy replicaStopped(cluster.node(5), &EmbeddedServer::stopped);
    cluster.node(5)->stopAsync();
    QVERIFY(replicaStopped.wait(5000));
    QVERIFY(!cluster.node(5)->isRunning());
    // A node asked to stop is not a failure; one that dies is.
    QCOMPARE(stoppedSpy.count(), 0);
    const qint64 pid = cluster.node(4)->processId();
    QVERIFY(pid > 0);
    QVERIFY(cluster.node(4)->isRunning());
    QProcess::execute(QStringLiteral("kill"), {QStringLiteral("-KILL"), QString::number(pid)});
    QVERIFY(stoppedSpy.wait(5000));
    QCOMPARE(stoppedSpy.first().first().toInt(), 4);
}

void TestEmbeddedCluster::badSetupsFail()
{
    {
        EmbeddedCluster cluster;
        EmbeddedCluster::Options options;
        options.masters = 2;
        cluster.setOptions(options);
        QSignalSpy failed(&cluster, &EmbeddedCluster::failed);
        cluster.start();
        QVERIFY(failed.wait(1000));
        QVERIFY(failed.first().first().toString().contains(QStringLiteral("3 masters")));
    }
    {
        EmbeddedCluster cluster;
        EmbeddedCluster::Options options;
        options.executable = QStringLiteral("/nonexistent/redis-server");
        cluster.setOptions(options);
        QSignalSpy failed(&cluster, &EmbeddedCluster::failed);
        cluster.start();
        QVERIFY(failed.count() == 1 || failed.wait(5000));
        QCOMPARE(cluster.state(), EmbeddedCluster::State::Failed);
        QVERIFY(failed.first().first().toString().contains(QStringLiteral("/nonexistent/redis-server")));
    }
    {
        // A node that cannot run in cluster mode: forming fails with its reason, in bounded time.
        EmbeddedCluster cluster;
        EmbeddedCluster::Options options;
        options.extraArgs = {QStringLiteral("--cluster-enabled"), QStringLiteral("no")};
        options.formTimeoutMs = 5000;
        cluster.setOptions(options);
        QSignalSpy failed(&cluster, &EmbeddedCluster::failed);
        QElapsedTimer clock;
        clock.start();
        cluster.start();
        QVERIFY(failed.wait(10000));
        QVERIFY(clock.elapsed() < 7000);
        QVERIFY2(failed.first().first().toString().contains(QStringLiteral("cluster support disabled")),
                 qPrintable(failed.first().first().toString()));
        QTRY_VERIFY(!cluster.node(0)->isRunning());
    }
}

void TestEmbeddedCluster::stopStopsEveryNode()
{
    EmbeddedCluster &cluster = m_cluster.cluster();
    QList<quint16> ports;
    for (int i = 0; i < cluster.nodeCount(); ++i)
        ports.append(cluster.node(i)->port());
    QElapsedTimer clock;
    clock.start();
    cluster.stop();
    qInfo("stop() took %lld ms", clock.elapsed());
    QCOMPARE(cluster.state(), EmbeddedCluster::State::Stopped);
    for (int i = 0; i < cluster.nodeCount(); ++i)
        QVERIFY(!cluster.node(i)->isRunning());
    for (const quint16 port : ports) {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, port);
        QVERIFY(!socket.waitForConnected(300));
    }
}

QTEST_GUILESS_MAIN(TestEmbeddedCluster)
#include "tst_embeddedcluster.moc"
