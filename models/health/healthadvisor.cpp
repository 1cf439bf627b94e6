#include "healthadvisor.h"

#include "redisconnection.h"
#include "redisreply.h"

#include <memory>
#include <QLocale>

namespace {

using Status = HealthAdvisor::Status;
using Check = HealthAdvisor::Check;

bool loopbackOnly(const QString &bind)
{
    const QStringList addresses = bind.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (addresses.isEmpty())
        return false; // no bind: every interface
    for (QString address : addresses) {
        address.remove(QLatin1Char('-')); // "-::1" means optional
        if (address != QLatin1String("127.0.0.1") && address != QLatin1String("::1") &&
            address != QLatin1String("localhost"))
            return false;
    }
    return true;
}

qint64 counterGrowth(const HealthAdvisor::Facts &facts, const QString &key)
{
    if (!facts.previous)
        return 0;
    const auto before = facts.previous->integer(key);
    const auto now = facts.info.integer(key);
    return before && now && *now > *before ? *now - *before : 0;
}

QString percent(double ratio)
{
    return QLocale().toString(ratio * 100, 'f', 1) + QLatin1Char('%');
}

} // namespace

HealthAdvisor::HealthAdvisor(RedisConnection *connection, QObject *parent)
    : QObject(parent), m_connection(connection)
{}

QStringList HealthAdvisor::configKeys()
{
    return {QStringLiteral("bind"),       QStringLiteral("protected-mode"),
            QStringLiteral("maxmemory"),  QStringLiteral("maxmemory-policy"),
            QStringLiteral("appendonly"), QStringLiteral("save")};
}

