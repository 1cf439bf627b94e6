#include "blockingcall.h"
#include "clusterclient.h"
#include "clusterslot.h"
#include "consolepage.h"
#include "redisconnection.h"
#include "session.h"
#include "testcluster.h"
#include "testserver.h"
#include "testsession.h"

#include <memory>
#include <QComboBox>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {

// Runs a line and waits until its output is complete; the output it added.
QString runLine(ConsolePage &page, const QString &line)
{
    QSignalSpy finished(&page, &ConsolePage::commandFinished);
    const qsizetype before = page.outputText().size();
    page.run(line); // queued: nothing has finished yet
    if (!finished.wait(20000))
        return QStringLiteral("test: no commandFinished within 20 s");
    return page.outputText().mid(before);
}

// Runs a line that asks first, answers the question with button, waits for the output.
QString runAsked(ConsolePage &page, const QString &line, QMessageBox::StandardButton button)
{
    QSignalSpy finished(&page, &ConsolePage::commandFinished);
    const qsizetype before = page.outputText().size();
    page.run(line);
    if (!QTest::qWaitFor([&] { return page.question() != nullptr; }, 5000))
        return QStringLiteral("test: no question");
    page.question()->button(button)->click(); // may finish at once
    if (!QTest::qWaitFor([&] { return finished.count() > 0; }, 20000))
        return QStringLiteral("test: no commandFinished within 20 s: ") + page.outputText();
    return page.outputText().mid(before);
}

// Every "(integer) n" of an output, in order.
QList<qint64> integers(const QString &text)
{
    QList<qint64> values;
    static const QRegularExpression pattern(QStringLiteral("^\\(integer\\) (-?\\d+)$"),
                                            QRegularExpression::MultilineOption);
    for (auto it = pattern.globalMatch(text); it.hasNext();)
        values.append(it.next().captured(1).toLongLong());
    return values;
}

} // namespace

class TestConsolePage : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void setThenGet();
    void binaryAndHtmlAreEscapedText();
    void flushallAsksFirst();
    void subscribeIsRefused();
    void splitErrorIsShown();
    void readOnlyRefusesWrites();
    void selectChangesPromptAndSurvivesReconnect();
    void blockingCommandHasItsOwnConnection();
    void bigReplyIsBounded();
    void historyAndClear();
    void cluster();

private:
    QTemporaryDir m_settingsDir;
    TestServer m_server;
    std::unique_ptr<RedisConnection> m_admin;
};

void TestConsolePage::initTestCase()
{
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
    QCoreApplication::setOrganizationName(QStringLiteral("KeyscopeTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_consolepage"));
    QVERIFY(m_server.start());
    m_admin = m_server.connect();
    QVERIFY(m_admin);
}

void TestConsolePage::init()
{
    QSettings().clear();
    QVERIFY(!blockingCall(*m_admin, {"FLUSHALL"}).isError());
}

void TestConsolePage::setThenGet()
{
    Session session(m_server.config());
    QVERIFY(openSession(session));
    ConsolePage page(&session);
    QString out = runLine(page, "SET greeting value");
    QVERIFY2(out.contains("> SET greeting value\nOK\n"), qPrintable(out));
    out = runLine(page, "GET greeting");
    QVERIFY2(out.contains("> GET greeting\n\"value\"\n"), qPrintable(out));
    QVERIFY(QRegularExpression("\\(\\d+\\.\\d\\d m?s\\)").match(out).hasMatch()); // the time it took
    QCOMPARE(blockingCall(*m_admin, {"GET", "greeting"}).bytes(), "value");
    out = runLine(page, "GET missing");
    QVERIFY(out.contains("\n(nil)\n"));
    out = runLine(page, "RPUSH list a b");
    QVERIFY(out.contains("\n(integer) 2\n"));
    out = runLine(page, "LRANGE list 0 -1");
    QVERIFY2(out.contains("\n1) \"a\"\n2) \"b\"\n"), qPrintable(out));
    out = runLine(page, "INCR list");
    QVERIFY(out.contains("\n(error) WRONGTYPE"));
    // The console's own connection, named after the session's.
    QVERIFY(blockingCall(*m_admin, {"CLIENT", "LIST"}).bytes().contains("name=keyscope-console"));
    QVERIFY(page.consoleConnection() != session.connection());
}

