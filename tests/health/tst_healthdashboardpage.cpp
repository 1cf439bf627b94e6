#include "blockingcall.h"
#include "clusterclient.h"
#include "clusterslot.h"
#include "embeddedserver.h"
#include "healthdashboardpage.h"
#include "infopoller.h"
#include "redisconnection.h"
#include "session.h"
#include "testcluster.h"
#include "testserver.h"
#include "testsession.h"

#include <csignal>
#include <memory>
#include <QComboBox>
#include <qcustomplot.h>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QLocale>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {

QStringList graphNames(const QCustomPlot *plot)
{
    QStringList names;
    for (int i = 0; i < plot->graphCount(); ++i)
        names << plot->graph(i)->name();
    return names;
}

// The newest value a graph draws (-1 if none).
double lastDrawn(const QCustomPlot *plot, const QString &name)
{
    for (int i = 0; i < plot->graphCount(); ++i) {
        const QCPGraph *graph = plot->graph(i);
        if (graph->name() == name)
            return graph->dataCount() > 0 ? (graph->data()->constEnd() - 1)->value : -1;
    }
    return -1;
}

} // namespace

class TestHealthDashboardPage : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void chartsFollowTheServer();
    void allNodesOneLinePerNode();
    void busyMasterHasTheHighestOps();
    void oneNodeShowsItsOwnSeries();
    void checksPerNodeAndCsv();
    void failoverKeepsTheSeries();

private:
    QString address(int node) const
    {
        return QStringLiteral("127.0.0.1:%1").arg(m_cluster.cluster().node(node)->port());
    }
    // Waits until every node has drawn at least `samples` samples (and a redraw followed).
    bool waitForSamples(int samples);

    TestCluster m_cluster;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<RedisConnection> m_seed;
    std::unique_ptr<HealthDashboardPage> m_page;
};

void TestHealthDashboardPage::initTestCase()
{
    QLocale::setDefault(QLocale::c());
    EmbeddedCluster::Options options;
    options.nodeTimeoutMs = 1000; // a quick failover in the last test
    QVERIFY(m_cluster.start(options));
    m_session = std::make_unique<Session>(m_cluster.cluster().seedConfig());
    QVERIFY(openSession(*m_session));
    m_seed = TestServer::connect(m_cluster.cluster().seedConfig());
    QVERIFY(m_seed);
}

bool TestHealthDashboardPage::waitForSamples(int samples)
{
    const QList<QByteArray> ids = m_page->nodeIds();
    const bool sampled = QTest::qWaitFor(
        [&] {
            return std::all_of(ids.cbegin(), ids.cend(), [&](const QByteArray &id) {
                return m_page->nodePoller(id)->series(InfoSample::UsedMemory).size() >= samples;
            });
        },
        20000);
    QSignalSpy redrawn(m_page.get(), &HealthDashboardPage::redrawn);
    return sampled && redrawn.wait(5000);
}

