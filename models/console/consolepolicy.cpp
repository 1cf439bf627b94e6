#include "consolepolicy.h"

#include <cmath>
#include <optional>

namespace {

using Verdict = ConsolePolicy::Verdict;

// A timeout argument in seconds (a decimal, as the server reads it), nullopt when not a number.
std::optional<double> seconds(const QByteArray &text)
{
    bool ok = false;
    const double value = text.toDouble(&ok);
    return ok && std::isfinite(value) ? std::optional<double>(value) : std::nullopt;
}

std::optional<double> millis(const QByteArray &text)
{
    bool ok = false;
    const qlonglong value = text.toLongLong(&ok);
    return ok ? std::optional<double>(double(value) / 1000.0) : std::nullopt;
}

// Where a blocking command keeps its timeout, in seconds; nullopt when it does not block (or its
// timeout is not a number, which the server refuses).
std::optional<double> blockingSeconds(const QList<QByteArray> &args, const QByteArray &name)
{
    const qsizetype n = args.size();
    if (name == "BLPOP" || name == "BRPOP" || name == "BZPOPMIN" || name == "BZPOPMAX" ||
        name == "BRPOPLPUSH" || name == "BLMOVE")
        return n >= 3 ? seconds(args.last()) : std::nullopt;
    if (name == "BLMPOP" || name == "BZMPOP")
        return n >= 2 ? seconds(args.at(1)) : std::nullopt;
    if (name == "XREAD" || name == "XREADGROUP") {
        for (qsizetype i = 1; i + 1 < n; ++i) {
            const QByteArray word = args.at(i).toUpper();
            if (word == "STREAMS")
                break;
            if (word == "BLOCK")
                return millis(args.at(i + 1));
        }
        return std::nullopt;
    }
    if (name == "WAIT")
        return n == 3 ? millis(args.at(2)) : std::nullopt;
    if (name == "WAITAOF")
        return n == 4 ? millis(args.at(3)) : std::nullopt;
    if (name == "DEBUG" && n == 3 && args.at(1).toUpper() == "SLEEP") {
        const std::optional<double> value = seconds(args.at(2));
        // DEBUG SLEEP 0 does not sleep at all (it is not "forever").
        return value && *value > 0 ? value : std::nullopt;
    }
    return std::nullopt;
}

QString blockingExample(const QByteArray &name)
{
    if (name == "XREAD" || name == "XREADGROUP")
        return QStringLiteral("BLOCK 30000");
    if (name == "WAIT")
        return QStringLiteral("WAIT 1 1000");
    if (name == "WAITAOF")
        return QStringLiteral("WAITAOF 1 0 1000");
    return QStringLiteral("%1 … 30").arg(QString::fromLatin1(name));
}

} // namespace

std::optional<ConsolePolicy::Probe> ConsolePolicy::sizeProbe(const QList<QByteArray> &args)
{
    if (args.size() < 2)
        return std::nullopt;
    const QByteArray name = args.first().toUpper();
    const QByteArray &key = args.at(1);
    const auto probe = [&key](const char *command, qint64 limit) {
        return std::optional<Probe>(Probe{{command, key}, limit});
    };
    // A range by position that may cover more than kBigElements (or runs to the end, -1).
    const auto wideRange = [&args] {
        if (args.size() < 4)
            return false;
        bool okStart = false, okStop = false;
        const qint64 start = args.at(2).toLongLong(&okStart);
        const qint64 stop = args.at(3).toLongLong(&okStop);
        return okStart && okStop && (start < 0 || stop < 0 || stop - start >= kBigElements);
    };
    const auto hasWord = [&args](const char *word) {
        for (qsizetype i = 2; i < args.size(); ++i)
            if (args.at(i).toUpper() == word)
                return true;
        return false;
    };
    if (args.size() == 2 && (name == "HGETALL" || name == "HKEYS" || name == "HVALS"))
        return probe("HLEN", kBigElements);
    if (args.size() == 2 && name == "SMEMBERS")
        return probe("SCARD", kBigElements);
    if (args.size() == 2 && name == "GET")
        return probe("STRLEN", kBigBytes);
    if (name == "LRANGE" && args.size() == 4 && wideRange())
        return probe("LLEN", kBigElements);
    if ((name == "ZRANGE" || name == "ZREVRANGE") && wideRange() && !hasWord("BYSCORE") &&
        !hasWord("BYLEX") && !hasWord("LIMIT"))
        return probe("ZCARD", kBigElements);
    if ((name == "XRANGE" || name == "XREVRANGE") && !hasWord("COUNT"))
        return probe("XLEN", kBigElements);
    return std::nullopt;
}