void TestConsolePage::binaryAndHtmlAreEscapedText()
{
    QVERIFY(!blockingCall(*m_admin, {"SET", "bin", QByteArray("\x00\xff\n\x01z", 5)}).isError());
    QVERIFY(!blockingCall(*m_admin, {"SET", "html", "<b>bold</b><script>x()</script>"}).isError());
    Session session(m_server.config());
    QVERIFY(openSession(session));
    ConsolePage page(&session);
    QString out = runLine(page, "GET bin");
    QVERIFY2(out.contains("\n\"\\0\\xff\\n\\x01z\"\n"), qPrintable(out));
    out = runLine(page, "GET html");
    QVERIFY(out.contains("\n\"<b>bold</b><script>x()</script>\"\n"));
    // Typed back with \xHH, byte-exact.
    out = runLine(page, R"(SET bin2 "\x00\xff\n\x01z")");
    QCOMPARE(blockingCall(*m_admin, {"GET", "bin2"}).bytes(), QByteArray("\x00\xff\n\x01z", 5));
    // Shown as plain text, never as markup.
    QVERIFY(page.output()->toPlainText().contains("<b>bold</b>"));
    if (qEnvironmentVariableIsSet("KEYSCOPE_SCREENSHOT_DIR")) {
        runLine(page, "SELECT 3");
        runLine(page, "HSET user:1 name Ada lang \"C++\"");
        runLine(page, "HGETALL user:1");
        page.resize(900, 420);
        page.show();
        page.grab().save(qEnvironmentVariable("KEYSCOPE_SCREENSHOT_DIR") + "/console-standalone.png");
    }
}

void TestConsolePage::flushallAsksFirst()
{
    QVERIFY(!blockingCall(*m_admin, {"MSET", "a", "1", "b", "2"}).isError());
    Session session(m_server.config());
    QVERIFY(openSession(session));
    ConsolePage page(&session);
    QString out = runAsked(page, "FLUSHALL", QMessageBox::No);
    QVERIFY2(out.contains("Not run."), qPrintable(out));
    QCOMPARE(blockingCall(*m_admin, {"DBSIZE"}).toInteger(), 2);

    page.run("FLUSHALL");
    QTRY_VERIFY(page.question());
    QVERIFY(page.question()->text().contains("every key of every database"));
    QVERIFY(page.question()->text().contains(m_server.config().endpoint()));
    QCOMPARE(page.question()->textFormat(), Qt::PlainText);
    QSignalSpy finished(&page, &ConsolePage::commandFinished);
    page.question()->button(QMessageBox::Yes)->click();
    QTRY_COMPARE(finished.count(), 1);
    QVERIFY(QRegularExpression("> FLUSHALL\nOK\n\\(.*\\)$").match(page.outputText()).hasMatch());
    QCOMPARE(blockingCall(*m_admin, {"DBSIZE"}).toInteger(), 0);
    out = runLine(page, "DBSIZE");
    QVERIFY(out.contains("\n(integer) 0\n"));
}

void TestConsolePage::subscribeIsRefused()
{
    Session session(m_server.config());
    QVERIFY(openSession(session));
    ConsolePage page(&session);
    QString out = runLine(page, "SUBSCRIBE news");
    QVERIFY2(out.contains("(refused) SUBSCRIBE is not available in the console"), qPrintable(out));
    QVERIFY(out.contains("Pub/Sub tab"));
    out = runLine(page, "BLPOP queue 0");
    QVERIFY(out.contains("(refused) BLPOP with a timeout of 0 waits forever"));
    // The connection is still a normal one.
    out = runLine(page, "PING");
    QVERIFY(out.contains("\nPONG\n"));
    out = runLine(page, "KEYS *");
    QVERIFY(out.isEmpty() || out.startsWith("test: no commandFinished")); // waits for the question
    QVERIFY(page.question());
    QVERIFY(page.question()->text().contains("SCAN"));
    page.question()->button(QMessageBox::No)->click();
}

