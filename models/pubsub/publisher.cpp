#include "publisher.h"

#include "redisconnection.h"

#include <QDateTime>
#include <QTimer>

Publisher::Publisher(Session *session, QObject *parent)
    : QObject(parent), m_session(session), m_timer(new QTimer(this))
{
    m_timer->setInterval(kTickMs);
    connect(m_timer, &QTimer::timeout, this, &Publisher::tick);
}

void Publisher::publish(const QByteArray &channel, const QByteArray &payload, bool sharded, qint64 count,
                        int perSecond)
{
    cancel();
    ++m_generation;
    m_channel = channel;
    m_payload = payload;
    m_sharded = sharded;
    m_total = std::max<qint64>(1, count);
    m_perSecond = std::max(0, perSecond);
    m_sent = m_answered = m_receivers = 0;
    m_error.clear();
    m_running = true;
    m_startedMs = QDateTime::currentMSecsSinceEpoch();
    if (!hasTarget()) {
        done(tr("Not connected."));
        return;
    }
    tick();
    if (m_running)
        m_timer->start();
}

void Publisher::cancel()
{
    if (!m_running)
        return;
    m_total = m_sent; // what is in flight still completes
    if (m_answered == m_sent)
        done({});
}

void Publisher::tick()
{
    if (!m_running || !hasTarget())
        return;
    qint64 allowed = m_total - m_sent;
    if (m_perSecond > 0) {
        const qint64 elapsed = QDateTime::currentMSecsSinceEpoch() - m_startedMs;
        allowed = std::min(allowed, (elapsed + kTickMs) * m_perSecond / 1000 + 1 - m_sent);
    }
    allowed = std::min<qint64>(allowed, kWindow - (m_sent - m_answered));
    const quint64 generation = m_generation;
    const QByteArray verb = m_sharded ? QByteArray("SPUBLISH") : QByteArray("PUBLISH");
    for (qint64 i = 0; i < allowed; ++i) {
        ++m_sent;
        auto onReply = [this, generation](const RedisReply &reply) {
            if (generation != m_generation)
                return;
            ++m_answered;
            if (reply.isError()) {
                if (m_error.isEmpty())
                    m_error =
                        tr("%1 failed: %2").arg(m_sharded ? "SPUBLISH" : "PUBLISH", reply.errorMessage());
                m_total = m_sent; // stop after an error
            } else {
                m_receivers = reply.toInteger();
            }
            if (m_answered % 1000 == 0 || m_answered == m_total)
                emit progress(m_answered, m_total);
            if (m_answered == m_total && m_sent == m_total)
                done(m_error);
        };
        const QList<QByteArray> args{verb, m_channel, m_payload};
        m_session->command(args, this, std::move(onReply));
    }
}

void Publisher::done(const QString &error)
{
    m_timer->stop();
    m_running = false;
    emit finished(m_answered, m_receivers, error);
}
