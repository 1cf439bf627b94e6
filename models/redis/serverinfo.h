#pragma once

#include <optional>
#include <QByteArray>
#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QMetaType>
#include <QString>

// The reply of INFO, parsed: sections in server order, each an ordered list of key/value pairs,
// plus typed accessors for the fields the overview and the status bar show. A value type.
class ServerInfo
{
    Q_DECLARE_TR_FUNCTIONS(ServerInfo)
public:
    struct Field
    {
        QString key;
        QString value;
    };
    struct Section
    {
        QString name; // as the server writes it after "# ", e.g. "Server", "Keyspace"
        QList<Field> fields;
    };
    struct Keyspace
    {
        int db = 0;
        qint64 keys = 0;
        qint64 expires = 0;
        qint64 avgTtlMs = 0;
    };

    // Lines "# Section", "key:value"; blank lines and lines without ':' outside a value are skipped.
    // Accepts \r\n and \n line ends. Bytes that are not UTF-8 are replaced, never rejected.
    static ServerInfo parse(const QByteArray &info);

    bool isEmpty() const { return m_sections.isEmpty(); }
    const QList<Section> &sections() const { return m_sections; }

    // The value of key in whichever section holds it (the first one), or an empty string.
    QString value(const QString &key) const;
    bool contains(const QString &key) const { return m_index.contains(key); }
    // The value of key as an integer, nullopt if absent or not a number.
    std::optional<qint64> integer(const QString &key) const;
    std::optional<double> real(const QString &key) const;

    QString version() const { return value(QStringLiteral("redis_version")); }
    // "standalone", "cluster" or "sentinel" (as INFO reports it).
    QString mode() const { return value(QStringLiteral("redis_mode")); }
    // "master" or "slave" (replica).
    QString role() const { return value(QStringLiteral("role")); }
    std::optional<qint64> usedMemory() const { return integer(QStringLiteral("used_memory")); }
    // 0 means no limit.
    std::optional<qint64> maxMemory() const { return integer(QStringLiteral("maxmemory")); }
    std::optional<qint64> connectedClients() const { return integer(QStringLiteral("connected_clients")); }
    std::optional<qint64> opsPerSecond() const
    {
        return integer(QStringLiteral("instantaneous_ops_per_sec"));
    }
    std::optional<qint64> uptimeSeconds() const { return integer(QStringLiteral("uptime_in_seconds")); }
    // keyspace_hits / (hits + misses), nullopt before the first lookup.
    std::optional<double> hitRatio() const;
    // The "dbN:keys=..,expires=..,avg_ttl=.." lines of the Keyspace section, in server order.
    QList<Keyspace> keyspace() const;
    // The keyspaces of several servers as one (the masters of a cluster): keys and expires added up per db,
    // avg_ttl weighted by each server's expires; dbs in ascending order.
    static QList<Keyspace> sumKeyspaces(const QList<QList<Keyspace>> &perServer);

    // For people: "Standalone", "Cluster", "Sentinel"; "Primary", "Replica"; unknown values as given.
    QString modeText() const;
    QString roleText() const;
    // "3 d 4 h", "2 h 5 min", "42 s".
    static QString formatDuration(qint64 seconds);

private:
    QList<Section> m_sections;
    QHash<QString, QString> m_index; // key -> value (first occurrence)
};

Q_DECLARE_METATYPE(ServerInfo)
