#pragma once

#include <optional>
#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

class RedisConnection;
class RedisReply;

// A sampled TTL analysis of a keyspace or a namespace: SCAN (MATCH pattern, COUNT 1000) on each node
// until `sampleLimit` keys per node, with TYPE and PTTL pipelined for each batch — bounded work on the
// connection's thread, cancellable. Results are grouped by namespace (the key's leading segments, up to
// `depth`, stopping before a segment that looks like an id), checked against expected-TTL rules, and
// against the server's maxmemory-policy.
class TtlAnalyzer : public QObject
{
    Q_OBJECT
public:
    static constexpr int kDefaultSampleLimit = 10000;
    static constexpr int kMaxViolations = 1000;

    struct Rule
    {
        QByteArray pattern;             // glob, as SCAN MATCH understands it
        std::optional<qint64> maxTtlMs; // expected TTL (remaining TTL may not exceed it); nullopt = no expiry
    };
    struct Namespace
    {
        QByteArray name;
        qint64 keys = 0;
        qint64 withoutTtl = 0;
        qint64 minMs = -1, medianMs = -1, maxMs = -1; // over keys with a TTL; -1 when none has one
        qint64 expiringSoon = 0;                      // TTL below the "within" threshold
        bool queueLike = false;                       // lists or streams without TTL (job queues)
        QList<qint64> ttls;                           // sorted, for the median and the histogram
    };
    struct Violation
    {
        QByteArray key;
        qint64 ttlMs = -1; // -1: no expiry
        int rule = -1;     // index in rules()
    };
    struct Options
    {
        QByteArray pattern = "*";
        int sampleLimit = kDefaultSampleLimit; // per node
        int depth = 2;
        qint64 withinMs = 60'000;
        QList<Rule> rules;
    };

    TtlAnalyzer(QList<RedisConnection *> nodes, Options options, QObject *parent = nullptr);

    void start();
    void cancel();
    bool isRunning() const { return m_running; }
    bool wasCancelled() const { return m_cancelled; }

    const Options &options() const { return m_options; }
    qint64 sampled() const { return m_sampled; }
    qint64 withoutTtl() const;
    // Sorted by key count, largest first.
    QList<Namespace> namespaces() const;
    const QList<Violation> &violations() const { return m_violations; }
    qint64 violationCount() const { return m_violationCount; }
    // Warnings tied to maxmemory-policy (empty when the policy could not be read or all is well).
    const QStringList &warnings() const { return m_warnings; }
    const QByteArray &policy() const { return m_policy; }

    // The namespace of one key: leading segments split at ':' or '/', at most depth of them, never the
    // last segment, stopping before a segment that is a number or a long hex / uuid-like id.
    static QByteArray namespaceOf(QByteArrayView key, int depth);
    // "10s", "5m", "15 min", "1h", "2d", "500ms", or a number of seconds: milliseconds. "none", "never",
    // "no expiry" (or empty): no expiry (std::nullopt in the outer optional's value). nullopt: not
    // understood.
    static std::optional<std::optional<qint64>> parseExpected(const QString &text);
    // The histogram's buckets: below each bound (ms), then one at or above the last bound, then "no TTL".
    static const QList<qint64> &bucketBounds();
    // 0 … bucketBounds().size() for a TTL, bucketBounds().size() + 1 for no TTL (ttlMs < 0).
    static int bucketOf(qint64 ttlMs);
    // Whether a key matches a glob (*, ?, [..], \ escapes) as Redis' stringmatchlen does.
    static bool globMatch(QByteArrayView pattern, QByteArrayView key);

signals:
    void progress(qint64 sampled);
    void finished();
    void failed(const QString &message);

private:
    struct Node
    {
        QPointer<RedisConnection> connection;
        QByteArray cursor = "0";
        qint64 sampled = 0;
        bool done = false;
    };
    void scanNext();
    void onScan(int node, quint64 generation, const RedisReply &reply);
    void record(const QByteArray &key, const QByteArray &type, qint64 pttl);
    void finish();
    void readPolicy();
    void computeWarnings();

    QList<Node> m_nodes;
    Options m_options;
    bool m_running = false;
    bool m_cancelled = false;
    quint64 m_generation = 0;
    int m_pendingBatches = 0;
    qint64 m_sampled = 0;
    QHash<QByteArray, Namespace> m_namespaces;
    QList<Violation> m_violations;
    qint64 m_violationCount = 0;
    QByteArray m_policy;
    bool m_policyRead = false;
    QStringList m_warnings;
};
