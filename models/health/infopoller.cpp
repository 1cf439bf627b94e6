#include "infopoller.h"

#include "redisconnection.h"
#include "redisreply.h"

#include <algorithm>
#include <QDateTime>
#include <QTimer>

InfoPoller::InfoPoller(RedisConnection *connection, QObject *parent)
    : QObject(parent), m_connection(connection), m_timer(new QTimer(this))
{
    m_timer->setInterval(kDefaultIntervalMs);
    connect(m_timer, &QTimer::timeout, this, &InfoPoller::poll);
}

InfoPoller::~InfoPoller() = default;

RedisConnection *InfoPoller::connection() const
{
    return m_connection;
}

void InfoPoller::setConnection(RedisConnection *connection)
{
    if (connection == m_connection)
        return;
    m_connection = connection;
    m_info = {};
    m_infoTime = 0;
    m_pingsMs.clear();
    // A reply still due from the old connection would be compared with the new one: no longer waited for.
    m_inFlight = false;
    ++m_generation;
}

void InfoPoller::setInterval(int ms)
{
    m_timer->setInterval(std::clamp(ms, kMinIntervalMs, kMaxIntervalMs));
}

int InfoPoller::interval() const
{
    return m_timer->interval();
}

void InfoPoller::start()
{
    m_timer->start();
    poll();
}

void InfoPoller::stop()
{
    m_timer->stop();
}

bool InfoPoller::isRunning() const
{
    return m_timer->isActive();
}

void InfoPoller::poll()
{
    if (m_inFlight || !m_connection || !m_connection->isReady())
        return;
    m_inFlight = true;
    const quint64 generation = m_generation;
    m_connection->ping(this, [this, generation](qint64 micros, const RedisReply &reply) {
        if (reply.isError() || generation != m_generation)
            return;
        m_pingsMs.append(double(micros) / 1000.0);
        if (m_pingsMs.size() > kLatencyWindow)
            m_pingsMs.removeFirst();
    });
    m_connection->command({"INFO"}, this, [this, generation](const RedisReply &reply) {
        if (generation == m_generation)
            onInfo(reply);
    });
}

void InfoPoller::onInfo(const RedisReply &reply)
{
    m_inFlight = false;
    if (reply.isError()) {
        emit failed(tr("INFO failed: %1").arg(reply.errorMessage()));
        return;
    }
    const double now = double(QDateTime::currentMSecsSinceEpoch()) / 1000.0;
    const ServerInfo info = ServerInfo::parse(reply.bytes());
    // The first reply has nothing to compare with: no rates yet.
    InfoSample sample = InfoSample::derive(m_info, info, m_info.isEmpty() ? 0 : now - m_infoTime, now);
    if (!m_pingsMs.isEmpty()) {
        QList<double> sorted = m_pingsMs;
        std::sort(sorted.begin(), sorted.end());
        const auto at = [&sorted](double p) {
            return sorted.at(std::min<qsizetype>(sorted.size() - 1, qsizetype(p * double(sorted.size()))));
        };
        sample.values[InfoSample::LatencyP50Ms] = at(0.50);
        sample.values[InfoSample::LatencyP95Ms] = at(0.95);
        sample.values[InfoSample::LatencyP99Ms] = at(0.99);
    }
    m_info = info;
    m_infoTime = now;
    for (int i = 0; i < InfoSample::SeriesCount; ++i) {
        if (sample.values[i])
            m_series[i].append(now, *sample.values[i]);
    }
    m_sample = sample;
    emit sampled(sample);
}
