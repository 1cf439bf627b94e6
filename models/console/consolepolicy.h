#pragma once

#include <optional>
#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

// What the console does with a command before it sends it: run it, ask first, or refuse it.
//
// Asks (the change is hard to undo or stalls the server): FLUSHALL, FLUSHDB, SHUTDOWN, DEBUG (but
// DEBUG HELP and DEBUG OBJECT), CONFIG SET / RESETSTAT / REWRITE, SCRIPT FLUSH, FUNCTION FLUSH /
// DELETE, CLUSTER RESET / FAILOVER / FORGET / FLUSHSLOTS / DELSLOTS / DELSLOTSRANGE / SETSLOT, SWAPDB,
// REPLICAOF / SLAVEOF, ACL SETUSER / DELUSER, CLIENT KILL / PAUSE, MIGRATE, SAVE, and KEYS (it blocks
// the server on a big keyspace).
// Refuses, with what to use instead (they would leave the console's connection unusable): SUBSCRIBE
// and its kin, MONITOR, SYNC / PSYNC, QUIT, RESET, HELLO with a protocol other than 2 (Keyscope reads
// RESP2), CLIENT REPLY OFF / SKIP (the console waits for every reply).
// Blocking commands (BLPOP BRPOP BZPOPMIN BZPOPMAX BRPOPLPUSH BLMOVE BLMPOP BZMPOP, XREAD / XREADGROUP
// BLOCK, WAIT, WAITAOF, DEBUG SLEEP) wait for their own timeout plus kBlockingMarginMs; a timeout of
// 0 (forever) or above kMaxBlockingSeconds is refused. A timeout that is not a number is the
// server's to refuse.
// Whole reads of one key (HGETALL HKEYS HVALS, SMEMBERS, LRANGE / ZRANGE / ZREVRANGE over more than
// kBigElements positions or to the end, XRANGE / XREVRANGE without COUNT, GET) are sized first
// (sizeProbe: HLEN, SCARD, LLEN, ZCARD, XLEN, STRLEN) and asked when bigger than kBigElements elements
// or kBigBytes: the whole reply is read at once, which stalls the server and this window.
class ConsolePolicy
{
    Q_DECLARE_TR_FUNCTIONS(ConsolePolicy)
public:
    static constexpr int kBlockingMarginMs = 5000;
    static constexpr int kMaxBlockingSeconds = 3600;
    static constexpr qint64 kBigElements = 10'000;
    static constexpr qint64 kBigBytes = 16 * 1024 * 1024;

    struct Verdict
    {
        enum class Action { Run, Ask, Refuse };
        Action action = Action::Run;
        // Ask: what the command does, for the question; Refuse: why not and what to use instead.
        QString message;
        // > 0: the command may block that long (its own timeout plus the margin): wait at least that.
        int blockingTimeoutMs = 0;
    };

    static Verdict check(const QList<QByteArray> &args);

    // A whole read of one key: the command that sizes it, and the size above which to ask.
    struct Probe
    {
        QList<QByteArray> command; // e.g. HLEN key
        qint64 limit = 0;
    };
    static std::optional<Probe> sizeProbe(const QList<QByteArray> &args);
    // The question for a whole read of size (the probe's answer).
    static QString bigReadMessage(const QList<QByteArray> &args, qint64 size);

    // The command carries a password (AUTH, HELLO … AUTH, MIGRATE … AUTH / AUTH2, CONFIG SET
    // requirepass / masterauth, ACL SETUSER with >password or #hash rules): it is masked when echoed
    // and kept out of the history.
    static bool hasSecret(const QList<QByteArray> &args);
    // args with every password replaced by "(hidden)".
    static QList<QByteArray> masked(const QList<QByteArray> &args);
    // The commands masked() looks into (AUTH, HELLO, MIGRATE, CONFIG, ACL), by name in any case: of a
    // line that cannot be split into arguments, whether it may carry a password.
    static bool mayCarrySecret(const QByteArray &commandName);
};
