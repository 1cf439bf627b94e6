#include "stringvalue.h"

#include "bytesescaper.h"
#include "redisconnection.h"
#include "redisreply.h"

#include <QCryptographicHash>
#include <QSaveFile>

namespace {

using Outcome = WriteResult::Outcome;

// KEYS[1]; ARGV: expected SHA-1 of the loaded bytes, their length (-1 = the whole value), the expected
// STRLEN, the new value, and "exists" or "missing" (the state the user saw). Returns {1} written,
// {0} changed, {-1} gone, {-2, type} no longer a string. Keeps the TTL (PTTL, then PEXPIRE).
constexpr char kReplaceScript[] = R"lua(
local t = redis.call('TYPE', KEYS[1]).ok
if ARGV[5] == 'missing' then
  if t ~= 'none' then return {0} end
else
  if t == 'none' then return {-1} end
  if t ~= 'string' then return {-2, t} end
  local n = tonumber(ARGV[2])
  local current
  if n < 0 then current = redis.call('GET', KEYS[1]) else current = redis.call('GETRANGE', KEYS[1], 0, n - 1) end
  if redis.call('STRLEN', KEYS[1]) ~= tonumber(ARGV[3]) or redis.sha1hex(current) ~= ARGV[1] then return {0} end
end
local ttl = redis.call('PTTL', KEYS[1])
redis.call('SET', KEYS[1], ARGV[4])
if ttl > 0 then redis.call('PEXPIRE', KEYS[1], ttl) end
return {1}
)lua";

QByteArray sha1Hex(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha1).toHex();
}

} // namespace

StringValue::StringValue(RedisConnection *connection, QByteArray key, QObject *parent)
    : QObject(parent), m_connection(connection), m_key(std::move(key))
{}

StringValue::~StringValue() = default;

void StringValue::load()
{
    const quint64 generation = ++m_generation;
    m_loaded = false;
    if (!m_connection) {
        emit loadFailed(tr("Not connected."));
        return;
    }
    m_connection->command({"STRLEN", m_key}, this, [this, generation](const RedisReply &length) {
        if (generation != m_generation)
            return;
        if (length.isError()) {
            emit loadFailed(tr("Could not read the value: %1").arg(length.errorMessage()));
            return;
        }
        const qint64 total = length.toInteger();
        const bool whole = total <= m_threshold;
        const QList<QByteArray> read =
            whole ? QList<QByteArray>{"GET", m_key}
                  : QList<QByteArray>{"GETRANGE", m_key, "0", QByteArray::number(kPreviewBytes - 1)};
        m_connection->command(read, this, [this, generation, total, whole](const RedisReply &reply) {
            if (generation != m_generation)
                return;
            if (reply.isError()) {
                emit loadFailed(tr("Could not read the value: %1").arg(reply.errorMessage()));
                return;
            }
            if (whole && reply.isNil()) {
                emit loadFailed(tr("This key no longer exists (deleted or expired)."));
                return;
            }
            m_value = reply.bytes();
            // Read whole, the bytes are the truth even if the value changed after STRLEN.
            m_length = whole ? m_value.size() : std::max<qint64>(total, m_value.size());
            m_exists = true;
            m_loaded = true;
            emit loaded();
        });
    });
}

void StringValue::replace(const QByteArray &newValue, QObject *context, WriteResult::Callback callback)
{
    if (!m_connection) {
        callback({Outcome::Failed, tr("Not connected.")});
        return;
    }
    const QList<QByteArray> args{"EVAL",
                                 kReplaceScript,
                                 "1",
                                 m_key,
                                 sha1Hex(m_value),
                                 isPreview() ? QByteArray::number(m_value.size()) : QByteArray("-1"),
                                 QByteArray::number(m_length),
                                 newValue,
                                 m_exists ? QByteArray("exists") : QByteArray("missing")};
    QPointer<QObject> guard(context);
    m_connection->command(
        args, this, [this, newValue, guard, callback = std::move(callback)](const RedisReply &reply) {
            if (!guard)
                return;
            if (reply.isError()) {
                callback({Outcome::Failed, tr("Not saved: %1").arg(reply.errorMessage())});
                return;
            }
            const qint64 code = reply.elements().value(0).toInteger();
            if (code == 1) {
                // A value above the threshold is kept as its preview, as if it had been loaded.
                m_value = newValue.size() > m_threshold ? newValue.first(kPreviewBytes) : newValue;
                m_length = newValue.size();
                m_exists = true;
                callback({Outcome::Done, {}, true, newValue, newValue.size()});
            } else if (code == -2) {
                callback({Outcome::Failed, tr("Not saved: the key is now a %1, no longer a string.")
                                               .arg(QString::fromLatin1(reply.elements().value(1).bytes()))});
            } else {
                WriteResult conflict{Outcome::Conflict, {}, code != -1};
                conflict.message = code == -1
                                       ? tr("Not saved: someone deleted this key since it was loaded.")
                                       : tr("Not saved: someone changed this value since it was loaded.");
                fetchCurrent(conflict, callback);
            }
        });
}

