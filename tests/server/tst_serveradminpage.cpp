#include "blockingcall.h"
#include "clusterclient.h"
#include "redisconnection.h"
#include "serveradminpage.h"
#include "session.h"
#include "testcluster.h"
#include "testserver.h"
#include "testsession.h"

#include <QAbstractItemModel>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

namespace {
// The texts of one column as the user sees them (after search and sort).
QStringList column(QTableView *table, int column)
{
    QStringList texts;
    const QAbstractItemModel *model = table->model();
    for (int row = 0; row < model->rowCount(); ++row)
        texts.append(model->index(row, column).data().toString());
    return texts;
}

bool waitLoaded(QSignalSpy &loaded, ServerAdminPage::Tab tab)
{
    return QTest::qWaitFor([&] { return loaded.contains(QVariantList{QVariant::fromValue(tab)}); }, 5000);
}

void answer(ServerAdminPage &page, QMessageBox::StandardButton button)
{
    QTRY_VERIFY(page.question());
    page.question()->button(button)->click();
}
} // namespace

class TestServerAdminPage : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void infoIsSearchable();
    void slowlogShowsSlowCommands();
    void configSetAsksFirst();
    void killClientAsksFirst();
    void readOnlyCannotWrite();
    void clusterNodeIsChosen();

private:
    TestServer m_server;
};

void TestServerAdminPage::initTestCase()
{
    QVERIFY(m_server.start({"--enable-debug-command", "yes"}));
}

void TestServerAdminPage::infoIsSearchable()
{
    auto connection = m_server.connect();
    QVERIFY(connection);
    Session session(connection->config());
    QVERIFY(openSession(session));
    ServerAdminPage page(&session);
    QSignalSpy loaded(&page, &ServerAdminPage::loaded);
    page.show(); // the INFO tab loads when shown
    QVERIFY(waitLoaded(loaded, ServerAdminPage::Info));
    // A single server is a topology of one node: the chooser offers it alone.
    QVERIFY(page.nodeChooser()->isVisible());
    QCOMPARE(page.nodeChooser()->count(), 1);
    QCOMPARE(page.nodeChooser()->currentText(), connection->config().endpoint() + " (master)");
    QTableView *table = page.table(ServerAdminPage::Info);
    QVERIFY(table->model()->rowCount() > 50);
    page.filter(ServerAdminPage::Info)->setText("redis_VERSION");
    QCOMPARE(table->model()->rowCount(), 1);
    QCOMPARE(column(table, 0), QStringList{"Server"});
    const QByteArray server = blockingCall(*connection, {"INFO", "server"}).bytes();
    const qsizetype at = server.indexOf("redis_version:") + 14;
    QCOMPARE(column(table, 2),
             QStringList{QString::fromLatin1(server.mid(at, server.indexOf('\r', at) - at))});
    // INFO everything: per-command statistics are there too.
    page.filter(ServerAdminPage::Info)->setText("cmdstat_client|setname");
    QCOMPARE(column(table, 0), QStringList{"Commandstats"});
}

void TestServerAdminPage::slowlogShowsSlowCommands()
{
    auto connection = m_server.connect();
    QVERIFY(connection);
    QVERIFY(!blockingCall(*connection, {"SLOWLOG", "RESET"}).isError());
    QVERIFY(!blockingCall(*connection, {"DEBUG", "SLEEP", "0.03"}).isError());
    Session session(connection->config());
    QVERIFY(openSession(session));
    ServerAdminPage page(&session);
    page.show();
    QSignalSpy loaded(&page, &ServerAdminPage::loaded);
    page.showTab(ServerAdminPage::Slowlog);
    QVERIFY(waitLoaded(loaded, ServerAdminPage::Slowlog));
    QTableView *table = page.table(ServerAdminPage::Slowlog);
    QVERIFY(column(table, 3).contains("DEBUG SLEEP 0.03"));
    const int row = column(table, 3).indexOf("DEBUG SLEEP 0.03");
    QVERIFY(table->model()->index(row, 2).data().toLongLong() >= 30000);
    QVERIFY(table->model()->index(row, 4).data().toString().startsWith("127.0.0.1:"));
    QVERIFY(page.slowlogSummary()->text().contains("10000 µs"));

    // Reset: "No" keeps the entries, "Yes" empties the server's slow log.
    page.resetSlowlog();
    answer(page, QMessageBox::No);
    QTRY_VERIFY(!page.question());
    QVERIFY(blockingCall(*connection, {"SLOWLOG", "LEN"}).toInteger() >= 1);
    QSignalSpy written(&page, &ServerAdminPage::written);
    page.resetSlowlog();
    answer(page, QMessageBox::Yes);
    QVERIFY(written.wait(5000));
    QCOMPARE(written.first().first().toBool(), true);
    QTRY_COMPARE(column(table, 3).filter("DEBUG SLEEP").size(), 0);
}

