#include "clustercommand.h"

#include <QCoreApplication>
#include <QSet>

namespace {

using Keys = ClusterCommand::Keys;

QSet<QByteArray> setOf(std::initializer_list<const char *> names)
{
    QSet<QByteArray> set;
    for (const char *name : names)
        set.insert(QByteArray(name));
    return set;
}

Keys keyed(QList<QByteArray> keys)
{
    if (keys.isEmpty())
        return {};
    return {Keys::Kind::Keyed, std::move(keys), {}};
}

// args[from …] up to `count` keys (-1 = to the end), every `step`th.
Keys range(const QList<QByteArray> &args, qsizetype from, qsizetype count = -1, qsizetype step = 1)
{
    QList<QByteArray> keys;
    for (qsizetype i = from; i < args.size() && (count < 0 || keys.size() < count); i += step)
        keys.append(args[i]);
    return keyed(keys);
}

// numkeys at args[at], keys after it; extra (e.g. a destination) added in front.
Keys counted(const QList<QByteArray> &args, qsizetype at, QList<QByteArray> extra = {})
{
    bool ok = false;
    const qsizetype count = at < args.size() ? args[at].toLongLong(&ok) : 0;
    if (!ok || count < 0 || at + 1 + count > args.size())
        return keyed(extra); // malformed: the server will explain
    extra += args.mid(at + 1, count);
    return keyed(extra);
}

} // namespace

namespace ClusterCommand {

Keys keysOf(const QList<QByteArray> &args)
{
    if (args.isEmpty())
        return {};
    static const QSet<QByteArray> keyless = setOf(
        {"PING",     "ECHO",    "INFO",    "CONFIG",       "CLIENT",  "CLUSTER",  "COMMAND",  "TIME",
         "LASTSAVE", "SLOWLOG", "LATENCY", "DEBUG",        "SCRIPT",  "FUNCTION", "ACL",      "PUBLISH",
         "PUBSUB",   "SAVE",    "BGSAVE",  "BGREWRITEAOF", "ROLE",    "WAIT",     "READONLY", "READWRITE",
         "LOLWUT",   "MODULE",  "ASKING",  "WAITAOF",      "FAILOVER"});
    static const QSet<QByteArray> perNode =
        setOf({"DBSIZE", "KEYS", "SCAN", "RANDOMKEY", "FLUSHDB", "FLUSHALL"});
    static const QSet<QByteArray> unsupported =
        setOf({"MULTI",      "EXEC",       "DISCARD",     "WATCH",        "UNWATCH",      "SUBSCRIBE",
               "PSUBSCRIBE", "SSUBSCRIBE", "UNSUBSCRIBE", "PUNSUBSCRIBE", "SUNSUBSCRIBE", "MONITOR",
               "SELECT",     "QUIT",       "RESET",       "HELLO",        "AUTH",         "SHUTDOWN",
               "REPLICAOF",  "SLAVEOF",    "SWAPDB",      "SYNC",         "PSYNC"});
    static const QSet<QByteArray> allArgs =
        setOf({"DEL", "UNLINK", "EXISTS", "TOUCH", "MGET", "SINTER", "SUNION", "SDIFF", "SINTERSTORE",
               "SUNIONSTORE", "SDIFFSTORE", "PFCOUNT", "PFMERGE", "RENAME", "RENAMENX"});
    static const QSet<QByteArray> firstTwo =
        setOf({"SMOVE", "RPOPLPUSH", "LMOVE", "BLMOVE", "BRPOPLPUSH", "COPY", "LCS", "GEOSEARCHSTORE"});
    static const QSet<QByteArray> allButLast = setOf({"BLPOP", "BRPOP", "BZPOPMIN", "BZPOPMAX"});
    static const QSet<QByteArray> numkeysFirst =
        setOf({"ZUNION", "ZINTER", "ZDIFF", "ZINTERCARD", "SINTERCARD", "LMPOP", "ZMPOP"});
    static const QSet<QByteArray> scripts =
        setOf({"EVAL", "EVALSHA", "EVAL_RO", "EVALSHA_RO", "FCALL", "FCALL_RO"});

    const QByteArray name = args.first().toUpper();
    if (unsupported.contains(name)) {
        return {Keys::Kind::Unsupported,
                {},
                QCoreApplication::translate(
                    "ClusterCommand", "%1 is not supported on a cluster connection: it needs a connection "
                                      "of its own (transactions, subscriptions, MONITOR) or does not apply "
                                      "to a cluster (SELECT, SWAPDB).")
                    .arg(QString::fromLatin1(name))};
    }
    if (perNode.contains(name)) {
        return {Keys::Kind::PerNode,
                {},
                QCoreApplication::translate(
                    "ClusterCommand", "%1 works on one node at a time in a cluster: choose a node, or run "
                                      "it on every master.")
                    .arg(QString::fromLatin1(name))};
    }
    if (keyless.contains(name))
        return {};
    if (allArgs.contains(name))
        return range(args, 1);
    if (name == "MSET" || name == "MSETNX")
        return range(args, 1, -1, 2);
    if (firstTwo.contains(name))
        return range(args, 1, 2);
    if (allButLast.contains(name))
        return keyed(args.mid(1, qMax(qsizetype(0), args.size() - 2)));
    if (numkeysFirst.contains(name))
        return counted(args, 1);
    if (name == "ZUNIONSTORE" || name == "ZINTERSTORE" || name == "ZDIFFSTORE")
        return counted(args, 2, args.mid(1, 1));
    if (name == "BLMPOP" || name == "BZMPOP" || scripts.contains(name))
        return counted(args, 2);
    if (name == "BITOP")
        return range(args, 2);
    if (name == "OBJECT" || name == "XINFO" || name == "XGROUP" || name == "MEMORY") {
        const QByteArray sub = args.value(1).toUpper();
        const bool hasKey =
            name == "MEMORY" ? sub == "USAGE" : sub != "HELP" && !(name == "XGROUP" && sub == "HELP");
        return hasKey ? range(args, 2, 1) : Keys{};
    }
    if (name == "XREAD" || name == "XREADGROUP") {
        for (qsizetype i = 1; i < args.size(); ++i) {
            if (args[i].toUpper() == "STREAMS") {
                const qsizetype streams = (args.size() - i - 1) / 2;
                return range(args, i + 1, streams);
            }
        }
        return {};
    }
    return range(args, 1, 1);
}

} // namespace ClusterCommand