void TestConsolePage::splitErrorIsShown()
{
    Session session(m_server.config());
    QVERIFY(openSession(session));
    ConsolePage page(&session);
    const QString out = runLine(page, R"(SET k "unclosed)");
    QVERIFY2(out.contains("(error) The double quote at column 7 is never closed."), qPrintable(out));
    QVERIFY(blockingCall(*m_admin, {"EXISTS", "k"}).toInteger() == 0);
}

void TestConsolePage::readOnlyRefusesWrites()
{
    QVERIFY(!blockingCall(*m_admin, {"SET", "k", "before"}).isError());
    ConnectionConfig config = m_server.config();
    config.readOnly = true;
    Session session(config);
    QVERIFY(openSession(session));
    ConsolePage page(&session);
    QString out = runLine(page, "SET k after");
    QVERIFY2(out.contains("\n(error) SET k … is refused: this connection is read-only.\n"), qPrintable(out));
    QCOMPARE(blockingCall(*m_admin, {"GET", "k"}).bytes(), "before");
    // Asked commands are not even asked: the connection refuses them.
    out = runLine(page, "FLUSHALL");
    QVERIFY(!page.question());
    QVERIFY(out.contains("read-only"));
    QCOMPARE(blockingCall(*m_admin, {"DBSIZE"}).toInteger(), 1);
    out = runLine(page, "GET k");
    QVERIFY(out.contains("\n\"before\"\n"));
}

void TestConsolePage::selectChangesPromptAndSurvivesReconnect()
{
    Session session(m_server.config());
    QVERIFY(openSession(session));
    ConsolePage page(&session);
    const QString endpoint = m_server.config().endpoint();
    QCOMPARE(page.promptText(), endpoint + ">");
    QString out = runLine(page, "SELECT 2");
    QVERIFY(out.contains("\nOK\n"));
    QCOMPARE(page.promptText(), endpoint + "[2]>");
    out = runLine(page, "SET in2 yes");
    QVERIFY2(out.contains(endpoint + "[2]> SET in2 yes\nOK\n"), qPrintable(out));
    QCOMPARE(blockingCall(*m_admin, {"EXISTS", "in2"}).toInteger(), 0);
    ConnectionConfig db2 = m_server.config();
    db2.db = 2;
    auto other = TestServer::connect(db2);
    QCOMPARE(blockingCall(*other, {"GET", "in2"}).bytes(), "yes");
    // The session's connection stayed in database 0.
    QCOMPARE(session.connection()->config().db, 0);

    // The server drops the console's connection: it comes back in database 2.
    RedisConnection *console = page.consoleConnection();
    QSignalSpy states(console, &RedisConnection::stateChanged);
    QVERIFY(!blockingCall(*m_admin, {"CLIENT", "KILL", "TYPE", "normal", "SKIPME", "yes"}).isError());
    QTRY_VERIFY(!console->isReady());
    out = runLine(page, "SET again yes");
    QVERIFY2(out.contains("\nOK\n"), qPrintable(out));
    QCOMPARE(page.promptText(), endpoint + "[2]>");
    other = TestServer::connect(db2);
    QCOMPARE(blockingCall(*other, {"GET", "again"}).bytes(), "yes");

    // A transaction shows in the prompt.
    out = runLine(page, "MULTI");
    QCOMPARE(page.promptText(), endpoint + "[2](TX)>");
    out = runLine(page, "INCR counter");
    QVERIFY(out.contains("\nQUEUED\n"));
    out = runLine(page, "EXEC");
    QVERIFY2(out.contains("\n1) (integer) 1\n"), qPrintable(out));
    QCOMPARE(page.promptText(), endpoint + "[2]>");

    // Stop makes the console's session again: still in database 2.
    page.run("BLPOP stuck 30");
    QTRY_VERIFY(blockingCall(*m_admin, {"CLIENT", "LIST"}).bytes().contains("cmd=blpop"));
    page.stop();
    QTRY_VERIFY(!page.isBusy());
    QCOMPARE(page.promptText(), endpoint + "[2]>");
    out = runLine(page, "SET afterstop yes");
    QVERIFY2(out.contains(endpoint + "[2]> SET afterstop yes\nOK\n"), qPrintable(out));
    QCOMPARE(blockingCall(*other, {"GET", "afterstop"}).bytes(), "yes");
}

