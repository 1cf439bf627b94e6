#pragma once

#include "connectionconfig.h"
#include "redisconnection.h"
#include "sentinelstate.h"

#include <functional>
#include <optional>
#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <vector>

class QTimer;

// Reaches the master of a Sentinel-monitored group and follows its failovers.
//
// start() asks the sentinels in turn SENTINEL GET-MASTER-ADDR-BY-NAME <name>, connects a
// RedisConnection to that address with the master profile's settings (AUTH, TLS, db … of
// masterProfile; its host and port are replaced), and adopts it once ROLE says master:
// masterChanged(host, port) then. A subscriber connection to one sentinel listens to +switch-master
// (and moves to the next sentinel when its own goes away); on that event, or when the master
// connection drops, the client asks again and emits masterChanged() with the new address. Until then
// connection() keeps the old connection. The sentinels are also asked again every recheckInterval(), so
// a +switch-master missed while the subscriber was away (or never sent) is followed all the same.
// Nothing blocks: all of it is driven by the event loop.
class SentinelClient : public QObject
{
    Q_OBJECT
public:
    // sentinels: one config per sentinel (their own AUTH/TLS settings, if any).
    SentinelClient(QList<ConnectionConfig> sentinels, QByteArray masterName, ConnectionConfig masterProfile,
                   QObject *parent = nullptr);
    ~SentinelClient() override;

    void start();
    // Closes every connection; start() again resumes.
    void stop();

    // How often the sentinels are asked for the master without an announcement (ms; 0: never). Applies at
    // once, also while running.
    void setRecheckInterval(int intervalMs);
    int recheckInterval() const { return m_recheckIntervalMs; }
    static constexpr int defaultRecheckIntervalMs = 5000;

    const QByteArray &masterName() const { return m_masterName; }
    const QList<ConnectionConfig> &sentinels() const { return m_sentinelConfigs; }
    // A verified master connection exists (it may be reconnecting).
    bool hasMaster() const { return m_master != nullptr; }
    bool isReady() const { return m_master && m_master->isReady(); }
    // The current master connection (owned by the client, replaced after a failover); nullptr before
    // the first masterChanged().
    RedisConnection *connection() const { return m_master; }
    QString masterHost() const { return m_masterHost; }
    quint16 masterPort() const { return m_masterPort; }
    // masterProfile pointed at the current master.
    ConnectionConfig masterConfig() const;
    // The sentinel whose +switch-master announcements are followed now (host:port), empty if none.
    QString subscribedSentinel() const;
    // The last problem met while looking for the master (empty when none).
    QString lastError() const { return m_lastError; }

    // Sends to the current master; fails at once (Failure reply) while there is none.
    void command(const QList<QByteArray> &args, QObject *context, RedisConnection::Callback callback,
                 int timeoutMs = -1);

    // SENTINEL MASTERS, REPLICAS <name> and SENTINELS <name> from the first sentinel that answers.
    using StateCallback =
        std::function<void(const std::optional<SentinelState> &state, const QString &error)>;
    void fetchState(QObject *context, StateCallback callback);

signals:
    void masterChanged(const QString &host, quint16 port);
    // A +switch-master for our master was announced (before it is verified).
    void switchAnnounced(const QString &host, quint16 port);
    // Looking for the master failed for now (it keeps trying).
    void problem(const QString &message);
    // The master the sentinels named refused the profile's credentials (WRONGPASS, NOAUTH): the client
    // has stopped, since asking again would only fail again; follow with another password.
    void masterRefused(const QString &message);

private:
    void resolve();
    void ask(int attempt);
    void scheduleResolve(int delayMs);
    void verify(const QString &host, quint16 port);
    int failedRoundDelay();
    void refuse(const QString &message);
    void adopt(RedisConnection *candidate, const QString &host, quint16 port);
    void onMasterStateChanged(RedisConnection::State state);
    void startSubscriber();
    bool onPush(const RedisReply &reply);
    void fetchStateFrom(int attempt, QObject *context, StateCallback callback);
    void setProblem(const QString &message);
    RedisConnection *sentinel(int index) const { return m_sentinelConnections[size_t(index)]; }
    int sentinelCount() const { return int(m_sentinelConnections.size()); }

    QList<ConnectionConfig> m_sentinelConfigs;
    QByteArray m_masterName;
    ConnectionConfig m_masterProfile;
    std::vector<QPointer<RedisConnection>> m_sentinelConnections; // children of this
    QPointer<RedisConnection> m_master;                           // child of this
    QPointer<RedisConnection> m_candidate;                        // child of this, being verified
    QPointer<RedisConnection> m_subscriber;                       // child of this
    int m_subscriberIndex = 0;
    int m_preferred = 0;    // the sentinel that answered last
    int m_failedRounds = 0; // since the last master adopted: the retries back off
    QString m_masterHost;
    quint16 m_masterPort = 0;
    bool m_running = false;
    bool m_resolving = false;
    quint64 m_generation = 0; // bumped by stop() and by every new verification
    QTimer *m_resolveTimer = nullptr;
    QTimer *m_subscriberTimer = nullptr;
    QTimer *m_recheckTimer = nullptr;
    int m_recheckIntervalMs = defaultRecheckIntervalMs;
    QString m_lastError;
};
