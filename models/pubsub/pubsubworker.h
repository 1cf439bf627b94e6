#pragma once

#include "connectionconfig.h"
#include "pubsubmessage.h"
#include "redisconnection.h"

#include <QList>
#include <QObject>
#include <QSet>

class QTimer;

// The subscriber side of PubSubSubscriber, living on its worker thread: owns the dedicated connection
// (RESP2: once subscribed it may only (un)subscribe), turns pushes into PubSubMessage values, and hands
// them to the GUI thread in batches: every kFlushIntervalMs, or at once when the GUI took the last batch and
// a full one waits, with at most one batch in flight and at most kMaxBatch messages in it (what the GUI
// thread inserts in a few milliseconds). While the GUI is busy, messages wait here, bounded by the
// capacity, the oldest dropped and counted.
// Resubscribes to everything after a reconnect.
class PubSubWorker : public QObject
{
    Q_OBJECT
public:
    static constexpr int kFlushIntervalMs = 33;
    static constexpr qsizetype kMaxBatch = 16'384;

    PubSubWorker(ConnectionConfig config, qsizetype capacity);
    ~PubSubWorker() override;

    // All called through queued invocations from the GUI thread.
    void start();
    void stop();
    void change(PubSubMessage::Kind kind, const QByteArray &name, bool subscribe);
    void batchTaken(); // the GUI processed the last batch
    void setCapacity(qsizetype capacity) { m_capacity = capacity; }

signals:
    void batch(const QList<PubSubMessage> &messages, qint64 dropped);
    void confirmed(PubSubMessage::Kind kind, const QByteArray &name, bool subscribed, qint64 count);
    void stateChanged(RedisConnection::State state);
    void failed(const QString &message);
    // Subscribed again after the connection was lost.
    void recovered();

private:
    bool onPush(const RedisReply &reply);
    void flush();
    void resubscribe();
    void onError(const ConnectionError &error);

    ConnectionConfig m_config;
    qsizetype m_capacity;
    RedisConnection *m_connection = nullptr;
    QTimer *m_flushTimer = nullptr;
    QSet<QByteArray> m_sets[3]; // per PubSubMessage::Kind
    QList<PubSubMessage> m_pending;
    qint64 m_dropped = 0;
    bool m_inFlight = false;
    bool m_wasReady = false;
    bool m_gotMessages = false;
};
