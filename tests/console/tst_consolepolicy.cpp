#include "consolepolicy.h"

#include <QTest>

using Args = QList<QByteArray>;
using Action = ConsolePolicy::Verdict::Action;
Q_DECLARE_METATYPE(Action)

class TestConsolePolicy : public QObject
{
    Q_OBJECT
private slots:
    void check_data();
    void check();
    void secrets_data();
    void secrets();
    void sizeProbe_data();
    void sizeProbe();
};

void TestConsolePolicy::check_data()
{
    QTest::addColumn<Args>("args");
    QTest::addColumn<Action>("action");
    QTest::addColumn<QString>("messagePart");
    QTest::addColumn<int>("blockingTimeoutMs");

    QTest::newRow("GET") << Args{"GET", "k"} << Action::Run << QString() << 0;
    QTest::newRow("DEBUG OBJECT") << Args{"debug", "object", "k"} << Action::Run << QString() << 0;
    QTest::newRow("CONFIG GET") << Args{"CONFIG", "GET", "*"} << Action::Run << QString() << 0;
    QTest::newRow("HELLO 2") << Args{"HELLO", "2"} << Action::Run << QString() << 0;
    QTest::newRow("CLIENT REPLY ON") << Args{"CLIENT", "REPLY", "ON"} << Action::Run << QString() << 0;

    QTest::newRow("FLUSHALL") << Args{"flushall"} << Action::Ask << "every key of every database" << 0;
    QTest::newRow("FLUSHDB") << Args{"FLUSHDB", "ASYNC"} << Action::Ask << "current database" << 0;
    QTest::newRow("SHUTDOWN") << Args{"SHUTDOWN"} << Action::Ask << "stops the server" << 0;
    QTest::newRow("DEBUG SEGFAULT") << Args{"DEBUG", "SEGFAULT"} << Action::Ask << "crash" << 0;
    QTest::newRow("CONFIG SET") << Args{"config", "set", "maxmemory", "1"} << Action::Ask << "CONFIG SET"
                                << 0;
    QTest::newRow("CONFIG RESETSTAT") << Args{"CONFIG", "RESETSTAT"} << Action::Ask << "statistics" << 0;
    QTest::newRow("CONFIG REWRITE") << Args{"CONFIG", "REWRITE"} << Action::Ask << "configuration file" << 0;
    QTest::newRow("SCRIPT FLUSH") << Args{"SCRIPT", "FLUSH"} << Action::Ask << "Lua" << 0;
    QTest::newRow("FUNCTION DELETE") << Args{"FUNCTION", "DELETE", "lib"} << Action::Ask << "library" << 0;
    QTest::newRow("CLUSTER FAILOVER") << Args{"CLUSTER", "FAILOVER"} << Action::Ask << "promotes" << 0;
    QTest::newRow("CLUSTER DELSLOTS") << Args{"CLUSTER", "DELSLOTS", "1"} << Action::Ask << "hash slots" << 0;
    QTest::newRow("CLUSTER SETSLOT") << Args{"CLUSTER", "SETSLOT", "1", "STABLE"} << Action::Ask << "serves"
                                     << 0;
    QTest::newRow("SWAPDB") << Args{"SWAPDB", "0", "1"} << Action::Ask << "exchanges" << 0;
    QTest::newRow("REPLICAOF") << Args{"REPLICAOF", "NO", "ONE"} << Action::Ask << "replica" << 0;
    QTest::newRow("ACL DELUSER") << Args{"ACL", "DELUSER", "bob"} << Action::Ask << "deletes users" << 0;
    QTest::newRow("CLIENT KILL") << Args{"CLIENT", "KILL", "ID", "5"} << Action::Ask << "connections" << 0;
    QTest::newRow("MIGRATE") << Args{"MIGRATE", "h", "1", "k", "0", "100"} << Action::Ask << "moves keys"
                             << 0;
    QTest::newRow("SAVE") << Args{"SAVE"} << Action::Ask << "BGSAVE" << 0;
    QTest::newRow("KEYS") << Args{"KEYS", "*"} << Action::Ask << "use the Keys tab, or SCAN" << 0;

    QTest::newRow("SUBSCRIBE") << Args{"subscribe", "news"} << Action::Refuse << "Pub/Sub tab" << 0;
    QTest::newRow("PSUBSCRIBE") << Args{"PSUBSCRIBE", "n*"} << Action::Refuse << "Pub/Sub tab" << 0;
    QTest::newRow("SSUBSCRIBE") << Args{"SSUBSCRIBE", "n"} << Action::Refuse << "Pub/Sub tab" << 0;
    QTest::newRow("MONITOR") << Args{"MONITOR"} << Action::Refuse << "endless stream" << 0;
    QTest::newRow("QUIT") << Args{"QUIT"} << Action::Refuse << "nothing to quit" << 0;
    QTest::newRow("RESET") << Args{"RESET"} << Action::Refuse << "sign the connection out" << 0;
    QTest::newRow("HELLO 3") << Args{"HELLO", "3"} << Action::Refuse << "RESP2" << 0;
    QTest::newRow("CLIENT REPLY OFF")
        << Args{"CLIENT", "REPLY", "OFF"} << Action::Refuse << "every command" << 0;
    QTest::newRow("PSYNC") << Args{"PSYNC", "?", "-1"} << Action::Refuse << "replication stream" << 0;

    QTest::newRow("BLPOP 2") << Args{"BLPOP", "a", "b", "2"} << Action::Run << QString() << 7000;
    QTest::newRow("BRPOP 0.5") << Args{"BRPOP", "a", "0.5"} << Action::Run << QString() << 5500;
    QTest::newRow("BLMOVE") << Args{"BLMOVE", "a", "b", "LEFT", "RIGHT", "10"} << Action::Run << QString()
                            << 15000;
    QTest::newRow("BZMPOP") << Args{"BZMPOP", "3", "1", "z", "MIN"} << Action::Run << QString() << 8000;
    QTest::newRow("XREAD BLOCK") << Args{"XREAD", "COUNT", "5", "BLOCK", "2500", "STREAMS", "s", "$"}
                                 << Action::Run << QString() << 7500;
    QTest::newRow("XREAD no BLOCK") << Args{"XREAD", "STREAMS", "block", "0"} << Action::Run << QString()
                                    << 0;
    QTest::newRow("WAIT") << Args{"WAIT", "1", "100"} << Action::Run << QString() << 5100;
    QTest::newRow("DEBUG SLEEP") << Args{"DEBUG", "SLEEP", "1"} << Action::Ask << "stall" << 6000;
    QTest::newRow("BLPOP forever") << Args{"BLPOP", "a", "0"} << Action::Refuse << "waits forever" << 0;
    QTest::newRow("XREADGROUP forever")
        << Args{"XREADGROUP", "GROUP", "g", "c", "BLOCK", "0", "STREAMS", "s", ">"} << Action::Refuse
        << "BLOCK 30000" << 0;
    QTest::newRow("WAIT forever") << Args{"WAIT", "1", "0"} << Action::Refuse << "waits forever" << 0;
    QTest::newRow("BLPOP too long") << Args{"BLPOP", "a", "86400"} << Action::Refuse << "3600 s" << 0;
    QTest::newRow("BLPOP not a number") << Args{"BLPOP", "a", "soon"} << Action::Run << QString() << 0;
}

