#include "ttlanalyzer.h"

#include "redisconnection.h"
#include "redisreply.h"

#include <algorithm>
#include <memory>

namespace {

bool idLike(QByteArrayView segment)
{
    if (segment.isEmpty())
        return false;
    bool digits = true;
    bool hexish = segment.size() >= 8;
    for (const char c : segment) {
        digits = digits && c >= '0' && c <= '9';
        hexish = hexish &&
                 ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == '-');
    }
    return digits || hexish;
}

// One character class at pattern[p] (just after '['); returns whether c matches and moves p past ']'.
bool classMatch(QByteArrayView pattern, qsizetype &p, char c)
{
    bool negate = false;
    if (p < pattern.size() && pattern[p] == '^') {
        negate = true;
        ++p;
    }
    bool match = false;
    while (p < pattern.size() && pattern[p] != ']') {
        if (pattern[p] == '\\' && p + 1 < pattern.size()) {
            ++p;
            match = match || pattern[p] == c;
        } else if (p + 2 < pattern.size() && pattern[p + 1] == '-' && pattern[p + 2] != ']') {
            char low = pattern[p], high = pattern[p + 2];
            if (low > high)
                std::swap(low, high);
            match = match || (c >= low && c <= high);
            p += 2;
        } else {
            match = match || pattern[p] == c;
        }
        ++p;
    }
    if (p < pattern.size())
        ++p; // past ']'
    return negate ? !match : match;
}

} // namespace

TtlAnalyzer::TtlAnalyzer(QList<RedisConnection *> nodes, Options options, QObject *parent)
    : QObject(parent), m_options(std::move(options))
{
    for (RedisConnection *node : nodes)
        m_nodes.append({node, "0", 0, false});
}

QByteArray TtlAnalyzer::namespaceOf(QByteArrayView key, int depth)
{
    qsizetype end = 0;
    int segments = 0;
    qsizetype start = 0;
    while (segments < depth) {
        qsizetype next = start;
        while (next < key.size() && key[next] != ':' && key[next] != '/')
            ++next;
        if (next >= key.size())
            break; // the last segment is the key's own name
        if (idLike(key.sliced(start, next - start)))
            break;
        end = next;
        ++segments;
        start = next + 1;
    }
    return key.first(end).toByteArray();
}

std::optional<std::optional<qint64>> TtlAnalyzer::parseExpected(const QString &text)
{
    const QString t = text.trimmed().toLower();
    if (t.isEmpty() || t == QLatin1String("none") || t == QLatin1String("never") ||
        t == QLatin1String("no expiry"))
        return std::optional<qint64>();
    qsizetype digits = 0;
    while (digits < t.size() && (t[digits].isDigit() || t[digits] == QLatin1Char('.')))
        ++digits;
    bool ok = false;
    const double amount = t.left(digits).toDouble(&ok);
    if (!ok || amount <= 0)
        return std::nullopt;
    const QString unit = t.mid(digits).trimmed();
    double factor = 0;
    if (unit == QLatin1String("ms"))
        factor = 1;
    else if (unit.isEmpty() || unit == QLatin1String("s") || unit == QLatin1String("sec"))
        factor = 1000;
    else if (unit == QLatin1String("m") || unit == QLatin1String("min"))
        factor = 60'000;
    else if (unit == QLatin1String("h"))
        factor = 3'600'000;
    else if (unit == QLatin1String("d"))
        factor = 86'400'000;
    else
        return std::nullopt;
    return std::optional<qint64>(qint64(amount * factor));
}

const QList<qint64> &TtlAnalyzer::bucketBounds()
{
    static const QList<qint64> bounds{10'000,    60'000,     300'000,    900'000,
                                      3'600'000, 21'600'000, 86'400'000, 604'800'000};
    return bounds;
}

int TtlAnalyzer::bucketOf(qint64 ttlMs)
{
    if (ttlMs < 0)
        return int(bucketBounds().size()) + 1;
    const auto &bounds = bucketBounds();
    return int(std::upper_bound(bounds.cbegin(), bounds.cend(), ttlMs) - bounds.cbegin());
}

