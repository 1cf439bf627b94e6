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
class ClusterNodesPoller : public QObject
{
    Q_OBJECT
public:
    static constexpr int kMinIntervalMs = 5000;
    static constexpr int kMinGapMs = 1000;

    explicit ClusterNodesPoller(ClusterClient *client, QObject *parent = nullptr);

    void start(); // polls at once, then every interval()
    void stop();
    bool isRunning() const;
    // Polls now unless a poll is in flight or the last one is less than kMinGapMs ago (then soon).
    void pollSoon();

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
    void ask(QList<QPointer<RedisConnection>> nodes, QString lastError);

    QPointer<ClusterClient> m_client;
    ClusterTopology m_topology;
    QTimer *m_timer = nullptr;
    QTimer *m_gapTimer = nullptr;
    QElapsedTimer m_sincePoll;
    bool m_inFlight = false;
    int m_next = 0; // master to ask first next time
    quint64 m_generation = 0;
};