void TestConsolePage::blockingCommandHasItsOwnConnection()
{
    Session session(m_server.config());
    QVERIFY(openSession(session));
    ConsolePage page(&session);
    QSignalSpy finished(&page, &ConsolePage::commandFinished);
    // A timeout beyond the default 15 s command timeout: waited for, not cut off.
    page.run("BLPOP jobs 30");
    QTRY_VERIFY(page.isBusy());
    QTRY_VERIFY(blockingCall(*m_admin, {"CLIENT", "LIST"}).bytes().contains("cmd=blpop"));
    // The session is not stalled behind it.
    QCOMPARE(blockingCall(*session.connection(), {"PING"}).bytes(), "PONG");
    QCOMPARE(finished.count(), 0);
    QVERIFY(!blockingCall(*m_admin, {"LPUSH", "jobs", "job-1"}).isError());
    QTRY_COMPARE(finished.count(), 1);
    QVERIFY2(page.outputText().contains("1) \"jobs\"\n2) \"job-1\""), qPrintable(page.outputText()));

    // Stop drops the connection under a command that waits.
    finished.clear();
    page.run("BLPOP jobs 30");
    page.run("PING"); // queued behind it, dropped by Stop
    QTRY_VERIFY(blockingCall(*m_admin, {"CLIENT", "LIST"}).bytes().contains("cmd=blpop"));
    QVERIFY(page.isBusy());
    QTest::keyClick(page.input(), Qt::Key_Escape);
    QTRY_COMPARE(finished.count(), 1);
    QVERIFY(page.outputText().contains("Stopped: the console reconnects."));
    QVERIFY(!page.isBusy());
    const QString out = runLine(page, "ECHO back");
    QVERIFY2(out.contains("\n\"back\"\n"), qPrintable(out));
    QCOMPARE(finished.count(), 2);
}

void TestConsolePage::bigReplyIsBounded()
{
    QList<QByteArray> push{"RPUSH", "big"};
    for (int i = 0; i < 20000; ++i)
        push.append(QByteArray::number(i));
    QCOMPARE(blockingCall(*m_admin, push).toInteger(), 20000);
    QVERIFY(!blockingCall(*m_admin, {"SET", "huge", QByteArray(200000, 'x')}).isError());
    Session session(m_server.config());
    QVERIFY(openSession(session));
    ConsolePage page(&session);
    // A whole read of more than 10,000 elements is sized first (LLEN) and asked.
    QString out = runAsked(page, "LRANGE big 0 -1", QMessageBox::No);
    QVERIFY2(out.contains("Not run."), qPrintable(out));
    QVERIFY(!out.contains("\"999\""));
    QSignalSpy finished(&page, &ConsolePage::commandFinished);
    page.run("LRANGE big 0 -1");
    QTRY_VERIFY(page.question());
    QVERIFY2(page.question()->text().contains("20000 elements"), qPrintable(page.question()->text()));
    page.question()->button(QMessageBox::No)->click();
    QTRY_COMPARE(finished.count(), 1);
    out = runAsked(page, "LRANGE big 0 -1", QMessageBox::Yes);
    QVERIFY2(out.contains("\n 1000) \"999\"\n… 19000 more elements not shown\n"), qPrintable(out.right(200)));
    // A small one, or a bounded range, runs at once.
    QVERIFY(!blockingCall(*m_admin, {"RPUSH", "small", "a", "b"}).isError());
    out = runLine(page, "LRANGE small 0 -1");
    QVERIFY2(out.contains("1) \"a\"\n2) \"b\""), qPrintable(out));
    out = runLine(page, "LRANGE big 0 9");
    QVERIFY2(out.contains("10) \"9\""), qPrintable(out));
    QVERIFY(!out.contains("\"1000\""));
    out = runLine(page, "GET huge");
    QVERIFY(out.contains("\"" + QString(64 * 1024, 'x') + "\" … (134464 more bytes not shown)\n"));
}

