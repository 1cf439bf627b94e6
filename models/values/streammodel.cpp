#include "streammodel.h"

#include "bytesescaper.h"
#include "redisconnection.h"
#include "redisreply.h"

#include <QPointer>

namespace {

// XINFO answers flat arrays of name, value, name, value …
QByteArray field(const RedisReply &map, QByteArrayView name)
{
    const QList<RedisReply> &items = map.elements();
    for (qsizetype i = 0; i + 1 < items.size(); i += 2) {
        if (items.at(i).bytes() == name)
            return items.at(i + 1).type() == RedisReply::Type::Integer
                       ? QByteArray::number(items.at(i + 1).toInteger())
                       : items.at(i + 1).bytes();
    }
    return {};
}

qint64 number(const RedisReply &map, QByteArrayView name, qint64 fallback = 0)
{
    bool ok = false;
    const qint64 value = field(map, name).toLongLong(&ok);
    return ok ? value : fallback;
}

} // namespace

StreamModel::StreamModel(RedisConnection *connection, QByteArray key, QObject *parent)
    : PagedTableModel(connection, parent), m_key(std::move(key))
{}

StreamModel::~StreamModel() = default;

void StreamModel::clearRows()
{
    m_entries.clear();
}

QList<QByteArray> StreamModel::countCommand() const
{
    return {"XLEN", m_key};
}

QList<QByteArray> StreamModel::pageCommand()
{
    // Continue below the oldest entry loaded; that entry comes back first and is skipped.
    const QByteArray end = m_entries.isEmpty() ? QByteArray("+") : m_entries.last().id;
    const QByteArray count = QByteArray::number(m_entries.isEmpty() ? kPageSize : kPageSize + 1);
    m_skip = m_entries.isEmpty() ? QByteArray() : end;
    return {"XREVRANGE", m_key, end, "-", "COUNT", count};
}

std::optional<StreamModel::Entry> StreamModel::parseEntry(const RedisReply &reply)
{
    if (!reply.isArray() || reply.elements().size() != 2)
        return std::nullopt;
    Entry entry{reply.elements().at(0).bytes(), {}};
    const QList<RedisReply> &items = reply.elements().at(1).elements();
    for (qsizetype i = 0; i + 1 < items.size(); i += 2)
        entry.fields.append({items.at(i).bytes(), items.at(i + 1).bytes()});
    return entry;
}

void StreamModel::readPage(const RedisReply &reply)
{
    if (reply.isError() || !reply.isArray()) {
        failPage(tr("Could not read the stream: %1").arg(reply.errorMessage()));
        return;
    }
    QList<Entry> entries;
    for (const RedisReply &item : reply.elements()) {
        if (auto entry = parseEntry(item); entry && entry->id != m_skip)
            entries.append(std::move(*entry));
    }
    const bool complete = entries.size() < kPageSize;
    appendPage(m_entries, std::move(entries), complete);
}

void StreamModel::addEntry(const QByteArray &id, const Fields &fields, QObject *context,
                           WriteResult::Callback callback)
{
    using Outcome = WriteResult::Outcome;
    if (fields.isEmpty()) {
        callback({Outcome::Failed, tr("An entry needs at least one field.")});
        return;
    }
    if (!connection()) {
        callback({Outcome::Failed, tr("Not connected.")});
        return;
    }
    QList<QByteArray> args{"XADD", m_key, id.isEmpty() ? QByteArray("*") : id};
    for (const auto &[name, value] : fields)
        args << name << value;
    QPointer<QObject> guard(context);
    const quint64 generation = currentGeneration();
    connection()->command(
        args, this,
        [this, fields, guard, generation, callback = std::move(callback)](const RedisReply &reply) {
            if (reply.isError()) {
                if (guard)
                    callback({Outcome::Failed, tr("Not added: %1").arg(reply.errorMessage())});
                return;
            }
            adjustTotalCount(1);
            if (generation == currentGeneration()) {
                beginInsertRows({}, 0, 0);
                m_entries.prepend({reply.bytes(), fields});
                endInsertRows();
            }
            if (guard)
                callback({Outcome::Done, {}});
        });
}

