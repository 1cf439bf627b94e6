#include "blockingcall.h"
#include "channelgroupmodel.h"
#include "clusterclient.h"
#include "clusterslot.h"
#include "embeddedcluster.h"
#include "embeddedserver.h"
#include "pubsubdetailspanel.h"
#include "pubsubmessagemodel.h"
#include "pubsubpage.h"
#include "pubsubsubscriber.h"
#include "redisconnection.h"
#include "session.h"
#include "shardedsubscriber.h"
#include "testcluster.h"
#include "testserver.h"
#include "testsession.h"

#include <algorithm>
#include <memory>
#include <QClipboard>
#include <QFile>
#include <QGuiApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSet>
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
    void socketIoAdapterTrafficReadable();
    void filterPauseAndExport();
    void overviewAndProbe();
    void readOnlyCannotPublish();
    void clusterShardChannelsOnTheirMasters();

private:
    bool openPage();

    TestServer m_server;
    std::unique_ptr<RedisConnection> m_connection;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<PubSubPage> m_page;
};

void TestPubSubPage::initTestCase()
{
    QLocale::setDefault(QLocale::c());
    QVERIFY(m_server.start());
    QVERIFY((m_connection = m_server.connect()));
    m_session = std::make_unique<Session>(m_server.config());
    QVERIFY(openSession(*m_session));
}

