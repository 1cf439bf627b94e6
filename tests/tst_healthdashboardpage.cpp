#include "blockingcall.h"
#include "healthdashboardpage.h"
#include "infopoller.h"
#include "redisconnection.h"
#include "testserver.h"

#include <memory>
#include <QFile>
#include <QLabel>
#include <QLocale>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

class TestHealthDashboardPage : public QObject
{
    Q_OBJECT
private slots:
    void chartsFollowTheServer();
};

void TestHealthDashboardPage::chartsFollowTheServer()
{
    QLocale::setDefault(QLocale::c());
    TestServer server;
    QVERIFY(server.start());
    auto connection = server.connect();
    QVERIFY(connection);
    HealthDashboardPage page(connection.get());
    page.resize(1400, 900);
    page.show();
    page.poller()->setInterval(InfoPoller::kMinIntervalMs);
    QSignalSpy advised(page.advisor(), &HealthAdvisor::finished);
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
    // Pause: the charts stop following.
    page.setPaused(true);
    const int before = page.drawnPoints(InfoSample::UsedMemory);
    QTest::qWait(1200);
    QCOMPARE(page.drawnPoints(InfoSample::UsedMemory), before);
    page.setPaused(false);
    page.setWindowSeconds(86400);
    QCOMPARE(page.windowSeconds(), 86400);
    QVERIFY(page.drawnPoints(InfoSample::UsedMemory) >= before);

    QTemporaryDir dir;
    const QString path = dir.filePath("series.csv");
    QVERIFY(page.exportCsv(path));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
    QVERIFY(lines.first().startsWith("time,ops/s,commands/s,used memory"));
    QVERIFY(lines.size() >= 4);
    QVERIFY(page.exportPng(dir.filePath("charts.png")));
    QVERIFY(QFile(dir.filePath("charts.png")).size() > 1000);
    for (const QLabel *label : page.findChildren<QLabel *>())
        QCOMPARE(label->textFormat(), Qt::PlainText);
}

QTEST_MAIN(TestHealthDashboardPage)
#include "tst_healthdashboardpage.moc"
