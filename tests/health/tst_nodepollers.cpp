#include "blockingcall.h"
#include "clustertopology.h"
#include "embeddedcluster.h"
#include "embeddedserver.h"
#include "nodepollers.h"
#include "redisconnection.h"
#include "session.h"
#include "testcluster.h"
#include "testserver.h"
#include "testsession.h"

#include <csignal>
#include <QPointer>
#include <QSignalSpy>
#include <QTest>

class TestNodePollers : public QObject
{
    Q_OBJECT
private slots:
    void standaloneIsOneNode();
    void clusterHasOnePollerPerNode();
};

namespace {

// The port the node's own INFO reports (0 before its first reply).
qint64 polledPort(const InfoPoller *poller)
{
    return poller ? poller->lastInfo().integer(QStringLiteral("tcp_port")).value_or(0) : 0;
}

} // namespace

void TestNodePollers::standaloneIsOneNode()
{
    TestServer server;
    QVERIFY(server.start());
    Session session(server.config());
    // Made before the session is ready, as a page is: nothing to poll yet.
    NodePollers pollers(&session);
    QVERIFY(pollers.nodes().empty());
    QSignalSpy changed(&pollers, &NodePollers::nodesChanged);
    QVERIFY(openSession(session));
    QVERIFY(changed.size() >= 1);

    QCOMPARE(pollers.nodes().size(), size_t(1));
    const QByteArray id = session.defaultNodeId();
    QCOMPARE(pollers.nodes().front().id, id);
    QCOMPARE(pollers.nodes().front().address, server.config().endpoint());
    QCOMPARE(pollers.nodes().front().label, server.config().endpoint() + " (master)");
    pollers.setInterval(InfoPoller::kMinIntervalMs);
    QCOMPARE(pollers.poller(id)->interval(), InfoPoller::kMinIntervalMs);
    QVERIFY(pollers.poller(id)->isRunning());

    QSignalSpy sampled(&pollers, &NodePollers::sampled);
    QVERIFY(sampled.wait(5000));
    QCOMPARE(sampled.first().first().toByteArray(), id);
    QCOMPARE(polledPort(pollers.poller(id)), qint64(server.config().port));
    QTRY_VERIFY_WITH_TIMEOUT(!pollers.advisor(id)->checks().isEmpty(), 10000);
    QVERIFY(!pollers.poller("no such node"));
}

void TestNodePollers::clusterHasOnePollerPerNode()
{
    TestCluster cluster;
    QVERIFY(cluster.start({}));
    Session session(cluster.cluster().seedConfig());
    QVERIFY(openSession(session));
    NodePollers pollers(&session);
    QCOMPARE(pollers.nodes().size(), size_t(6));

    // Masters in slot order, each followed by its replica.
    const QList<ClusterNode> topology = session.nodes();
    const auto clusterNode = [&](const QByteArray &id) {
        return *std::find_if(topology.cbegin(), topology.cend(),
                             [&id](const ClusterNode &n) { return n.id == id; });
    };
    int previousSlot = -1;
    for (size_t i = 0; i < pollers.nodes().size(); i += 2) {
        const ClusterNode master = clusterNode(pollers.nodes()[i].id);
        const ClusterNode replica = clusterNode(pollers.nodes()[i + 1].id);
        QVERIFY(master.isMaster());
        QVERIFY(master.slotRanges.value(0).first > previousSlot);
        previousSlot = master.slotRanges.value(0).first;
        QCOMPARE(replica.masterId, master.id);
        QCOMPARE(pollers.nodes()[i + 1].label, replica.endpoint() + " (replica)");
    }

    // Each poller asks its own node: the INFO it holds reports that node's port.
    QTRY_VERIFY_WITH_TIMEOUT(
        std::all_of(pollers.nodes().cbegin(), pollers.nodes().cend(),
                    [](const NodePollers::Node &n) { return polledPort(n.poller.get()) > 0; }),
        10000);
    for (int i = 0; i < 6; ++i) {
        const QByteArray id = cluster.cluster().nodeId(i);
        QCOMPARE(polledPort(pollers.poller(id)), qint64(cluster.cluster().nodeConfig(i).port));
        QVERIFY(pollers.advisor(id));
    }

    // A node that leaves the topology is dropped with its poller: replica 5 stopped, then forgotten.
    const QByteArray gone = cluster.cluster().nodeId(5);
    QPointer<InfoPoller> gonePoller = pollers.poller(gone);
    QPointer<HealthAdvisor> goneAdvisor = pollers.advisor(gone);
    QVERIFY(::kill(pid_t(cluster.cluster().node(5)->processId()), SIGKILL) == 0);
    for (int i = 0; i < 5; ++i) {
        auto node = TestServer::connect(cluster.cluster().nodeConfig(i));
        QVERIFY(node);
        QCOMPARE(blockingCall(*node, {"CLUSTER", "FORGET", gone}).bytes(), QByteArray("OK"));
    }
    QSignalSpy changed(&pollers, &NodePollers::nodesChanged);
    session.refreshTopology();
    QTRY_COMPARE_WITH_TIMEOUT(pollers.nodes().size(), size_t(5), 15000);
    QVERIFY(!pollers.poller(gone));
    QVERIFY(gonePoller.isNull());
    QVERIFY(goneAdvisor.isNull());
    QVERIFY(changed.size() >= 1);
    // The others go on.
    const QByteArray kept = cluster.cluster().nodeId(2);
    const qsizetype before = pollers.poller(kept)->series(InfoSample::UsedMemory).size();
    QTRY_VERIFY_WITH_TIMEOUT(pollers.poller(kept)->series(InfoSample::UsedMemory).size() > before, 10000);
}

QTEST_MAIN(TestNodePollers)
#include "tst_nodepollers.moc"
