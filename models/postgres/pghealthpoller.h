#pragma once

#include "pgconfig.h"
#include "pgerror.h"
#include "pgsample.h"
#include "timeseries.h"

#include <array>
#include <optional>
#include <QObject>

class PgConnection;
class QTimer;

// Polls one PostgreSQL server's activity and statistics views every interval (2 s by default, 0.5 to
// 60 s) on its own read-only PgConnection, one query in flight at most, and turns each answer into a
// PgSample (derived against the previous one) whose figures are kept in bounded TimeSeries for the
// charts. Connection failures are reported and polling goes on: the connection reconnects by itself
// (SQLSTATE 53300 is reported with the last known "N of M used").
class PgHealthPoller : public QObject
{
    Q_OBJECT
public:
    static constexpr int kDefaultIntervalMs = 2000;
    static constexpr int kMinIntervalMs = 500;
    static constexpr int kMaxIntervalMs = 60'000;
    static constexpr qsizetype kHistory = 43'200; // 24 h at 2 s

    enum Series {
        Total,
        Active,
        Idle,
        IdleInTransaction,
        IdleInTransactionAborted,
        Waiting,
        TransactionsPerSecond,
        SeriesCount
    };

    explicit PgHealthPoller(PgConfig config, QObject *parent = nullptr);
    ~PgHealthPoller() override;

    PgConnection *connection() const { return m_connection; }
    void setInterval(int ms);
    int interval() const;
    void setThresholds(const PgThresholds &thresholds);
    const PgThresholds &thresholds() const { return m_thresholds; }

    // Opens the connection and polls every interval.
    void start();
    void stop();
    bool isRunning() const;
    // Drops the connection and opens it again (also after an authentication or TLS failure).
    void reconnect();

    const std::optional<PgSample> &lastSample() const { return m_sample; }
    const TimeSeries &series(Series series) const { return m_series[series]; }
    // What went wrong last (empty after a good sample).
    const QString &lastError() const { return m_lastError; }

    // The message for a connection error, with the last sample's figures for SQLSTATE 53300.
    QString describe(const PgError &error) const;

signals:
    void sampled(const PgSample &sample);
    void failed(const QString &message);

private:
    void poll();
    void onReply(const PgReply &reply);
    void report(const QString &message);

    PgConnection *m_connection = nullptr; // child
    QTimer *m_timer = nullptr;
    PgThresholds m_thresholds;
    bool m_inFlight = false;
    std::optional<PgSample> m_sample;
    std::array<TimeSeries, SeriesCount> m_series;
    QString m_lastError;
};