void TestServerAdminPage::configSetAsksFirst()
{
    auto connection = m_server.connect();
    QVERIFY(connection);
    Session session(connection->config());
    QVERIFY(openSession(session));
    ServerAdminPage page(&session);
    page.show();
    QSignalSpy loaded(&page, &ServerAdminPage::loaded);
    page.showTab(ServerAdminPage::Config);
    QVERIFY(waitLoaded(loaded, ServerAdminPage::Config));
    page.filter(ServerAdminPage::Config)->setText("maxmemory-samples");
    QTableView *table = page.table(ServerAdminPage::Config);
    QCOMPARE(column(table, 1), QStringList{"5"});

    page.setConfig("maxmemory-samples", "7");
    QVERIFY(page.question()->text().contains("from “5” to “7”"));
    answer(page, QMessageBox::No);
    QTRY_VERIFY(!page.question());
    QCOMPARE(blockingCall(*connection, {"CONFIG", "GET", "maxmemory-samples"}).elements().at(1).bytes(), "5");

    QSignalSpy written(&page, &ServerAdminPage::written);
    page.setConfig("maxmemory-samples", "7");
    answer(page, QMessageBox::Yes);
    QVERIFY(written.wait(5000));
    QCOMPARE(blockingCall(*connection, {"CONFIG", "GET", "maxmemory-samples"}).elements().at(1).bytes(), "7");
    QTRY_COMPARE(column(table, 1), QStringList{"7"});

    // A value the server refuses: its error is shown, nothing changes.
    written.clear();
    page.setConfig("maxmemory-samples", "many");
    answer(page, QMessageBox::Yes);
    QVERIFY(written.wait(5000));
    QCOMPARE(written.first().first().toBool(), false);
    QVERIFY(page.errorLabel()->text().contains("maxmemory-samples"));
    QCOMPARE(blockingCall(*connection, {"CONFIG", "GET", "maxmemory-samples"}).elements().at(1).bytes(), "7");
    QVERIFY(!blockingCall(*connection, {"CONFIG", "SET", "maxmemory-samples", "5"}).isError());
}

void TestServerAdminPage::killClientAsksFirst()
{
    auto connection = m_server.connect();
    auto victim = m_server.connect();
    QVERIFY(connection && victim);
    victim->setAutoReconnect(false);
    QVERIFY(!blockingCall(*victim, {"CLIENT", "SETNAME", "<b>victim</b>"}).isError());
    const qint64 id = blockingCall(*victim, {"CLIENT", "ID"}).toInteger();
    Session session(connection->config());
    QVERIFY(openSession(session));
    ServerAdminPage page(&session);
    page.show();
    QSignalSpy loaded(&page, &ServerAdminPage::loaded);
    page.showTab(ServerAdminPage::Clients);
    QVERIFY(waitLoaded(loaded, ServerAdminPage::Clients));
    QTableView *table = page.table(ServerAdminPage::Clients);
    page.filter(ServerAdminPage::Clients)->setText("victim");
    QCOMPARE(column(table, 2), QStringList{"<b>victim</b>"}); // literally, as the server holds it
    QCOMPARE(table->model()->index(0, 0).data().toLongLong(), id);

    table->selectRow(0);
    page.killSelectedClient();
    QVERIFY(page.question()->text().contains("<b>victim</b>"));
    QCOMPARE(page.question()->textFormat(), Qt::PlainText);
    answer(page, QMessageBox::No);
    QTRY_VERIFY(!page.question());
    QCOMPARE(blockingCall(*victim, {"PING"}).bytes(), QByteArray("PONG"));

    page.killSelectedClient();
    answer(page, QMessageBox::Yes);
    QTRY_VERIFY(!victim->isReady());
    QTRY_COMPARE(table->model()->rowCount(), 0); // reloaded without it
}

