#pragma once

#include "session.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>

class QTimer;

// PUBLISH or SPUBLISH one payload, or the same payload N times at a rate for load tests. Commands are
// pipelined with at most kWindow unanswered, sent in slices from a timer so that the event loop stays
// free; rate 0 means as fast as the server answers.
// Commands go through Session::command: in a cluster SPUBLISH to the master of the channel's slot,
// PUBLISH to a master (the cluster forwards it to every node; its answer counts that node's subscribers
// only).
class Publisher : public QObject
{
    Q_OBJECT
public:
    static constexpr int kWindow = 5000;
    static constexpr int kTickMs = 10;

    explicit Publisher(Session *session, QObject *parent = nullptr);

    void publish(const QByteArray &channel, const QByteArray &payload, bool sharded, qint64 count = 1,
                 int perSecond = 0);
    void cancel();
    bool isRunning() const { return m_running; }
    qint64 sent() const { return m_sent; }
    qint64 answered() const { return m_answered; }

signals:
    void progress(qint64 answered, qint64 total);
    // receivers: what the server answered for the last message (subscribers that got it).
    void finished(qint64 answered, qint64 receivers, const QString &error);

private:
    void tick();
    void done(const QString &error);
    bool hasTarget() const { return m_session && m_session->isReady(); }

    QPointer<Session> m_session;
    QTimer *m_timer = nullptr;
    QByteArray m_channel, m_payload;
    bool m_sharded = false;
    qint64 m_total = 0, m_sent = 0, m_answered = 0, m_receivers = 0;
    int m_perSecond = 0;
    qint64 m_startedMs = 0;
    bool m_running = false;
    quint64 m_generation = 0;
    QString m_error;
};
