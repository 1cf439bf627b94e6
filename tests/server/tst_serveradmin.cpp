#include "blockingcall.h"
#include "redisconnection.h"
#include "serveradmin.h"
#include "testserver.h"

#include <QTest>

class TestServerAdmin : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void slowlogFromDebugSleep();
    void clientListOfNamedClients();
    void clientListText();
    void configSortedPairs();

private:
    TestServer m_server;
};

void TestServerAdmin::initTestCase()
{
    QVERIFY(m_server.start({"--enable-debug-command", "yes", "--slowlog-log-slower-than", "10000"}));
}

void TestServerAdmin::slowlogFromDebugSleep()
{
    auto connection = m_server.connect();
    QVERIFY(connection);
    QVERIFY(!blockingCall(*connection, {"SLOWLOG", "RESET"}).isError());
    QVERIFY(!blockingCall(*connection, {"DEBUG", "SLEEP", "0.05"}).isError());
    QVERIFY(!blockingCall(*connection, {"SET", "fast", "1"}).isError());
    const qint64 before = QDateTime::currentSecsSinceEpoch();
    const QList<ServerAdmin::SlowlogEntry> entries =
        ServerAdmin::parseSlowlog(blockingCall(*connection, {"SLOWLOG", "GET", "10"}));
    QCOMPARE(entries.size(), 1); // SET took far less than 10 ms
    const ServerAdmin::SlowlogEntry &entry = entries.first();
    QCOMPARE(entry.args, (QList<QByteArray>{"DEBUG", "SLEEP", "0.05"}));
    QVERIFY2(entry.micros >= 50000, qPrintable(QString::number(entry.micros)));
    QVERIFY(qAbs(entry.timestamp - before) <= 2);
    QVERIFY(entry.client.startsWith("127.0.0.1:"));
    QCOMPARE(entry.clientName, QByteArray("keyscope"));
}

void TestServerAdmin::clientListOfNamedClients()
{
    auto mine = m_server.connect();
    auto other = m_server.connect();
    QVERIFY(mine && other);
    QVERIFY(!blockingCall(*other, {"CLIENT", "SETNAME", "<b>worker-7</b>"}).isError());
    QVERIFY(!blockingCall(*other, {"SELECT", "3"}).isError());
    const qint64 otherId = blockingCall(*other, {"CLIENT", "ID"}).toInteger();
    const auto clients = ServerAdmin::parseClientList(blockingCall(*mine, {"CLIENT", "LIST"}).bytes());
    QVERIFY(clients.size() >= 2);
    bool found = false;
    for (const auto &client : clients) {
        if (client.value("id").toLongLong() != otherId)
            continue;
        found = true;
        QCOMPARE(client.value("name"), QString("<b>worker-7</b>"));
        QCOMPARE(client.value("db"), QString("3"));
        QCOMPARE(client.value("cmd"), QString("client|id"));
        QVERIFY(client.value("addr").startsWith("127.0.0.1:"));
    }
    QVERIFY(found);
}

void TestServerAdmin::clientListText()
{
    const auto clients = ServerAdmin::parseClientList("id=3 addr=10.0.0.1:5000 name= age=7 cmd=get\r\n"
                                                      "\n"
                                                      "id=4 addr=[::1]:6000 name=web flags=N\n");
    QCOMPARE(clients.size(), 2);
    QCOMPARE(clients.at(0).value("addr"), QString("10.0.0.1:5000"));
    QCOMPARE(clients.at(0).value("name"), QString());
    QVERIFY(clients.at(0).contains("name"));
    QCOMPARE(clients.at(0).value("cmd"), QString("get"));
    QCOMPARE(clients.at(1).value("addr"), QString("[::1]:6000"));
    QCOMPARE(clients.at(1).value("flags"), QString("N"));
}

void TestServerAdmin::configSortedPairs()
{
    auto connection = m_server.connect();
    QVERIFY(connection);
    const auto pairs = ServerAdmin::parseConfig(blockingCall(*connection, {"CONFIG", "GET", "*max*"}));
    QVERIFY(pairs.size() > 3);
    QVERIFY(std::is_sorted(pairs.begin(), pairs.end()));
    bool found = false;
    for (const auto &[name, value] : pairs)
        if (name == "maxmemory") {
            found = true;
            QCOMPARE(value, QString("0"));
        }
    QVERIFY(found);
}

QTEST_GUILESS_MAIN(TestServerAdmin)
#include "tst_serveradmin.moc"
