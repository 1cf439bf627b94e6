#include "sentinelclient.h"

#include "calllater.h"

#include <algorithm>
#include <memory>
#include <QTimer>

namespace {

constexpr int kRetryMs = 250;
constexpr int kMaxRetryMs = 10'000; // failed rounds back off up to this
constexpr int kSubscriberRetryMs = 500;
constexpr int kSentinelTimeoutMs = 2000;
constexpr int kVerifyTimeoutMs = 3000; // ROLE on a candidate (a stopped master accepts and never answers)
const QByteArray kSwitchMaster = "+switch-master";

std::optional<quint16> toPort(const QByteArray &text)
{
    bool ok = false;
    const int port = text.toInt(&ok);
    if (!ok || port < 1 || port > 65535)
        return std::nullopt;
    return quint16(port);
}

} // namespace

SentinelClient::SentinelClient(QList<ConnectionConfig> sentinels, QByteArray masterName,
                               ConnectionConfig masterProfile, QObject *parent)
    : QObject(parent), m_sentinelConfigs(std::move(sentinels)), m_masterName(std::move(masterName)),
      m_masterProfile(std::move(masterProfile)), m_resolveTimer(new QTimer(this)),
      m_subscriberTimer(new QTimer(this)), m_recheckTimer(new QTimer(this))
{
    // A periodic question, not an announcement: it follows a switch whose +switch-master went unheard.
    connect(m_recheckTimer, &QTimer::timeout, this, &SentinelClient::resolve);
    m_resolveTimer->setSingleShot(true);
    connect(m_resolveTimer, &QTimer::timeout, this, &SentinelClient::resolve);
    m_subscriberTimer->setSingleShot(true);
    connect(m_subscriberTimer, &QTimer::timeout, this, &SentinelClient::startSubscriber);
}

SentinelClient::~SentinelClient()
{
    stop();
}

ConnectionConfig SentinelClient::masterConfig() const
{
    ConnectionConfig config = m_masterProfile;
    config.host = m_masterHost;
    config.port = m_masterPort;
    return config;
}

QString SentinelClient::subscribedSentinel() const
{
    return m_subscriber && m_subscriber->isReady() ? m_subscriber->config().endpoint() : QString();
}

void SentinelClient::start()
{
    if (m_running)
        return;
    m_running = true;
    m_failedRounds = 0;
    if (m_sentinelConfigs.isEmpty()) {
        QMetaObject::invokeMethod(
            this, [this] { setProblem(tr("No sentinel is configured.")); }, Qt::QueuedConnection);
        return;
    }
    for (ConnectionConfig config : m_sentinelConfigs) {
        config.clientName = QStringLiteral("keyscope-sentinel");
        config.db = 0; // sentinels have no databases
        config.readOnly = false;
        if (config.commandTimeoutMs <= 0 || config.commandTimeoutMs > kSentinelTimeoutMs)
            config.commandTimeoutMs = kSentinelTimeoutMs;
        auto *connection = new RedisConnection(config, this);
        connection->open();
        m_sentinelConnections.push_back(connection);
    }
    m_subscriberIndex = 0;
    startSubscriber();
    resolve();
    if (m_recheckIntervalMs > 0)
        m_recheckTimer->start(m_recheckIntervalMs);
}

void SentinelClient::setRecheckInterval(int intervalMs)
{
    m_recheckIntervalMs = qMax(0, intervalMs);
    m_recheckTimer->stop();
    if (m_running && m_recheckIntervalMs > 0 && !m_sentinelConnections.empty())
        m_recheckTimer->start(m_recheckIntervalMs);
}

void SentinelClient::stop()
{
    m_running = false;
    m_resolving = false;
    ++m_generation;
    m_resolveTimer->stop();
    m_subscriberTimer->stop();
    m_recheckTimer->stop();
    // Deleted later: this may run inside one of their callbacks.
    for (RedisConnection *connection : {m_subscriber.data(), m_candidate.data(), m_master.data()}) {
        if (connection)
            connection->deleteLater();
    }
    m_subscriber = nullptr;
    m_candidate = nullptr;
    m_master = nullptr;
    for (const QPointer<RedisConnection> &connection : m_sentinelConnections) {
        if (connection)
            connection->deleteLater();
    }
    m_sentinelConnections.clear();
}

void SentinelClient::command(const QList<QByteArray> &args, QObject *context,
                             RedisConnection::Callback callback, int timeoutMs)
{
    if (m_master) {
        m_master->command(args, context, std::move(callback), timeoutMs);
        return;
    }
    const QString message =
        m_lastError.isEmpty() ? tr("The master of %1 is not known yet.").arg(QString::fromUtf8(m_masterName))
                              : m_lastError;
    callLater(this, context,
              [callback = std::move(callback), message] { callback(RedisReply::failure(message)); });
}

