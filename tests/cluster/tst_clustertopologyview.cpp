#include "clusterclient.h"
#include "clusternodespoller.h"
#include "clusterslot.h"
#include "clustertopology.h"
#include "clustertopologyview.h"
#include "embeddedserver.h"
#include "testcluster.h"

#include <csignal>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QElapsedTimer>
#include <QImage>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTreeWidget>

namespace {

// Recorded from redis-server 7.0.15 (as in tst_clustertopology), slot 100 moving from 30001 to
// 30002, and with 30003 failed; its replica 30005 not yet promoted, slots 16000-16383 taken away
// and a hostname that looks like markup.
const char kNodes[] =
    "13863c5b1c16414747cca9eb06aecff0399ced9b 127.0.0.1:30005@40005 slave "
    "1eaeb4ff2c01b315c3f0d268ef0ad5e701e95045 0 1796160358121 3 connected\n"
    "b2c669775fafec21671f4be390051e08119dfc4f 127.0.0.1:30006@40006,<b>bold</b> slave,fail? "
    "a2486f61a9a932f8688e94188053450b10f3332f 0 1796160358121 1 disconnected\n"
    "e4b444fa1c94684006ebaa36494be14fe6a79a4d 127.0.0.1:30002@40002 master - 0 1796160358000 2 connected "
    "5461-10922 [100-<-a2486f61a9a932f8688e94188053450b10f3332f]\n"
    "a2486f61a9a932f8688e94188053450b10f3332f 127.0.0.1:30001@40001 myself,master - 0 1796160358000 1 "
    "connected "
    "0-5460 [100->-e4b444fa1c94684006ebaa36494be14fe6a79a4d]\n"
    "1eaeb4ff2c01b315c3f0d268ef0ad5e701e95045 127.0.0.1:30003@40003 master,fail - 1796160353267 "
    "1796160352261 3 "
    "disconnected 10923-15999\n"
    "7f97ad19aec0537af5da2cffdca42496f020abae 127.0.0.1:30004@40004 slave "
    "e4b444fa1c94684006ebaa36494be14fe6a79a4d "
    "0 1796160358725 2 connected\n"
    "6ec23923021cf3ffec47632106199cb7f496ce01 :0@0 handshake,noaddr - 0 0 0 disconnected\n";

// The pixel column of the bar that shows slot: column x covers [x·16384/w, (x+1)·16384/w).
int columnOf(const QWidget *bar, int slot)
{
    const qint64 w = bar->width();
    for (int x = 0; x < w; ++x) {
        if (x * ClusterSlot::kSlotCount / w <= slot && slot < (x + 1) * ClusterSlot::kSlotCount / w)
            return x;
    }
    return -1;
}

QColor colourAtSlot(ClusterTopologyView &view, int slot, int y)
{
    QWidget *bar = view.coverageBar();
    const QImage image = bar->grab().toImage();
    return image.pixelColor(columnOf(bar, slot) * image.width() / bar->width(),
                            y * image.height() / bar->height());
}

} // namespace

class TestClusterTopologyView : public QObject
{
    Q_OBJECT
private slots:
    void treeOfMastersAndReplicas();
    void coverageBar();
    void selectionSurvivesUpdates();
    void emptyTopology();
    void nodeStats();
    void redisCliCommands();
    void failoverNeedsConfirmation();
    void unsettledTopologies();
    void liveClusterFailover();
};