QList<Check> HealthAdvisor::evaluate(const Facts &facts)
{
    QList<Check> checks;
    const ServerInfo &info = facts.info;
    const auto config = [&facts](const char *key) { return facts.config.value(QString::fromLatin1(key)); };
    const bool knownBind = facts.config.contains(QStringLiteral("bind"));
    const bool local = knownBind && loopbackOnly(config("bind"));

    // Authentication and exposure.
    if (facts.defaultNoPass) {
        Check c{QStringLiteral("auth"), Status::Ok, tr("Authentication"), {}, {}};
        if (!*facts.defaultNoPass) {
            c.why = tr("The default user needs a password.");
        } else if (knownBind && local) {
            c.status = Status::Info;
            c.why =
                tr("No password, but the server listens on loopback only: fine on a laptop, not on a shared "
                   "host.");
            c.fix = QStringLiteral("requirepass <a long random password>");
        } else {
            c.status = Status::Critical;
            c.why =
                tr("Anyone who can reach this port can read, change and delete every key, and run CONFIG.");
            c.fix = QStringLiteral("requirepass <a long random password>\n"
                                   "# or per user: ACL SETUSER default on >password ~* +@all");
        }
        checks.append(c);
    }
    if (facts.config.contains(QStringLiteral("protected-mode"))) {
        Check c{QStringLiteral("protected-mode"), Status::Ok, tr("Protected mode"), {}, {}};
        if (config("protected-mode") == QLatin1String("no") && knownBind && !local) {
            c.status = (facts.defaultNoPass && *facts.defaultNoPass) ? Status::Critical : Status::Warning;
            c.why = tr("protected-mode is off and the server listens beyond loopback (bind %1).")
                        .arg(config("bind").isEmpty() ? QStringLiteral("*") : config("bind"));
            c.fix = QStringLiteral("protected-mode yes\nbind 127.0.0.1 -::1   # or the private address only");
        } else {
            c.why = tr("protected-mode is %1; bind %2.").arg(config("protected-mode"), config("bind"));
        }
        checks.append(c);
    }

    // Memory limit and eviction policy.
    const qint64 maxMemory = info.maxMemory().value_or(config("maxmemory").toLongLong());
    const qint64 used = info.usedMemory().value_or(0);
    if (facts.config.contains(QStringLiteral("maxmemory")) || info.maxMemory()) {
        Check c{QStringLiteral("maxmemory"), Status::Ok, tr("Memory limit"), {}, {}};
        if (maxMemory == 0) {
            c.status = Status::Warning;
            c.why = tr(
                "maxmemory is 0: Redis grows until the machine runs out of memory and the kernel kills it, "
                "and no eviction policy ever applies.");
            c.fix = QStringLiteral("maxmemory 2gb   # about 75% of what the host can give Redis\n"
                                   "CONFIG SET maxmemory 2gb");
        } else {
            c.why = tr("maxmemory is %1.").arg(QLocale().formattedDataSize(maxMemory));
        }
        checks.append(c);
    }
    const QString policy = facts.config.value(QStringLiteral("maxmemory-policy"),
                                              info.value(QStringLiteral("maxmemory_policy")));
    if (!policy.isEmpty()) {
        qint64 keys = 0, expires = 0;
        for (const ServerInfo::Keyspace &db : info.keyspace()) {
            keys += db.keys;
            expires += db.expires;
        }
        Check c{QStringLiteral("policy"),
                Status::Ok,
                tr("Eviction policy"),
                tr("maxmemory-policy is %1.").arg(policy),
                {}};
        if (policy.startsWith(QLatin1String("volatile-")) && keys > 0 && expires * 2 < keys) {
            c.status = Status::Warning;
            c.why = tr("maxmemory-policy is %1 but only %2 of the keys have a TTL: the others are never "
                       "evicted, and "
                       "once memory is full writes fail with OOM.")
                        .arg(policy, percent(double(expires) / double(keys)));
            c.fix = QStringLiteral(
                "maxmemory-policy allkeys-lru   # if every key may go; else give cache keys a TTL");
        } else if (policy == QLatin1String("noeviction") && keys > 0 && expires * 2 >= keys) {
            c.status = Status::Warning;
            c.why = tr("maxmemory-policy is noeviction but %1 of the keys have a TTL, like a cache: when "
                       "memory is "
                       "full, writes fail instead of evicting cache entries.")
                        .arg(percent(double(expires) / double(keys)));
            c.fix = QStringLiteral("maxmemory-policy volatile-lru\nCONFIG SET maxmemory-policy volatile-lru");
        }
        checks.append(c);
    }

    // Persistence.
    if (const auto aof = info.integer(QStringLiteral("aof_enabled"))) {
        Check c{QStringLiteral("aof"), Status::Ok, tr("Append-only file"), tr("AOF is on."), {}};
        if (*aof == 0) {
            c.status = Status::Warning;
            c.why = tr("AOF is off: after a crash, writes since the last RDB snapshot are lost.");
            c.fix = QStringLiteral("appendonly yes\nappendfsync everysec\nCONFIG SET appendonly yes");
        }
        checks.append(c);
    }
    if (facts.config.contains(QStringLiteral("save"))) {
        Check c{QStringLiteral("rdb"),
                Status::Ok,
                tr("RDB snapshots"),
                tr("save is “%1”.").arg(config("save")),
                {}};
        if (config("save").trimmed().isEmpty()) {
            c.status = Status::Warning;
            c.why =
                tr("RDB snapshots are disabled (save \"\"): no point-in-time backup, and a full resync of "
                   "a replica has to create one anyway.");
            c.fix = QStringLiteral("save 3600 1 300 100 60 10000");
        }
        checks.append(c);
    }
    if (info.value(QStringLiteral("rdb_last_bgsave_status")) == QLatin1String("err")) {
        checks.append(
            {QStringLiteral("bgsave"), Status::Critical, tr("Last background save"),
             tr("The last BGSAVE failed: with stop-writes-on-bgsave-error (the default) Redis refuses "
                "writes until a save succeeds. The server log says why (disk full, permissions)."),
             QStringLiteral("# fix the cause, then: BGSAVE")});
    }

    // Replication.
    if (info.role() == QLatin1String("slave")) {
        const bool up = info.value(QStringLiteral("master_link_status")) == QLatin1String("up");
        checks.append(
            {QStringLiteral("replication"), up ? Status::Ok : Status::Critical, tr("Replication"),
             up ? tr("This replica is connected to its primary.")
                : tr("This replica has lost its primary (master_link_status down): it serves stale data."),
             up ? QString() : QStringLiteral("# check the primary and the network; INFO replication")});
    } else if (const auto replicas = info.integer(QStringLiteral("connected_slaves"))) {
        checks.append(
            {QStringLiteral("replication"), *replicas > 0 ? Status::Ok : Status::Info, tr("Replication"),
             *replicas > 0 ? tr("%n replica(s) connected.", nullptr, int(*replicas))
                           : tr("No replica is connected: if this server should have one, it is missing "
                                "and there is no failover."),
             *replicas > 0 ? QString() : QStringLiteral("# on the replica: replicaof <host> <port>")});
    }

    // Pressure and efficiency.
    if (maxMemory > 0 && used > 0) {
        const double ratio = double(used) / double(maxMemory);
        checks.append({QStringLiteral("memory-pressure"), ratio > 0.9 ? Status::Critical : Status::Ok,
                       tr("Memory use"), tr("%1 of maxmemory in use.").arg(percent(ratio)),
                       ratio > 0.9 ? QStringLiteral("CONFIG SET maxmemory <more>   # or delete / expire keys")
                                   : QString()});
    }
    const qint64 hits = info.integer(QStringLiteral("keyspace_hits")).value_or(0);
    const qint64 misses = info.integer(QStringLiteral("keyspace_misses")).value_or(0);
    if (hits + misses >= 100) {
        const double ratio = double(hits) / double(hits + misses);
        const bool low = ratio < facts.hitRatioThreshold;
        checks.append(
            {QStringLiteral("hit-ratio"), low ? Status::Warning : Status::Ok, tr("Cache hit ratio"),
             low ? tr("%1 of lookups find their key, below %2: the cache saves less load than it could "
                      "(keys expire too soon, or are evicted).")
                       .arg(percent(ratio), percent(facts.hitRatioThreshold))
                 : tr("%1 of lookups find their key.").arg(percent(ratio)),
             low ? QStringLiteral("# longer TTLs for hot keys, or more maxmemory") : QString()});
    }
    const auto fragmentation = info.real(QStringLiteral("mem_fragmentation_ratio"));
    const qint64 rss = info.integer(QStringLiteral("used_memory_rss")).value_or(0);
    if (fragmentation && rss >= 64 * 1024 * 1024) { // small servers have noisy ratios
        const bool high = *fragmentation > 1.5;
        checks.append({QStringLiteral("fragmentation"), high ? Status::Warning : Status::Ok,
                       tr("Fragmentation"),
                       tr("mem_fragmentation_ratio is %1.").arg(*fragmentation, 0, 'f', 2),
                       high ? QStringLiteral("activedefrag yes\nCONFIG SET activedefrag yes") : QString()});
    }
    if (const qint64 rejected = counterGrowth(facts, QStringLiteral("rejected_connections"))) {
        checks.append(
            {QStringLiteral("rejected"), Status::Critical, tr("Rejected connections"),
             tr("%n connection(s) were refused since the last check: maxclients is reached.", nullptr,
                int(rejected)),
             QStringLiteral("maxclients 20000\nCONFIG SET maxclients 20000   # and check client pools")});
    }
    if (const qint64 evicted = counterGrowth(facts, QStringLiteral("evicted_keys"))) {
        checks.append(
            {QStringLiteral("evictions"), Status::Warning, tr("Evictions"),
             tr("%n key(s) were evicted since the last check: memory is full and keys are being dropped.",
                nullptr, int(evicted)),
             QStringLiteral("CONFIG SET maxmemory <more>")});
    }
    return checks;
}

