#pragma once

#include "appsettings.h"
#include "connectionconfig.h"
#include "keybrowserpage.h"

#include <memory>
#include <optional>
#include <QHash>
#include <QMainWindow>
#include <QPointer>

class ConnectionTreeModel;
class ClusterClient;
class ClusterPage;
class ConsolePage;
class EmbeddedSentinel;
class SentinelClient;
class SentinelPage;
class DatabaseDock;
class EmbeddedCluster;
class EmbeddedServer;
class KeyBrowserPage;
class TtlInspectorPage;
class PubSubPage;
class HealthDashboardPage;
class ProfileStore;
class QAbstractItemModel;
class QAction;
class QInputDialog;
class QLabel;
class QStackedWidget;
class QTabWidget;
class QTimer;
class QTreeView;
class RedisConnection;
class ServerAdminPage;
class ServerInfo;
class ServerLogView;
class ServerOverviewPage;
struct ConnectionError;

// The connection tree on the left, the pages of the open connection in the middle, and what the
// server is (version, mode, role, db, latency, connection state) in the status bar. One connection is
// open at a time. Everything reaches Redis through the asynchronous RedisConnection; errors land in
// the status bar and on the pages.
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

    RedisConnection *connection() const { return m_connection; }
    ServerOverviewPage *overviewPage() const { return m_overview; }
    KeyBrowserPage *keyBrowserPage() const { return m_keys; }
    TtlInspectorPage *ttlInspectorPage() const { return m_ttl; }
    PubSubPage *pubSubPage() const { return m_pubsub; }
    HealthDashboardPage *healthPage() const { return m_health; }
    ServerAdminPage *serverAdminPage() const { return m_server; }
    ConsolePage *consolePage() const { return m_console; }
    DatabaseDock *databaseDock() const { return m_database; }
    ClusterPage *clusterPage() const { return m_clusterPage; }
    EmbeddedCluster *localCluster() const { return m_localCluster.get(); }
    QAction *localClusterAction() const { return m_localClusterAction; }
    EmbeddedSentinel *localSentinel() const { return m_localSentinel.get(); }
    QAction *localSentinelAction() const { return m_localSentinelAction; }
    SentinelPage *sentinelPage() const { return m_sentinelPage; }
    EmbeddedServer *embeddedServer() const { return m_embedded.get(); }
    ProfileStore *profileStore() const { return m_store; }
    QAbstractItemModel *connectionModel() const;

signals:
    // The open connection is ready, its overview shows INFO, the demo data (if any) is loaded and the key
    // browser shows its first page.
    void loaded();
    // The connection (or the local server) failed before loaded().
    void connectionFailed(const QString &message);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    enum class DemoState { NotWanted, Pending, Loading, Done };

    void createActions();
    void createStatusBar();
    QString selectedId() const;
    void selectId(const QString &id);
    void connectSelected();
    void connectProfile(const QString &id);
    void connectEmbedded();
    void startEmbedded();
    void openSession(const ConnectionConfig &config, const QString &id);
    void closeSession();
    void askPassword(const ConnectionConfig &config, const QString &id, const QString &reason);
    void newProfile();
    void editProfile();
    void deleteProfile();
    void toggleLocalServer();
    void showAbout();
    void showShortcuts();
    void showSettings();
    // A cluster-mode server: a ClusterClient for the session, the Cluster tab, keys scanned on every master.
    void openCluster();
    void toggleLocalCluster();
    void showFirstTab();
    // Connects to the master the sentinels name and reopens the session on the new one after a failover;
    // the sessions belong to profile id (empty: an ad-hoc or local setup).
    void followSentinels(const QList<ConnectionConfig> &sentinels, const QByteArray &masterName,
                         const ConnectionConfig &masterProfile, const QString &id = QString());
    void toggleLocalSentinel();
    // Puts m_settings into the open pages.
    void applySettings();
    void onEmbeddedReady();
    void onEmbeddedFailed(const QString &message);
    void onEmbeddedStopped();
    void onConnectionReady();
    void onConnectionError(const ConnectionError &error);
    void loadDemoData();
    void onDemoLoaded(int total, int failed, const QString &firstError);
    void onKeysScanned();
    void onInfo(const ServerInfo &info);
    void maybeEmitLoaded();
    void sendPing();
    void updateActions();
    void updateStateLabel();

    Options m_options;
    ProfileStore *m_store = nullptr;
    ConnectionTreeModel *m_treeModel = nullptr;
    QTreeView *m_tree = nullptr;
    QStackedWidget *m_central = nullptr; // a hint while not connected, else the pages
    QTabWidget *m_tabs = nullptr;
    std::unique_ptr<EmbeddedServer> m_embedded;
    bool m_embeddedHasDemo = false;
    bool m_connectEmbeddedWhenReady = false;

    // The open connection ("session"); m_session changes whenever it is replaced, so late callbacks of
    // an old connection can tell.
    RedisConnection *m_connection = nullptr;
    QString m_sessionId;
    quint64 m_session = 0;
    quint64 m_passwordRequest = 0;
    ServerOverviewPage *m_overview = nullptr;
    KeyBrowserPage *m_keys = nullptr;
    TtlInspectorPage *m_ttl = nullptr;
    PubSubPage *m_pubsub = nullptr;
    HealthDashboardPage *m_health = nullptr;
    ServerAdminPage *m_server = nullptr;
    ConsolePage *m_console = nullptr;
    AppSettings m_settings;
    DatabaseDock *m_database = nullptr;
    ClusterClient *m_cluster = nullptr; // the session's, when the server runs in cluster mode
    ClusterPage *m_clusterPage = nullptr;
    std::unique_ptr<EmbeddedCluster> m_localCluster;
    QAction *m_localClusterAction = nullptr;
    SentinelClient *m_sentinel = nullptr; // followed across sessions: each failover opens a new one
    SentinelPage *m_sentinelPage = nullptr;
    bool m_openingSentinelMaster = false;
    std::unique_ptr<EmbeddedSentinel> m_localSentinel;
    QAction *m_localSentinelAction = nullptr;
    QHash<QString, KeyBrowserPage::State> m_keyStates; // per connection, for this run
    bool m_infoSeen = false;
    bool m_keysScanned = false;
    ServerLogView *m_logView = nullptr;
    DemoState m_demo = DemoState::NotWanted;
    bool m_loadedEmitted = false;
    bool m_pingInFlight = false;
    QTimer *m_pingTimer = nullptr;
    QHash<QString, QString> m_sessionPasswords;
    QPointer<QInputDialog> m_passwordDialog;

    QAction *m_connectAction = nullptr;
    QAction *m_disconnectAction = nullptr;
    QAction *m_newProfileAction = nullptr;
    QAction *m_editProfileAction = nullptr;
    QAction *m_deleteProfileAction = nullptr;
    QAction *m_localServerAction = nullptr;

    QLabel *m_colourLabel = nullptr;
    QLabel *m_stateLabel = nullptr;
    QLabel *m_versionLabel = nullptr;
    QLabel *m_modeLabel = nullptr;
    QLabel *m_roleLabel = nullptr;
    QLabel *m_dbLabel = nullptr;
    QLabel *m_latencyLabel = nullptr;
};
