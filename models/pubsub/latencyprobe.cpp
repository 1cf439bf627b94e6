#include "latencyprobe.h"

#include "pubsubsubscriber.h"
#include "redisconnection.h"

#include <algorithm>
#include <chrono>
#include <QRandomGenerator>
#include <QTimer>

namespace {

qint64 steadyNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

double percentile(const QList<double> &sorted, double p)
{
    if (sorted.isEmpty())
        return 0;
    const qsizetype index = std::min<qsizetype>(sorted.size() - 1, qsizetype(p * double(sorted.size())));
    return sorted.at(index);
}

} // namespace

LatencyProbe::LatencyProbe(RedisConnection *publisher, PubSubSubscriber *subscriber, QObject *parent)
    : QObject(parent), m_publisher(publisher), m_subscriber(subscriber),
      m_channel("keyscope:latency-probe:" + QByteArray::number(QRandomGenerator::global()->generate64(), 16)),
      m_timer(new QTimer(this))
{
    connect(m_timer, &QTimer::timeout, this, &LatencyProbe::publishOne);
}

LatencyProbe::~LatencyProbe()
{
    stop();
}

void LatencyProbe::start(int intervalMs)
{
    if (!m_subscriber)
        return;
    m_subscriber->subscribe(PubSubMessage::Kind::Channel, m_channel);
    m_samples.clear();
    m_timer->start(intervalMs);
    emit statsChanged();
}

void LatencyProbe::stop()
{
    if (!m_timer->isActive())
        return;
    m_timer->stop();
    if (m_subscriber)
        m_subscriber->unsubscribe(PubSubMessage::Kind::Channel, m_channel);
}

bool LatencyProbe::isRunning() const
{
    return m_timer->isActive();
}

void LatencyProbe::publishOne()
{
    if (!m_publisher || !m_publisher->isReady())
        return;
    const QByteArray payload = QByteArray::number(++m_sequence) + ':' + QByteArray::number(steadyNs());
    m_publisher->command({"PUBLISH", m_channel, payload}, this, [](const RedisReply &) {});
}

bool LatencyProbe::consume(const PubSubMessage &message)
{
    if (message.channel != m_channel || message.kind != PubSubMessage::Kind::Channel)
        return false;
    const qsizetype colon = message.payload.indexOf(':');
    bool ok = false;
    const qint64 sent = message.payload.mid(colon + 1).toLongLong(&ok);
    if (colon > 0 && ok && message.receivedSteadyNs >= sent) {
        m_samples.append(double(message.receivedSteadyNs - sent) / 1e6);
        if (m_samples.size() > kWindow)
            m_samples.removeFirst();
        emit statsChanged();
    }
    return true;
}

LatencyProbe::Stats LatencyProbe::stats() const
{
    QList<double> sorted = m_samples;
    std::sort(sorted.begin(), sorted.end());
    return {int(sorted.size()), percentile(sorted, 0.50), percentile(sorted, 0.95), percentile(sorted, 0.99)};
}
