#include "commandline.h"
#include "consolerouting.h"

#include <QTest>

using Route = ConsoleRouting::Decision::Route;
using Target = ConsoleRouting::Target;

// Where the console sends a line, or why it refuses it, for each target: one table, one row a case.
class TestConsoleRouting : public QObject
{
    Q_OBJECT
private slots:
    void decide_data();
    void decide();
};

namespace {
enum Flag { NoFlag = 0, InTransaction = 1, ReadOnly = 2 };
}

void TestConsoleRouting::decide_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<int>("target");
    QTest::addColumn<int>("flags");
    QTest::addColumn<int>("route");
    QTest::addColumn<QString>("message"); // the start of the refusal or question; empty: none
    QTest::addColumn<bool>("ask");
    QTest::addColumn<bool>("sizeFirst");
    QTest::addColumn<int>("timeoutMs");

    const auto row = [](const char *name, const char *line, Target target, int flags, Route route,
                        const char *message, bool ask, bool sizeFirst, int timeoutMs) {
        QTest::newRow(name) << QString::fromUtf8(line) << int(target) << flags << int(route)
                            << QString::fromUtf8(message) << ask << sizeFirst << timeoutMs;
    };
    // One server: the console's own connection.
    row("server SET", "SET k v", Target::Server, NoFlag, Route::Server, "", false, false, -1);
    row("server GET sized first", "GET k", Target::Server, NoFlag, Route::Server, "", false, true, -1);
    row("server SELECT n moves the connection", "SELECT 2", Target::Server, NoFlag, Route::Select, "", false,
        false, -1);
    row("server SELECT of a word is the server's to refuse", "SELECT two", Target::Server, NoFlag,
        Route::Server, "", false, false, -1);
    row("server SELECT in a transaction", "SELECT 2", Target::Server, InTransaction, Route::Refuse,
        "SELECT inside a transaction is not supported", false, false, -1);
    row("server MULTI", "MULTI", Target::Server, NoFlag, Route::Server, "", false, false, -1);
    row("server HGETALL in a transaction not sized", "HGETALL h", Target::Server, InTransaction,
        Route::Server, "", false, false, -1);
    row("server FLUSHALL asked", "FLUSHALL", Target::Server, NoFlag, Route::Server, "FLUSHALL", true, false,
        -1);
    row("server FLUSHALL read-only not asked", "FLUSHALL", Target::Server, ReadOnly, Route::Server, "", false,
        false, -1);
    row("server SUBSCRIBE refused", "SUBSCRIBE news", Target::Server, NoFlag, Route::Refuse,
        "SUBSCRIBE is not available in the console", false, false, -1);
    row("server BLPOP forever refused", "BLPOP q 0", Target::Server, NoFlag, Route::Refuse,
        "BLPOP with a timeout of 0 waits forever", false, false, -1);
    row("server BLPOP 30 s waits its timeout", "BLPOP q 30", Target::Server, NoFlag, Route::Server, "", false,
        false, 35000);
    row("server BLPOP 5 s waits the command timeout", "BLPOP q 5", Target::Server, NoFlag, Route::Server, "",
        false, false, 15000);

    // A cluster, routed by key.
    row("routed GET", "GET k", Target::Routed, NoFlag, Route::Routed, "", false, true, -1);
    row("routed INFO to the first master", "INFO memory", Target::Routed, NoFlag, Route::FirstMaster, "",
        false, false, -1);
    row("routed DBSIZE per node", "DBSIZE", Target::Routed, NoFlag, Route::Refuse,
        "DBSIZE works on one node at a time", false, false, -1);
    row("routed MULTI unsupported", "MULTI", Target::Routed, NoFlag, Route::Refuse,
        "MULTI is not supported on a cluster connection", false, false, -1);
    row("routed SELECT unsupported", "SELECT 1", Target::Routed, NoFlag, Route::Refuse,
        "SELECT is not supported on a cluster connection", false, false, -1);
    row("routed keyless dangerous", "CONFIG SET maxmemory 1mb", Target::Routed, NoFlag, Route::Refuse,
        "CONFIG has no key to route it by", false, false, -1);
    row("routed BLPOP above the cluster bound", "BLPOP q 30", Target::Routed, NoFlag, Route::Refuse,
        "On a cluster the console shares each node's connection", false, false, -1);
    row("routed BLPOP within the bound", "BLPOP q 5", Target::Routed, NoFlag, Route::Routed, "", false, false,
        15000);
    row("routed SUBSCRIBE refused by the policy first", "SUBSCRIBE news", Target::Routed, NoFlag,
        Route::Refuse, "SUBSCRIBE is not available in the console", false, false, -1);

    // Every master.
    row("all masters DBSIZE", "DBSIZE", Target::AllMasters, NoFlag, Route::AllMasters, "", false, false, -1);
    row("all masters FLUSHALL asked", "FLUSHALL", Target::AllMasters, NoFlag, Route::AllMasters, "FLUSHALL",
        true, false, -1);
    row("all masters HGETALL not sized", "HGETALL h", Target::AllMasters, NoFlag, Route::AllMasters, "",
        false, false, -1);
    row("all masters EXEC refused", "EXEC", Target::AllMasters, NoFlag, Route::Refuse,
        "EXEC is not available on a cluster in the console", false, false, -1);

    // One node.
    row("node KEYS asked", "KEYS *", Target::Node, NoFlag, Route::Node, "KEYS", true, false, -1);
    row("node DBSIZE", "DBSIZE", Target::Node, NoFlag, Route::Node, "", false, false, -1);
    row("node LRANGE whole sized", "LRANGE l 0 -1", Target::Node, NoFlag, Route::Node, "", false, true, -1);
    row("node MULTI refused", "MULTI", Target::Node, NoFlag, Route::Refuse,
        "MULTI is not available on a cluster in the console", false, false, -1);
    row("node WATCH refused", "watch k", Target::Node, NoFlag, Route::Refuse,
        "WATCH is not available on a cluster in the console", false, false, -1);
}

void TestConsoleRouting::decide()
{
    QFETCH(QString, line);
    QFETCH(int, target);
    QFETCH(int, flags);
    QFETCH(int, route);
    QFETCH(QString, message);
    QFETCH(bool, ask);
    QFETCH(bool, sizeFirst);
    QFETCH(int, timeoutMs);

    const CommandLine::Result split = CommandLine::split(line);
    QVERIFY(split.ok());
    ConsoleRouting::Context context;
    context.target = Target(target);
    context.inTransaction = flags & InTransaction;
    context.readOnly = flags & ReadOnly;
    context.commandTimeoutMs = 15000;
    const ConsoleRouting::Decision decision = ConsoleRouting::decide(split.args, context);
    QCOMPARE(int(decision.route), route);
    if (message.isEmpty())
        QVERIFY2(decision.message.isEmpty(), qPrintable(decision.message));
    else
        QVERIFY2(decision.message.startsWith(message), qPrintable(decision.message));
    QCOMPARE(decision.ask, ask);
    QCOMPARE(decision.sizeFirst, sizeFirst);
    QCOMPARE(decision.timeoutMs, timeoutMs);
}

QTEST_GUILESS_MAIN(TestConsoleRouting)
#include "tst_consolerouting.moc"
