#pragma once

#include <functional>
#include <optional>
#include <QAbstractTableModel>
#include <QByteArray>
#include <QList>
#include <QPair>
#include <QPointer>

class RedisConnection;
class RedisReply;

// The entries of one stream, newest first, loaded a page at a time (XREVRANGE … COUNT, continued
// from the last ID seen), plus adding (XADD) and deleting (XDEL) single entries, and the consumer
// groups: XINFO GROUPS, XINFO CONSUMERS and XPENDING, read on demand.
class StreamModel : public QAbstractTableModel
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
    using Done = std::function<void(const QString &error)>;

    StreamModel(RedisConnection *connection, QByteArray key, QObject *parent = nullptr);
    ~StreamModel() override;

    const QByteArray &key() const { return m_key; }
    qint64 totalCount() const { return m_total; }
    bool isComplete() const { return m_complete; }
    QByteArray entryId(int row) const { return m_entries.value(row).id; }
    Fields entryFields(int row) const { return m_entries.value(row).fields; }

    void reload();
    // XADD key id field value ...; id "*" lets the server choose. The new entry shows at the top.
    void addEntry(const QByteArray &id, const Fields &fields, QObject *context, Done done);
    void deleteEntry(int row, QObject *context, Done done);

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
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

signals:
    void pageLoaded();
    void loadFailed(const QString &message);

private:
    struct Entry
    {
        QByteArray id;
        Fields fields;
    };
    static std::optional<Entry> parseEntry(const RedisReply &reply);
    void onPage(quint64 generation, const QByteArray &skip, const RedisReply &reply);

    QPointer<RedisConnection> m_connection;
    QByteArray m_key;
    QList<Entry> m_entries;
    qint64 m_total = -1;
    bool m_complete = false;
    bool m_loading = false;
    quint64 m_generation = 0;
};