void TestClusterTopologyView::treeOfMastersAndReplicas()
{
    ClusterTopologyView view;
    view.setTopology(*ClusterTopology::fromClusterNodes(kNodes));
    QTreeWidget *tree = view.tree();
    // Masters in slot order, then the node still in handshake.
    QCOMPARE(tree->topLevelItemCount(), 4);
    QCOMPARE(tree->topLevelItem(0)->text(ClusterTopologyView::AddressColumn),
             QStringLiteral("127.0.0.1:30001"));
    QCOMPARE(tree->topLevelItem(1)->text(ClusterTopologyView::AddressColumn),
             QStringLiteral("127.0.0.1:30002"));
    QCOMPARE(tree->topLevelItem(2)->text(ClusterTopologyView::AddressColumn),
             QStringLiteral("127.0.0.1:30003"));
    QCOMPARE(tree->topLevelItem(3)->text(ClusterTopologyView::AddressColumn), QStringLiteral("(no address)"));
    QCOMPARE(tree->topLevelItem(3)->text(ClusterTopologyView::FlagsColumn),
             QStringLiteral("handshake,noaddr"));

    const QTreeWidgetItem *first = tree->topLevelItem(0);
    QCOMPARE(first->text(ClusterTopologyView::IdColumn),
             QStringLiteral("a2486f61a9a932f8688e94188053450b10f3332f"));
    QCOMPARE(first->text(ClusterTopologyView::FlagsColumn), QStringLiteral("myself,master"));
    QCOMPARE(first->text(ClusterTopologyView::LinkColumn), QStringLiteral("connected"));
    QCOMPARE(first->text(ClusterTopologyView::SlotsColumn),
             QStringLiteral("0-5460, 100 migrating to 127.0.0.1:30002"));
    QCOMPARE(first->childCount(), 1);
    // The replica, its hostname shown as the text it is.
    const QTreeWidgetItem *replica = first->child(0);
    QCOMPARE(replica->text(ClusterTopologyView::AddressColumn),
             QStringLiteral("127.0.0.1:30006 (<b>bold</b>)"));
    QCOMPARE(replica->text(ClusterTopologyView::FlagsColumn), QStringLiteral("slave,fail?"));
    QCOMPARE(replica->text(ClusterTopologyView::LinkColumn), QStringLiteral("disconnected"));
    QVERIFY(replica->text(ClusterTopologyView::SlotsColumn).isEmpty());

    QCOMPARE(tree->topLevelItem(1)->text(ClusterTopologyView::SlotsColumn),
             QStringLiteral("5461-10922, 100 importing from 127.0.0.1:30001"));
    QCOMPARE(tree->topLevelItem(1)->child(0)->text(ClusterTopologyView::AddressColumn),
             QStringLiteral("127.0.0.1:30004"));

    const QTreeWidgetItem *failed = tree->topLevelItem(2);
    QCOMPARE(failed->text(ClusterTopologyView::FlagsColumn), QStringLiteral("master,fail"));
    QCOMPARE(failed->foreground(0).color(), ClusterTopologyView::uncoveredColour());
    QCOMPARE(failed->childCount(), 1);
    QCOMPARE(failed->child(0)->text(ClusterTopologyView::AddressColumn), QStringLiteral("127.0.0.1:30005"));

    QLabel *summary = view.summaryLabel();
    QCOMPARE(summary->textFormat(), Qt::PlainText);
    QCOMPARE(summary->text(), QStringLiteral("3 master(s) · 3 replica(s) · 1 failed · 1 possibly failed · "
                                             "384 slot(s) not covered · 1 slot(s) being moved"));
}

