#include "pubsubworker.h"

#include "clusterslot.h"

#include <chrono>
#include <QDateTime>
#include <QHash>
#include <QTimer>

namespace {

constexpr const char *kSubscribe[] = {"SUBSCRIBE", "PSUBSCRIBE", "SSUBSCRIBE"};
constexpr const char *kUnsubscribe[] = {"UNSUBSCRIBE", "PUNSUBSCRIBE", "SUNSUBSCRIBE"};

} // namespace

PubSubWorker::PubSubWorker(ConnectionConfig config, qsizetype capacity)
    : m_config(std::move(config)), m_capacity(capacity)
{
    m_config.clientName = QStringLiteral("keyscope-subscriber");
    m_config.commandTimeoutMs = 0; // a subscriber waits as long as it likes
}

PubSubWorker::~PubSubWorker() = default;

void PubSubWorker::start()
{
    if (m_connection)
        return; // opened already: one connection, one subscription each
    m_connection = new RedisConnection(m_config, this);
    m_connection->setPushHandler([this](const RedisReply &reply) { return onPush(reply); });
    connect(m_connection, &RedisConnection::ready, this, &PubSubWorker::resubscribe);
    connect(m_connection, &RedisConnection::stateChanged, this, &PubSubWorker::stateChanged);
    connect(m_connection, &RedisConnection::errorOccurred, this, &PubSubWorker::onError);
    m_flushTimer = new QTimer(this);
    m_flushTimer->setInterval(kFlushIntervalMs);
    connect(m_flushTimer, &QTimer::timeout, this, &PubSubWorker::flush);
    m_flushTimer->start();
    m_connection->open();
}

void PubSubWorker::stop()
{
    if (m_connection)
        m_connection->close();
    if (m_flushTimer)
        m_flushTimer->stop();
}

void PubSubWorker::change(PubSubMessage::Kind kind, const QByteArray &name, bool subscribe)
{
    QSet<QByteArray> &set = m_sets[int(kind)];
    if (subscribe)
        set.insert(name);
    else
        set.remove(name);
    if (m_connection && m_connection->isReady())
        m_connection->send({subscribe ? kSubscribe[int(kind)] : kUnsubscribe[int(kind)], name});
}

void PubSubWorker::resubscribe()
{
    if (m_wasReady)
        emit recovered();
    m_wasReady = true;
    for (int kind = 0; kind < 3; ++kind) {
        if (m_sets[kind].isEmpty())
            continue;
        if (PubSubMessage::Kind(kind) == PubSubMessage::Kind::Shard) {
            // One SSUBSCRIBE per hash slot: a cluster node refuses channels of different slots in one
            // command (CROSSSLOT).
            QHash<int, QList<QByteArray>> bySlot;
            for (const QByteArray &channel : std::as_const(m_sets[kind]))
                bySlot[ClusterSlot::slotOf(channel)].append(channel);
            for (const QList<QByteArray> &channels : std::as_const(bySlot))
                m_connection->send(QList<QByteArray>{kSubscribe[kind]} + channels);
            continue;
        }
        QList<QByteArray> args{kSubscribe[kind]};
        args += m_sets[kind].values();
        m_connection->send(args);
    }
}

void PubSubWorker::onError(const ConnectionError &error)
{
    QString message = error.message;
    if (m_wasReady && m_gotMessages && error.kind == ConnectionError::Kind::Closed) {
        message +=
            QLatin1Char(' ') +
            tr("The server may have dropped this subscriber for reading too slowly: Redis closes a "
               "subscriber whose output buffer exceeds client-output-buffer-limit pubsub (by default "
               "32mb, or 8mb for 60 s), and logs “scheduled to be closed ASAP for overcoming of output "
               "buffer limits”. Keyscope reconnects and subscribes again; messages published meanwhile "
               "are lost.");
    }
    emit failed(message);
}

bool PubSubWorker::onPush(const RedisReply &reply)
{
    if (reply.isError()) {
        emit failed(tr("The server refused a subscription: %1").arg(reply.errorMessage()));
        return true;
    }
    const QList<RedisReply> &e = reply.elements();
    if (e.size() < 3)
        return true;
    const QByteArray &type = e.at(0).bytes();
    PubSubMessage message;
    if (type == "message" || type == "smessage") {
        message.kind = type == "message" ? PubSubMessage::Kind::Channel : PubSubMessage::Kind::Shard;
        message.channel = e.at(1).bytes();
        message.payload = e.at(2).bytes();
    } else if (type == "pmessage" && e.size() == 4) {
        message.kind = PubSubMessage::Kind::Pattern;
        message.pattern = e.at(1).bytes();
        message.channel = e.at(2).bytes();
        message.payload = e.at(3).bytes();
    } else {
        static const QList<QByteArray> subscribed{"subscribe", "psubscribe", "ssubscribe"};
        static const QList<QByteArray> unsubscribed{"unsubscribe", "punsubscribe", "sunsubscribe"};
        const qsizetype on = subscribed.indexOf(type);
        const qsizetype off = unsubscribed.indexOf(type);
        if (on >= 0 || off >= 0)
            emit confirmed(PubSubMessage::Kind(on >= 0 ? on : off), e.at(1).bytes(), on >= 0,
                           e.at(2).toInteger());
        return true;
    }
    message.receivedMs = QDateTime::currentMSecsSinceEpoch();
    message.receivedSteadyNs = std::chrono::duration_cast<std::chrono::nanoseconds>(
                                   std::chrono::steady_clock::now().time_since_epoch())
                                   .count();
    m_gotMessages = true;
    if (m_pending.size() >= m_capacity) {
        m_pending.removeFirst();
        ++m_dropped;
    }
    m_pending.append(std::move(message));
    return true;
}

void PubSubWorker::flush()
{
    if (m_inFlight || (m_pending.isEmpty() && m_dropped == 0))
        return;
    m_inFlight = true;
    const qint64 dropped = std::exchange(m_dropped, 0);
    if (m_pending.size() <= kMaxBatch) {
        QList<PubSubMessage> next;
        next.reserve(m_pending.capacity()); // no growth steps while the flood goes on
        emit batch(std::exchange(m_pending, std::move(next)), dropped);
        return;
    }
    // A backlog goes over in GUI-sized slices, the next as soon as the GUI took the last.
    QList<PubSubMessage> slice(std::make_move_iterator(m_pending.begin()),
                               std::make_move_iterator(m_pending.begin() + kMaxBatch));
    m_pending.remove(0, kMaxBatch);
    emit batch(slice, dropped);
}

void PubSubWorker::batchTaken()
{
    m_inFlight = false;
    if (m_pending.size() >= kMaxBatch)
        flush();
}