void TestConsolePage::historyAndClear()
{
    Session session(m_server.config());
    QVERIFY(openSession(session));
    {
        ConsolePage page(&session);
        QSignalSpy finished(&page, &ConsolePage::commandFinished);
        QTest::keyClicks(page.input(), "SET h 1");
        QTest::keyClick(page.input(), Qt::Key_Return);
        QTRY_COMPARE(finished.count(), 1);
        QTest::keyClicks(page.input(), "AUTH secret-password");
        QTest::keyClick(page.input(), Qt::Key_Return);
        QTRY_COMPARE(finished.count(), 2);
        QVERIFY(!page.outputText().contains("secret-password"));
        QVERIFY(page.outputText().contains("> AUTH (hidden)"));
        QTest::keyClicks(page.input(), "GET h");
        QTest::keyClick(page.input(), Qt::Key_Return);
        QTRY_COMPARE(finished.count(), 3);
        QCOMPARE(page.history(), QStringList({"SET h 1", "GET h"}));
        // A line that cannot be split cannot be masked: of one that may carry a password, nothing is kept.
        QTest::keyClicks(page.input(), "CONFIG SET requirepass \"unclosed-secret");
        QTest::keyClick(page.input(), Qt::Key_Return);
        QTRY_COMPARE(finished.count(), 4);
        QVERIFY2(!page.outputText().contains("unclosed-secret"), qPrintable(page.outputText()));
        QVERIFY(page.outputText().contains("> CONFIG (hidden)"));
        QCOMPARE(page.history(), QStringList({"SET h 1", "GET h"}));
        QTest::keyClicks(page.input(), "draft");
        QTest::keyClick(page.input(), Qt::Key_Up);
        QCOMPARE(page.input()->text(), QStringLiteral("GET h"));
        QTest::keyClick(page.input(), Qt::Key_Up);
        QCOMPARE(page.input()->text(), QStringLiteral("SET h 1"));
        QTest::keyClick(page.input(), Qt::Key_Up);
        QCOMPARE(page.input()->text(), QStringLiteral("SET h 1"));
        QTest::keyClick(page.input(), Qt::Key_Down);
        QTest::keyClick(page.input(), Qt::Key_Down);
        QCOMPARE(page.input()->text(), QStringLiteral("draft"));
        QTest::keyClick(page.input(), Qt::Key_L, Qt::ControlModifier);
        QVERIFY(page.outputText().isEmpty());
    }
    // Kept for the next console; the password never reached the settings.
    ConsolePage again(&session);
    QCOMPARE(again.history(), QStringList({"SET h 1", "GET h"}));
    QVERIFY(!QSettings().value("console/history").toStringList().join(' ').contains("secret"));
}