void TestClusterTopologyView::coverageBar()
{
    ClusterTopologyView view;
    view.resize(1638, 400); // ten slots per pixel on a wide bar
    view.setTopology(*ClusterTopology::fromClusterNodes(kNodes));
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QWidget *bar = view.coverageBar();
    QVERIFY(bar->width() > 1000);

    const int low = bar->height() - 2; // below the moving-slot mark
    QCOMPARE(colourAtSlot(view, 3000, low), ClusterTopologyView::masterColour(0));
    QCOMPARE(colourAtSlot(view, 8000, low), ClusterTopologyView::masterColour(1));
    QCOMPARE(colourAtSlot(view, 12000, low), ClusterTopologyView::masterColour(2));
    QCOMPARE(colourAtSlot(view, 16200, low), ClusterTopologyView::uncoveredColour());
    QCOMPARE(colourAtSlot(view, 100, 1), ClusterTopologyView::movingColour());
    QCOMPARE(colourAtSlot(view, 3000, 1), ClusterTopologyView::masterColour(0));

    // Pointing at the bar names the slots and their master, as plain text.
    QTest::mouseMove(bar, QPoint(columnOf(bar, 16200), bar->height() / 2));
    QTRY_VERIFY(view.hoverLabel()->text().startsWith(QStringLiteral("Slots 16")));
    QVERIFY(view.hoverLabel()->text().endsWith(QStringLiteral(": not covered")));
    QTest::mouseMove(bar, QPoint(columnOf(bar, 100), bar->height() / 2));
    QTRY_VERIFY(view.hoverLabel()->text().startsWith(QStringLiteral("Slots ")));
    QVERIFY(
        view.hoverLabel()->text().contains(QStringLiteral(": 127.0.0.1:30001 · slot 100 is being moved")));
    QCOMPARE(view.hoverLabel()->textFormat(), Qt::PlainText);

    // A single uncovered slot stays visible even when a pixel covers many slots.
    view.resize(400, 300);
    auto topology =
        *ClusterTopology::fromClusterNodes("a2486f61a9a932f8688e94188053450b10f3332f 127.0.0.1:30001@40001 "
                                           "myself,master - 0 0 1 connected 0-8000 "
                                           "8002-16383\n");
    view.setTopology(topology);
    QTRY_VERIFY(bar->width() < 500);
    QCOMPARE(colourAtSlot(view, 8001, low), ClusterTopologyView::uncoveredColour());
    QCOMPARE(view.summaryLabel()->text(),
             QStringLiteral("1 master(s) · 0 replica(s) · 1 slot(s) not covered"));
}

void TestClusterTopologyView::selectionSurvivesUpdates()
{
    ClusterTopologyView view;
    const auto topology = *ClusterTopology::fromClusterNodes(kNodes);
    view.setTopology(topology);
    QSignalSpy changed(&view, &ClusterTopologyView::selectedNodeChanged);
    view.tree()->topLevelItem(1)->child(0)->setSelected(true);
    QCOMPARE(view.selectedNodeId(), QByteArray("7f97ad19aec0537af5da2cffdca42496f020abae"));
    QCOMPARE(changed.count(), 1);
    view.setTopology(topology);
    QCOMPARE(view.selectedNodeId(), QByteArray("7f97ad19aec0537af5da2cffdca42496f020abae"));
}

void TestClusterTopologyView::emptyTopology()
{
    ClusterTopologyView view;
    QCOMPARE(view.tree()->topLevelItemCount(), 0);
    QCOMPARE(view.summaryLabel()->text(), QStringLiteral("No cluster topology."));
    QVERIFY(view.hoverLabel()->text().startsWith(QStringLiteral("The 16384 slots by master")));
    QVERIFY(view.selectedNodeId().isEmpty());
}

void TestClusterTopologyView::nodeStats()
{
    ClusterTopologyView view;
    view.setNodeStats("a2486f61a9a932f8688e94188053450b10f3332f", {3 * 1024 * 1024, 1234.4, 5000});
    view.setTopology(*ClusterTopology::fromClusterNodes(kNodes)); // stats given before the node is shown
    const QTreeWidgetItem *first = view.tree()->topLevelItem(0);
    QCOMPARE(first->text(ClusterTopologyView::MemoryColumn),
             QLocale().formattedDataSize(3 * 1024 * 1024, 1, QLocale::DataSizeTraditionalFormat));
    QCOMPARE(first->text(ClusterTopologyView::OpsColumn), QLocale().toString(1234.0, 'f', 0));
    QCOMPARE(first->text(ClusterTopologyView::KeysColumn), QLocale().toString(5000));
    QVERIFY(view.tree()->topLevelItem(1)->text(ClusterTopologyView::KeysColumn).isEmpty());
    view.setNodeStats("e4b444fa1c94684006ebaa36494be14fe6a79a4d", {-1, 7, 0}); // and after
    QCOMPARE(view.tree()->topLevelItem(1)->text(ClusterTopologyView::KeysColumn), QStringLiteral("0"));
    QCOMPARE(view.tree()->topLevelItem(1)->text(ClusterTopologyView::OpsColumn), QStringLiteral("7"));
    QVERIFY(view.tree()->topLevelItem(1)->text(ClusterTopologyView::MemoryColumn).isEmpty());
}

