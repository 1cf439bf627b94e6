#include "rediscommand.h"

#include "bytesescaper.h"

#include <hiredis/hiredis.h>
#include <QHash>
#include <QSet>
#include <vector>

QByteArray RedisCommand::encode(const QList<QByteArray> &args)
{
    std::vector<const char *> argv;
    std::vector<size_t> argvlen;
    argv.reserve(size_t(args.size()));
    argvlen.reserve(size_t(args.size()));
    for (const QByteArray &a : args) {
        argv.push_back(a.constData());
        argvlen.push_back(size_t(a.size()));
    }
    char *target = nullptr;
    const auto len = redisFormatCommandArgv(&target, int(args.size()), argv.data(), argvlen.data());
    if (len < 0 || !target)
        return {};
    QByteArray out(target, qsizetype(len));
    redisFreeCommand(target);
    return out;
}

QString RedisCommand::describe(const QList<QByteArray> &args)
{
    if (args.isEmpty())
        return {};
    const QByteArray name = args.first().toUpper();
    QString text = BytesEscaper::escape(name);
    if ((name == "AUTH" || name == "HELLO") && args.size() > 1)
        return text + QStringLiteral(" ***");
    if (args.size() > 1) {
        QString first = BytesEscaper::escape(args.at(1).left(64));
        text += QLatin1Char(' ') + first;
        if (args.size() > 2)
            text += QStringLiteral(" …");
    }
    return text;
}

bool RedisCommand::isReadOnly(const QList<QByteArray> &args)
{
    if (args.isEmpty())
        return false;
    static const QSet<QByteArray> commands = {
        // keyspace and strings
        "GET", "MGET", "STRLEN", "GETRANGE", "SUBSTR", "EXISTS", "TYPE", "TTL", "PTTL", "EXPIRETIME",
        "PEXPIRETIME", "DUMP", "SCAN", "KEYS", "RANDOMKEY", "DBSIZE", "GETBIT", "BITCOUNT", "BITPOS",
        "BITFIELD_RO", "LCS",
        // hashes, lists, sets, sorted sets, streams
        "HGET", "HMGET", "HGETALL", "HKEYS", "HVALS", "HLEN", "HEXISTS", "HSTRLEN", "HRANDFIELD", "HSCAN",
        "LRANGE", "LLEN", "LINDEX", "LPOS", "SMEMBERS", "SISMEMBER", "SMISMEMBER", "SCARD", "SRANDMEMBER",
        "SINTER", "SUNION", "SDIFF", "SINTERCARD", "SSCAN", "ZRANGE", "ZRANGEBYSCORE", "ZRANGEBYLEX",
        "ZREVRANGE", "ZREVRANGEBYSCORE", "ZREVRANGEBYLEX", "ZSCORE", "ZMSCORE", "ZCARD", "ZCOUNT",
        "ZLEXCOUNT", "ZRANK", "ZREVRANK", "ZRANDMEMBER", "ZINTER", "ZUNION", "ZDIFF", "ZINTERCARD", "ZSCAN",
        "XRANGE", "XREVRANGE", "XLEN", "XINFO", "XPENDING", "XREAD", "PFCOUNT", "GEOPOS", "GEODIST",
        "GEOHASH", "GEOSEARCH", "GEORADIUS_RO", "GEORADIUSBYMEMBER_RO",
        // modules
        "JSON.GET", "JSON.MGET", "JSON.TYPE", "JSON.OBJKEYS", "JSON.OBJLEN", "JSON.STRLEN", "JSON.ARRLEN",
        "JSON.RESP",
        // server and connection
        "PING", "ECHO", "INFO", "TIME", "LASTSAVE", "ROLE", "AUTH", "SELECT", "READONLY", "READWRITE",
        "ASKING", "QUIT", "COMMAND", "PUBSUB", "SUBSCRIBE", "PSUBSCRIBE", "SSUBSCRIBE", "UNSUBSCRIBE",
        "PUNSUBSCRIBE", "SUNSUBSCRIBE", "MULTI", "EXEC", "DISCARD", "WATCH", "UNWATCH", "EVAL_RO",
        "EVALSHA_RO", "FCALL_RO", "LOLWUT"};
    static const QHash<QByteArray, QSet<QByteArray>> subcommands = {
        {"CONFIG", {"GET", "HELP"}},
        {"CLIENT", {"LIST", "INFO", "GETNAME", "SETNAME", "ID", "HELP", "TRACKINGINFO", "GETREDIR"}},
        {"CLUSTER",
         {"INFO", "NODES", "SLOTS", "SHARDS", "MYID", "MYSHARDID", "KEYSLOT", "COUNTKEYSINSLOT",
          "GETKEYSINSLOT", "LINKS", "REPLICAS", "SLAVES", "COUNT-FAILURE-REPORTS", "HELP"}},
        {"SENTINEL",
         {"MASTERS", "MASTER", "REPLICAS", "SLAVES", "SENTINELS", "GET-MASTER-ADDR-BY-NAME", "CKQUORUM",
          "INFO-CACHE", "MYID", "HELP"}},
        {"MEMORY", {"USAGE", "STATS", "DOCTOR", "MALLOC-STATS", "HELP"}},
        {"OBJECT", {"ENCODING", "FREQ", "IDLETIME", "REFCOUNT", "HELP"}},
        {"SLOWLOG", {"GET", "LEN", "HELP"}},
        {"LATENCY", {"LATEST", "HISTORY", "DOCTOR", "GRAPH", "HISTOGRAM", "HELP"}},
        {"ACL", {"WHOAMI", "CAT", "LIST", "USERS", "GETUSER", "LOG", "HELP"}},
        {"MODULE", {"LIST", "HELP"}},
        {"SCRIPT", {"EXISTS", "HELP"}},
        {"FUNCTION", {"LIST", "STATS", "DUMP", "HELP"}},
    };
    const QByteArray name = args.first().toUpper();
    if (commands.contains(name))
        return true;
    const auto it = subcommands.constFind(name);
    if (it == subcommands.cend() || args.size() < 2)
        return false;
    QByteArray sub = args.at(1).toUpper();
    // LOG RESET clears state, everything else in the table only reads.
    if (name == "ACL" && sub == "LOG" && args.size() > 2 && args.at(2).toUpper() == "RESET")
        return false;
    return it->contains(sub);
}