bool TestPubSubPage::openPage()
{
    m_page = std::make_unique<PubSubPage>(m_session.get());
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

void TestPubSubPage::socketIoAdapterTrafficReadable()
{
    // Replays, byte for byte, what the real Socket.IO Redis adapter published (tests/pubsub/socketio/).
    QVERIFY(openPage());
    QFile file(QFINDTESTDATA("socketio/packets.jsonl"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    int published = 0;
    while (!file.atEnd()) {
        const QJsonObject line = QJsonDocument::fromJson(file.readLine()).object();
        const QByteArray channel = QByteArray::fromHex(line.value("channel").toString().toLatin1());
        const QByteArray payload = QByteArray::fromHex(line.value("payload").toString().toLatin1());
        blockingCall(*m_connection, {"PUBLISH", channel, payload});
        published += channel.startsWith("socket.io#") ? 1 : 0; // the page's pattern is socket.io#*
    }
    QCOMPARE(published, 6);
    QTRY_COMPARE(m_page->messages()->rowCount(), published);

    // The list reads each packet on one line; the filter finds an event by name.
    QAbstractItemModel *view = m_page->view()->model();
    const QString chatCell = view->index(1, PubSubMessageModel::PayloadColumn).data().toString();
    QVERIFY2(
        chatCell.contains(QString::fromUtf8("{\"type\": 2, \"data\": [\"chat\", \"héllo <b>bold</b>\"]")),
        qPrintable(chatCell));
    m_page->setFilter("\"chat\"");
    QCOMPARE(view->rowCount(), 1);
    m_page->setFilter({});
    QCOMPARE(view->rowCount(), published);
    m_page->view()->setCurrentIndex(view->index(0, 0));
    QCOMPARE(m_page->details()->autoChoice(), QString("MessagePack"));
    QVERIFY2(
        m_page->detailsText().contains("\"data\": [\n      \"progress\",\n      {\n        \"batch\": 123,"),
        qPrintable(m_page->detailsText()));
    m_page->view()->setCurrentIndex(view->index(3, 0));
    QVERIFY2(m_page->detailsText().contains("<bin[5]: 00 01 02 ff fe>"), qPrintable(m_page->detailsText()));
    m_page->details()->setMode(PubSubDetailsPanel::Mode::Hex);
    QVERIFY(m_page->detailsText().startsWith("93 a6"));
    m_page->details()->setMode(PubSubDetailsPanel::Mode::Auto);

    // By group: the namespace, the room and the other namespace, each with its count and last payload.
    const ChannelGroupModel *groups = m_page->groups();
    QMap<QString, int> rows;
    for (int row = 0; row < groups->rowCount(); ++row)
        rows.insert(groups->index(row, ChannelGroupModel::GroupColumn).data().toString(), row);
    QCOMPARE(rows.keys(), (QStringList{"socket.io#/#", "socket.io#/#room1#", "socket.io#/admin#"}));
    QCOMPARE(groups->messages(rows["socket.io#/#"]), 4);
    QCOMPARE(groups->messages(rows["socket.io#/#room1#"]), 1);
    const QString lastInRoom =
        groups->index(rows["socket.io#/#room1#"], ChannelGroupModel::LastPayloadColumn).data().toString();
    QVERIFY2(lastInRoom.contains(QString::fromUtf8("\"data\": [\"chat\", \"héllo <b>bold</b>\"]")),
             qPrintable(lastInRoom));
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
    Session readOnly(config);
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

// Cluster mode on a real 3-master cluster: shard channels on their slots' masters, SUBSCRIBE on the
// page's node, publishing through the ClusterClient, and the overview merged from every master.
void TestPubSubPage::clusterShardChannelsOnTheirMasters()
{
    TestCluster cluster;
    QVERIFY(cluster.start({})); // 3 masters and their replicas
    const EmbeddedCluster &nodes = cluster.cluster();
    const auto endpoint = [&](int i) { return QStringLiteral("127.0.0.1:%1").arg(nodes.node(i)->port()); };
    ClusterClient client(nodes.seedConfig());
    QVERIFY(TestCluster::open(client));
    Session session(nodes.seedConfig());
    QVERIFY(openSession(session));
    std::vector<std::unique_ptr<RedisConnection>> admin;
    for (int i = 0; i < 3; ++i) {
        admin.push_back(TestServer::connect(nodes.nodeConfig(i)));
        QVERIFY(admin.back());
    }
    // One shard channel per master.
    QByteArray channels[3];
    for (int n = 0, found = 0; found < 3; ++n) {
        const QByteArray channel = "orders:" + QByteArray::number(n);
        const int slot = ClusterSlot::slotOf(channel);
        for (int i = 0; i < 3; ++i) {
            if (channels[i].isEmpty() && slot >= nodes.formedSlots(i).first &&
                slot <= nodes.formedSlots(i).second) {
                channels[i] = channel;
                ++found;
            }
        }
    }

    PubSubPage page(&session);
    page.resize(1400, 800);
    page.show();
    QCOMPARE(page.overview()->columnCount(), 4);
    page.subscribe(Kind::Channel, "batch:123");
    for (const QByteArray &channel : channels)
        page.subscribe(Kind::Shard, channel);
    // Shard channels are listed by name, each with its master.
    QList<int> byName{0, 1, 2};
    std::sort(byName.begin(), byName.end(), [&](int a, int b) { return channels[a] < channels[b]; });
    QStringList expected{"SUBSCRIBE batch:123"};
    for (const int i : byName)
        expected.append("SSUBSCRIBE " + QString::fromLatin1(channels[i]) + " — on " + endpoint(i));
    QTRY_COMPARE_WITH_TIMEOUT(page.subscriptionTexts(), expected, 10000);
    QVERIFY(page.shardedSubscriber());
    QCOMPARE(page.shardedSubscriber()->subscriberCount(), 3);
    for (int i = 0; i < 3; ++i) {
        const RedisReply numsub = blockingCall(*admin[size_t(i)], {"PUBSUB", "SHARDNUMSUB", channels[i]});
        QCOMPARE(numsub, RedisReply::array({RedisReply::bulk(channels[i]), RedisReply::integer(1)}));
    }

    // SPUBLISH through the page reaches each channel's master and its one subscriber.
    QSignalSpy published(&page, &PubSubPage::published);
    for (int i = 0; i < 3; ++i) {
        page.publish(channels[i], "shard " + QByteArray::number(i), true, 1, 0);
        QVERIFY(published.wait(10000));
        QCOMPARE(page.publishText(), QString("Delivered to 1 subscriber(s)."));
    }
    QTRY_COMPARE_WITH_TIMEOUT(page.messages()->rowCount(), 3, 10000);
    // Classic PUBLISH on another node than the subscriber's: the cluster forwards it.
    QCOMPARE(blockingCall(*admin[2], {"PUBLISH", "batch:123", "from node 2"}), RedisReply::integer(0));
    page.publish("batch:123", "through the cluster client", false, 1, 0);
    QVERIFY(published.wait(10000));
    QVERIFY(page.publishText().contains("In a cluster PUBLISH counts the subscribers"));
    QTRY_COMPARE_WITH_TIMEOUT(page.messages()->rowCount(), 5, 10000);
    QSet<QString> payloads;
    QAbstractItemModel *view = page.view()->model();
    for (int row = 0; row < view->rowCount(); ++row)
        payloads.insert(view->index(row, PubSubMessageModel::PayloadColumn).data().toString());
    QCOMPARE(payloads,
             (QSet<QString>{"shard 0", "shard 1", "shard 2", "from node 2", "through the cluster client"}));

    // The overview asks every node: each shard channel on its master, the channel on the seed and on a
    // replica where another client subscribed to it.
    PubSubSubscriber onReplica(nodes.nodeConfig(3));
    onReplica.open();
    onReplica.subscribe(Kind::Channel, "batch:123");
    QTRY_VERIFY_WITH_TIMEOUT(onReplica.subscriptions(Kind::Channel).contains("batch:123"), 10000);
    QSignalSpy refreshed(&page, &PubSubPage::overviewRefreshed);
    page.refreshOverview();
    QVERIFY(refreshed.wait(10000));
    QTableWidget *overview = page.overview();
    QCOMPARE(overview->rowCount(), 4);
    QCOMPARE(overview->item(0, 0)->text(), QString("batch:123"));
    QCOMPARE(overview->item(0, 1)->text(), QString("channel"));
    QCOMPARE(overview->item(0, 2)->text(), QString("2"));
    QVERIFY(overview->item(0, 3)->text().contains(endpoint(0)));
    QVERIFY(overview->item(0, 3)->text().contains(endpoint(3)));
    for (int row = 1; row <= 3; ++row) {
        const int i = byName[row - 1];
        QCOMPARE(overview->item(row, 0)->text(), QString::fromLatin1(channels[i]));
        QCOMPARE(overview->item(row, 1)->text(), QString("shard channel"));
        QCOMPARE(overview->item(row, 2)->text(), QString("1"));
        QCOMPARE(overview->item(row, 3)->text(), endpoint(i));
    }
    for (const QLabel *label : page.findChildren<QLabel *>())
        QCOMPARE(label->textFormat(), Qt::PlainText);
    // The details name a shard message's node.
    const QModelIndex first = view->index(0, 0);
    page.view()->setCurrentIndex(first);
    const QByteArray firstChannel = first.data(PubSubMessageModel::ChannelBytesRole).toByteArray();
    const int firstMaster = int(std::find(std::begin(channels), std::end(channels), firstChannel) - channels);
    QVERIFY(firstMaster < 3);
    const QLabel *node = page.findChild<QLabel *>("detailsNode");
    QVERIFY(node);
    QCOMPARE(node->text(), QString("Shard channel %1: hash slot %2 on %3")
                               .arg(QString::fromLatin1(firstChannel))
                               .arg(ClusterSlot::slotOf(firstChannel))
                               .arg(endpoint(firstMaster)));

    // Unsubscribing a shard channel closes that master's subscriber.
    page.unsubscribe(Kind::Shard, channels[1]);
    QCOMPARE(page.shardedSubscriber()->subscriberCount(), 2);
    QTRY_COMPARE(blockingCall(*admin[1], {"PUBSUB", "SHARDNUMSUB", channels[1]}),
                 RedisReply::array({RedisReply::bulk(channels[1]), RedisReply::integer(0)}));
    QTRY_COMPARE(page.subscriptionTexts().size(), 3);
}

QTEST_MAIN(TestPubSubPage)
#include "tst_pubsubpage.moc"
