#pragma once

#include "redisreply.h"

#include <optional>
#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <utility>

// What the sentinels know about one monitored master: the masters (SENTINEL MASTERS), the master's
// replicas (SENTINEL REPLICAS <name>) and the other sentinels (SENTINEL SENTINELS <name>), as value
// types. The parsers are pure functions of the replies.
class SentinelState
{
    Q_DECLARE_TR_FUNCTIONS(SentinelState)
public:
    // One entry of those replies: a flat [field, value, …] array.
    struct Node
    {
        enum class Role { Master, Replica, Sentinel, Unknown };

        QByteArray name; // the master name for a master, "ip:port" for a replica, the runid for a sentinel
        QByteArray ip;
        quint16 port = 0;
        QByteArray runId;
        QList<QByteArray> flags; // e.g. master, slave, sentinel, s_down, o_down, disconnected …
        qint64 lastOkPingReplyMs = -1;
        qint64 lastPingReplyMs = -1;
        int numSlaves = -1;                              // masters
        int numOtherSentinels = -1;                      // masters
        int quorum = -1;                                 // masters
        QByteArray failoverState;                        // masters, during a failover
        QByteArray masterLinkStatus;                     // replicas: "ok" or "err"
        QByteArray masterHost;                           // replicas
        quint16 masterPort = 0;                          // replicas
        QList<std::pair<QByteArray, QByteArray>> fields; // everything as reported, in order

        Role role() const;
        bool hasFlag(QByteArrayView flag) const;
        bool isSubjectivelyDown() const { return hasFlag("s_down"); }
        bool isObjectivelyDown() const { return hasFlag("o_down"); }
        bool isFailoverInProgress() const { return hasFlag("failover_in_progress"); }
        bool isDisconnected() const { return hasFlag("disconnected"); }
        // Any of s_down, o_down, disconnected, failover_in_progress: worth highlighting.
        bool isTroubled() const;
        QByteArray field(QByteArrayView key) const;
    };

    QByteArray masterName;
    QList<Node> masters;
    QList<Node> replicas;
    QList<Node> sentinels;

    // The entry of masters named masterName, nullptr if none.
    const Node *master() const;

    // One flat [field, value, …] array; nullopt (with *error) if the reply is not one.
    static std::optional<Node> parseNode(const RedisReply &reply, QString *error = nullptr);
    // An array of those (the reply of SENTINEL MASTERS / REPLICAS / SENTINELS).
    static std::optional<QList<Node>> parseNodes(const RedisReply &reply, QString *error = nullptr);
    // The three replies together.
    static std::optional<SentinelState> fromReplies(const QByteArray &masterName, const RedisReply &masters,
                                                    const RedisReply &replicas, const RedisReply &sentinels,
                                                    QString *error = nullptr);
};