void TestClusterTopologyView::redisCliCommands()
{
    ClusterNode node;
    node.host = QStringLiteral("10.0.0.5");
    node.port = 7001;
    ConnectionConfig config;
    QCOMPARE(ClusterTopologyView::redisCliCommand(node, config),
             QStringLiteral("redis-cli -c -h 10.0.0.5 -p 7001"));
    config.username = QStringLiteral("ops team");
    config.password = QStringLiteral("never shown");
    config.tls = true;
    config.caFile = QStringLiteral("/etc/ssl/it's/ca.pem");
    config.serverName = QStringLiteral("cache.example");
    config.verifyPeer = false;
    const QString command = ClusterTopologyView::redisCliCommand(node, config);
    QCOMPARE(command,
             QStringLiteral("redis-cli -c -h 10.0.0.5 -p 7001 --user 'ops team' --askpass --tls --cacert "
                            "'/etc/ssl/it'\\''s/ca.pem' --sni cache.example --insecure"));
    QVERIFY(!command.contains(QStringLiteral("never shown")));

    ClusterTopologyView view;
    view.setTopology(*ClusterTopology::fromClusterNodes(kNodes));
    QVERIFY(!view.copyCommandAction()->isEnabled()); // nothing selected
    view.tree()->topLevelItem(1)->setSelected(true);
    QVERIFY(view.copyCommandAction()->isEnabled());
    view.copyCommandAction()->trigger();
    QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("redis-cli -c -h 127.0.0.1 -p 30002"));
    view.tree()->topLevelItem(1)->setSelected(false);
    view.tree()->topLevelItem(3)->setSelected(true); // no address
    QVERIFY(!view.copyCommandAction()->isEnabled());
}

void TestClusterTopologyView::failoverNeedsConfirmation()
{
    ClusterTopologyView view;
    view.setTopology(*ClusterTopology::fromClusterNodes(kNodes));
    QSignalSpy requested(&view, &ClusterTopologyView::failoverRequested);
    view.tree()->topLevelItem(1)->setSelected(true);
    QVERIFY(!view.failoverAction()->isEnabled()); // a master
    view.tree()->topLevelItem(1)->setSelected(false);
    view.tree()->topLevelItem(1)->child(0)->setSelected(true); // 30004, replica of 30002
    QVERIFY(view.failoverAction()->isEnabled());

    const auto answer = [&view](QMessageBox::StandardButton button) {
        QMessageBox *box = nullptr;
        if (!QTest::qWaitFor([&] { return (box = view.findChild<QMessageBox *>()) && box->isVisible(); },
                             2000))
            return QString();
        const QString text = box->text();
        box->button(button)->click();
        QTest::qWait(0);
        return text;
    };
    view.failoverAction()->trigger();
    const QString question = answer(QMessageBox::Cancel);
    QVERIFY2(question.contains(QStringLiteral("127.0.0.1:30004")) &&
                 question.contains(QStringLiteral("127.0.0.1:30002")),
             qPrintable(question));
    QCOMPARE(requested.count(), 0);
    QTRY_VERIFY(!view.findChild<QMessageBox *>());
    view.failoverAction()->trigger();
    answer(QMessageBox::Yes);
    QTRY_COMPARE(requested.count(), 1);
    QCOMPARE(requested.first().first().toByteArray(), QByteArray("7f97ad19aec0537af5da2cffdca42496f020abae"));

    // A replica its peers merely suspect (fail?) can still be failed over to.
    view.tree()->topLevelItem(1)->child(0)->setSelected(false);
    view.tree()->topLevelItem(0)->child(0)->setSelected(true); // slave,fail?
    QVERIFY(view.failoverAction()->isEnabled());
}

