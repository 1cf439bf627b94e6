#include "bulkdeleter.h"

#include "keyscanner.h"
#include "redisconnection.h"
#include "redisreply.h"
#include "session.h"

BulkDeleter::BulkDeleter(Session *session, QByteArray pattern, QObject *parent)
    : QObject(parent), m_session(session), m_pattern(std::move(pattern))
{}

BulkDeleter::~BulkDeleter() = default;

qsizetype BulkDeleter::matchCount() const
{
    return m_scanner ? m_scanner->keys().size() : 0;
}

QList<QByteArray> BulkDeleter::sample() const
{
    QList<QByteArray> keys;
    const qsizetype n = std::min<qsizetype>(kSampleSize, matchCount());
    for (qsizetype i = 0; i < n; ++i)
        keys.append(m_scanner->keys().copyAt(i));
    return keys;
}

void BulkDeleter::preview()
{
    if (m_state == State::Previewing || m_state == State::Deleting)
        return;
    QList<RedisConnection *> nodes;
    if (m_session)
        nodes = m_session->scanConnections();
    if (nodes.isEmpty()) {
        fail(tr("Not connected."));
        return;
    }
    KeyScanner::Options options;
    options.pattern = m_pattern;
    m_scanner = std::make_unique<KeyScanner>(nodes, options);
    m_error.clear();
    m_sent = m_acknowledged = 0;
    m_deleted = 0;
    setState(State::Previewing);
    connect(m_scanner.get(), &KeyScanner::progress, this, &BulkDeleter::previewProgress);
    connect(m_scanner.get(), &KeyScanner::failed, this, &BulkDeleter::fail);
    connect(m_scanner.get(), &KeyScanner::stopped, this, [this] {
        if (m_state != State::Previewing)
            return;
        if (!m_scanner->isComplete()) {
            setState(State::Cancelled);
            return;
        }
        setState(State::Previewed);
        emit previewReady(matchCount());
    });
    m_scanner->loadAll();
}

void BulkDeleter::run()
{
    if (m_state != State::Previewed)
        return;
    setState(State::Deleting);
    emit progress(0, matchCount());
    sendBatches();
}

void BulkDeleter::cancel()
{
    if (m_state == State::Previewing) {
        m_scanner->cancel();
    } else if (m_state == State::Deleting) {
        setState(State::Cancelled);
        if (m_inFlight == 0)
            emit finished(m_deleted);
    }
}

void BulkDeleter::sendBatches()
{
    const qsizetype total = matchCount();
    while (m_state == State::Deleting && m_inFlight < kInFlight && m_sent < total) {
        if (!m_session) {
            fail(tr("Not connected."));
            return;
        }
        const qsizetype size = std::min<qsizetype>(kBatchSize, total - m_sent);
        QList<QByteArray> args;
        args.reserve(size + 1);
        args.append("UNLINK");
        for (qsizetype i = m_sent; i < m_sent + size; ++i)
            args.append(m_scanner->keys().copyAt(i));
        m_sent += size;
        ++m_inFlight;
        const auto onReply = [this, size](const RedisReply &reply) { onBatch(size, reply); };
        m_session->command(args, this, onReply); // split per slot in a cluster
    }
    if (m_state == State::Deleting && m_inFlight == 0 && m_sent >= total) {
        setState(State::Finished);
        emit finished(m_deleted);
    }
}

void BulkDeleter::onBatch(qsizetype size, const RedisReply &reply)
{
    --m_inFlight;
    if (reply.isError()) {
        if (m_state == State::Deleting || m_state == State::Cancelled)
            fail(tr("Deleting stopped after %1 keys: %2").arg(m_deleted).arg(reply.errorMessage()));
        return;
    }
    m_acknowledged += size;
    m_deleted += reply.toInteger();
    if (m_state == State::Cancelled) {
        if (m_inFlight == 0)
            emit finished(m_deleted);
        return;
    }
    if (m_state != State::Deleting)
        return;
    emit progress(m_acknowledged, matchCount());
    sendBatches();
}

void BulkDeleter::fail(const QString &message)
{
    if (m_state == State::Failed)
        return;
    setState(State::Failed);
    m_error = message;
    emit failed(message);
}
