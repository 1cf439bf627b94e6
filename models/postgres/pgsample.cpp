#include "pgsample.h"

#include <algorithm>
#include <QHash>
#include <QLocale>
#include <QSet>

namespace {

QList<PgCount> ranked(const QHash<QString, int> &counts)
{
    QList<PgCount> out;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        out.append({it.key(), it.value()});
    std::sort(out.begin(), out.end(), [](const PgCount &a, const PgCount &b) {
        return a.count != b.count ? a.count > b.count : a.key < b.key;
    });
    return out;
}

std::optional<double> rate(qint64 now, qint64 before, double seconds)
{
    if (seconds <= 0 || now < before)
        return std::nullopt;
    return double(now - before) / seconds;
}

} // namespace

const QList<QByteArray> PgSample::kQueries{
    "SELECT current_setting('max_connections')::int AS max_connections,\n"
    "       current_setting('superuser_reserved_connections')::int AS reserved,\n"
    "       pg_backend_pid() AS own_pid, current_setting('server_version') AS version",
    "SELECT a.pid, a.datname, a.usename, a.application_name, host(a.client_addr) AS client,\n"
    "       a.state, a.wait_event_type, a.wait_event, left(a.query, 2000) AS query,\n"
    "       extract(epoch FROM clock_timestamp() - a.query_start) AS query_age,\n"
    "       extract(epoch FROM clock_timestamp() - a.state_change) AS state_age,\n"
    "       extract(epoch FROM clock_timestamp() - a.xact_start) AS xact_age,\n"
    "       extract(epoch FROM clock_timestamp() - l.waitstart) AS lock_wait,\n"
    "       CASE WHEN a.wait_event_type = 'Lock' THEN pg_blocking_pids(a.pid) END AS blocked_by\n"
    "  FROM pg_stat_activity a\n"
    "  LEFT JOIN (SELECT pid, min(waitstart) AS waitstart FROM pg_locks WHERE NOT granted GROUP BY pid) l\n"
    "         ON l.pid = a.pid\n"
    " WHERE a.backend_type = 'client backend'\n"
    " ORDER BY a.pid",
    "SELECT datname, numbackends, xact_commit, xact_rollback, blks_read, blks_hit, tup_returned,\n"
    "       tup_fetched, deadlocks, temp_files, temp_bytes\n"
    "  FROM pg_stat_database WHERE datname IS NOT NULL ORDER BY datname"};

std::optional<double> PgDatabaseStats::hitRatio() const
{
    const qint64 blocks = blocksHit + blocksRead;
    if (blocks <= 0)
        return std::nullopt;
    return double(blocksHit) / double(blocks);
}

int PgSample::count(const QString &state) const
{
    for (const PgCount &c : byState) {
        if (c.key == state)
            return c.count;
    }
    return 0;
}

const PgSession *PgSample::session(int pid) const
{
    for (const PgSession &s : sessions) {
        if (s.pid == pid)
            return &s;
    }
    return nullptr;
}

QList<int> PgSample::blockingChain(int pid) const
{
    QList<int> chain{pid};
    QSet<int> seen{pid};
    for (const PgSession *s = session(pid); s && !s->blockedBy.isEmpty();) {
        const int blocker = s->blockedBy.constFirst();
        if (seen.contains(blocker))
            break;
        chain.append(blocker);
        seen.insert(blocker);
        s = session(blocker);
    }
    return chain;
}

std::optional<PgSample> PgSample::fromResults(const QList<PgResult> &results, double time, QString *error)
{
    if (results.size() != 3 || results[0].rowCount() != 1 || results[1].column("blocked_by") < 0 ||
        results[2].column("temp_bytes") < 0) {
        if (error)
            *error =
                tr("The statistics query returned an unexpected shape (%1 results).").arg(results.size());
        return std::nullopt;
    }
    PgSample sample;
    sample.time = time;
    const PgResult &settings = results[0];
    sample.maxConnections = int(settings.integer(0, "max_connections"));
    sample.reservedConnections = int(settings.integer(0, "reserved"));
    sample.ownPid = int(settings.integer(0, "own_pid"));
    sample.serverVersion = settings.text(0, "version");

    const PgResult &activity = results[1];
    for (int r = 0; r < activity.rowCount(); ++r) {
        PgSession s;
        s.pid = int(activity.integer(r, "pid"));
        s.database = activity.text(r, "datname");
        s.user = activity.text(r, "usename");
        s.application = activity.text(r, "application_name");
        s.clientAddress = activity.text(r, "client");
        s.state = activity.text(r, "state");
        s.waitEventType = activity.text(r, "wait_event_type");
        s.waitEvent = activity.text(r, "wait_event");
        s.query = activity.text(r, "query");
        s.queryAge = activity.number(r, "query_age");
        s.stateAge = activity.number(r, "state_age");
        s.transactionAge = activity.number(r, "xact_age");
        s.lockWait = activity.number(r, "lock_wait");
        s.blockedBy = activity.integers(r, "blocked_by");
        sample.sessions.append(s);
    }

    const PgResult &databases = results[2];
    for (int r = 0; r < databases.rowCount(); ++r) {
        PgDatabaseStats d;
        d.name = databases.text(r, "datname");
        d.backends = databases.integer(r, "numbackends");
        d.commits = databases.integer(r, "xact_commit");
        d.rollbacks = databases.integer(r, "xact_rollback");
        d.blocksRead = databases.integer(r, "blks_read");
        d.blocksHit = databases.integer(r, "blks_hit");
        d.tuplesReturned = databases.integer(r, "tup_returned");
        d.tuplesFetched = databases.integer(r, "tup_fetched");
        d.deadlocks = databases.integer(r, "deadlocks");
        d.tempFiles = databases.integer(r, "temp_files");
        d.tempBytes = databases.integer(r, "temp_bytes");
        sample.databases.append(d);
    }
    return sample;
}

