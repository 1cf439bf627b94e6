#pragma once

#include "pagedtablemodel.h"
#include "writeresult.h"

#include <functional>
#include <optional>
#include <QByteArray>
#include <QList>
#include <QSet>

class RedisConnection;
class RedisReply;

// The elements of one hash, list, set or sorted set, as a table loaded a page at a time
// (fetchMore): HSCAN / SSCAN with a cursor, LRANGE and ZRANGE … WITHSCORES by position, never
// HGETALL / SMEMBERS / whole-key reads, so a 1M-element key costs only what is scrolled to. A filter
// is a glob for HSCAN / SSCAN / ZSCAN MATCH, and an exact element for lists (LPOS).
//
// Element writes touch that element only, and check it first in one script where someone else could
// have changed it (a hash value, a list element at its index, a score): if it changed, nothing is
// written and the outcome is Conflict. Deleting one list element replaces exactly that position with a
// unique marker and LREMs the marker, so duplicates elsewhere in the list are untouched.
class CollectionModel : public PagedTableModel
{
    Q_OBJECT
public:
    enum class Kind { Hash, List, Set, SortedSet };
    static constexpr int kPageSize = 500;
    static std::optional<Kind> kindOf(QByteArrayView type);

    enum Role { BytesRole = Qt::UserRole + 1 }; // the exact bytes of a cell

    CollectionModel(RedisConnection *connection, QByteArray key, Kind kind, QObject *parent = nullptr);
    ~CollectionModel() override;

    Kind kind() const { return m_kind; }
    const QByteArray &key() const { return m_key; }
    const QByteArray &filter() const { return m_filter; }

    // Starts over with a new filter (empty = every element), as reload() does.
    void setFilter(const QByteArray &filter);

    // Hash: field, value. List: value (second is unused). Set: member. Sorted set: member, score.
    QByteArray first(int row) const { return m_rows.value(row).first; }
    QByteArray second(int row) const { return m_rows.value(row).second; }
    qint64 listIndex(int row) const { return m_rows.value(row).index; }

    // Hash: HSETNX field value. List: RPUSH value. Set: SADD member. Sorted set: ZADD NX score member.
    void addElement(const QByteArray &first, const QByteArray &second, QObject *context,
                    WriteResult::Callback callback);
    // Hash: the value. List: the element. Set: the member (renamed). Sorted set: the score.
    void setElement(int row, const QByteArray &value, QObject *context, WriteResult::Callback callback);
    void removeElement(int row, QObject *context, WriteResult::Callback callback);
    // Sorted set: ZINCRBY.
    void incrementScore(int row, double by, QObject *context, WriteResult::Callback callback);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

protected:
    void clearRows() override;
    QList<QByteArray> countCommand() const override;
    QList<QByteArray> pageCommand() override;
    void readPage(const RedisReply &reply) override;

private:
    struct Row
    {
        QByteArray first;
        QByteArray second;
        qint64 index = -1; // lists
        bool operator==(const Row &) const = default;
    };
    // Where `old` is now (replies come back after other edits may have moved rows); -1 if gone.
    int findRow(const Row &old, int hint) const;
    bool usesCursor() const;
    // Lists cannot be searched by pattern on the server: LPOS finds the exact element.
    bool searchesList() const { return m_kind == Kind::List && !m_filter.isEmpty(); }
    void readListMatches(const RedisReply &positions);
    void appendRows(QList<Row> rows);
    void run(const QList<QByteArray> &args, QObject *context, WriteResult::Callback callback,
             std::function<WriteResult(const RedisReply &)> interpret);
    void updateRow(int row, const Row &value);
    void dropRow(int row);

    QByteArray m_key;
    Kind m_kind;
    QByteArray m_filter;
    QList<Row> m_rows;
    QSet<QByteArray> m_seen; // SCAN may return an element twice
    QByteArray m_cursor = "0";
    qint64 m_offset = 0;
};
