#include "blockingcall.h"
#include "pubsubmessagemodel.h"
#include "pubsubpage.h"
#include "pubsubsubscriber.h"
#include "redisconnection.h"
#include "testserver.h"

#include <memory>
#include <QClipboard>
#include <QFile>
#include <QGuiApplication>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using Kind = PubSubMessage::Kind;

class TestPubSubPage : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void subscribePublishAndSee();
    void filterPauseAndExport();
    void overviewAndProbe();
    void readOnlyCannotPublish();

private:
    bool openPage();

    TestServer m_server;
    std::unique_ptr<RedisConnection> m_connection;
    std::unique_ptr<PubSubPage> m_page;
};

void TestPubSubPage::initTestCase()
{
    QLocale::setDefault(QLocale::c());
    QVERIFY(m_server.start());
    QVERIFY((m_connection = m_server.connect()));
}

bool TestPubSubPage::openPage()
{
    m_page = std::make_unique<PubSubPage>(m_connection.get());
    m_page->resize(1200, 800);
    m_page->show();
    m_page->subscribe(Kind::Channel, "batch:123");
    m_page->subscribe(Kind::Pattern, "socket.io#*");
    return QTest::qWaitFor([this] { return m_page->subscriptionTexts().size() == 2; }, 10000);
}

void TestPubSubPage::subscribePublishAndSee()
{
    QVERIFY(openPage());
    QCOMPARE(m_page->subscriptionTexts(), (QStringList{"SUBSCRIBE batch:123", "PSUBSCRIBE socket.io#*"}));
    QSignalSpy published(m_page.get(), &PubSubPage::published);
    m_page->publish("batch:123", "<img src=x onerror=alert(1)>", false, 1, 0);
    QVERIFY(published.wait(10000));
    QCOMPARE(m_page->publishText(), QString("Delivered to 1 subscriber(s)."));
    m_page->publish("socket.io#/#room#", QByteArray("{\"ev\":\"join\",\"n\":1}"), false, 1, 0);
    QVERIFY(published.wait(10000));
    QTRY_COMPARE(m_page->messages()->rowCount(), 2);
    QAbstractItemModel *view = m_page->view()->model();
    QCOMPARE(view->index(0, PubSubMessageModel::PayloadColumn).data().toString(),
             QString("<img src=x onerror=alert(1)>"));
    QCOMPARE(view->index(1, PubSubMessageModel::PatternColumn).data().toString(), QString("socket.io#*"));
    m_page->view()->setCurrentIndex(view->index(1, 0));
    QVERIFY(m_page->detailsText().contains("join"));
    m_page->copyPayload();
    QCOMPARE(QGuiApplication::clipboard()->text(), QString("{\"ev\":\"join\",\"n\":1}"));
    QVERIFY(m_page->countersText().startsWith("Received 2 — in the buffer 2 of 100000 — dropped 0"));
    for (const QLabel *label : m_page->findChildren<QLabel *>())
        QCOMPARE(label->textFormat(), Qt::PlainText);
}

void TestPubSubPage::filterPauseAndExport()
{
    QVERIFY(openPage());
    QSignalSpy published(m_page.get(), &PubSubPage::published);
    m_page->publish("batch:123", "progress 10", false, 5, 0);
    QVERIFY(published.wait(10000));
    QTRY_COMPARE(m_page->messages()->rowCount(), 5);
    m_page->setFilter("nothing like it");
    QCOMPARE(m_page->view()->model()->rowCount(), 0);
    m_page->setFilter("PROGRESS");
    QCOMPARE(m_page->view()->model()->rowCount(), 5);
    m_page->setFilter({});

    m_page->setPaused(true);
    m_page->publish("batch:123", "while paused", false, 3, 0);
    QVERIFY(published.wait(10000));
    QTRY_VERIFY(m_page->countersText().contains("paused, 3 waiting"));
    QCOMPARE(m_page->messages()->rowCount(), 5);
    m_page->setPaused(false);
    QCOMPARE(m_page->messages()->rowCount(), 8);

    QTemporaryDir dir;
    const QString path = dir.filePath("messages.jsonl");
    m_page->exportTo(path, true);
    QTRY_VERIFY(m_page->countersText().startsWith("Exported 8 messages"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll().count('\n'), 8);
}

void TestPubSubPage::overviewAndProbe()
{
    QVERIFY(openPage());
    QSignalSpy refreshed(m_page.get(), &PubSubPage::overviewRefreshed);
    m_page->refreshOverview();
    QVERIFY(refreshed.wait(10000));
    QTableWidget *overview = m_page->overview();
    QCOMPARE(overview->rowCount(), 1);
    QCOMPARE(overview->item(0, 0)->text(), QString("batch:123"));
    QCOMPARE(overview->item(0, 2)->text(), QString("1"));
    m_page->startProbe(20);
    QTRY_VERIFY_WITH_TIMEOUT(m_page->probeText().startsWith("p50 "), 10000);
    // Probe messages stay out of the console.
    QCOMPARE(m_page->messages()->rowCount(), 0);
    QCOMPARE(m_page->subscriptionTexts().size(), 2);
}

void TestPubSubPage::readOnlyCannotPublish()
{
    ConnectionConfig config = m_server.config();
    config.readOnly = true;
    RedisConnection readOnly(config);
    PubSubPage page(&readOnly);
    QPushButton *publish = nullptr;
    for (QPushButton *button : page.findChildren<QPushButton *>()) {
        if (button->text() == "Publish")
            publish = button;
    }
    QVERIFY(publish);
    QVERIFY(!publish->isEnabled());
    QCOMPARE(page.publishText(), QString("This connection is read-only: publishing is off."));
}

QTEST_MAIN(TestPubSubPage)
#include "tst_pubsubpage.moc"
