#include "collectionmodel.h"

#include "bytesescaper.h"
#include "redisconnection.h"
#include "redisreply.h"

#include <QPointer>
#include <QRandomGenerator>

namespace {

using Outcome = WriteResult::Outcome;

// Each script: KEYS[1] = the key; returns {1} done, {0} changed since loaded, {-1} gone.
// ARGV: field, expected value, new value.
constexpr char kHashSet[] = R"lua(
local cur = redis.call('HGET', KEYS[1], ARGV[1])
if cur == false then return {-1} end
if cur ~= ARGV[2] then return {0} end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
return {1}
)lua";
// ARGV: field, expected value.
constexpr char kHashDelete[] = R"lua(
local cur = redis.call('HGET', KEYS[1], ARGV[1])
if cur == false then return {-1} end
if cur ~= ARGV[2] then return {0} end
redis.call('HDEL', KEYS[1], ARGV[1])
return {1}
)lua";
// ARGV: index, expected element, new element.
constexpr char kListSet[] = R"lua(
local cur = redis.call('LINDEX', KEYS[1], ARGV[1])
if cur == false then return {-1} end
if cur ~= ARGV[2] then return {0} end
redis.call('LSET', KEYS[1], ARGV[1], ARGV[3])
return {1}
)lua";
// ARGV: index, expected element, a marker found nowhere else: exactly this position goes.
constexpr char kListDelete[] = R"lua(
local cur = redis.call('LINDEX', KEYS[1], ARGV[1])
if cur == false then return {-1} end
if cur ~= ARGV[2] then return {0} end
redis.call('LSET', KEYS[1], ARGV[1], ARGV[3])
redis.call('LREM', KEYS[1], 1, ARGV[3])
return {1}
)lua";
// ARGV: old member, new member. {-2}: the new member exists already.
constexpr char kSetRename[] = R"lua(
if redis.call('SISMEMBER', KEYS[1], ARGV[1]) == 0 then return {-1} end
if redis.call('SISMEMBER', KEYS[1], ARGV[2]) == 1 then return {-2} end
redis.call('SREM', KEYS[1], ARGV[1])
redis.call('SADD', KEYS[1], ARGV[2])
return {1}
)lua";
// ARGV: member, expected score, new score. Returns {1, score as Redis writes it}.
constexpr char kZsetScore[] = R"lua(
local cur = redis.call('ZSCORE', KEYS[1], ARGV[1])
if cur == false then return {-1} end
if cur ~= ARGV[2] then return {0} end
redis.call('ZADD', KEYS[1], 'XX', ARGV[3], ARGV[1])
return {1, redis.call('ZSCORE', KEYS[1], ARGV[1])}
)lua";

QString cellText(const QByteArray &bytes)
{
    return BytesEscaper::escape(bytes);
}

} // namespace

std::optional<CollectionModel::Kind> CollectionModel::kindOf(QByteArrayView type)
{
    if (type == "hash")
        return Kind::Hash;
    if (type == "list")
        return Kind::List;
    if (type == "set")
        return Kind::Set;
    if (type == "zset")
        return Kind::SortedSet;
    return std::nullopt;
}

CollectionModel::CollectionModel(RedisConnection *connection, QByteArray key, Kind kind, QObject *parent)
    : PagedTableModel(connection, parent), m_key(std::move(key)), m_kind(kind)
{}

CollectionModel::~CollectionModel() = default;

bool CollectionModel::usesCursor() const
{
    return m_kind == Kind::Hash || m_kind == Kind::Set || (m_kind == Kind::SortedSet && !m_filter.isEmpty());
}

void CollectionModel::setFilter(const QByteArray &filter)
{
    m_filter = filter;
    reload();
}

void CollectionModel::clearRows()
{
    m_rows.clear();
    m_seen.clear();
    m_cursor = "0";
    m_offset = 0;
}

QList<QByteArray> CollectionModel::countCommand() const
{
    static constexpr const char *lengthCommand[] = {"HLEN", "LLEN", "SCARD", "ZCARD"};
    return {lengthCommand[int(m_kind)], m_key};
}