namespace {

const QTreeWidgetItem *itemOf(const QTreeWidget *tree, const QByteArray &id)
{
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *master = tree->topLevelItem(i);
        if (master->text(ClusterTopologyView::IdColumn).toLatin1() == id)
            return master;
        for (int k = 0; k < master->childCount(); ++k) {
            if (master->child(k)->text(ClusterTopologyView::IdColumn).toLatin1() == id)
                return master->child(k);
        }
    }
    return nullptr;
}

} // namespace

// What keeps the poller watching (polling every second): an outage or a failover under way, not a
// failed master its replica has already replaced.
void TestClusterTopologyView::unsettledTopologies()
{
    const auto line = [](char id, int port, const char *flags, char master, const QByteArray &ranges) {
        return QByteArray(40, id) + " 127.0.0.1:" + QByteArray::number(port) + "@" +
               QByteArray::number(port + 10000) + " " + flags + " " +
               (master ? QByteArray(40, master) : QByteArray("-")) + " 0 0 1 connected" +
               (ranges.isEmpty() ? QByteArray() : " " + ranges) + "\n";
    };
    const auto parsed = [](const QByteArray &nodes) {
        QString error;
        const auto topology = ClusterTopology::fromClusterNodes(nodes, &error);
        if (!topology)
            qWarning("%s", qPrintable(error));
        return topology.value_or(ClusterTopology());
    };
    const QByteArray healthy =
        line('a', 30001, "master", 0, "0-5460") + line('b', 30002, "master", 0, "5461-10922") +
        line('c', 30003, "master", 0, "10923-16383") + line('d', 30004, "slave", 'a', "");
    QVERIFY(!ClusterNodesPoller::isUnsettled(parsed(healthy)));
    QVERIFY(ClusterNodesPoller::isUnsettled(*ClusterTopology::fromClusterNodes(kNodes)));
    // a is unreachable for the node that answered (PFAIL): a failover may follow.
    QByteArray pfail = healthy;
    pfail.replace(" master - ", " master,fail? - ");
    QVERIFY(ClusterNodesPoller::isUnsettled(parsed(pfail)));
    // a failed, still holding its slots: its replica has not taken over yet.
    const QByteArray failing =
        line('a', 30001, "master,fail", 0, "0-5460") + line('b', 30002, "master", 0, "5461-10922") +
        line('c', 30003, "master", 0, "10923-16383") + line('d', 30004, "slave", 'a', "");
    QVERIFY(ClusterNodesPoller::isUnsettled(parsed(failing)));
    // d promoted: a stays failed, but nothing is under way any more.
    const QByteArray replaced =
        line('a', 30001, "master,fail", 0, "") + line('b', 30002, "master", 0, "5461-10922") +
        line('c', 30003, "master", 0, "10923-16383") + line('d', 30004, "master", 0, "0-5460");
    QVERIFY(!ClusterNodesPoller::isUnsettled(parsed(replaced)));
}