void TestHealthDashboardPage::chartsFollowTheServer()
{
    TestServer server;
    QVERIFY(server.start());
    auto connection = server.connect();
    QVERIFY(connection);
    Session session(server.config());
    QVERIFY(openSession(session));
    HealthDashboardPage page(&session);
    page.resize(1400, 900);
    page.show();
    // A single server is a topology of one node: one poller, one advisor, one entry to choose.
    const QByteArray id = session.defaultNodeId();
    QCOMPARE(page.nodeIds(), QList<QByteArray>{id});
    InfoPoller *poller = page.nodePoller(id);
    QVERIFY(poller);
    page.setInterval(InfoPoller::kMinIntervalMs);
    QCOMPARE(page.interval(), InfoPoller::kMinIntervalMs);
    QCOMPARE(poller->interval(), InfoPoller::kMinIntervalMs);
    QSignalSpy advised(page.nodeAdvisor(id), &HealthAdvisor::finished);
    QSignalSpy redrawn(&page, &HealthDashboardPage::redrawn);
    // Some load: writes, hits and misses.
    for (int i = 0; i < 200; ++i) {
        connection->command({"SET", "k" + QByteArray::number(i), "v"}, &page, [](const RedisReply &) {});
        connection->command({"GET", "k" + QByteArray::number(i % 150)}, &page, [](const RedisReply &) {});
    }
    QTRY_VERIFY_WITH_TIMEOUT(redrawn.size() >= 3, 10000);
    QVERIFY(advised.size() >= 1 || advised.wait(10000));
    QVERIFY(page.drawnPoints(InfoSample::UsedMemory) >= 3);
    QVERIFY(page.drawnPoints(InfoSample::CommandsPerSecond) >= 2);
    QVERIFY(page.drawnPoints(InfoSample::LatencyP50Ms) >= 2);
    QVERIFY(page.checkTexts().contains("Memory limit: Warning"));
    QVERIFY(page.checkTexts().contains("Append-only file: Warning"));
    // A single server: one line per series, its checks not prefixed by its address.
    QCOMPARE(graphNames(page.plot(InfoSample::OpsPerSecond)), QStringList({"ops/s", "commands/s"}));
    QCOMPARE(graphNames(page.plot(InfoSample::HitRatio)), QStringList({"hit ratio"}));
    const auto *chooser = page.findChild<QComboBox *>("nodeChooser");
    QVERIFY(chooser->isVisible());
    QCOMPARE(chooser->count(), 1);
    QCOMPARE(chooser->currentText(), server.config().endpoint() + " (master)");
    // Pause: the charts stop following.
    page.setPaused(true);
    const int before = page.drawnPoints(InfoSample::UsedMemory);
    QTest::qWait(1200);
    QCOMPARE(page.drawnPoints(InfoSample::UsedMemory), before);
    page.setPaused(false);
    page.setWindowSeconds(86400);
    QCOMPARE(page.windowSeconds(), 86400);
    QVERIFY(page.drawnPoints(InfoSample::UsedMemory) >= before);
    // A day across the chart moves a pixel every minute or two: new samples do not redraw it each time.
    QSignalSpy sampled(poller, &InfoPoller::sampled);
    redrawn.clear();
    QTRY_VERIFY_WITH_TIMEOUT(sampled.size() >= 3, 10000);
    QCOMPARE(redrawn.size(), 0);
    page.setWindowSeconds(300); // five minutes: redrawn at once, then as the samples come
    QCOMPARE(redrawn.size(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(redrawn.size() >= 2, 10000);

    QTemporaryDir dir;
    const QString path = dir.filePath("series.csv");
    QVERIFY(page.exportCsv(path));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
    QVERIFY(lines.first().startsWith("time,ops/s,commands/s,used memory"));
    QVERIFY(lines.size() >= 4);
    QCOMPARE(lines.size() - 1, poller->series(InfoSample::UsedMemory).size()); // a row per sample
    QVERIFY(page.exportPng(dir.filePath("charts.png")));
    QVERIFY(QFile(dir.filePath("charts.png")).size() > 1000);
    for (const QLabel *label : page.findChildren<QLabel *>())
        QCOMPARE(label->textFormat(), Qt::PlainText);
}

void TestHealthDashboardPage::allNodesOneLinePerNode()
{
    m_page = std::make_unique<HealthDashboardPage>(m_session.get());
    m_page->resize(1400, 900);
    m_page->show();
    m_page->setInterval(InfoPoller::kMinIntervalMs);
    QCOMPARE(m_page->nodeIds().size(), 6);
    QVERIFY(waitForSamples(3));

    QSet<QString> expected;
    for (int i = 0; i < 6; ++i)
        expected.insert(address(i));
    // Every chart draws its main series once per node, named by the node's address.
    for (const InfoSample::Series series : {InfoSample::OpsPerSecond, InfoSample::UsedMemory,
                                            InfoSample::ConnectedClients, InfoSample::LatencyP99Ms}) {
        const QCustomPlot *plot = m_page->plot(series);
        QCOMPARE(plot->graphCount(), 6);
        const QStringList names = graphNames(plot);
        QCOMPARE(QSet<QString>(names.cbegin(), names.cend()), expected);
        QSet<QRgb> colours;
        for (int i = 0; i < plot->graphCount(); ++i) {
            QVERIFY(plot->graph(i)->dataCount() >= 2);
            colours.insert(plot->graph(i)->pen().color().rgb());
        }
        QCOMPARE(colours.size(), 6);
    }
    QVERIFY(m_page->drawnPoints(InfoSample::OpsPerSecond) >= 2);
    QCOMPARE(m_page->drawnPoints(InfoSample::CommandsPerSecond), 0); // not drawn per node
    // The chooser: all nodes, then each node with its role.
    const auto *chooser = m_page->findChild<QComboBox *>("nodeChooser");
    QVERIFY(chooser->isVisible());
    QCOMPARE(chooser->count(), 7);
    QCOMPARE(chooser->itemText(0), QString("All nodes"));
    QCOMPARE(chooser->itemText(1), address(0) + " (master)");
    QCOMPARE(chooser->itemText(2), address(3) + " (replica)"); // each master followed by its replica
    QCOMPARE(m_page->nodeLabel(m_cluster.cluster().nodeId(1)), address(1) + " (master)");
}

void TestHealthDashboardPage::busyMasterHasTheHighestOps()
{
    // Keys held by master 1, written and read on it: its replica sees the writes only, the others nothing.
    const auto [first, last] = m_cluster.cluster().formedSlots(1);
    QList<QByteArray> keys;
    for (int i = 0; keys.size() < 1000; ++i) {
        const QByteArray key = "busy:" + QByteArray::number(i);
        const int slot = ClusterSlot::slotOf(key);
        if (slot >= first && slot <= last)
            keys.append(key);
    }
    auto master = TestServer::connect(m_cluster.cluster().nodeConfig(1));
    QVERIFY(master);
    const QCustomPlot *ops = m_page->plot(InfoSample::OpsPerSecond);
    const auto busiest = [&] {
        const double busy = lastDrawn(ops, address(1));
        if (busy < 1000)
            return false;
        for (int i = 0; i < 6; ++i) {
            if (i != 1 && lastDrawn(ops, address(i)) >= busy)
                return false;
        }
        return true;
    };
    QElapsedTimer clock;
    clock.start();
    while (!busiest() && clock.elapsed() < 30000) {
        int pending = 0;
        for (const QByteArray &key : std::as_const(keys)) {
            pending += 2;
            master->command({"SET", key, "value"}, this, [&pending](const RedisReply &) { --pending; });
            master->command({"GET", key}, this, [&pending](const RedisReply &) { --pending; });
        }
        QVERIFY(QTest::qWaitFor([&] { return pending == 0; }, 10000));
    }
    QVERIFY2(busiest(), qPrintable(QStringLiteral("ops/s drawn for the busy master: %1, for its replica: %2")
                                       .arg(lastDrawn(ops, address(1)))
                                       .arg(lastDrawn(ops, address(4)))));
}

void TestHealthDashboardPage::oneNodeShowsItsOwnSeries()
{
    const QByteArray id = m_cluster.cluster().nodeId(1);
    m_page->setCurrentNode(id);
    QCOMPARE(m_page->currentNode(), id);
    const auto *chooser = m_page->findChild<QComboBox *>("nodeChooser");
    QCOMPARE(chooser->currentText(), address(1) + " (master)");
    QCOMPARE(graphNames(m_page->plot(InfoSample::OpsPerSecond)), QStringList({"ops/s", "commands/s"}));
    QCOMPARE(graphNames(m_page->plot(InfoSample::UsedMemory)),
             QStringList({"used memory", "RSS", "maxmemory"}));
    // What the server holds: the keys chart draws that node's DBSIZE.
    auto master = TestServer::connect(m_cluster.cluster().nodeConfig(1));
    QVERIFY(master);
    const qint64 dbsize = blockingCall(*master, {"DBSIZE"}).toInteger();
    QCOMPARE(dbsize, 1000);
    QSignalSpy redrawn(m_page.get(), &HealthDashboardPage::redrawn);
    QTRY_VERIFY_WITH_TIMEOUT(lastDrawn(m_page->plot(InfoSample::Keys), "keys") == double(dbsize), 10000);
    // And the newest sample of that node's poller, series by series.
    QVERIFY(redrawn.wait(5000));
    const InfoPoller *poller = m_page->nodePoller(id);
    QCOMPARE(lastDrawn(m_page->plot(InfoSample::UsedMemory), "used memory"),
             poller->series(InfoSample::UsedMemory).last().value / (1024.0 * 1024));
    QCOMPARE(lastDrawn(m_page->plot(InfoSample::OpsPerSecond), "commands/s"),
             poller->series(InfoSample::CommandsPerSecond).last().value);
    // Another master holds none of them.
    m_page->setCurrentNode(m_cluster.cluster().nodeId(2));
    QVERIFY(redrawn.wait(5000));
    QCOMPARE(lastDrawn(m_page->plot(InfoSample::Keys), "keys"), 0.0);

    m_page->setCurrentNode({});
    QCOMPARE(chooser->currentIndex(), 0);
    QCOMPARE(m_page->plot(InfoSample::OpsPerSecond)->graphCount(), 6);
}

void TestHealthDashboardPage::checksPerNodeAndCsv()
{
    const QList<QByteArray> ids = m_page->nodeIds();
    QTRY_VERIFY_WITH_TIMEOUT(
        std::all_of(ids.cbegin(), ids.cend(),
                    [&](const QByteArray &id) { return !m_page->nodeAdvisor(id)->checks().isEmpty(); }),
        20000);
    QTRY_VERIFY(m_page->checkTexts().contains("All nodes — Memory limit: Warning"));
    const QStringList texts = m_page->checkTexts();
    // The same outcome on every node is one line; per-node outcomes name their nodes.
    QCOMPARE(texts.filter("Memory limit").size(), 1);
    QVERIFY(texts.contains(
        QStringLiteral("%1, %2, %3 — Replication: OK").arg(address(0), address(1), address(2))));
    QVERIFY(texts.contains(
        QStringLiteral("%1, %2, %3 — Replication: OK").arg(address(3), address(4), address(5))));
    QSet<QString> addresses;
    for (int i = 0; i < 6; ++i)
        addresses.insert(address(i));
    for (const QString &text : texts) {
        const QString where = text.section(QStringLiteral(" — "), 0, 0);
        if (where == "All nodes")
            continue;
        for (const QString &node : where.split(", "))
            QVERIFY2(addresses.contains(node), qPrintable(text));
    }
    QCOMPARE(QSet<QString>(texts.cbegin(), texts.cend()).size(), texts.size());

    // CSV: a node column, every node with all nodes shown, one node when one is chosen.
    QTemporaryDir dir;
    const auto nodesIn = [&](const QString &path) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return QMap<QString, int>();
        QList<QByteArray> lines = file.readAll().trimmed().split('\n');
        if (!lines.takeFirst().startsWith("time,node,ops/s,commands/s,used memory"))
            return QMap<QString, int>();
        QMap<QString, int> rows;
        for (const QByteArray &line : std::as_const(lines))
            ++rows[QString::fromUtf8(line.split(',').value(1))];
        return rows;
    };
    QVERIFY(m_page->exportCsv(dir.filePath("all.csv")));
    const QMap<QString, int> all = nodesIn(dir.filePath("all.csv"));
    QCOMPARE(all.size(), 6);
    for (int i = 0; i < 6; ++i)
        QVERIFY(all.value(address(i)) >= 3);
    m_page->setCurrentNode(m_cluster.cluster().nodeId(2));
    QVERIFY(m_page->exportCsv(dir.filePath("one.csv")));
    QCOMPARE(nodesIn(dir.filePath("one.csv")).keys(), QStringList{address(2)});
    m_page->setCurrentNode({});
    QVERIFY(m_page->exportPng(dir.filePath("charts.png")));
    for (const QLabel *label : m_page->findChildren<QLabel *>())
        QCOMPARE(label->textFormat(), Qt::PlainText);
}

// SIGKILL master 0: its replica (node 3) is promoted and its series go on under its address, as a master.
void TestHealthDashboardPage::failoverKeepsTheSeries()
{
    const QByteArray promoted = m_cluster.cluster().nodeId(3);
    const InfoPoller *poller = m_page->nodePoller(promoted);
    QVERIFY(poller);
    QCOMPARE(m_page->nodeLabel(promoted), address(3) + " (replica)");
    QVERIFY(::kill(pid_t(m_cluster.cluster().node(0)->processId()), SIGKILL) == 0);
    QTRY_COMPARE_WITH_TIMEOUT(m_page->nodeLabel(promoted), address(3) + " (master)", 30000);
    QCOMPARE(m_page->nodePoller(promoted), poller); // the same history
    const qsizetype before = poller->series(InfoSample::UsedMemory).size();
    QTRY_VERIFY_WITH_TIMEOUT(poller->series(InfoSample::UsedMemory).size() >= before + 2, 10000);
    const auto *chooser = m_page->findChild<QComboBox *>("nodeChooser");
    QVERIFY(chooser->findText(address(3) + " (master)") > 0);
    QVERIFY(m_page->plot(InfoSample::OpsPerSecond)->graphCount() >= 5);
    QVERIFY(graphNames(m_page->plot(InfoSample::OpsPerSecond)).contains(address(3)));
}

QTEST_MAIN(TestHealthDashboardPage)
#include "tst_healthdashboardpage.moc"
