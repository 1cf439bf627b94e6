#pragma once

#include "localservers.h"

#include <QObject>

class ConnectionTreeModel;
class QAction;
class QStatusBar;

// The window's three Start/Stop actions for the local servers (standalone, cluster, Sentinel setup),
// kept in step with LocalServers, with their progress in the status bar and the local server's state in
// the connection tree. openRequested(kind) when a server asked for is ready to be opened.
class LocalServerActions : public QObject
{
    Q_OBJECT

public:
    LocalServerActions(LocalServers *servers, ConnectionTreeModel *tree, QStatusBar *status, QObject *parent);

    QAction *action(LocalServers::Kind kind) const;
    // The connection tree's id of each kind (the local server's row, the cluster's and Sentinel setup's
    // rows while they run).
    static QString treeId(LocalServers::Kind kind);
    // Starts it (then openRequested) or, when running, stopping(kind) then stops it.
    void toggle(LocalServers::Kind kind);
    // Opens it: at once if ready, else once started.
    void open(LocalServers::Kind kind);

signals:
    void openRequested(LocalServers::Kind kind);
    // Its session should close now.
    void stopping(LocalServers::Kind kind);
    void stopped(LocalServers::Kind kind);
    void failed(const QString &message);

private:
    void onReady(LocalServers::Kind kind);
    void update();

    LocalServers *m_servers;
    ConnectionTreeModel *m_tree;
    QStatusBar *m_status;
    QAction *m_actions[3] = {};
    bool m_openWhenReady[3] = {};
};