PgSample PgSample::derive(PgSample sample, const PgSample *previous, const PgThresholds &thresholds)
{
    QHash<QString, int> states, applications, clients;
    sample.waiting.clear();
    sample.longRunning.clear();
    sample.longIdleInTransaction.clear();
    for (const PgSession &s : std::as_const(sample.sessions)) {
        // A null state: a session of another role that this role may not see (needs pg_read_all_stats).
        ++states[s.state.isEmpty() ? tr("(not visible)") : s.state];
        ++applications[s.application.isEmpty() ? tr("(none)") : s.application];
        ++clients[s.clientAddress.isEmpty() ? tr("(local socket)") : s.clientAddress];
        if (s.pid == sample.ownPid)
            continue;
        if (s.state == QLatin1String("active") && !s.waitEventType.isEmpty())
            sample.waiting.append(s);
        if (s.state == QLatin1String("active") && s.queryAge.value_or(0) >= thresholds.longQuerySeconds)
            sample.longRunning.append(s);
        if (s.state.startsWith(QLatin1String("idle in transaction")) &&
            s.stateAge.value_or(0) >= thresholds.longIdleInTransactionSeconds)
            sample.longIdleInTransaction.append(s);
    }
    sample.total = int(sample.sessions.size());
    sample.byState = ranked(states);
    sample.byApplication = ranked(applications);
    sample.byClient = ranked(clients);
    const auto waited = [](const PgSession &s) { return s.lockWait.value_or(s.queryAge.value_or(0)); };
    std::stable_sort(sample.waiting.begin(), sample.waiting.end(),
                     [&waited](const PgSession &a, const PgSession &b) { return waited(a) > waited(b); });
    std::stable_sort(sample.longRunning.begin(), sample.longRunning.end(),
                     [](const PgSession &a, const PgSession &b) { return a.queryAge > b.queryAge; });
    std::stable_sort(sample.longIdleInTransaction.begin(), sample.longIdleInTransaction.end(),
                     [](const PgSession &a, const PgSession &b) { return a.stateAge > b.stateAge; });

    sample.transactionsPerSecond.reset();
    const double interval = previous ? sample.time - previous->time : 0;
    if (previous && interval > 0) {
        double total = 0;
        bool any = false;
        for (PgDatabaseStats &d : sample.databases) {
            const auto before = std::find_if(previous->databases.cbegin(), previous->databases.cend(),
                                             [&d](const PgDatabaseStats &p) { return p.name == d.name; });
            if (before == previous->databases.cend())
                continue;
            d.transactionsPerSecond =
                rate(d.commits + d.rollbacks, before->commits + before->rollbacks, interval);
            d.tuplesReturnedPerSecond = rate(d.tuplesReturned, before->tuplesReturned, interval);
            d.tuplesFetchedPerSecond = rate(d.tuplesFetched, before->tuplesFetched, interval);
            if (d.transactionsPerSecond) {
                total += *d.transactionsPerSecond;
                any = true;
            }
            if (d.deadlocks > before->deadlocks)
                sample.advice << tr("%n deadlock(s) in database %1 since the last sample: two transactions "
                                    "took the same locks in opposite orders.",
                                    nullptr, int(d.deadlocks - before->deadlocks))
                                     .arg(d.name);
        }
        if (any)
            sample.transactionsPerSecond = total;
    }

    const int usable = sample.usableConnections();
    if (usable > 0 && sample.total > thresholds.connectionWarnShare * usable) {
        sample.advice.prepend(
            tr("%1 of %2 usable connections are in use (over %3%): the next pool to grow will hit \"too many "
               "clients\". Lower the pools' maximum size, or put a pooler (PgBouncer, Supavisor) in front.")
                .arg(sample.total)
                .arg(usable)
                .arg(qRound(thresholds.connectionWarnShare * 100)));
    }
    const int idleInTransaction = int(
        std::count_if(sample.sessions.cbegin(), sample.sessions.cend(), [&thresholds](const PgSession &s) {
            return s.state.startsWith(QLatin1String("idle in transaction")) &&
                   s.stateAge.value_or(0) >= thresholds.idleInTransactionPileUpSeconds;
        }));
    if (idleInTransaction >= thresholds.idleInTransactionPileUp) {
        sample.advice
            << tr("%1 sessions have been idle in transaction for %2 s or more: each holds its connection, "
                  "its locks and "
                  "old row versions until it ends. Find the code path that does not commit, and set "
                  "idle_in_transaction_session_timeout.")
                   .arg(idleInTransaction)
                   .arg(QLocale().toString(thresholds.idleInTransactionPileUpSeconds));
    }
    return sample;
}