void TestConsolePolicy::check()
{
    QFETCH(Args, args);
    QFETCH(Action, action);
    QFETCH(QString, messagePart);
    QFETCH(int, blockingTimeoutMs);
    const ConsolePolicy::Verdict verdict = ConsolePolicy::check(args);
    QCOMPARE(verdict.action, action);
    QVERIFY2(verdict.message.contains(messagePart), qPrintable(verdict.message));
    QCOMPARE(verdict.message.isEmpty(), messagePart.isEmpty());
    QCOMPARE(verdict.blockingTimeoutMs, blockingTimeoutMs);
}

void TestConsolePolicy::secrets_data()
{
    QTest::addColumn<Args>("args");
    QTest::addColumn<Args>("masked");
    QTest::newRow("GET") << Args{"GET", "k"} << Args{"GET", "k"};
    QTest::newRow("AUTH") << Args{"AUTH", "pw"} << Args{"AUTH", "(hidden)"};
    QTest::newRow("AUTH user") << Args{"auth", "bob", "pw"} << Args{"auth", "bob", "(hidden)"};
    QTest::newRow("HELLO AUTH") << Args{"HELLO", "2", "AUTH", "bob", "pw"}
                                << Args{"HELLO", "2", "AUTH", "bob", "(hidden)"};
    QTest::newRow("MIGRATE AUTH2") << Args{"MIGRATE", "h", "1", "", "0", "9", "AUTH2", "u", "pw", "KEYS", "a"}
                                   << Args{"MIGRATE", "h", "1",        "",     "0", "9",
                                           "AUTH2",   "u", "(hidden)", "KEYS", "a"};
    QTest::newRow("CONFIG SET requirepass")
        << Args{"CONFIG", "SET", "requirepass", "pw", "maxmemory", "1"}
        << Args{"CONFIG", "SET", "requirepass", "(hidden)", "maxmemory", "1"};
    QTest::newRow("ACL SETUSER") << Args{"ACL", "SETUSER", "bob", "on", ">pw", "~*"}
                                 << Args{"ACL", "SETUSER", "bob", "on", ">(hidden)", "~*"};
}