void SentinelClient::scheduleResolve(int delayMs)
{
    // Sooner wins: an announced switch during a backed-off wait is followed at once.
    if (!m_running || (m_resolveTimer->isActive() && m_resolveTimer->remainingTime() <= delayMs))
        return;
    m_resolveTimer->start(delayMs);
}

void SentinelClient::resolve()
{
    if (!m_running || m_resolving || m_sentinelConnections.empty())
        return;
    m_resolving = true;
    ask(0);
}

void SentinelClient::ask(int attempt)
{
    if (attempt >= sentinelCount()) {
        m_resolving = false;
        setProblem(tr("No sentinel gave the address of master %1: %2")
                       .arg(QString::fromUtf8(m_masterName), m_lastError));
        scheduleResolve(failedRoundDelay());
        return;
    }
    const int index = (m_preferred + attempt) % sentinelCount();
    const quint64 generation = m_generation;
    sentinel(index)->command(
        {"SENTINEL", "GET-MASTER-ADDR-BY-NAME", m_masterName}, this,
        [this, attempt, index, generation](const RedisReply &reply) {
            if (generation != m_generation || !m_resolving)
                return;
            const QList<RedisReply> &e = reply.elements();
            const auto port = e.size() == 2 ? toPort(e[1].bytes()) : std::nullopt;
            if (reply.isError() || !port) {
                m_lastError =
                    reply.isError()
                        ? tr("sentinel %1: %2")
                              .arg(sentinel(index)->config().endpoint(), reply.errorMessage())
                        : tr("sentinel %1 does not know master %2.")
                              .arg(sentinel(index)->config().endpoint(), QString::fromUtf8(m_masterName));
                ask(attempt + 1);
                return;
            }
            m_preferred = index;
            m_resolving = false;
            verify(QString::fromUtf8(e[0].bytes()), *port);
        });
}

void SentinelClient::verify(const QString &host, quint16 port)
{
    if (!m_running)
        return;
    if (m_master && m_masterHost == host && m_masterPort == port && m_master->isReady())
        return; // nothing changed
    if (m_candidate && m_candidate->config().host == host && m_candidate->config().port == port)
        return; // already being verified
    if (m_candidate)
        m_candidate->deleteLater();
    const quint64 generation = ++m_generation;
    m_resolving = false;
    ConnectionConfig config = m_masterProfile;
    config.host = host;
    config.port = port;
    auto *candidate = new RedisConnection(config, this);
    candidate->setAutoReconnect(false);
    m_candidate = candidate;
    connect(candidate, &RedisConnection::errorOccurred, this,
            [this, candidate, host, port](const ConnectionError &error) {
                if (candidate != m_candidate || error.kind != ConnectionError::Kind::AuthFailed)
                    return;
                refuse(tr("%1: %2").arg(HostPort::format(host, port), error.message));
            });
    candidate->open();
    candidate->command(
        {"ROLE"}, this,
        [this, candidate, host, port, generation](const RedisReply &reply) {
            if (generation != m_generation || candidate != m_candidate)
                return;
            const QByteArray role = reply.elements().value(0).bytes();
            if (role == "master") {
                adopt(candidate, host, port);
                return;
            }
            if (reply.type() == RedisReply::Type::Error && reply.bytes().startsWith("NOAUTH")) {
                // The master wants a password the profile does not have (a wrong one fails the handshake).
                refuse(tr("%1: %2").arg(HostPort::format(host, port), reply.errorMessage()));
                return;
            }
            const QString endpoint = HostPort::format(host, port);
            m_lastError =
                reply.isError()
                    ? tr("%1: %2").arg(endpoint, reply.errorMessage())
                    : tr("%1 is not a master (ROLE says %2).").arg(endpoint, QString::fromUtf8(role));
            m_candidate = nullptr;
            candidate->deleteLater();
            emit problem(m_lastError);
            scheduleResolve(failedRoundDelay());
        },
        kVerifyTimeoutMs);
}

void SentinelClient::refuse(const QString &message)
{
    stop(); // asking again would only be refused again
    m_lastError = message;
    emit masterRefused(message);
}

int SentinelClient::failedRoundDelay()
{
    // 500 ms, 1 s, 2 s … 10 s: sentinels that all refuse (a wrong sentinel password, an unknown master)
    // or a master that keeps saying it is a replica are not asked 4 times a second for ever.
    const int delay = int(std::min<qint64>(kMaxRetryMs, qint64(2 * kRetryMs) << std::min(m_failedRounds, 8)));
    ++m_failedRounds;
    return delay;
}