void HealthAdvisor::setConnection(RedisConnection *connection)
{
    m_connection = connection;
    ++m_generation;
}

void HealthAdvisor::run(const std::optional<ServerInfo> &previous)
{
    const quint64 generation = ++m_generation;
    if (!m_connection) {
        emit failed(tr("Not connected."));
        return;
    }
    auto facts = std::make_shared<Facts>();
    facts->previous = previous;
    m_connection->command({"ACL", "GETUSER", "default"}, this, [facts](const RedisReply &reply) {
        if (reply.isError() || !reply.isArray())
            return;
        const QList<RedisReply> &e = reply.elements();
        for (qsizetype i = 0; i + 1 < e.size(); i += 2) {
            if (e.at(i).bytes() == "flags") {
                bool nopass = false;
                for (const RedisReply &flag : e.at(i + 1).elements())
                    nopass = nopass || flag.bytes() == "nopass";
                facts->defaultNoPass = nopass;
            }
        }
    });
    for (const QString &key : configKeys()) {
        m_connection->command({"CONFIG", "GET", key.toLatin1()}, this, [facts, key](const RedisReply &reply) {
            // Managed services refuse CONFIG: those checks are left out rather than guessed.
            if (reply.isArray() && reply.elements().size() == 2)
                facts->config.insert(key, QString::fromUtf8(reply.elements().at(1).bytes()));
        });
    }
    m_connection->command({"INFO", "everything"}, this, [this, facts, generation](const RedisReply &reply) {
        if (generation != m_generation)
            return;
        if (reply.isError()) {
            emit failed(tr("INFO failed: %1").arg(reply.errorMessage()));
            return;
        }
        facts->info = ServerInfo::parse(reply.bytes());
        m_checks = evaluate(*facts);
        emit finished();
    });
}