void TestConsolePolicy::secrets()
{
    QFETCH(Args, args);
    QFETCH(Args, masked);
    QCOMPARE(ConsolePolicy::masked(args), masked);
    QCOMPARE(ConsolePolicy::hasSecret(args), masked != args);
}

void TestConsolePolicy::sizeProbe_data()
{
    QTest::addColumn<Args>("args");
    QTest::addColumn<Args>("probe"); // empty: none
    QTest::newRow("hgetall") << Args{"hgetall", "h"} << Args{"HLEN", "h"};
    QTest::newRow("hkeys") << Args{"HKEYS", "h"} << Args{"HLEN", "h"};
    QTest::newRow("smembers") << Args{"SMEMBERS", "s"} << Args{"SCARD", "s"};
    QTest::newRow("get") << Args{"GET", "k"} << Args{"STRLEN", "k"};
    QTest::newRow("lrange to the end") << Args{"LRANGE", "l", "0", "-1"} << Args{"LLEN", "l"};
    QTest::newRow("lrange wide") << Args{"LRANGE", "l", "0", "10000"} << Args{"LLEN", "l"};
    QTest::newRow("lrange narrow") << Args{"LRANGE", "l", "0", "99"} << Args{};
    QTest::newRow("zrange to the end") << Args{"ZRANGE", "z", "0", "-1", "WITHSCORES"} << Args{"ZCARD", "z"};
    QTest::newRow("zrange by score") << Args{"ZRANGE", "z", "0", "-1", "BYSCORE"} << Args{};
    QTest::newRow("xrange") << Args{"XRANGE", "x", "-", "+"} << Args{"XLEN", "x"};
    QTest::newRow("xrange count") << Args{"XRANGE", "x", "-", "+", "COUNT", "10"} << Args{};
    QTest::newRow("hget") << Args{"HGET", "h", "f"} << Args{};
}

void TestConsolePolicy::sizeProbe()
{
    QFETCH(Args, args);
    QFETCH(Args, probe);
    const auto got = ConsolePolicy::sizeProbe(args);
    QCOMPARE(got ? got->command : Args{}, probe);
    if (got)
        QCOMPARE(got->limit,
                 args.first().toUpper() == "GET" ? ConsolePolicy::kBigBytes : ConsolePolicy::kBigElements);
}

QTEST_GUILESS_MAIN(TestConsolePolicy)
#include "tst_consolepolicy.moc"
