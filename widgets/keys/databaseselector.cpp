#include "databaseselector.h"

#include "redisconnection.h"
#include "session.h"

#include <algorithm>
#include <QLocale>

DatabaseSelector::DatabaseSelector(Session *session, QWidget *parent) : QComboBox(parent), m_session(session)
{
    setToolTip(tr("Database (SELECT)"));
    setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(this, &QComboBox::activated, this, &DatabaseSelector::choose);
    connect(session, &Session::ready, this, &DatabaseSelector::onSessionReady);
    connect(session, &Session::databaseChanged, this, &DatabaseSelector::fill);
    fill();
    if (session->isReady())
        onSessionReady();
}

int DatabaseSelector::database() const
{
    const RedisConnection *connection = m_session ? m_session->connection() : nullptr;
    return connection ? connection->config().db : 0;
}

void DatabaseSelector::onSessionReady()
{
    refreshKeyspace();
    RedisConnection *connection = m_session->connection();
    if (!connection)
        return;
    // How many databases there are (CONFIG may be refused on managed services: 16 then).
    connection->command({"CONFIG", "GET", "databases"}, this, [this](const RedisReply &reply) {
        if (reply.isArray() && reply.elements().size() == 2) {
            bool ok = false;
            const int count = reply.elements().at(1).bytes().toInt(&ok);
            if (ok && count > 0)
                m_databaseCount = count;
        }
        fill();
    });
}

void DatabaseSelector::refreshKeyspace()
{
    if (!m_session || !m_session->isReady())
        return;
    m_session->commandOnMasters({"INFO", "keyspace"}, this, [this](const QList<Session::NodeReply> &replies) {
        QList<QList<ServerInfo::Keyspace>> perMaster;
        for (const Session::NodeReply &node : replies) {
            if (node.reply.isError() || node.reply.isArray() || node.reply.isNil())
                return;
            perMaster.append(ServerInfo::parse(node.reply.bytes()).keyspace());
        }
        if (!perMaster.isEmpty())
            setKeyspace(ServerInfo::sumKeyspaces(perMaster));
    });
}

void DatabaseSelector::setKeyspace(const QList<ServerInfo::Keyspace> &keyspace)
{
    if (m_keyspaceKnown && keyspace.size() == m_keyspace.size() &&
        std::equal(keyspace.cbegin(), keyspace.cend(), m_keyspace.cbegin(),
                   [](const ServerInfo::Keyspace &a, const ServerInfo::Keyspace &b) {
                       return a.db == b.db && a.keys == b.keys;
                   }))
        return;
    m_keyspace = keyspace;
    m_keyspaceKnown = true;
    fill();
}

void DatabaseSelector::fill()
{
    const int current = database();
    const QSignalBlocker blocker(this);
    clear();
    const int count = std::max(m_databaseCount, current + 1);
    for (int db = 0; db < count; ++db) {
        qint64 keys = 0;
        for (const ServerInfo::Keyspace &entry : std::as_const(m_keyspace)) {
            if (entry.db == db)
                keys = entry.keys;
        }
        // Until INFO keyspace arrived the counts are unknown, not zero.
        addItem(m_keyspaceKnown ? tr("db%1 (%2 keys)").arg(db).arg(QLocale().toString(keys))
                                : QStringLiteral("db%1").arg(db),
                db);
    }
    setCurrentIndex(current);
}

void DatabaseSelector::choose(int index)
{
    const int db = itemData(index).toInt();
    RedisConnection *connection = m_session ? m_session->connection() : nullptr;
    if (!connection || db == connection->config().db)
        return;
    connection->selectDatabase(db, this, [this, db](const RedisReply &reply) {
        if (reply.isError()) {
            fill();
            emit selectFailed(tr("Cannot select database %1: %2").arg(db).arg(reply.errorMessage()));
            return;
        }
        emit databaseSelected(db);
    });
}
