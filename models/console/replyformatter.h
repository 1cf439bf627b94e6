#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

class RedisReply;

// A reply as redis-cli shows it on a terminal, as plain text: "bulk strings" in double quotes with
// BytesEscaper's escapes (binary, control characters and markup stay inert text), (integer) n,
// (nil), (error) …, status text as is, arrays numbered "1) " (right-aligned when there are ten or
// more) with nested arrays indented under their number, (empty array). Client-side failures (not
// connected, timeout, refused by a read-only connection) read as (error) too. RESP2 has no maps or
// sets: servers send them as flat arrays.
//
// Bounded, so that a huge reply (LRANGE of a million elements, a 500 MB string) cannot freeze the
// window: at most Limits::maxElements elements in all (nested ones included), at most maxBulkBytes
// of each bulk string and maxTotalBytes of bulk bytes in all; the rest is counted on a
// "… N more elements not shown" line, or after the shown part of a string: "… (N more bytes not
// shown)".
class ReplyFormatter
{
    Q_DECLARE_TR_FUNCTIONS(ReplyFormatter)
public:
    struct Limits
    {
        qsizetype maxElements = 1000;
        qsizetype maxBulkBytes = 64 * 1024;
        qsizetype maxTotalBytes = 1024 * 1024;
    };

    // raw: bulk strings as their text, line breaks kept (redis-cli does this for INFO, CLIENT LIST,
    // CLUSTER NODES …, see prefersRaw); still escaped when not clean UTF-8.
    static QString format(const RedisReply &reply, const Limits &limits, bool raw = false);
    static QString format(const RedisReply &reply) { return format(reply, Limits()); }
    // True for the commands whose bulk reply is a text report best read as is, as redis-cli does:
    // INFO, CLIENT LIST, CLIENT INFO, CLUSTER NODES, CLUSTER INFO, MEMORY DOCTOR, LATENCY DOCTOR, LOLWUT.
    static bool prefersRaw(const QList<QByteArray> &args);
};
