#include "clustercommand.h"

#include <QTest>

using Kind = ClusterCommand::Keys::Kind;
Q_DECLARE_METATYPE(Kind)

class TestClusterCommand : public QObject
{
    Q_OBJECT
private slots:
    void keys_data();
    void keys();
};

void TestClusterCommand::keys_data()
{
    QTest::addColumn<QList<QByteArray>>("args");
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<QList<QByteArray>>("keys");
    const auto row = [](const char *name, QList<QByteArray> args, Kind kind, QList<QByteArray> keys = {}) {
        QTest::newRow(name) << args << kind << keys;
    };
    row("GET", {"GET", "k"}, Kind::Keyed, {"k"});
    row("lower case", {"hset", "h", "f", "v"}, Kind::Keyed, {"h"});
    row("SET with options", {"SET", "k", "v", "PX", "100"}, Kind::Keyed, {"k"});
    row("SPUBLISH", {"SPUBLISH", "channel", "m"}, Kind::Keyed, {"channel"});
    row("DEL", {"DEL", "a", "b", "c"}, Kind::Keyed, {"a", "b", "c"});
    row("MSET", {"MSET", "a", "1", "b", "2"}, Kind::Keyed, {"a", "b"});
    row("LMOVE", {"LMOVE", "src", "dst", "LEFT", "RIGHT"}, Kind::Keyed, {"src", "dst"});
    row("BLPOP", {"BLPOP", "a", "b", "0"}, Kind::Keyed, {"a", "b"});
    row("ZUNIONSTORE", {"ZUNIONSTORE", "d", "2", "a", "b", "WEIGHTS", "1", "2"}, Kind::Keyed,
        {"d", "a", "b"});
    row("ZINTERCARD", {"ZINTERCARD", "2", "a", "b", "LIMIT", "1"}, Kind::Keyed, {"a", "b"});
    row("BLMPOP", {"BLMPOP", "0", "2", "a", "b", "LEFT"}, Kind::Keyed, {"a", "b"});
    row("EVAL", {"EVAL", "return 1", "2", "a", "b", "arg"}, Kind::Keyed, {"a", "b"});
    row("EVAL without keys", {"EVAL", "return 1", "0", "arg"}, Kind::Keyless);
    row("FCALL", {"FCALL", "f", "1", "k"}, Kind::Keyed, {"k"});
    row("BITOP", {"BITOP", "AND", "d", "a", "b"}, Kind::Keyed, {"d", "a", "b"});
    row("OBJECT ENCODING", {"OBJECT", "ENCODING", "k"}, Kind::Keyed, {"k"});
    row("OBJECT HELP", {"OBJECT", "HELP"}, Kind::Keyless);
    row("MEMORY USAGE", {"MEMORY", "USAGE", "k", "SAMPLES", "0"}, Kind::Keyed, {"k"});
    row("MEMORY STATS", {"MEMORY", "STATS"}, Kind::Keyless);
    row("XINFO STREAM", {"XINFO", "STREAM", "s"}, Kind::Keyed, {"s"});
    row("XREADGROUP", {"XREADGROUP", "GROUP", "g", "c", "COUNT", "1", "STREAMS", "s1", "s2", ">", ">"},
        Kind::Keyed, {"s1", "s2"});
    row("PING", {"PING"}, Kind::Keyless);
    row("SCAN", {"SCAN", "0", "MATCH", "*"}, Kind::PerNode);
    row("DBSIZE", {"dbsize"}, Kind::PerNode);
    row("FLUSHALL", {"FLUSHALL", "ASYNC"}, Kind::PerNode);
    row("CLUSTER NODES", {"CLUSTER", "NODES"}, Kind::Keyless);
    row("PUBLISH", {"PUBLISH", "channel", "m"}, Kind::Keyless);
    row("MULTI", {"MULTI"}, Kind::Unsupported);
    row("SUBSCRIBE", {"subscribe", "c"}, Kind::Unsupported);
    row("SELECT", {"SELECT", "1"}, Kind::Unsupported);
    row("malformed numkeys", {"EVAL", "return 1", "3", "a"}, Kind::Keyless);
    row("empty", {}, Kind::Keyless);
}

void TestClusterCommand::keys()
{
    QFETCH(QList<QByteArray>, args);
    QFETCH(Kind, kind);
    QFETCH(QList<QByteArray>, keys);
    const ClusterCommand::Keys result = ClusterCommand::keysOf(args);
    QCOMPARE(result.kind, kind);
    QCOMPARE(result.keys, keys);
    QCOMPARE(result.reason.isEmpty(), kind != Kind::Unsupported && kind != Kind::PerNode);
}

QTEST_GUILESS_MAIN(TestClusterCommand)
#include "tst_clustercommand.moc"
