#pragma once

#include "serverinfo.h"

#include <optional>
#include <QList>
#include <QString>

// The numbers the health charts plot, derived from two consecutive INFO replies `seconds` apart.
// Rates come from counters (total_commands_processed, keyspace hits/misses, evicted/expired keys,
// rejected connections) divided by the interval; a counter that went backwards (server restart)
// gives no rate for that interval. Pure function of its inputs.
struct InfoSample
{
    enum Series {
        OpsPerSecond,      // instantaneous_ops_per_sec
        CommandsPerSecond, // from total_commands_processed
        UsedMemory,        // bytes
        UsedMemoryRss,     // bytes
        MaxMemory,         // bytes, 0 = no limit
        Fragmentation,     // mem_fragmentation_ratio
        ConnectedClients,
        BlockedClients,
        HitRatio,       // hits / (hits + misses) over the interval, 0..1
        NetworkInKBps,  // instantaneous_input_kbps
        NetworkOutKBps, // instantaneous_output_kbps
        EvictedPerSecond,
        ExpiredPerSecond,
        Keys,              // sum over the databases
        RejectedPerSecond, // rejected_connections per second
        LatencyP50Ms,      // client-side PING round trips over a sliding window
        LatencyP95Ms,
        LatencyP99Ms,
        SeriesCount
    };

    double time = 0; // seconds since the Unix epoch
    std::optional<double> values[SeriesCount];

    static InfoSample derive(const ServerInfo &previous, const ServerInfo &current, double seconds,
                             double time);
    static QString name(Series series); // for people
};