void SentinelClient::adopt(RedisConnection *candidate, const QString &host, quint16 port)
{
    m_failedRounds = 0;
    m_candidate = nullptr;
    if (m_master)
        m_master->deleteLater(); // we may be inside one of its callbacks
    m_master = candidate;
    candidate->setAutoReconnect(true);
    connect(candidate, &RedisConnection::stateChanged, this, &SentinelClient::onMasterStateChanged);
    m_lastError.clear();
    const bool changed = host != m_masterHost || port != m_masterPort;
    m_masterHost = host;
    m_masterPort = port;
    if (changed)
        emit masterChanged(host, port);
}

void SentinelClient::onMasterStateChanged(RedisConnection::State state)
{
    if (sender() != m_master)
        return;
    if (state == RedisConnection::State::WaitingToReconnect || state == RedisConnection::State::Disconnected)
        scheduleResolve(kRetryMs);
}

void SentinelClient::startSubscriber()
{
    if (!m_running || m_sentinelConfigs.isEmpty())
        return;
    if (m_subscriber)
        m_subscriber->deleteLater();
    ConnectionConfig config = m_sentinelConfigs[m_subscriberIndex % m_sentinelConfigs.size()];
    config.clientName = QStringLiteral("keyscope-sentinel-subscriber");
    config.db = 0;
    config.readOnly = false;
    config.commandTimeoutMs = 0; // a subscriber waits as long as it likes
    auto *subscriber = new RedisConnection(config, this);
    m_subscriber = subscriber;
    subscriber->setAutoReconnect(false); // another sentinel is tried instead
    subscriber->setPushHandler([this](const RedisReply &reply) { return onPush(reply); });
    connect(subscriber, &RedisConnection::ready, this, [this, subscriber] {
        if (subscriber != m_subscriber)
            return;
        subscriber->send({"SUBSCRIBE", kSwitchMaster});
        scheduleResolve(0); // a switch may have happened while nobody listened
    });
    connect(subscriber, &RedisConnection::stateChanged, this,
            [this, subscriber](RedisConnection::State state) {
                if (subscriber != m_subscriber || state != RedisConnection::State::Disconnected)
                    return;
                m_subscriberIndex = (m_subscriberIndex + 1) % int(m_sentinelConfigs.size());
                m_subscriberTimer->start(kSubscriberRetryMs);
            });
    subscriber->open();
}

bool SentinelClient::onPush(const RedisReply &reply)
{
    const QList<RedisReply> &e = reply.elements();
    if (e.size() == 3 && e[0].bytes() == "message" && e[1].bytes() == kSwitchMaster) {
        // "<name> <old ip> <old port> <new ip> <new port>"
        const QList<QByteArray> words = e[2].bytes().split(' ');
        if (words.size() == 5 && words[0] == m_masterName) {
            if (const auto port = toPort(words[4])) {
                const QString host = QString::fromUtf8(words[3]);
                emit switchAnnounced(host, *port);
                verify(host, *port);
            }
        }
    }
    return true; // a subscriber connection answers no command
}

void SentinelClient::fetchState(QObject *context, StateCallback callback)
{
    if (m_sentinelConnections.empty()) {
        callLater(this, context, [callback = std::move(callback)] {
            callback(std::nullopt, tr("The sentinel client is not started."));
        });
        return;
    }
    fetchStateFrom(0, context, std::move(callback));
}

void SentinelClient::fetchStateFrom(int attempt, QObject *context, StateCallback callback)
{
    const int index = (m_preferred + attempt) % sentinelCount();
    struct Gather
    {
        QList<RedisReply> replies{3};
        int missing = 3;
    };
    auto gather = std::make_shared<Gather>();
    auto shared = std::make_shared<StateCallback>(std::move(callback));
    QPointer<QObject> guard(context);
    const bool hasContext = context != nullptr;
    const QList<QList<QByteArray>> commands{{"SENTINEL", "MASTERS"},
                                            {"SENTINEL", "REPLICAS", m_masterName},
                                            {"SENTINEL", "SENTINELS", m_masterName}};
    for (int i = 0; i < 3; ++i) {
        sentinel(index)->command(commands[i], this, [=, this](const RedisReply &reply) {
            gather->replies[i] = reply;
            if (--gather->missing != 0 || (hasContext && !guard))
                return;
            if (m_sentinelConnections.empty()) {
                (*shared)(std::nullopt, tr("The sentinel client was stopped."));
                return;
            }
            if (gather->replies[0].isFailure() && attempt + 1 < sentinelCount()) {
                fetchStateFrom(attempt + 1, guard, std::move(*shared));
                return;
            }
            QString error;
            const auto state = SentinelState::fromReplies(m_masterName, gather->replies[0],
                                                          gather->replies[1], gather->replies[2], &error);
            (*shared)(state, state ? QString() : error);
        });
    }
}

void SentinelClient::setProblem(const QString &message)
{
    m_lastError = message;
    emit problem(message);
}