void TestServerAdminPage::readOnlyCannotWrite()
{
    ConnectionConfig config = m_server.config();
    config.readOnly = true;
    auto connection = TestServer::connect(config);
    QVERIFY(connection);
    Session session(connection->config());
    QVERIFY(openSession(session));
    ServerAdminPage page(&session);
    page.show();
    QSignalSpy loaded(&page, &ServerAdminPage::loaded);
    page.showTab(ServerAdminPage::Config);
    QVERIFY(waitLoaded(loaded, ServerAdminPage::Config)); // reading works
    page.table(ServerAdminPage::Config)->selectRow(0);
    const auto buttons = page.findChildren<QPushButton *>();
    for (QPushButton *button : buttons)
        if (button->text() != "Refresh")
            QVERIFY2(!button->isEnabled(), qPrintable(button->text()));
    page.resetSlowlog();
    QVERIFY(!page.question());
}

void TestServerAdminPage::clusterNodeIsChosen()
{
    TestCluster cluster;
    QVERIFY(cluster.start({}));
    Session session(cluster.cluster().seedConfig());
    QVERIFY(openSession(session));
    ServerAdminPage page(&session);
    QSignalSpy loaded(&page, &ServerAdminPage::loaded);
    page.show();
    QVERIFY(waitLoaded(loaded, ServerAdminPage::Info));

    // Every node is offered, the seed chosen; its INFO says its own port.
    QComboBox *nodes = page.nodeChooser();
    QVERIFY(nodes->isVisible());
    QCOMPARE(nodes->count(), 6);
    const QString seedEndpoint = cluster.cluster().seedConfig().endpoint();
    QVERIFY2(nodes->currentText().startsWith(seedEndpoint), qPrintable(nodes->currentText()));
    const auto tcpPort = [&] {
        page.filter(ServerAdminPage::Info)->setText("tcp_port");
        return column(page.table(ServerAdminPage::Info), 2);
    };
    QCOMPARE(tcpPort(), QStringList{QString::number(cluster.cluster().seedConfig().port)});

    // A replica chosen: the tables are that node's.
    const ConnectionConfig replica = cluster.cluster().nodeConfig(4);
    int index = -1;
    for (int i = 0; i < nodes->count(); ++i)
        if (nodes->itemText(i) == QString("%1 (replica)").arg(replica.endpoint()))
            index = i;
    QVERIFY(index >= 0);
    loaded.clear();
    nodes->setCurrentIndex(index);
    emit nodes->activated(index);
    QVERIFY(waitLoaded(loaded, ServerAdminPage::Info));
    QCOMPARE(tcpPort(), QStringList{QString::number(replica.port)});
    QCOMPARE(page.currentConnection()->config().port, replica.port);

    // Reached by a name the cluster does not announce: the node shown is the one whose tables are shown.
    ConnectionConfig byName = cluster.cluster().seedConfig();
    byName.host = QStringLiteral("localhost");
    Session named(byName);
    QVERIFY(openSession(named));
    ServerAdminPage other(&named);
    QSignalSpy otherLoaded(&other, &ServerAdminPage::loaded);
    other.show();
    QVERIFY(waitLoaded(otherLoaded, ServerAdminPage::Info));
    const QString shownPort =
        other.nodeChooser()->currentText().section(QLatin1Char(':'), 1).section(' ', 0, 0);
    other.filter(ServerAdminPage::Info)->setText("tcp_port");
    QCOMPARE(column(other.table(ServerAdminPage::Info), 2), QStringList{shownPort});
}

QTEST_MAIN(TestServerAdminPage)
#include "tst_serveradminpage.moc"
