#pragma once

#include <QByteArray>
#include <QMetaType>

// One pub/sub message as received: a value type, bytes kept as they came.
struct PubSubMessage
{
    enum class Kind {
        Channel, // SUBSCRIBE: "message"
        Pattern, // PSUBSCRIBE: "pmessage"
        Shard,   // SSUBSCRIBE: "smessage" (Redis >= 7)
    };
    qint64 receivedMs = 0;       // ms since the Unix epoch, when the subscriber parsed it
    qint64 receivedSteadyNs = 0; // the same moment on std::chrono::steady_clock (for latencies)
    Kind kind = Kind::Channel;
    QByteArray channel;
    QByteArray pattern; // the matching pattern, for Kind::Pattern
    QByteArray payload;
};

// Plain integers and QByteArrays: QList grows and drops messages with memmove (a flood appends millions).
Q_DECLARE_TYPEINFO(PubSubMessage, Q_RELOCATABLE_TYPE);
Q_DECLARE_METATYPE(PubSubMessage)
