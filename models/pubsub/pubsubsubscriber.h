#pragma once

#include "connectionconfig.h"
#include "pubsubmessage.h"
#include "redisconnection.h"

#include <QList>
#include <QObject>
#include <QSet>
#include <QThread>

class PubSubWorker;

// A dedicated subscriber connection on its own thread, so that parsing a flood of messages never
// stalls the GUI: SUBSCRIBE, PSUBSCRIBE and SSUBSCRIBE (Redis >= 7), unsubscribe per channel or
// pattern, automatic reconnect with every subscription restored, and a plain explanation when the
// server dropped the connection (typically client-output-buffer-limit pubsub). Messages arrive on
// the GUI thread in batches, at most ~30 per second; the worker buffers at most `capacity` while the
// GUI is busy and reports how many it dropped.
class PubSubSubscriber : public QObject
{
    Q_OBJECT
public:
    static constexpr qsizetype kDefaultCapacity = 100'000;

    explicit PubSubSubscriber(ConnectionConfig config, qsizetype capacity = kDefaultCapacity,
                              QObject *parent = nullptr);
    ~PubSubSubscriber() override;

    // Connects (once: later calls do nothing; the connection reconnects by itself).
    void open();
    void subscribe(PubSubMessage::Kind kind, const QByteArray &name);
    void unsubscribe(PubSubMessage::Kind kind, const QByteArray &name);
    // What the server confirmed, per kind.
    QList<QByteArray> subscriptions(PubSubMessage::Kind kind) const;
    RedisConnection::State state() const { return m_state; }
    QString errorText() const { return m_error; }

signals:
    void messagesReceived(const QList<PubSubMessage> &messages, qint64 dropped);
    void subscriptionsChanged();
    // One server confirmation (ssubscribe, sunsubscribe …), before subscriptionsChanged. An
    // unsubscription nobody asked for is the server's: a cluster node that lost a slot sends
    // sunsubscribe for its shard channels.
    void subscriptionConfirmed(PubSubMessage::Kind kind, const QByteArray &name, bool subscribed);
    void stateChanged(RedisConnection::State state);
    void errorChanged(const QString &error);

private:
    QThread m_thread;
    PubSubWorker *m_worker = nullptr; // lives on m_thread, deleted there
    QSet<QByteArray> m_confirmed[3];
    RedisConnection::State m_state = RedisConnection::State::Disconnected;
    QString m_error;
};
