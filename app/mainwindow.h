#pragma once

#include "appsettings.h"
#include "connectionconfig.h"
#include "keybrowserpage.h"
#include "localserveractions.h"
#include "localservers.h"
#include "sessionview.h"

#include <optional>
#include <QHash>
#include <QMainWindow>
#include <QPointer>

class ConnectionTreeModel;
class DatabaseDock;
class ProfileActions;
class SessionStatusBar;
class ProfileStore;
class QAbstractItemModel;
class QAction;
class QDockWidget;
class QInputDialog;
class QStackedWidget;
class QTabWidget;
class QTreeView;
class RedisConnection;
class Session;

// The connection tree on the left; in the middle a tab per open connection (a SessionView with its own
// pages), closed one by one; in the status bar what the shown session's server is (version, mode, role,
// db, latency, state) and its colour tag. Opening a connection that is already open shows it.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    struct Options
    {
        std::optional<ConnectionConfig> connectTo; // ad-hoc connection (--connect)
        bool useEmbedded = false;                  // open the local server whatever was open last time
        bool demoData = true;                      // load the demo keyspace into a fresh local server
        bool persistState = true;                  // remember geometry and the last connection
        bool localCluster = false;                 // start the local 6-node cluster and open it
        bool localSentinel = false;                // start the local Sentinel setup and follow it
        QString postgres;                          // open the PostgreSQL panel on this URL or conninfo
        QString firstTab;                          // the tab shown first (its name as shown), e.g. "Health"
    };

    explicit MainWindow(Options options, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens the first connection: the ad-hoc one, else the one open last time, else (first start,
    // no profile yet) the local server with the demo data.
    void start();

    QList<SessionView *> views() const;
    SessionView *currentView() const;
    SessionView *viewFor(const QString &id) const;
    // The shown session, its default connection, one of its pages (nullptr for none).
    Session *session() const;
    RedisConnection *connection() const;
    template <class Page> Page *page() const { return currentView() ? currentView()->page<Page>() : nullptr; }
    LocalServers *localServers() const { return m_local; }
    QAction *localClusterAction() const { return m_localActions->action(LocalServers::Kind::Cluster); }
    QAction *localSentinelAction() const { return m_localActions->action(LocalServers::Kind::Sentinel); }
    DatabaseDock *databaseDock() const { return m_database; }
    ProfileStore *profileStore() const { return m_store; }
    QAbstractItemModel *connectionModel() const;

signals:
    // The session just opened is ready, its overview shows INFO, the demo data (if any) is loaded and the
    // key browser shows its first page.
    void loaded();
    // A session (or the local server) failed before loaded().
    void connectionFailed(const QString &message);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createMenus();
    QString selectedId() const;
    void selectId(const QString &id);
    void connectSelected();
    void connectProfile(const QString &id);
    void connectLocal(LocalServers::Kind kind);
    // Shows the session of id if open, else opens config in a new tab.
    SessionView *openView(const ConnectionConfig &config, const QString &id,
                          SessionView::Options options = {});
    void closeView(SessionView *view);
    void closeCurrentView();
    void onSessionError(SessionView *view, const ConnectionError &error);
    void askPassword(const ConnectionConfig &config, const QString &id, const QString &reason);
    void showAbout();
    void showShortcuts();
    void showSettings();
    void updateTree();
    void updateActions();
    void updateStatusBar();

    Options m_options;
    ProfileStore *m_store = nullptr;
    ConnectionTreeModel *m_treeModel = nullptr;
    LocalServers *m_local = nullptr;
    QTreeView *m_tree = nullptr;
    QStackedWidget *m_central = nullptr; // a hint while nothing is open, else the sessions
    QTabWidget *m_sessions = nullptr;    // a SessionView per open connection
    QDockWidget *m_connectionsDock = nullptr;
    bool m_dockSized = false; // the connections dock got its first width (or the saved one)
    AppSettings m_settings;
    DatabaseDock *m_database = nullptr;
    QHash<QString, KeyBrowserPage::State> m_keyStates; // per connection, for this run
    ProfileActions *m_profiles = nullptr;
    LocalServerActions *m_localActions = nullptr;
    SessionStatusBar *m_status = nullptr;
    QPointer<QInputDialog> m_passwordDialog;
    quint64 m_passwordRequest = 0;
    int m_adHocCount = 0;

    QAction *m_connectAction = nullptr;
    QAction *m_disconnectAction = nullptr;
    QAction *m_newProfileAction = nullptr;
    QAction *m_editProfileAction = nullptr;
    QAction *m_deleteProfileAction = nullptr;
    QAction *m_settingsAction = nullptr;
};