QList<QByteArray> CollectionModel::pageCommand()
{
    if (searchesList())
        return {"LPOS", m_key, m_filter, "COUNT", "1000"}; // the first 1000
    if (usesCursor()) {
        static constexpr const char *scan[] = {"HSCAN", "", "SSCAN", "ZSCAN"};
        QList<QByteArray> args{scan[int(m_kind)], m_key, m_cursor};
        if (!m_filter.isEmpty())
            args << "MATCH" << m_filter;
        args << "COUNT" << QByteArray::number(kPageSize);
        return args;
    }
    const QByteArray start = QByteArray::number(m_offset);
    const QByteArray stop = QByteArray::number(m_offset + kPageSize - 1);
    return m_kind == Kind::List ? QList<QByteArray>{"LRANGE", m_key, start, stop}
                                : QList<QByteArray>{"ZRANGE", m_key, start, stop, "WITHSCORES"};
}

void CollectionModel::readPage(const RedisReply &reply)
{
    if (searchesList()) {
        readListMatches(reply);
        return;
    }
    if (reply.isError() || !reply.isArray()) {
        failPage(tr("Could not read the elements: %1").arg(reply.errorMessage()));
        return;
    }
    QList<Row> rows;
    bool complete = false;
    const bool pairs = m_kind == Kind::Hash || m_kind == Kind::SortedSet;
    if (usesCursor()) {
        if (reply.elements().size() != 2) {
            failPage(tr("Unexpected reply to a SCAN command."));
            return;
        }
        m_cursor = reply.elements().at(0).bytes();
        complete = m_cursor == "0";
        const QList<RedisReply> &items = reply.elements().at(1).elements();
        for (qsizetype i = 0; i + (pairs ? 1 : 0) < items.size(); i += pairs ? 2 : 1) {
            const QByteArray &first = items.at(i).bytes();
            if (m_seen.contains(first))
                continue;
            m_seen.insert(first);
            rows.append({first, pairs ? items.at(i + 1).bytes() : QByteArray(), -1});
        }
    } else {
        const QList<RedisReply> &items = reply.elements();
        const qsizetype step = pairs ? 2 : 1;
        for (qsizetype i = 0; i + step - 1 < items.size(); i += step)
            rows.append(
                {items.at(i).bytes(), pairs ? items.at(i + 1).bytes() : QByteArray(), m_offset + i / step});
        m_offset += items.size() / step;
        complete = items.size() / step < kPageSize;
    }
    appendPage(m_rows, std::move(rows), complete);
}

void CollectionModel::readListMatches(const RedisReply &positions)
{
    if (positions.isError()) {
        failPage(tr("Could not search the list: %1").arg(positions.errorMessage()));
        return;
    }
    QList<Row> rows;
    for (const RedisReply &position : positions.elements())
        rows.append({m_filter, {}, position.toInteger()});
    appendPage(m_rows, std::move(rows), true);
}

void CollectionModel::appendRows(QList<Row> rows)
{
    if (rows.isEmpty())
        return;
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + rows.size() - 1));
    m_rows.append(std::move(rows));
    endInsertRows();
}

int CollectionModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CollectionModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : (m_kind == Kind::Set ? 1 : 2);
}

QVariant CollectionModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &row = m_rows.at(index.row());
    QByteArray bytes;
    if (m_kind == Kind::List)
        bytes = index.column() == 0 ? QByteArray::number(row.index) : row.first;
    else
        bytes = index.column() == 0 ? row.first : row.second;
    switch (role) {
    case Qt::DisplayRole:
        return cellText(bytes);
    case BytesRole:
        return bytes;
    case Qt::TextAlignmentRole:
        if ((m_kind == Kind::List && index.column() == 0) ||
            (m_kind == Kind::SortedSet && index.column() == 1))
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default:
        return {};
    }
}

QVariant CollectionModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole || orientation != Qt::Horizontal)
        return {};
    switch (m_kind) {
    case Kind::Hash:
        return section == 0 ? tr("Field") : tr("Value");
    case Kind::List:
        return section == 0 ? tr("Index") : tr("Element");
    case Kind::Set:
        return tr("Member");
    case Kind::SortedSet:
        return section == 0 ? tr("Member") : tr("Score");
    }
    return {};
}

