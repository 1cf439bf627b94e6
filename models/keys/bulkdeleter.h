#pragma once

#include "session.h"

#include <memory>
#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPointer>

class KeyScanner;
class RedisConnection;
class RedisReply;

// Deletes every key matching a glob pattern, in two steps the user sees: preview() SCANs the whole
// keyspace for the pattern (never KEYS) and reports the count and a sample; run() then UNLINKs
// exactly the keys the preview found — what the user confirmed — in batches of kBatchSize with at
// most kInFlight batches pipelined, reporting progress. cancel() stops the scan or stops sending
// batches (batches already sent complete). Keys created after the preview are left alone.
// Through the session: the preview SCANs every master of a cluster and the UNLINK batches go routed,
// which splits each one per slot on the slots' masters.
class BulkDeleter : public QObject
{
    Q_OBJECT
public:
    static constexpr int kBatchSize = 500;
    static constexpr int kInFlight = 2;
    static constexpr int kSampleSize = 20;

    enum class State { Idle, Previewing, Previewed, Deleting, Finished, Cancelled, Failed };
    Q_ENUM(State)

    BulkDeleter(Session *session, QByteArray pattern, QObject *parent = nullptr);
    ~BulkDeleter() override;

    const QByteArray &pattern() const { return m_pattern; }
    State state() const { return m_state; }
    // Keys the preview found (valid once Previewed).
    qsizetype matchCount() const;
    // The first kSampleSize of them.
    QList<QByteArray> sample() const;
    // Keys the server reported deleted so far (UNLINK's replies).
    qint64 deletedCount() const { return m_deleted; }
    // Keys sent for deletion so far (progress).
    qsizetype processedCount() const { return m_acknowledged; }
    QString errorMessage() const { return m_error; }

    void preview();
    void run();
    void cancel();

signals:
    void previewProgress(qsizetype matched, qint64 scannedOf);
    void previewReady(qsizetype count);
    void progress(qsizetype processed, qsizetype total);
    // Deleting ended: state() is Finished or Cancelled.
    void finished(qint64 deleted);
    void failed(const QString &message);

private:
    void sendBatches();
    void onBatch(qsizetype size, const RedisReply &reply);
    void fail(const QString &message);
    void setState(State state) { m_state = state; }

    QPointer<Session> m_session;
    QByteArray m_pattern;
    std::unique_ptr<KeyScanner> m_scanner;
    State m_state = State::Idle;
    qsizetype m_sent = 0;         // keys sent in UNLINK batches
    qsizetype m_acknowledged = 0; // keys whose batch was answered
    int m_inFlight = 0;
    qint64 m_deleted = 0;
    QString m_error;
};
