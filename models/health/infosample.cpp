#include "infosample.h"

#include <QCoreApplication>

namespace {

std::optional<double> rate(const ServerInfo &previous, const ServerInfo &current, const char *key,
                           double seconds)
{
    const auto before = previous.integer(QString::fromLatin1(key));
    const auto now = current.integer(QString::fromLatin1(key));
    if (!before || !now || *now < *before || seconds <= 0)
        return std::nullopt;
    return double(*now - *before) / seconds;
}

std::optional<double> number(const ServerInfo &info, const char *key)
{
    return info.real(QString::fromLatin1(key));
}

} // namespace

InfoSample InfoSample::derive(const ServerInfo &previous, const ServerInfo &current, double seconds,
                              double time)
{
    InfoSample s;
    s.time = time;
    s.values[OpsPerSecond] = number(current, "instantaneous_ops_per_sec");
    s.values[CommandsPerSecond] = rate(previous, current, "total_commands_processed", seconds);
    s.values[UsedMemory] = number(current, "used_memory");
    s.values[UsedMemoryRss] = number(current, "used_memory_rss");
    s.values[MaxMemory] = number(current, "maxmemory");
    s.values[Fragmentation] = number(current, "mem_fragmentation_ratio");
    s.values[ConnectedClients] = number(current, "connected_clients");
    s.values[BlockedClients] = number(current, "blocked_clients");
    const auto hits = rate(previous, current, "keyspace_hits", seconds);
    const auto misses = rate(previous, current, "keyspace_misses", seconds);
    if (hits && misses && *hits + *misses > 0)
        s.values[HitRatio] = *hits / (*hits + *misses);
    s.values[NetworkInKBps] = number(current, "instantaneous_input_kbps");
    s.values[NetworkOutKBps] = number(current, "instantaneous_output_kbps");
    s.values[EvictedPerSecond] = rate(previous, current, "evicted_keys", seconds);
    s.values[ExpiredPerSecond] = rate(previous, current, "expired_keys", seconds);
    qint64 keys = 0;
    for (const ServerInfo::Keyspace &db : current.keyspace())
        keys += db.keys;
    s.values[Keys] = double(keys);
    s.values[RejectedPerSecond] = rate(previous, current, "rejected_connections", seconds);
    return s;
}

QString InfoSample::name(Series series)
{
    static const char *const names[SeriesCount] = {
        QT_TRANSLATE_NOOP("InfoSample", "ops/s"),
        QT_TRANSLATE_NOOP("InfoSample", "commands/s"),
        QT_TRANSLATE_NOOP("InfoSample", "used memory"),
        QT_TRANSLATE_NOOP("InfoSample", "RSS"),
        QT_TRANSLATE_NOOP("InfoSample", "maxmemory"),
        QT_TRANSLATE_NOOP("InfoSample", "fragmentation"),
        QT_TRANSLATE_NOOP("InfoSample", "clients"),
        QT_TRANSLATE_NOOP("InfoSample", "blocked clients"),
        QT_TRANSLATE_NOOP("InfoSample", "hit ratio"),
        QT_TRANSLATE_NOOP("InfoSample", "network in kB/s"),
        QT_TRANSLATE_NOOP("InfoSample", "network out kB/s"),
        QT_TRANSLATE_NOOP("InfoSample", "evicted keys/s"),
        QT_TRANSLATE_NOOP("InfoSample", "expired keys/s"),
        QT_TRANSLATE_NOOP("InfoSample", "keys"),
        QT_TRANSLATE_NOOP("InfoSample", "rejected connections/s"),
        QT_TRANSLATE_NOOP("InfoSample", "latency p50 ms"),
        QT_TRANSLATE_NOOP("InfoSample", "latency p95 ms"),
        QT_TRANSLATE_NOOP("InfoSample", "latency p99 ms"),
    };
    return QCoreApplication::translate("InfoSample", names[series]);
}