void CollectionModel::run(const QList<QByteArray> &args, QObject *context, WriteResult::Callback callback,
                          std::function<WriteResult(const RedisReply &)> interpret)
{
    if (!connection()) {
        callback({Outcome::Failed, tr("Not connected.")});
        return;
    }
    QPointer<QObject> guard(context);
    connection()->command(
        args, this,
        [guard, callback = std::move(callback), interpret = std::move(interpret)](const RedisReply &reply) {
            const WriteResult result =
                reply.isError()
                    ? WriteResult{Outcome::Failed, tr("Not changed: %1").arg(reply.errorMessage())}
                    : interpret(reply);
            if (guard)
                callback(result);
        });
}

namespace {

WriteResult scriptResult(const RedisReply &reply)
{
    switch (reply.elements().value(0).toInteger()) {
    case 1:
        return {Outcome::Done, {}};
    case 0:
        return {Outcome::Conflict,
                CollectionModel::tr("Not changed: this element changed on the server since it was loaded. "
                                    "Reload to see it.")};
    case -2:
        return {Outcome::AlreadyExists, CollectionModel::tr("Not changed: that member exists already.")};
    default:
        return {
            Outcome::Missing,
            CollectionModel::tr("Not changed: this element no longer exists on the server. Reload to see.")};
    }
}

} // namespace

void CollectionModel::addElement(const QByteArray &first, const QByteArray &second, QObject *context,
                                 WriteResult::Callback callback)
{
    QList<QByteArray> args;
    switch (m_kind) {
    case Kind::Hash:
        args = {"HSETNX", m_key, first, second};
        break;
    case Kind::List:
        args = {"RPUSH", m_key, first};
        break;
    case Kind::Set:
        args = {"SADD", m_key, first};
        break;
    case Kind::SortedSet: {
        bool ok = false;
        second.toDouble(&ok);
        if (!ok) {
            callback({Outcome::Failed, tr("The score must be a number.")});
            return;
        }
        args = {"ZADD", m_key, "NX", second, first};
        break;
    }
    }
    const quint64 generation = currentGeneration();
    run(args, context, std::move(callback),
        [this, first, second, generation](const RedisReply &reply) -> WriteResult {
            if (m_kind == Kind::List) {
                setTotalCount(reply.toInteger());
                if (generation == currentGeneration() && isComplete() && m_filter.isEmpty()) {
                    appendRows({{first, {}, totalCount() - 1}});
                    ++m_offset;
                }
                return {Outcome::Done, {}};
            }
            if (reply.toInteger() == 0)
                return {Outcome::AlreadyExists, m_kind == Kind::Hash
                                                    ? tr("Not added: the field exists already.")
                                                    : tr("Not added: the member exists already.")};
            adjustTotalCount(1);
            if (generation == currentGeneration()) {
                if (m_kind == Kind::SortedSet && m_filter.isEmpty()) {
                    reload(); // ordered by score: its place is known to the server
                } else {
                    m_seen.insert(first);
                    appendRows({{first, second, -1}});
                }
            }
            return {Outcome::Done, {}};
        });
}

void CollectionModel::setElement(int row, const QByteArray &value, QObject *context,
                                 WriteResult::Callback callback)
{
    if (row < 0 || row >= m_rows.size()) {
        callback({Outcome::Failed, tr("No such row.")});
        return;
    }
    const Row old = m_rows.at(row);
    QList<QByteArray> args;
    switch (m_kind) {
    case Kind::Hash:
        args = {"EVAL", kHashSet, "1", m_key, old.first, old.second, value};
        break;
    case Kind::List:
        args = {"EVAL", kListSet, "1", m_key, QByteArray::number(old.index), old.first, value};
        break;
    case Kind::Set:
        args = {"EVAL", kSetRename, "1", m_key, old.first, value};
        break;
    case Kind::SortedSet: {
        bool ok = false;
        value.toDouble(&ok);
        if (!ok) {
            callback({Outcome::Failed, tr("The score must be a number.")});
            return;
        }
        args = {"EVAL", kZsetScore, "1", m_key, old.first, old.second, value};
        break;
    }
    }
    const quint64 generation = currentGeneration();
    run(args, context, std::move(callback), [this, row, old, value, generation](const RedisReply &reply) {
        const WriteResult result = scriptResult(reply);
        if (result.outcome != Outcome::Done || generation != currentGeneration())
            return result;
        Row updated = old;
        switch (m_kind) {
        case Kind::Hash:
            updated.second = value;
            break;
        case Kind::List:
            updated.first = value;
            break;
        case Kind::Set:
            m_seen.remove(old.first);
            m_seen.insert(value);
            updated.first = value;
            break;
        case Kind::SortedSet:
            updated.second = reply.elements().value(1).bytes();
            break;
        }
        updateRow(findRow(old, row), updated);
        return result;
    });
}

