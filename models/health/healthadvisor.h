#pragma once

#include "serverinfo.h"

#include <optional>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

class RedisConnection;

// The ops checklist against one server: authentication and exposure, memory limit and eviction policy,
// persistence, replication, memory pressure, hit ratio, fragmentation, rejected connections and
// evictions. Each check says its status, why it matters and the exact line that fixes it.
// evaluate() is a pure function of what the server reported; run() gathers that (INFO, CONFIG GET of a
// few parameters, ACL GETUSER default — never the password itself) and evaluates it.
class HealthAdvisor : public QObject
{
    Q_OBJECT
public:
    enum class Status { Ok, Info, Warning, Critical };
    Q_ENUM(Status)
    struct Check
    {
        QString id; // stable: "auth", "protected-mode", "maxmemory", "policy", "aof", "rdb", "bgsave",
                    // "replication", "memory-pressure", "hit-ratio", "fragmentation", "rejected", "evictions"
        Status status = Status::Ok;
        QString title;
        QString why;
        QString fix; // redis.conf / CONFIG SET line(s), empty when nothing to do
    };
    struct Facts
    {
        ServerInfo info;
        std::optional<ServerInfo> previous; // an earlier INFO, for counters that must not grow
        QHash<QString, QString> config;     // CONFIG GET results that could be read
        std::optional<bool> defaultNoPass;  // the default user needs no password (nullopt: unknown)
        double hitRatioThreshold = 0.85;
    };

    explicit HealthAdvisor(RedisConnection *connection, QObject *parent = nullptr);
    // Another server from now on (a session's reconnect to a new master); a run in flight is dropped.
    void setConnection(RedisConnection *connection);

    static QList<Check> evaluate(const Facts &facts);
    // The CONFIG parameters run() reads.
    static QStringList configKeys();

    // Gathers the facts and evaluates them; finished() follows. previous: an earlier INFO if known.
    void run(const std::optional<ServerInfo> &previous = std::nullopt);
    const QList<Check> &checks() const { return m_checks; }

signals:
    void finished();
    void failed(const QString &message);

private:
    QPointer<RedisConnection> m_connection;
    QList<Check> m_checks;
    quint64 m_generation = 0;
};