QString ConsolePolicy::bigReadMessage(const QList<QByteArray> &args, qint64 size)
{
    const QString name = QString::fromUtf8(args.first().toUpper());
    if (name == QLatin1String("GET"))
        return tr("The value is %1 MiB: GET reads it whole, which holds up the server while it is sent and "
                  "this window while it is read. The Keys tab shows a preview and saves big values to a "
                  "file.")
            .arg(double(size) / (1024 * 1024), 0, 'f', 1);
    return tr("The key holds %1 elements: %2 reads them all at once, which holds up the server while they "
              "are "
              "sent and this window while they are read. The Keys tab pages through them (HSCAN, SSCAN, "
              "LRANGE, ZRANGE, XRANGE in pages).")
        .arg(size)
        .arg(name);
}

ConsolePolicy::Verdict ConsolePolicy::check(const QList<QByteArray> &args)
{
    if (args.isEmpty())
        return {};
    const QByteArray name = args.first().toUpper();
    const QByteArray sub = args.size() > 1 ? args.at(1).toUpper() : QByteArray();
    const auto refuse = [](QString message) {
        return Verdict{Verdict::Action::Refuse, std::move(message), 0};
    };

    // ---- refused: the console's connection would be of no further use ----
    if (name == "SUBSCRIBE" || name == "PSUBSCRIBE" || name == "SSUBSCRIBE" || name == "UNSUBSCRIBE" ||
        name == "PUNSUBSCRIBE" || name == "SUNSUBSCRIBE")
        return refuse(tr("%1 is not available in the console: it turns the connection into a subscriber "
                         "that can only receive messages. Use the Pub/Sub tab to subscribe to channels "
                         "and patterns, and to publish.")
                          .arg(QString::fromLatin1(name)));
    if (name == "MONITOR")
        return refuse(tr("MONITOR is not available in the console: it turns the connection into an endless "
                         "stream of every command the server runs, and slows the server down. Use the "
                         "Pub/Sub tab for messages, and the Server tab (slow log, clients) to see what "
                         "clients do."));
    if (name == "SYNC" || name == "PSYNC")
        return refuse(tr("%1 is not available in the console: it turns the connection into a replication "
                         "stream.")
                          .arg(QString::fromLatin1(name)));
    if (name == "QUIT")
        return refuse(tr("QUIT would close the console's connection; there is nothing to quit here."));
    if (name == "RESET")
        return refuse(tr("RESET is not available in the console: it would sign the connection out and "
                         "back to database 0 behind Keyscope's back."));
    if (name == "HELLO" && args.size() > 1 && args.at(1) != "2")
        return refuse(tr("Keyscope reads the RESP2 protocol: HELLO %1 would switch the connection to a "
                         "protocol it cannot read. HELLO 2 is fine.")
                          .arg(QString::fromUtf8(args.at(1))));
    if (name == "CLIENT" && sub == "REPLY" && args.size() > 2 && args.at(2).toUpper() != "ON")
        return refuse(tr("CLIENT REPLY OFF and SKIP stop the server's replies, and the console waits for "
                         "the reply of every command."));

    // ---- blocking: their own timeout plus a margin ----
    int blockingTimeoutMs = 0;
    if (const std::optional<double> timeout = blockingSeconds(args, name)) {
        if (*timeout == 0)
            return refuse(tr("%1 with a timeout of 0 waits forever and would hold the console; give it a "
                             "timeout (for example %2).")
                              .arg(QString::fromLatin1(name), blockingExample(name)));
        if (*timeout > kMaxBlockingSeconds)
            return refuse(tr("%1 would wait longer than the console waits (%2 s at most); give it a shorter "
                             "timeout.")
                              .arg(QString::fromLatin1(name))
                              .arg(kMaxBlockingSeconds));
        if (*timeout > 0)
            blockingTimeoutMs = int(std::ceil(*timeout * 1000.0)) + kBlockingMarginMs;
    }

    // ---- asked first ----
    QString question;
    if (name == "FLUSHALL")
        question = tr("FLUSHALL deletes every key of every database. This cannot be undone.");
    else if (name == "FLUSHDB")
        question = tr("FLUSHDB deletes every key of the current database. This cannot be undone.");
    else if (name == "SHUTDOWN")
        question = tr("SHUTDOWN stops the server: every client is disconnected until it is started again.");
    else if (name == "DEBUG" && sub != "HELP" && sub != "OBJECT")
        question = tr("DEBUG commands can stall, crash or alter the server (SLEEP, SEGFAULT, RELOAD, "
                      "SET-ACTIVE-EXPIRE …).");
    else if (name == "CONFIG" && sub == "SET")
        question = tr("CONFIG SET changes the running server's configuration at once.");
    else if (name == "CONFIG" && sub == "RESETSTAT")
        question = tr("CONFIG RESETSTAT resets the statistics INFO reports (hits, misses, command "
                      "statistics, errors …).");
    else if (name == "CONFIG" && sub == "REWRITE")
        question = tr("CONFIG REWRITE rewrites the server's configuration file with its running "
                      "configuration.");
    else if (name == "SCRIPT" && sub == "FLUSH")
        question = tr("SCRIPT FLUSH removes every cached Lua script: EVALSHA calls fail until the scripts "
                      "are loaded again.");
    else if (name == "FUNCTION" && sub == "FLUSH")
        question = tr("FUNCTION FLUSH deletes every function library: FCALL of their functions fails.");
    else if (name == "FUNCTION" && sub == "DELETE")
        question = tr("FUNCTION DELETE deletes a function library: FCALL of its functions fails.");
    else if (name == "CLUSTER" && sub == "RESET")
        question = tr("CLUSTER RESET makes the node leave the cluster and forget it.");
    else if (name == "CLUSTER" && sub == "FAILOVER")
        question = tr("CLUSTER FAILOVER promotes this replica to master; its master becomes a replica.");
    else if (name == "CLUSTER" && sub == "FORGET")
        question = tr("CLUSTER FORGET removes a node from this node's view of the cluster.");
    else if (name == "CLUSTER" && (sub == "FLUSHSLOTS" || sub == "DELSLOTS" || sub == "DELSLOTSRANGE"))
        question =
            tr("CLUSTER %1 takes hash slots away from this node: the cluster stops serving their keys.")
                .arg(QString::fromLatin1(sub));
    else if (name == "CLUSTER" && sub == "SETSLOT")
        question = tr("CLUSTER SETSLOT changes which node serves a hash slot (migrations).");
    else if (name == "SWAPDB")
        question = tr("SWAPDB exchanges two databases for every client at once.");
    else if (name == "REPLICAOF" || name == "SLAVEOF")
        question = tr("%1 makes this server a replica of another (its data is replaced by the master's), "
                      "or with NO ONE a master.")
                       .arg(QString::fromLatin1(name));
    else if (name == "ACL" && sub == "SETUSER")
        question = tr("ACL SETUSER creates or changes a user: its clients may gain or lose permissions.");
    else if (name == "ACL" && sub == "DELUSER")
        question = tr("ACL DELUSER deletes users and disconnects their clients.");
    else if (name == "CLIENT" && sub == "KILL")
        question = tr("CLIENT KILL closes other clients' connections.");
    else if (name == "CLIENT" && sub == "PAUSE")
        question = tr("CLIENT PAUSE stops serving clients for the time given.");
    else if (name == "MIGRATE")
        question = tr("MIGRATE moves keys to another server and deletes them here (unless COPY).");
    else if (name == "SAVE")
        question = tr("SAVE writes the dataset to disk in the foreground: the server answers no one until it "
                      "is done (BGSAVE does it in the background).");
    else if (name == "KEYS")
        question = tr("KEYS walks the whole keyspace in one go and blocks the server on a big keyspace; use "
                      "the Keys tab, or SCAN, instead.");
    if (!question.isEmpty())
        return {Verdict::Action::Ask, question, blockingTimeoutMs};
    return {Verdict::Action::Run, {}, blockingTimeoutMs};
}

