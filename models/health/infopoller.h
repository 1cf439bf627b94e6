#pragma once

#include "infosample.h"
#include "serverinfo.h"
#include "timeseries.h"

#include <array>
#include <optional>
#include <QList>
#include <QObject>
#include <QPointer>

class QTimer;
class RedisConnection;
class RedisReply;

// Polls INFO on one connection (one node; a cluster gets one poller per node) every interval (1 s by
// default, 0.5 to 60 s), with one request in flight at most, and a timed PING each time for the
// client-side latency (p50/p95/p99 over the last kLatencyWindow pings). Each reply becomes an
// InfoSample whose values are kept in bounded TimeSeries: 24 h at 1 Hz.
class InfoPoller : public QObject
{
    Q_OBJECT
public:
    static constexpr int kDefaultIntervalMs = 1000;
    static constexpr int kMinIntervalMs = 500;
    static constexpr int kMaxIntervalMs = 60'000;
    static constexpr int kLatencyWindow = 60;

    explicit InfoPoller(RedisConnection *connection, QObject *parent = nullptr);
    ~InfoPoller() override;

    RedisConnection *connection() const;
    // Polls another connection from now on (a cluster node that moved to another address), keeping the
    // history; the next reply starts the rates afresh, as the first one does.
    void setConnection(RedisConnection *connection);

    void setInterval(int ms);
    int interval() const;
    void start();
    void stop();
    bool isRunning() const;

    const ServerInfo &lastInfo() const { return m_info; }
    const std::optional<InfoSample> &lastSample() const { return m_sample; }
    const TimeSeries &series(InfoSample::Series series) const { return m_series[series]; }

signals:
    void sampled(const InfoSample &sample);
    void failed(const QString &message);

private:
    void poll();
    void onInfo(const RedisReply &reply);

    QPointer<RedisConnection> m_connection;
    QTimer *m_timer = nullptr;
    bool m_inFlight = false;
    ServerInfo m_info;
    double m_infoTime = 0;
    std::optional<InfoSample> m_sample;
    std::array<TimeSeries, InfoSample::SeriesCount> m_series;
    QList<double> m_pingsMs;  // newest last
    quint64 m_generation = 0; // bumped by setConnection(): replies from the old connection are ignored
};