// The embedded cluster through ClusterClient + ClusterNodesPoller: the view shows 3 masters with a
// replica each, then a killed master failed and its replica promoted.
void TestClusterTopologyView::liveClusterFailover()
{
    TestCluster cluster;
    EmbeddedCluster::Options options;
    options.nodeTimeoutMs = 1000;
    QVERIFY(cluster.start(options));
    EmbeddedCluster &nodes = cluster.cluster();
    ClusterClient client(nodes.seedConfig());
    QVERIFY(TestCluster::open(client));

    ClusterTopologyView view;
    ClusterNodesPoller poller(&client);
    connect(&poller, &ClusterNodesPoller::updated, &view, &ClusterTopologyView::setTopology);
    QCOMPARE(poller.interval(), ClusterNodesPoller::kMinIntervalMs);
    poller.start();
    QTreeWidget *tree = view.tree();
    QTRY_COMPARE_WITH_TIMEOUT(tree->topLevelItemCount(), 3, 5000);
    for (int i = 0; i < 3; ++i) {
        const QTreeWidgetItem *master = tree->topLevelItem(i);
        QCOMPARE(master->text(ClusterTopologyView::IdColumn).toLatin1(), nodes.nodeId(i));
        QCOMPARE(master->text(ClusterTopologyView::AddressColumn),
                 QStringLiteral("127.0.0.1:%1").arg(nodes.node(i)->port()));
        QCOMPARE(master->text(ClusterTopologyView::SlotsColumn),
                 QStringLiteral("%1-%2").arg(nodes.formedSlots(i).first).arg(nodes.formedSlots(i).second));
        QCOMPARE(master->childCount(), 1);
        QCOMPARE(master->child(0)->text(ClusterTopologyView::IdColumn).toLatin1(), nodes.nodeId(i + 3));
    }
    QCOMPARE(view.summaryLabel()->text(),
             QStringLiteral("3 master(s) · 3 replica(s) · all 16384 slots covered"));

    // A failover asked from the view (confirmed), sent by the page to the replica: the roles swap.
    // As ClusterPage does: the failover, then a close watch while the roles change.
    connect(&view, &ClusterTopologyView::failoverRequested, &client,
            [&client, &poller](const QByteArray &id) {
                client.commandOnNode(id, {"CLUSTER", "FAILOVER"}, &poller,
                                     [&poller](const RedisReply &) { poller.watchClosely(); });
            });
    const_cast<QTreeWidgetItem *>(itemOf(tree, nodes.nodeId(4)))->setSelected(true);
    view.failoverAction()->trigger();
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = view.findChild<QMessageBox *>()));
    box->button(QMessageBox::Yes)->click();
    QElapsedTimer manual;
    manual.start();
    const auto swapped = [&] {
        const QTreeWidgetItem *replica = itemOf(tree, nodes.nodeId(4));
        const QTreeWidgetItem *master = itemOf(tree, nodes.nodeId(1));
        return replica && master && !replica->parent() && master->parent() == replica &&
               replica->text(ClusterTopologyView::SlotsColumn) == QStringLiteral("5461-10922");
    };
    QTRY_VERIFY_WITH_TIMEOUT(swapped(), 15000);
    qInfo("CLUSTER FAILOVER from the view -> the view shows the roles swapped: %lld ms", manual.elapsed());

    QElapsedTimer clock;
    clock.start();
    QVERIFY(::kill(pid_t(nodes.node(0)->processId()), SIGKILL) == 0);
    const auto promoted = [&] {
        const QTreeWidgetItem *replica = itemOf(tree, nodes.nodeId(3));
        const QTreeWidgetItem *dead = itemOf(tree, nodes.nodeId(0));
        return replica && dead && !replica->parent() &&
               replica->text(ClusterTopologyView::SlotsColumn) == QStringLiteral("0-5460") &&
               dead->text(ClusterTopologyView::FlagsColumn).contains(QStringLiteral("fail"));
    };
    QTRY_VERIFY_WITH_TIMEOUT(poller.isWatching(), 10000); // the lost connection: polled every second
    QTRY_VERIFY_WITH_TIMEOUT(promoted(), 20000);
    qInfo("kill -> the view shows the failed master and the promoted replica: %lld ms", clock.elapsed());
    QCOMPARE(itemOf(tree, nodes.nodeId(0))->foreground(0).color(), ClusterTopologyView::uncoveredColour());
    QVERIFY(view.summaryLabel()->text().contains(QStringLiteral("1 failed")));
    QVERIFY(view.summaryLabel()->text().contains(QStringLiteral("all 16384 slots covered")));
}

QTEST_MAIN(TestClusterTopologyView)
#include "tst_clustertopologyview.moc"
