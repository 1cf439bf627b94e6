#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

// Where the keys of a command are, for routing it in a cluster.
//
// Keyed (routed to the master of the keys' slot; ClusterClient refuses a command whose keys map to
// different slots, or splits it per slot for DEL, UNLINK, EXISTS, TOUCH and MGET):
// - the first argument for ordinary commands (GET, SET, HSET, LPUSH, XADD, EXPIRE, SPUBLISH …);
// - every argument: DEL UNLINK EXISTS TOUCH MGET SINTER SUNION SDIFF SINTERSTORE SUNIONSTORE
//   SDIFFSTORE PFCOUNT PFMERGE RENAME RENAMENX; every other one: MSET MSETNX;
// - the first two: SMOVE RPOPLPUSH LMOVE BLMOVE BRPOPLPUSH COPY LCS GEOSEARCHSTORE;
// - all but the timeout: BLPOP BRPOP BZPOPMIN BZPOPMAX;
// - counted keys: ZUNION ZINTER ZDIFF ZINTERCARD SINTERCARD LMPOP ZMPOP (numkeys first),
//   ZUNIONSTORE ZINTERSTORE ZDIFFSTORE (destination, numkeys), BLMPOP BZMPOP (timeout, numkeys),
//   EVAL EVALSHA EVAL_RO EVALSHA_RO FCALL FCALL_RO (script, numkeys; none = keyless);
// - BITOP (destination and sources), OBJECT / MEMORY USAGE / XINFO / XGROUP (after the
//   subcommand), XREAD / XREADGROUP (the keys after STREAMS).
// Keyless (any master, or a chosen node): PING ECHO INFO CONFIG CLIENT CLUSTER COMMAND TIME LASTSAVE
// SLOWLOG LATENCY DEBUG SCRIPT FUNCTION ACL PUBLISH PUBSUB SAVE BGSAVE BGREWRITEAOF ROLE WAIT READONLY
// READWRITE LOLWUT MODULE MEMORY OBJECT HELP …
// Per node (they see one node's keys only, so an arbitrary master would give a partial answer):
// DBSIZE KEYS SCAN RANDOMKEY FLUSHDB FLUSHALL; ClusterClient sends them to a chosen node or to every
// master only.
// Unsupported through a shared, routed connection: MULTI EXEC DISCARD WATCH UNWATCH (transactions
// need one connection), (P|S)(UN)SUBSCRIBE and MONITOR (need a dedicated connection), SELECT
// (a cluster has database 0 only), QUIT RESET HELLO AUTH SHUTDOWN REPLICAOF SLAVEOF SWAPDB.
namespace ClusterCommand {

struct Keys
{
    enum class Kind { Keyless, Keyed, PerNode, Unsupported };
    Kind kind = Kind::Keyless;
    QList<QByteArray> keys; // Keyed: at least one
    QString reason;         // PerNode, Unsupported: why, for people
};

Keys keysOf(const QList<QByteArray> &args);

} // namespace ClusterCommand