bool ConsolePolicy::hasSecret(const QList<QByteArray> &args)
{
    return masked(args) != args;
}

bool ConsolePolicy::mayCarrySecret(const QByteArray &commandName)
{
    const QByteArray name = commandName.toUpper();
    return name == "AUTH" || name == "HELLO" || name == "MIGRATE" || name == "CONFIG" || name == "ACL";
}

QList<QByteArray> ConsolePolicy::masked(const QList<QByteArray> &args)
{
    if (args.isEmpty() || !mayCarrySecret(args.first()))
        return args;
    static const QByteArray hidden = "(hidden)";
    QList<QByteArray> out = args;
    const QByteArray name = args.first().toUpper();
    const QByteArray sub = args.size() > 1 ? args.at(1).toUpper() : QByteArray();
    if (name == "AUTH") {
        if (out.size() > 1)
            out.last() = hidden; // AUTH password / AUTH user password
    } else if (name == "HELLO" || name == "MIGRATE") {
        for (qsizetype i = 1; i < out.size(); ++i) {
            const QByteArray word = args.at(i).toUpper();
            if (word == "AUTH" && i + 1 < out.size()) // HELLO: AUTH user password; MIGRATE: AUTH password
                out[name == "HELLO" && i + 2 < out.size() ? i + 2 : i + 1] = hidden;
            else if (word == "AUTH2" && i + 2 < out.size()) // MIGRATE … AUTH2 user password
                out[i + 2] = hidden;
        }
    } else if (name == "CONFIG" && sub == "SET") {
        for (qsizetype i = 2; i + 1 < out.size(); i += 2) {
            const QByteArray parameter = args.at(i).toLower();
            if (parameter == "requirepass" || parameter == "masterauth" || parameter == "tls-key-file-pass" ||
                parameter == "tls-client-key-file-pass")
                out[i + 1] = hidden;
        }
    } else if (name == "ACL" && sub == "SETUSER") {
        for (qsizetype i = 3; i < out.size(); ++i)
            if (args.at(i).startsWith('>') || args.at(i).startsWith('<') || args.at(i).startsWith('#') ||
                args.at(i).startsWith('!'))
                out[i] = args.at(i).left(1) + hidden;
    }
    return out;
}