void StringValue::fetchCurrent(WriteResult result, WriteResult::Callback callback)
{
    if (!result.currentExists) {
        callback(result);
        return;
    }
    // Pipelined back to back, so the three replies describe the same value.
    auto current = std::make_shared<WriteResult>(std::move(result));
    m_connection->command({"EXISTS", m_key}, this, [current](const RedisReply &reply) {
        current->currentExists = reply.toInteger() == 1;
    });
    m_connection->command({"STRLEN", m_key}, this,
                          [current](const RedisReply &reply) { current->currentLength = reply.toInteger(); });
    // Whole when it fits under the threshold (editable), else a preview like load() gives.
    m_connection->command({"GETRANGE", m_key, "0", QByteArray::number(m_threshold - 1)}, this,
                          [this, current, callback = std::move(callback)](const RedisReply &reply) {
                              current->current = reply.isError() ? QByteArray() : reply.bytes();
                              if (current->currentLength > m_threshold)
                                  current->current.truncate(kPreviewBytes);
                              callback(*current);
                          });
}

void StringValue::adopt(const WriteResult &conflict)
{
    m_exists = conflict.currentExists;
    m_value = conflict.current;
    m_length = conflict.currentExists ? conflict.currentLength : 0;
}

void StringValue::saveToFile(const QString &path)
{
    const quint64 generation = ++m_fileGeneration;
    m_file = std::make_unique<QSaveFile>(path);
    if (!m_file->open(QIODevice::WriteOnly)) {
        failFile(tr("Cannot write %1: %2").arg(path, m_file->errorString()));
        return;
    }
    if (!m_connection) {
        failFile(tr("Not connected."));
        return;
    }
    m_connection->command({"STRLEN", m_key}, this, [this, generation](const RedisReply &reply) {
        if (generation != m_fileGeneration)
            return;
        if (reply.isError()) {
            failFile(tr("Could not read the value: %1").arg(reply.errorMessage()));
            return;
        }
        nextChunk(generation, 0, reply.toInteger());
    });
}

void StringValue::nextChunk(quint64 generation, qint64 offset, qint64 total)
{
    emit fileProgress(offset, total);
    if (offset >= total) {
        const QString path = m_file->fileName();
        if (!m_file->commit()) {
            failFile(tr("Cannot write %1: %2").arg(path, m_file->errorString()));
            return;
        }
        m_file.reset();
        emit fileSaved(path);
        return;
    }
    const qint64 last = std::min(offset + kFileChunk, total) - 1;
    const QList<QByteArray> args{"GETRANGE", m_key, QByteArray::number(offset), QByteArray::number(last)};
    m_connection->command(args, this, [this, generation, offset, last, total](const RedisReply &reply) {
        if (generation != m_fileGeneration)
            return;
        if (reply.isError()) {
            failFile(tr("Could not read the value: %1").arg(reply.errorMessage()));
            return;
        }
        if (reply.bytes().size() != last - offset + 1) {
            failFile(tr("The value changed while it was being saved; the file was not written."));
            return;
        }
        if (m_file->write(reply.bytes()) != reply.bytes().size()) {
            failFile(tr("Cannot write %1: %2").arg(m_file->fileName(), m_file->errorString()));
            return;
        }
        nextChunk(generation, last + 1, total);
    });
}

void StringValue::failFile(const QString &message)
{
    if (m_file)
        m_file->cancelWriting();
    m_file.reset();
    ++m_fileGeneration;
    emit fileFailed(message);
}
