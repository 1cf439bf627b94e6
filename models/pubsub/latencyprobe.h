#pragma once

#include "pubsubmessage.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPointer>

class PubSubSubscriber;
class QTimer;
class RedisConnection;

// End-to-end pub/sub latency: publishes a probe on its own channel every interval (payload: sequence
// number and send time on the steady clock) and measures, for each probe the subscriber receives, the
// time from before PUBLISH to the subscriber's worker parsing it. Percentiles over the last kWindow
// probes.
class LatencyProbe : public QObject
{
    Q_OBJECT
public:
    static constexpr int kWindow = 200;
    struct Stats
    {
        int samples = 0;
        double p50 = 0, p95 = 0, p99 = 0; // ms
    };

    LatencyProbe(RedisConnection *publisher, PubSubSubscriber *subscriber, QObject *parent = nullptr);
    ~LatencyProbe() override;

    const QByteArray &channel() const { return m_channel; }
    void start(int intervalMs = 200);
    void stop();
    bool isRunning() const;
    // Takes the probe's own messages (true) so that the console can leave them out.
    bool consume(const PubSubMessage &message);
    Stats stats() const;

signals:
    void statsChanged();

private:
    void publishOne();

    QPointer<RedisConnection> m_publisher;
    QPointer<PubSubSubscriber> m_subscriber;
    QByteArray m_channel;
    QTimer *m_timer = nullptr;
    qint64 m_sequence = 0;
    QList<double> m_samples; // ms, newest last
};
