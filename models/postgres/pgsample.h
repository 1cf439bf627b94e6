#pragma once

#include "pgresult.h"

#include <optional>
#include <QCoreApplication>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

// One client backend from pg_stat_activity. Ages in seconds, measured on the server's clock.
struct PgSession
{
    int pid = 0;
    QString database, user, application, clientAddress; // clientAddress empty for a Unix socket
    QString state;                                      // active, idle, idle in transaction, …
    QString waitEventType, waitEvent;                   // empty when not waiting
    QString query;                                      // the current or last statement (first 2,000 chars)
    std::optional<double> queryAge, stateAge, transactionAge;
    std::optional<double> lockWait; // how long it has waited for a lock (pg_locks.waitstart)
    QList<int> blockedBy;           // pg_blocking_pids, for sessions waiting on a lock
};

// Cumulative counters of one database from pg_stat_database, and rates over the last interval.
struct PgDatabaseStats
{
    QString name;
    qint64 backends = 0, commits = 0, rollbacks = 0, blocksRead = 0, blocksHit = 0;
    qint64 tuplesReturned = 0, tuplesFetched = 0, deadlocks = 0, tempFiles = 0, tempBytes = 0;
    // blks_hit / (blks_hit + blks_read) since the statistics were reset; none before any block was read.
    std::optional<double> hitRatio() const;
    // Set by PgSample::derive: none on the first sample and across a statistics reset.
    std::optional<double> transactionsPerSecond, tuplesReturnedPerSecond, tuplesFetchedPerSecond;
};

// When a session counts as long-running or long idle in transaction, and when the advisor speaks.
struct PgThresholds
{
    double longQuerySeconds = 30;
    double longIdleInTransactionSeconds = 30;
    // The advisor speaks when this many sessions are idle in transaction at once, each for at least
    // idleInTransactionPileUpSeconds (under load, short idle-in-transaction moments are normal).
    int idleInTransactionPileUp = 5;
    double idleInTransactionPileUpSeconds = 1;
    double connectionWarnShare = 0.8; // of the usable connection limit
    bool operator==(const PgThresholds &) const = default;
};

struct PgCount
{
    QString key;
    int count = 0;
};

// One poll of the server: the raw rows, and what derive() computes from them (and the previous sample).
struct PgSample
{
    Q_DECLARE_TR_FUNCTIONS(PgSample)

public:
    // The poller's three SELECTs, whose results fromResults() reads.
    static const QList<QByteArray> kQueries;

    double time = 0; // seconds since the epoch, client clock
    int maxConnections = 0, reservedConnections = 0, ownPid = 0;
    QString serverVersion;
    QList<PgSession> sessions; // client backends, Keyscope's own included
    QList<PgDatabaseStats> databases;

    // Derived:
    int total = 0;
    QList<PgCount> byState, byApplication, byClient; // most first
    QList<PgSession> waiting;                        // active and waiting on something, longest first
    QList<PgSession> longRunning;                    // active longer than the threshold, oldest first
    QList<PgSession> longIdleInTransaction;          // idle in transaction longer than the threshold
    std::optional<double> transactionsPerSecond;     // all databases
    QStringList advice;

    // max_connections minus the slots reserved for superusers: what applications can use.
    int usableConnections() const { return maxConnections - reservedConnections; }
    int count(const QString &state) const;
    const PgSession *session(int pid) const;
    // pid, the session it waits for, the one that one waits for … up to the root blocker (no cycles).
    QList<int> blockingChain(int pid) const;

    // Reads kQueries' results; std::nullopt with *error if they do not have the expected shape.
    static std::optional<PgSample> fromResults(const QList<PgResult> &results, double time,
                                               QString *error = nullptr);
    // Fills the derived fields; rates need previous (taken interval seconds before), none otherwise.
    static PgSample derive(PgSample sample, const PgSample *previous, const PgThresholds &thresholds);
};

Q_DECLARE_METATYPE(PgSample)