void StreamModel::deleteEntry(int row, QObject *context, WriteResult::Callback callback)
{
    using Outcome = WriteResult::Outcome;
    if (row < 0 || row >= m_entries.size() || !connection()) {
        callback({Outcome::Failed, tr("No such entry.")});
        return;
    }
    const QByteArray id = m_entries.at(row).id;
    QPointer<QObject> guard(context);
    const quint64 generation = currentGeneration();
    connection()->command(
        {"XDEL", m_key, id}, this,
        [this, id, guard, generation, callback = std::move(callback)](const RedisReply &reply) {
            WriteResult result{Outcome::Done, {}};
            if (reply.isError())
                result = {Outcome::Failed, tr("Not deleted: %1").arg(reply.errorMessage())};
            else if (reply.toInteger() == 0)
                result = {Outcome::Missing,
                          tr("Not deleted: the entry %1 no longer exists.").arg(QString::fromLatin1(id))};
            if (result.outcome == Outcome::Done && generation == currentGeneration()) {
                adjustTotalCount(-1);
                for (qsizetype i = 0; i < m_entries.size(); ++i) {
                    if (m_entries.at(i).id == id) {
                        beginRemoveRows({}, int(i), int(i));
                        m_entries.removeAt(i);
                        endRemoveRows();
                        break;
                    }
                }
            }
            if (guard)
                callback(result);
        });
}

void StreamModel::readGroups(QObject *context,
                             std::function<void(const QList<Group> &, const QString &error)> callback)
{
    if (!connection()) {
        callback({}, tr("Not connected."));
        return;
    }
    connection()->command(
        {"XINFO", "GROUPS", m_key}, context, [callback = std::move(callback)](const RedisReply &reply) {
            if (reply.isError()) {
                callback({}, tr("Could not read the consumer groups: %1").arg(reply.errorMessage()));
                return;
            }
            QList<Group> groups;
            for (const RedisReply &map : reply.elements())
                groups.append({field(map, "name"), number(map, "consumers"), number(map, "pending"),
                               field(map, "last-delivered-id"), number(map, "lag", -1)});
            callback(groups, {});
        });
}

void StreamModel::readConsumers(const QByteArray &group, QObject *context,
                                std::function<void(const QList<Consumer> &, const QString &error)> callback)
{
    if (!connection()) {
        callback({}, tr("Not connected."));
        return;
    }
    connection()->command(
        {"XINFO", "CONSUMERS", m_key, group}, context,
        [callback = std::move(callback)](const RedisReply &reply) {
            if (reply.isError()) {
                callback({}, tr("Could not read the consumers: %1").arg(reply.errorMessage()));
                return;
            }
            QList<Consumer> consumers;
            for (const RedisReply &map : reply.elements())
                consumers.append({field(map, "name"), number(map, "pending"), number(map, "idle")});
            callback(consumers, {});
        });
}

void StreamModel::readPending(const QByteArray &group, QObject *context,
                              std::function<void(const QList<Pending> &, const QString &error)> callback)
{
    if (!connection()) {
        callback({}, tr("Not connected."));
        return;
    }
    connection()->command(
        {"XPENDING", m_key, group, "-", "+", QByteArray::number(kPendingLimit)}, context,
        [callback = std::move(callback)](const RedisReply &reply) {
            if (reply.isError()) {
                callback({}, tr("Could not read the pending entries: %1").arg(reply.errorMessage()));
                return;
            }
            QList<Pending> pending;
            for (const RedisReply &item : reply.elements()) {
                const QList<RedisReply> &e = item.elements();
                if (e.size() == 4)
                    pending.append(
                        {e.at(0).bytes(), e.at(1).bytes(), e.at(2).toInteger(), e.at(3).toInteger()});
            }
            callback(pending, {});
        });
}

int StreamModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int StreamModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : 2;
}

QVariant StreamModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_entries.size())
        return {};
    const Entry &entry = m_entries.at(index.row());
    if (role == IdRole)
        return entry.id;
    if (role != Qt::DisplayRole)
        return {};
    if (index.column() == 0)
        return QString::fromLatin1(entry.id);
    QStringList parts;
    for (const auto &[name, value] : entry.fields)
        parts.append(BytesEscaper::escape(name) + QStringLiteral(": ") + BytesEscaper::escape(value));
    return parts.join(QStringLiteral("  ·  "));
}

QVariant StreamModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole || orientation != Qt::Horizontal)
        return {};
    return section == 0 ? tr("ID") : tr("Fields");
}