void CollectionModel::removeElement(int row, QObject *context, WriteResult::Callback callback)
{
    if (row < 0 || row >= m_rows.size()) {
        callback({Outcome::Failed, tr("No such row.")});
        return;
    }
    const Row old = m_rows.at(row);
    QList<QByteArray> args;
    bool script = true;
    switch (m_kind) {
    case Kind::Hash:
        args = {"EVAL", kHashDelete, "1", m_key, old.first, old.second};
        break;
    case Kind::List: {
        const QByteArray marker =
            "keyscope:deleted:" + QByteArray::number(QRandomGenerator::global()->generate64(), 16);
        args = {"EVAL", kListDelete, "1", m_key, QByteArray::number(old.index), old.first, marker};
        break;
    }
    case Kind::Set:
        args = {"SREM", m_key, old.first};
        script = false;
        break;
    case Kind::SortedSet:
        args = {"ZREM", m_key, old.first};
        script = false;
        break;
    }
    const quint64 generation = currentGeneration();
    run(args, context, std::move(callback),
        [this, row, old, script, generation](const RedisReply &reply) mutable {
            const WriteResult result =
                script ? scriptResult(reply)
                : reply.toInteger() == 1
                    ? WriteResult{Outcome::Done, {}}
                    : WriteResult{Outcome::Missing, tr("Not changed: this element no longer exists on the "
                                                       "server. Reload to see.")};
            if (result.outcome != Outcome::Done || generation != currentGeneration())
                return result;
            adjustTotalCount(-1);
            m_seen.remove(old.first);
            row = findRow(old, row);
            if (row < 0)
                return result;
            dropRow(row);
            if (m_kind == Kind::List && m_filter.isEmpty()) {
                // Later elements moved up one place.
                for (qsizetype i = row; i < m_rows.size(); ++i)
                    --m_rows[i].index;
                --m_offset;
                if (row < m_rows.size())
                    emit dataChanged(index(row, 0), index(int(m_rows.size()) - 1, 0));
            }
            return result;
        });
}

void CollectionModel::incrementScore(int row, double by, QObject *context, WriteResult::Callback callback)
{
    if (m_kind != Kind::SortedSet || row < 0 || row >= m_rows.size()) {
        callback({Outcome::Failed, tr("No such row.")});
        return;
    }
    const Row old = m_rows.at(row);
    const quint64 generation = currentGeneration();
    run({"ZINCRBY", m_key, QByteArray::number(by, 'g', 17), old.first}, context, std::move(callback),
        [this, row, old, generation](const RedisReply &reply) -> WriteResult {
            if (generation == currentGeneration())
                updateRow(findRow(old, row), {old.first, reply.bytes(), old.index});
            return {Outcome::Done, {}};
        });
}

int CollectionModel::findRow(const Row &old, int hint) const
{
    if (hint >= 0 && hint < m_rows.size() && m_rows.at(hint) == old)
        return hint;
    const qsizetype at = m_rows.indexOf(old);
    return at < 0 ? -1 : int(at);
}

void CollectionModel::updateRow(int row, const Row &value)
{
    if (row < 0 || row >= m_rows.size())
        return;
    m_rows[row] = value;
    emit dataChanged(index(row, 0), index(row, columnCount() - 1));
}

void CollectionModel::dropRow(int row)
{
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    endRemoveRows();
}
