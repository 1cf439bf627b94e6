#include "pghealthpoller.h"

#include "pgconnection.h"

#include <algorithm>
#include <QDateTime>
#include <QTimer>

PgHealthPoller::PgHealthPoller(PgConfig config, QObject *parent)
    : QObject(parent), m_connection(new PgConnection(std::move(config), this)),
      m_timer(new QTimer(this)), m_series{TimeSeries(kHistory), TimeSeries(kHistory), TimeSeries(kHistory),
                                          TimeSeries(kHistory), TimeSeries(kHistory), TimeSeries(kHistory),
                                          TimeSeries(kHistory)}
{
    qRegisterMetaType<PgSample>();
    m_timer->setInterval(kDefaultIntervalMs);
    connect(m_timer, &QTimer::timeout, this, &PgHealthPoller::poll);
    connect(m_connection, &PgConnection::ready, this, [this] {
        if (m_timer->isActive())
            poll();
    });
    connect(m_connection, &PgConnection::errorOccurred, this,
            [this](const PgError &error) { report(describe(error)); });
}

PgHealthPoller::~PgHealthPoller() = default;

void PgHealthPoller::setInterval(int ms)
{
    m_timer->setInterval(std::clamp(ms, kMinIntervalMs, kMaxIntervalMs));
}

int PgHealthPoller::interval() const
{
    return m_timer->interval();
}

void PgHealthPoller::setThresholds(const PgThresholds &thresholds)
{
    m_thresholds = thresholds;
}

void PgHealthPoller::start()
{
    m_timer->start();
    m_connection->open();
    poll();
}

void PgHealthPoller::stop()
{
    m_timer->stop();
}

bool PgHealthPoller::isRunning() const
{
    return m_timer->isActive();
}

void PgHealthPoller::reconnect()
{
    m_connection->close();
    m_inFlight = false;
    m_connection->open();
}

QString PgHealthPoller::describe(const PgError &error) const
{
    if (error.kind != PgError::Kind::TooManyConnections)
        return error.message;
    if (m_sample && m_sample->usableConnections() > 0) {
        return tr("The server refuses new connections: %1 of %2 used (SQLSTATE 53300, too many clients). "
                  "Retrying.")
            .arg(m_sample->total)
            .arg(m_sample->usableConnections());
    }
    return tr("The server refuses new connections: every slot is used (SQLSTATE 53300, too many clients). "
              "Retrying.");
}

void PgHealthPoller::poll()
{
    if (m_inFlight || !m_connection->isReady())
        return;
    m_inFlight = true;
    m_connection->query(PgSample::kQueries, this, [this](const PgReply &reply) { onReply(reply); });
}

void PgHealthPoller::onReply(const PgReply &reply)
{
    m_inFlight = false;
    if (reply.isError()) {
        // When the connection failed, errorOccurred has reported it already.
        if (m_connection->isReady())
            report(reply.error.message);
        return;
    }
    const double now = double(QDateTime::currentMSecsSinceEpoch()) / 1000.0;
    QString error;
    std::optional<PgSample> raw = PgSample::fromResults(reply.results, now, &error);
    if (!raw) {
        report(error);
        return;
    }
    const PgSample sample = PgSample::derive(std::move(*raw), m_sample ? &*m_sample : nullptr, m_thresholds);
    m_series[Total].append(now, sample.total);
    m_series[Active].append(now, sample.count(QStringLiteral("active")));
    m_series[Idle].append(now, sample.count(QStringLiteral("idle")));
    m_series[IdleInTransaction].append(now, sample.count(QStringLiteral("idle in transaction")));
    m_series[IdleInTransactionAborted].append(now,
                                              sample.count(QStringLiteral("idle in transaction (aborted)")));
    m_series[Waiting].append(now, double(sample.waiting.size()));
    if (sample.transactionsPerSecond)
        m_series[TransactionsPerSecond].append(now, *sample.transactionsPerSecond);
    m_sample = sample;
    m_lastError.clear();
    emit sampled(sample);
}

void PgHealthPoller::report(const QString &message)
{
    m_lastError = message;
    emit failed(message);
}
