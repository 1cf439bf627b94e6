#pragma once

#include "clustertopology.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>

class ClusterClient;
class RedisConnection;
class QTimer;

// CLUSTER NODES for a topology view, polled through a ClusterClient: every interval() (5 s by
// default and never less — the reply grows with masters × slots), and again soon after the
// client's map changed (a failover, a migration), at most once every kMinGapMs. One request in flight;
// the client's masters are asked in turn, and one that fails is skipped in favour of the next.
// During an incident it polls every kMinGapMs instead ("watching"), so that a failover shows within
// a second of happening rather than at the next 5 s poll: while the last reply is unsettled (a node
// flagged fail? or in handshake, a failed master still holding slots, slots nobody serves) for at most
// kMaxUnsettledWatchMs (a cluster left degraded goes back to the interval), and for kWatchMs after
// watchClosely() — called when a master's connection breaks and by a view after it asked for a failover.
class ClusterNodesPoller : public QObject
{
    Q_OBJECT
public:
    static constexpr int kMinIntervalMs = 5000;
    static constexpr int kMinGapMs = 1000;
    static constexpr int kWatchMs = 10'000;
    static constexpr int kMaxUnsettledWatchMs = 60'000;

    explicit ClusterNodesPoller(ClusterClient *client, QObject *parent = nullptr);

    void start(); // polls at once, then every interval()
    void stop();
    bool isRunning() const;
    // Polls now unless a poll is in flight or the last one is less than kMinGapMs ago (then soon).
    void pollSoon();
    // Polls every kMinGapMs for the next kWatchMs (and then while the cluster is unsettled).
    void watchClosely();
    bool isWatching() const;
    // Whether a topology shows a failover or an outage under way (what keeps the poller watching).
    static bool isUnsettled(const ClusterTopology &topology);

    void setInterval(int ms);
    int interval() const;
    // The last topology read (empty before the first).
    const ClusterTopology &topology() const { return m_topology; }

signals:
    // After every successful poll.
    void updated(const ClusterTopology &topology);
    // No node answered this poll; the last topology stays.
    void failed(const QString &message);

private:
    void poll();
    void watchConnection(RedisConnection *master);
    void ask(QList<QPointer<RedisConnection>> nodes, QString lastError);

    QPointer<ClusterClient> m_client;
    ClusterTopology m_topology;
    QTimer *m_timer = nullptr;
    QTimer *m_gapTimer = nullptr;
    QElapsedTimer m_sincePoll;
    QElapsedTimer m_watchStarted; // by watchClosely(); invalid when not asked
    bool m_unsettled = false;     // the last reply's isUnsettled()
    QElapsedTimer m_unsettledSince;
    QList<QPointer<RedisConnection>> m_watched;
    bool m_inFlight = false;
    int m_next = 0; // master to ask first next time
    quint64 m_generation = 0;
};
