#include "pagedtablemodel.h"

#include "redisconnection.h"
#include "redisreply.h"

PagedTableModel::PagedTableModel(RedisConnection *connection, QObject *parent)
    : QAbstractTableModel(parent), m_connection(connection)
{}

PagedTableModel::~PagedTableModel() = default;

RedisConnection *PagedTableModel::connection() const
{
    return m_connection;
}

void PagedTableModel::reload()
{
    beginResetModel();
    ++m_generation;
    clearRows();
    m_complete = false;
    m_loading = false;
    endResetModel();
    if (!m_connection) {
        emit loadFailed(tr("Not connected."));
        return;
    }
    const quint64 generation = m_generation;
    m_connection->command(countCommand(), this, [this, generation](const RedisReply &reply) {
        if (generation == m_generation && !reply.isError())
            m_total = reply.toInteger();
    });
    fetchMore({});
}

bool PagedTableModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_complete && !m_loading;
}

void PagedTableModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent) || !m_connection)
        return;
    m_loading = true;
    const quint64 generation = m_generation;
    m_connection->command(pageCommand(), this, [this, generation](const RedisReply &reply) {
        if (generation == m_generation)
            readPage(reply);
    });
}

void PagedTableModel::adjustTotalCount(qint64 delta)
{
    if (m_total >= 0)
        m_total = std::max<qint64>(0, m_total + delta);
}

void PagedTableModel::failPage(const QString &message)
{
    m_loading = false;
    m_complete = true;
    emit loadFailed(message);
}
