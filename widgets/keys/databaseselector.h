#pragma once

#include "serverinfo.h"

#include <QComboBox>
#include <QList>
#include <QPointer>

class Session;

// The key browser's database chooser: db0 … dbN-1 (N from CONFIG GET databases, 16 where CONFIG is
// refused) with each one's key count from INFO keyspace, summed over the masters since a cluster's
// nodes count the keys of their own slots. Choosing one SELECTs it on the session's default
// connection. Counts are asked when the session is ready and on refreshKeyspace().
class DatabaseSelector : public QComboBox
{
    Q_OBJECT
public:
    explicit DatabaseSelector(Session *session, QWidget *parent = nullptr);

    // The database the session's default connection is on.
    int database() const;
    // Asks INFO keyspace of every master again (after a scan); the counts stay as they were while a
    // master does not answer rather than show short.
    void refreshKeyspace();
    void setKeyspace(const QList<ServerInfo::Keyspace> &keyspace);

signals:
    // The session's connection is on db now.
    void databaseSelected(int db);
    void selectFailed(const QString &message);

private:
    void onSessionReady();
    void fill();
    void choose(int index);

    QPointer<Session> m_session;
    QList<ServerInfo::Keyspace> m_keyspace;
    bool m_keyspaceKnown = false;
    int m_databaseCount = 16;
};