void TestConsolePage::cluster()
{
    TestCluster cluster;
    QVERIFY(cluster.start({}));
    Session session(cluster.cluster().seedConfig());
    QVERIFY(openSession(session));

    ConsolePage page(&session);
    page.show();
    // Routed, all masters, and the six nodes with their roles.
    QTRY_COMPARE(page.targets().size(), 8);
    QCOMPARE(page.targets().at(0), QStringLiteral("Routed by key"));
    QCOMPARE(page.targets().at(1), QStringLiteral("All masters"));
    QCOMPARE(page.targets().filter(" · master, slots ").size(), 3);
    QCOMPARE(page.targets().filter(" · replica of ").size(), 3);
    QVERIFY(page.targets().at(2).contains("0-5460"));

    // Routed writes land on every master.
    int written = 0;
    QByteArray elsewhere; // a key held by another master than the seed
    for (int i = 0; i < 30; ++i) {
        const QByteArray key = "key:" + QByteArray::number(i);
        const QString out =
            runLine(page, QStringLiteral("SET %1 value-%2").arg(QString::fromLatin1(key)).arg(i));
        QVERIFY2(out.contains("\nOK\n"), qPrintable(out));
        ++written;
        if (elsewhere.isEmpty() && ClusterSlot::slotOf(key) > 5460)
            elsewhere = key;
    }
    QVERIFY(!elsewhere.isEmpty());
    QString out = runLine(page, "GET " + QString::fromLatin1(elsewhere));
    QVERIFY2(out.contains(QStringLiteral("\n\"value-%1\"\n").arg(QString::fromLatin1(elsewhere.mid(4)))),
             qPrintable(out));

    // Per-node commands are explained in routed mode.
    out = runLine(page, "DBSIZE");
    QVERIFY2(out.contains("(refused) DBSIZE works on one node at a time"), qPrintable(out));
    // So are keyless commands that change a server: they would land on whichever master answers.
    out = runLine(page, "CONFIG SET maxmemory-policy allkeys-lru");
    QVERIFY2(out.contains("(refused) CONFIG has no key to route it by"), qPrintable(out));
    QVERIFY(!page.question());
    // A keyless read says which master answered.
    out = runLine(page, "CONFIG GET port");
    const QRegularExpression named(
        QStringLiteral("Node 127\\.0\\.0\\.1:(\\d+):\\n1\\) \"port\"\\n2\\) \"(\\d+)\""));
    const QRegularExpressionMatch match = named.match(out);
    QVERIFY2(match.hasMatch(), qPrintable(out));
    QCOMPARE(match.captured(1), match.captured(2));

    // All masters: three nodes whose counts sum to the keys written.
    QVERIFY(page.setTarget(ConsolePage::TargetMode::AllMasters));
    QCOMPARE(page.promptText(), QStringLiteral("all masters>"));
    out = runLine(page, "DBSIZE");
    QCOMPARE(out.count("Node 127.0.0.1:"), 3);
    const QList<qint64> counts = integers(out);
    QCOMPARE(counts.size(), 3);
    QCOMPARE(counts[0] + counts[1] + counts[2], qint64(written));

    // One node: its own count.
    const QByteArray second = cluster.cluster().nodeId(1);
    QVERIFY(page.setTarget(ConsolePage::TargetMode::Node, second));
    QCOMPARE(page.promptText(), cluster.cluster().nodeConfig(1).endpoint() + ">");
    auto node = TestServer::connect(cluster.cluster().nodeConfig(1));
    const qint64 own = blockingCall(*node, {"DBSIZE"}).toInteger();
    QVERIFY(own > 0);
    out = runLine(page, "DBSIZE");
    QCOMPARE(integers(out), QList<qint64>{own});
    // As is on that node: a key of another slot range is a redirection, as redis-cli without -c shows.
    out = runLine(page, "GET key:0");
    QVERIFY(out.contains("(error) MOVED") || out.contains("\"value-0\""));

    // The node connections carry the console's map refreshes too: no transactions, short blocking only.
    out = runLine(page, "MULTI");
    QVERIFY2(out.contains("(refused) MULTI is not available on a cluster"), qPrintable(out));
    QVERIFY(page.setTarget(ConsolePage::TargetMode::Routed));
    out = runLine(page, "BLPOP queue 30");
    QVERIFY2(out.contains("(refused) On a cluster") && out.contains("10 s at most"), qPrintable(out));
    out = runLine(page, "BLPOP queue 0.1");
    QVERIFY2(out.contains("\n(nil)\n"), qPrintable(out));

    if (qEnvironmentVariableIsSet("KEYSCOPE_SCREENSHOT_DIR")) {
        page.resize(900, 500);
        page.grab().save(qEnvironmentVariable("KEYSCOPE_SCREENSHOT_DIR") + "/console.png");
    }
}

QTEST_MAIN(TestConsolePage)
#include "tst_consolepage.moc"
