#include "serverinfo.h"

#include <map>

ServerInfo ServerInfo::parse(const QByteArray &info)
{
    ServerInfo result;
    const QList<QByteArray> lines = info.split('\n');
    for (QByteArray line : lines) {
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.trimmed().isEmpty())
            continue;
        if (line.startsWith('#')) {
            result.m_sections.append(Section{QString::fromUtf8(line.mid(1).trimmed()), {}});
            continue;
        }
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        if (result.m_sections.isEmpty())
            result.m_sections.append(Section{});
        Field field{QString::fromUtf8(line.left(colon)), QString::fromUtf8(line.mid(colon + 1))};
        if (!result.m_index.contains(field.key))
            result.m_index.insert(field.key, field.value);
        result.m_sections.last().fields.append(std::move(field));
    }
    return result;
}

QString ServerInfo::value(const QString &key) const
{
    return m_index.value(key);
}

std::optional<qint64> ServerInfo::integer(const QString &key) const
{
    const auto it = m_index.constFind(key);
    if (it == m_index.constEnd())
        return std::nullopt;
    bool ok = false;
    const qint64 number = it->toLongLong(&ok);
    return ok ? std::optional<qint64>(number) : std::nullopt;
}

std::optional<double> ServerInfo::real(const QString &key) const
{
    const auto it = m_index.constFind(key);
    if (it == m_index.constEnd())
        return std::nullopt;
    bool ok = false;
    const double number = it->toDouble(&ok);
    return ok ? std::optional<double>(number) : std::nullopt;
}

std::optional<double> ServerInfo::hitRatio() const
{
    const auto hits = integer(QStringLiteral("keyspace_hits"));
    const auto misses = integer(QStringLiteral("keyspace_misses"));
    if (!hits || !misses || *hits + *misses <= 0)
        return std::nullopt;
    return double(*hits) / double(*hits + *misses);
}

QList<ServerInfo::Keyspace> ServerInfo::sumKeyspaces(const QList<QList<Keyspace>> &perServer)
{
    std::map<int, Keyspace> byDb;
    std::map<int, double> ttlWeight; // sum of avg_ttl × expires, per db
    for (const QList<Keyspace> &keyspace : perServer) {
        for (const Keyspace &entry : keyspace) {
            Keyspace &sum = byDb[entry.db];
            sum.db = entry.db;
            sum.keys += entry.keys;
            sum.expires += entry.expires;
            ttlWeight[entry.db] += double(entry.avgTtlMs) * double(entry.expires);
        }
    }
    QList<Keyspace> result;
    result.reserve(qsizetype(byDb.size()));
    for (auto &[db, sum] : byDb) {
        sum.avgTtlMs = sum.expires > 0 ? qint64(ttlWeight[db] / double(sum.expires)) : 0;
        result.append(sum);
    }
    return result;
}

QList<ServerInfo::Keyspace> ServerInfo::keyspace() const
{
    QList<Keyspace> result;
    for (const Section &section : m_sections) {
        if (section.name.compare(QLatin1String("Keyspace"), Qt::CaseInsensitive) != 0)
            continue;
        for (const Field &field : section.fields) {
            if (!field.key.startsWith(QLatin1String("db")))
                continue;
            bool ok = false;
            Keyspace entry;
            entry.db = field.key.mid(2).toInt(&ok);
            if (!ok)
                continue;
            const QStringList parts = field.value.split(QLatin1Char(','));
            for (const QString &part : parts) {
                const qsizetype eq = part.indexOf(QLatin1Char('='));
                if (eq < 0)
                    continue;
                const QStringView name = QStringView(part).left(eq);
                const qint64 number = QStringView(part).mid(eq + 1).toLongLong();
                if (name == QLatin1String("keys"))
                    entry.keys = number;
                else if (name == QLatin1String("expires"))
                    entry.expires = number;
                else if (name == QLatin1String("avg_ttl"))
                    entry.avgTtlMs = number;
            }
            result.append(entry);
        }
    }
    return result;
}

QString ServerInfo::modeText() const
{
    const QString mode = this->mode();
    if (mode == QLatin1String("standalone"))
        return tr("Standalone");
    if (mode == QLatin1String("cluster"))
        return tr("Cluster");
    if (mode == QLatin1String("sentinel"))
        return tr("Sentinel");
    return mode;
}

QString ServerInfo::roleText() const
{
    const QString role = this->role();
    if (role == QLatin1String("master"))
        return tr("Primary");
    if (role == QLatin1String("slave"))
        return tr("Replica");
    return role;
}

QString ServerInfo::formatDuration(qint64 seconds)
{
    const qint64 days = seconds / 86400;
    const qint64 hours = seconds % 86400 / 3600;
    const qint64 minutes = seconds % 3600 / 60;
    if (days > 0)
        return tr("%1 d %2 h").arg(days).arg(hours);
    if (hours > 0)
        return tr("%1 h %2 min").arg(hours).arg(minutes);
    if (minutes > 0)
        return tr("%1 min %2 s").arg(minutes).arg(seconds % 60);
    return tr("%1 s").arg(seconds);
}