bool TtlAnalyzer::globMatch(QByteArrayView pattern, QByteArrayView key)
{
    qsizetype p = 0, k = 0;
    qsizetype starP = -1, starK = -1;
    while (k < key.size()) {
        if (p < pattern.size()) {
            const char c = pattern[p];
            if (c == '*') {
                starP = ++p;
                starK = k;
                continue;
            }
            if (c == '?') {
                ++p;
                ++k;
                continue;
            }
            if (c == '[') {
                qsizetype q = p + 1;
                if (classMatch(pattern, q, key[k])) {
                    p = q;
                    ++k;
                    continue;
                }
            } else {
                const bool escaped = c == '\\' && p + 1 < pattern.size();
                const char literal = escaped ? pattern[p + 1] : c;
                if (literal == key[k]) {
                    p += escaped ? 2 : 1;
                    ++k;
                    continue;
                }
            }
        }
        if (starP < 0)
            return false;
        p = starP; // let the last * swallow one more character
        k = ++starK;
    }
    while (p < pattern.size() && pattern[p] == '*')
        ++p;
    return p == pattern.size();
}

void TtlAnalyzer::start()
{
    ++m_generation;
    for (Node &node : m_nodes)
        node = {node.connection, "0", 0, false};
    m_running = true;
    m_cancelled = false;
    m_pendingBatches = 0;
    m_sampled = 0;
    m_namespaces.clear();
    m_violations.clear();
    m_violationCount = 0;
    m_warnings.clear();
    m_policy.clear();
    m_policyRead = false;
    if (m_nodes.isEmpty() || !m_nodes.first().connection) {
        m_running = false;
        emit failed(tr("Not connected."));
        return;
    }
    readPolicy();
    scanNext();
}

void TtlAnalyzer::cancel()
{
    if (!m_running)
        return;
    m_cancelled = true;
    for (Node &node : m_nodes)
        node.done = true;
    finish();
}

void TtlAnalyzer::readPolicy()
{
    const quint64 generation = m_generation;
    ++m_pendingBatches;
    m_nodes.first().connection->command({"CONFIG", "GET", "maxmemory-policy"}, this,
                                        [this, generation](const RedisReply &reply) {
                                            if (generation != m_generation)
                                                return;
                                            // Managed services may refuse CONFIG: then no policy warnings.
                                            if (reply.isArray() && reply.elements().size() == 2)
                                                m_policy = reply.elements().at(1).bytes();
                                            m_policyRead = true;
                                            --m_pendingBatches;
                                            finish();
                                        });
}

void TtlAnalyzer::scanNext()
{
    for (int i = 0; i < m_nodes.size(); ++i) {
        Node &node = m_nodes[i];
        if (node.done)
            continue;
        if (!node.connection) {
            node.done = true;
            continue;
        }
        ++m_pendingBatches;
        const quint64 generation = m_generation;
        node.connection->command(
            {"SCAN", node.cursor, "MATCH", m_options.pattern, "COUNT", "1000"}, this,
            [this, i, generation](const RedisReply &reply) { onScan(i, generation, reply); });
        return; // one node at a time
    }
    finish();
}

void TtlAnalyzer::onScan(int index, quint64 generation, const RedisReply &reply)
{
    if (generation != m_generation || !m_running)
        return;
    --m_pendingBatches;
    Node &node = m_nodes[index];
    if (reply.isError() || !reply.isArray() || reply.elements().size() != 2) {
        m_running = false;
        ++m_generation;
        emit failed(tr("SCAN failed: %1").arg(reply.errorMessage()));
        return;
    }
    node.cursor = reply.elements().at(0).bytes();
    const QList<RedisReply> &keys = reply.elements().at(1).elements();
    const qsizetype take = std::min<qsizetype>(keys.size(), m_options.sampleLimit - node.sampled);
    node.sampled += take;
    node.done = node.cursor == "0" || node.sampled >= m_options.sampleLimit;
    if (take > 0) {
        // TYPE and PTTL for the whole batch, pipelined; the last PTTL reply closes the batch.
        ++m_pendingBatches;
        RedisConnection *connection = node.connection.data();
        for (qsizetype i = 0; i < take; ++i) {
            const QByteArray key = keys.at(i).bytes();
            auto type = std::make_shared<QByteArray>();
            connection->command({"TYPE", key}, this, [type](const RedisReply &r) { *type = r.bytes(); });
            const bool last = i == take - 1;
            connection->command({"PTTL", key}, this,
                                [this, key, type, last, generation](const RedisReply &r) {
                                    if (generation != m_generation)
                                        return;
                                    if (!r.isError())
                                        record(key, *type, r.toInteger());
                                    if (last) {
                                        --m_pendingBatches;
                                        emit progress(m_sampled);
                                        finish();
                                    }
                                });
        }
    }
    scanNext();
}

