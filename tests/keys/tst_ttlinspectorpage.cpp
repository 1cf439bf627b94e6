#include "blockingcall.h"
#include "redisconnection.h"
#include "session.h"
#include "testcluster.h"
#include "testserver.h"
#include "testsession.h"
#include "ttlinspectorpage.h"

#include <memory>
#include <QLabel>
#include <QLocale>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>

class TestTtlInspectorPage : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void showsNamespacesHistogramAndViolations();
    void rejectsRulesItCannotRead();
    void clusterSamplesEveryMaster();

private:
    RedisReply call(const QList<QByteArray> &args) { return blockingCall(*m_connection, args); }

    TestServer m_server;
    std::unique_ptr<RedisConnection> m_connection;
    std::unique_ptr<Session> m_session;
};

void TestTtlInspectorPage::initTestCase()
{
    QLocale::setDefault(QLocale::c());
    QVERIFY(m_server.start());
    QVERIFY((m_connection = m_server.connect()));
    m_session = std::make_unique<Session>(m_server.config());
    QVERIFY(openSession(*m_session));
}

void TestTtlInspectorPage::showsNamespacesHistogramAndViolations()
{
    QCOMPARE(call({"CONFIG", "SET", "maxmemory-policy", "volatile-lru"}), RedisReply::status("OK"));
    for (int i = 0; i < 20; ++i)
        QCOMPARE(call({"SET", "cache:dashboard:" + QByteArray::number(i), "v", "EX", "8"}),
                 RedisReply::status("OK"));
    for (int i = 0; i < 10; ++i)
        QCOMPARE(call({"SET", "<b>user</b>:" + QByteArray::number(i), "v"}), RedisReply::status("OK"));
    QCOMPARE(call({"SET", "cache:dashboard:slow", "v", "EX", "600"}), RedisReply::status("OK"));

    TtlInspectorPage page(m_session.get());
    page.resize(1000, 700);
    page.show();
    page.setRules({{"cache:dashboard:*", "10s"}, {"*", "none"}});
    QSignalSpy finished(&page, &TtlInspectorPage::analysisFinished);
    page.analyze();
    QVERIFY(finished.wait(10000));
    QCOMPARE(page.statusText(),
             QString("31 keys sampled, 10 without TTL (32%) — maxmemory-policy volatile-lru"));
    QVERIFY(page.warningsText().startsWith("maxmemory-policy is volatile-lru, but 32%"));
    QTableWidget *namespaces = page.namespaceTable();
    QCOMPARE(namespaces->rowCount(), 2);
    QCOMPARE(namespaces->item(0, 0)->text(), QString("cache:dashboard"));
    QCOMPARE(namespaces->item(0, 1)->text(), QString("21"));
    QCOMPARE(namespaces->item(0, 2)->text(), QString("0%"));
    QCOMPARE(namespaces->item(1, 0)->text(), QString("<b>user</b>"));
    QCOMPARE(namespaces->item(1, 2)->text(), QString("100%"));
    QCOMPARE(namespaces->item(1, 3)->text(), QString("—"));
    // Histogram: 20 under 10 s, 1 under 15 min, 10 without TTL.
    QCOMPARE(page.histogram(), (QList<double>{20, 0, 0, 1, 0, 0, 0, 0, 0, 10}));
    namespaces->selectRow(1);
    QCOMPARE(page.histogram(), (QList<double>{0, 0, 0, 0, 0, 0, 0, 0, 0, 10}));
    // The slow dashboard breaks its rule.
    QCOMPARE(page.violationTable()->rowCount(), 1);
    QCOMPARE(page.violationTable()->item(0, 0)->text(), QString("cache:dashboard:slow"));
    QCOMPARE(page.violationTable()->item(0, 2)->text(), QString("cache:dashboard:* → at most 10 s"));
    for (const QLabel *label : page.findChildren<QLabel *>())
        QCOMPARE(label->textFormat(), Qt::PlainText);
}

void TestTtlInspectorPage::rejectsRulesItCannotRead()
{
    TtlInspectorPage page(m_session.get());
    page.setRules({{"a:*", "10 parsecs"}});
    page.analyze();
    QVERIFY(page.statusText().startsWith("Rule 1 is not understood"));
    QVERIFY(!page.analyzer());
}

void TestTtlInspectorPage::clusterSamplesEveryMaster()
{
    TestCluster cluster;
    QVERIFY(cluster.start({}));
    Session session(cluster.cluster().seedConfig());
    QVERIFY(openSession(session));
    int answered = 0;
    for (int i = 0; i < 90; ++i) {
        QList<QByteArray> set{"SET", (i < 60 ? "session:" : "queue:") + QByteArray::number(i), "v"};
        if (i < 60)
            set << "EX"
                << "600";
        session.command(set, this,
                        [&answered](const RedisReply &reply) { answered += reply.isError() ? 0 : 1; });
    }
    QTRY_COMPARE_WITH_TIMEOUT(answered, 90, 10000);

    TtlInspectorPage page(&session);
    page.show();
    QSignalSpy finished(&page, &TtlInspectorPage::analysisFinished);
    page.analyze();
    QVERIFY(finished.wait(10000));
    // All 90 keys, not the seed master's third of them.
    QVERIFY2(page.statusText().startsWith("90 keys sampled, 30 without TTL (33%)"),
             qPrintable(page.statusText()));
    QTableWidget *namespaces = page.namespaceTable();
    QCOMPARE(namespaces->rowCount(), 2);
    QCOMPARE(namespaces->item(0, 0)->text(), QString("session"));
    QCOMPARE(namespaces->item(0, 1)->text(), QString("60"));
}

QTEST_MAIN(TestTtlInspectorPage)
#include "tst_ttlinspectorpage.moc"
