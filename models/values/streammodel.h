#pragma once

#include "pagedtablemodel.h"
#include "writeresult.h"

#include <functional>
#include <optional>
#include <QByteArray>
#include <QList>
#include <QPair>

class RedisConnection;
class RedisReply;

// The entries of one stream, newest first, loaded a page at a time (XREVRANGE … COUNT, continued
// from the last ID seen), plus adding (XADD) and deleting (XDEL) single entries, and the consumer
// groups: XINFO GROUPS, XINFO CONSUMERS and XPENDING, read on demand.
class StreamModel : public PagedTableModel
{
    Q_OBJECT
public:
    static constexpr int kPageSize = 200;
    static constexpr int kPendingLimit = 100;
    using Fields = QList<QPair<QByteArray, QByteArray>>;

    enum Role { IdRole = Qt::UserRole + 1 };

    struct Group
    {
        QByteArray name;
        qint64 consumers = 0;
        qint64 pending = 0;
        QByteArray lastDeliveredId;
        qint64 lag = -1; // Redis >= 7.0; -1 when unknown
    };
    struct Consumer
    {
        QByteArray name;
        qint64 pending = 0;
        qint64 idleMs = 0;
    };
    struct Pending
    {
        QByteArray id;
        QByteArray consumer;
        qint64 idleMs = 0;
        qint64 deliveries = 0;
    };

    StreamModel(RedisConnection *connection, QByteArray key, QObject *parent = nullptr);
    ~StreamModel() override;

    const QByteArray &key() const { return m_key; }
    QByteArray entryId(int row) const { return m_entries.value(row).id; }
    Fields entryFields(int row) const { return m_entries.value(row).fields; }

    // XADD key id field value ...; id "*" lets the server choose. The new entry shows at the top.
    void addEntry(const QByteArray &id, const Fields &fields, QObject *context,
                  WriteResult::Callback callback);
    void deleteEntry(int row, QObject *context, WriteResult::Callback callback);

    void readGroups(QObject *context,
                    std::function<void(const QList<Group> &, const QString &error)> callback);
    void readConsumers(const QByteArray &group, QObject *context,
                       std::function<void(const QList<Consumer> &, const QString &error)> callback);
    void readPending(const QByteArray &group, QObject *context,
                     std::function<void(const QList<Pending> &, const QString &error)> callback);

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
    struct Entry
    {
        QByteArray id;
        Fields fields;
    };
    static std::optional<Entry> parseEntry(const RedisReply &reply);

    QByteArray m_key;
    QList<Entry> m_entries;
    QByteArray m_skip; // the entry the page being read starts with, loaded already
};
