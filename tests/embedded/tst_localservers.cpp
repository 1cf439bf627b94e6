#include "blockingcall.h"
#include "demoloader.h"
#include "embeddedserver.h"
#include "localservers.h"
#include "session.h"
#include "testsession.h"

#include <QSignalSpy>
#include <QTest>

// The one owner of the local servers: each kind starts, is opened through a Session, and stops.
class TestLocalServers : public QObject
{
    Q_OBJECT

private slots:
    void standaloneStartsTakesTheDemoDataAndStops();
    void clusterAndSentinelOpenThroughTheirProfiles();
};

void TestLocalServers::standaloneStartsTakesTheDemoDataAndStops()
{
    LocalServers servers;
    QSignalSpy ready(&servers, &LocalServers::ready);
    QSignalSpy stopped(&servers, &LocalServers::stopped);
    QVERIFY(!servers.isRunning(LocalServers::Kind::Standalone));
    servers.start(LocalServers::Kind::Standalone);
    QVERIFY(servers.isRunning(LocalServers::Kind::Standalone));
    QVERIFY(QTest::qWaitFor([&] { return !ready.isEmpty(); }, 15000));
    QCOMPARE(ready.first().first().value<LocalServers::Kind>(), LocalServers::Kind::Standalone);
    QVERIFY(servers.isReady(LocalServers::Kind::Standalone));
    QCOMPARE(servers.profile(LocalServers::Kind::Standalone).name, QStringLiteral("Local (embedded)"));
    QCOMPARE(servers.profile(LocalServers::Kind::Standalone).port, servers.server()->port());

    Session session(servers.profile(LocalServers::Kind::Standalone));
    QVERIFY(openSession(session));
    DemoLoader loader(&session);
    QSignalSpy finished(&loader, &DemoLoader::finished);
    loader.start();
    QVERIFY(loader.isRunning());
    QVERIFY(QTest::qWaitFor([&] { return !finished.isEmpty(); }, 30000));
    const int total = finished.first().at(0).toInt();
    QVERIFY(total > 1000);
    QCOMPARE(finished.first().at(1).toInt(), 0);
    QVERIFY(blockingCall(*session.connection(), {"DBSIZE"}).toInteger() > 1000);
    servers.setHasDemoData(true);

    session.close();
    servers.stop(LocalServers::Kind::Standalone);
    QVERIFY(QTest::qWaitFor([&] { return !stopped.isEmpty(); }, 15000));
    QVERIFY(!servers.isRunning(LocalServers::Kind::Standalone));
    QVERIFY(!servers.hasDemoData()); // a new start is a new, empty server
}

void TestLocalServers::clusterAndSentinelOpenThroughTheirProfiles()
{
    LocalServers servers;
    QSignalSpy ready(&servers, &LocalServers::ready);
    servers.start(LocalServers::Kind::Cluster);
    servers.start(LocalServers::Kind::Sentinel);
    QVERIFY(QTest::qWaitFor([&] { return ready.size() == 2; }, 60000));
    QVERIFY(servers.formationSeconds(LocalServers::Kind::Cluster) > 0);

    Session cluster(servers.profile(LocalServers::Kind::Cluster));
    QVERIFY(openSession(cluster));
    QCOMPARE(cluster.nodes().size(), 6);
    QCOMPARE(cluster.profile().name, QStringLiteral("Local cluster (embedded)"));

    Session sentinel(servers.profile(LocalServers::Kind::Sentinel));
    QVERIFY(sentinel.profile().usesSentinel());
    QVERIFY(openSession(sentinel));
    QVERIFY(sentinel.sentinel());
    QCOMPARE(blockingCall(*sentinel.connection(), {"ROLE"}).elements().value(0).bytes(),
             QByteArray("master"));

    QSignalSpy stopped(&servers, &LocalServers::stopped);
    cluster.close();
    sentinel.close();
    servers.stop(LocalServers::Kind::Cluster);
    servers.stop(LocalServers::Kind::Sentinel);
    QVERIFY(QTest::qWaitFor([&] { return stopped.size() == 2; }, 30000));
    QVERIFY(!servers.isRunning(LocalServers::Kind::Cluster));
    QVERIFY(!servers.isRunning(LocalServers::Kind::Sentinel));
}

QTEST_GUILESS_MAIN(TestLocalServers)
#include "tst_localservers.moc"