void TtlAnalyzer::record(const QByteArray &key, const QByteArray &type, qint64 pttl)
{
    if (pttl == -2)
        return; // expired or deleted since SCAN saw it
    ++m_sampled;
    const QByteArray name = namespaceOf(key, m_options.depth);
    Namespace &ns = m_namespaces[name];
    ns.name = name;
    ++ns.keys;
    if (pttl < 0) {
        ++ns.withoutTtl;
        ns.queueLike = ns.queueLike || type == "list" || type == "stream";
    } else {
        ns.ttls.append(pttl);
        if (pttl < m_options.withinMs)
            ++ns.expiringSoon;
    }
    for (int i = 0; i < m_options.rules.size(); ++i) {
        const Rule &rule = m_options.rules.at(i);
        if (!globMatch(rule.pattern, key))
            continue;
        const bool ok = rule.maxTtlMs ? (pttl >= 0 && pttl <= *rule.maxTtlMs) : pttl < 0;
        if (!ok) {
            ++m_violationCount;
            if (m_violations.size() < kMaxViolations)
                m_violations.append({key, pttl, i});
        }
        break; // the first matching rule decides
    }
}

void TtlAnalyzer::finish()
{
    if (!m_running)
        return;
    const bool scanning =
        std::any_of(m_nodes.cbegin(), m_nodes.cend(), [](const Node &n) { return !n.done; });
    if (!m_cancelled && (scanning || m_pendingBatches > 0))
        return;
    m_running = false;
    if (m_cancelled)
        ++m_generation; // replies still on the way are ignored
    for (Namespace &ns : m_namespaces) {
        std::sort(ns.ttls.begin(), ns.ttls.end());
        if (!ns.ttls.isEmpty()) {
            ns.minMs = ns.ttls.first();
            ns.maxMs = ns.ttls.last();
            ns.medianMs = ns.ttls.at(ns.ttls.size() / 2);
        }
    }
    computeWarnings();
    emit finished();
}

qint64 TtlAnalyzer::withoutTtl() const
{
    qint64 total = 0;
    for (const Namespace &ns : m_namespaces)
        total += ns.withoutTtl;
    return total;
}

QList<TtlAnalyzer::Namespace> TtlAnalyzer::namespaces() const
{
    QList<Namespace> list = m_namespaces.values();
    std::sort(list.begin(), list.end(), [](const Namespace &a, const Namespace &b) {
        return a.keys != b.keys ? a.keys > b.keys : a.name < b.name;
    });
    return list;
}

void TtlAnalyzer::computeWarnings()
{
    m_warnings.clear();
    if (m_policy.isEmpty() || m_sampled == 0)
        return;
    const QString policy = QString::fromLatin1(m_policy);
    const qint64 noTtl = withoutTtl();
    const int noTtlPercent = int(noTtl * 100 / m_sampled);
    if (m_policy.startsWith("volatile-") && noTtl * 5 > m_sampled) {
        m_warnings.append(
            tr("maxmemory-policy is %1, but %2% of the sampled keys have no TTL: those keys are never "
               "evicted, and once memory is full writes fail with OOM errors. Give cache keys a TTL, "
               "or use an allkeys-* policy if every key may be evicted.")
                .arg(policy)
                .arg(noTtlPercent));
    }
    if (m_policy == "noeviction" && (m_sampled - noTtl) * 2 >= m_sampled) {
        m_warnings.append(
            tr("maxmemory-policy is noeviction on a cache-like keyspace (%1% of the sampled keys have "
               "a TTL): when maxmemory is reached, writes fail with OOM errors instead of evicting cache "
               "entries. Consider volatile-lru, or allkeys-lru if no key must survive.")
                .arg(100 - noTtlPercent));
    }
    if (m_policy.startsWith("allkeys-")) {
        QStringList queues;
        for (const Namespace &ns : m_namespaces) {
            if (ns.queueLike)
                queues.append(ns.name.isEmpty() ? tr("(no namespace)") : QString::fromUtf8(ns.name));
        }
        if (!queues.isEmpty()) {
            queues.sort();
            m_warnings.append(
                tr("maxmemory-policy is %1 and %2 hold lists or streams without TTL, like job queues: "
                   "under memory pressure Redis may evict them and lose jobs. Keep queues on a "
                   "noeviction instance, or use volatile-* with TTLs on the cache keys.")
                    .arg(policy, queues.join(QStringLiteral(", "))));
        }
    }
}
