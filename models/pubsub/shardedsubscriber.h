#pragma once

#include "pubsubmessage.h"
#include "pubsubsubscriber.h"
#include "session.h"

#include <map>
#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>

class QTimer;

// SSUBSCRIBE through a session. A shard channel lives on the master of its slot (hashed like a key,
// ClusterSlot), and SSUBSCRIBE on any other node is answered MOVED, so this keeps one PubSubSubscriber
// (a dedicated connection on its own thread) per master that has channels, made from
// Session::configForNode (the profile's AUTH and TLS), and routes each channel to its slot's master by
// the session's map (a standalone server is the master of every slot: one subscriber). Every subscriber's
// batches are forwarded as they come (messagesReceived: the same PubSubMessage batches, each worker counting
// what it dropped), so a page sees one stream.
//
// A channel follows its slot: on topologyChanged (failover, migration) and when a master pushes
// sunsubscribe for a channel nobody unsubscribed (the node lost the slot), the channel is unsubscribed
// where it was and subscribed on the new master; a subscriber left without channels is closed. While a
// channel is not confirmed (its node down, MOVED, not routed yet, or refused for good such as an ACL
// NOPERM), the map is reloaded and the subscription sent again after kRetryMs, doubling up to
// kMaxRetryMs; a new subscription or a new map starts again from kRetryMs.
class ShardedSubscriber : public QObject
{
    Q_OBJECT
public:
    static constexpr int kRetryMs = 1000;
    static constexpr int kMaxRetryMs = 30'000;

    explicit ShardedSubscriber(Session *session, qsizetype capacity = PubSubSubscriber::kDefaultCapacity,
                               QObject *parent = nullptr);
    ~ShardedSubscriber() override;

    void subscribe(const QByteArray &channel);
    void unsubscribe(const QByteArray &channel);
    // The channels asked for, sorted.
    QList<QByteArray> channels() const;
    // The channels their master confirmed, sorted.
    QList<QByteArray> subscriptions() const;
    bool isConfirmed(const QByteArray &channel) const;
    // The master a channel is subscribed on (or being subscribed on): id and host:port; empty while
    // the channel's slot has no known master.
    QByteArray nodeIdOf(const QByteArray &channel) const;
    QString endpointOf(const QByteArray &channel) const;
    // The masters with a subscriber connection, in endpoint order.
    QStringList endpoints() const;
    int subscriberCount() const { return int(m_shards.size()); }
    // The subscriber connected to a master (nullptr if that master has no channels here).
    PubSubSubscriber *subscriberFor(const QByteArray &nodeId) const;
    // For people: the subscribers that are not connected or report an error, and channels without a
    // master; empty when every channel is confirmed.
    // The wait before the next retry while a channel is unconfirmed (kRetryMs … kMaxRetryMs).
    int retryInterval() const;
    QString problemText() const;

signals:
    void messagesReceived(const QList<PubSubMessage> &messages, qint64 dropped);
    // Confirmations, moves, a subscriber's state or error.
    void subscriptionsChanged();
    // channel left the master at `from` for the one at `to` (host:port).
    void channelMoved(const QByteArray &channel, const QString &from, const QString &to);

private:
    struct Shard
    {
        QString endpoint;
        PubSubSubscriber *subscriber = nullptr; // child of this
        QSet<QByteArray> channels;
    };

    void route(const QByteArray &channel);
    void routeAll();
    void detach(const QByteArray &channel, const QByteArray &nodeId);
    Shard *shardFor(const QByteArray &nodeId);
    void onConfirmed(const QByteArray &nodeId, const QByteArray &channel, bool subscribed);
    void retry();
    void updateRetry();

    QPointer<Session> m_client;
    qsizetype m_capacity;
    QSet<QByteArray> m_wanted;
    QHash<QByteArray, QByteArray> m_route; // channel -> master id
    std::map<QByteArray, Shard> m_shards;  // by master id
    QTimer *m_retryTimer = nullptr;
};
