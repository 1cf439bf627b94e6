#include "mainwindow.h"

#include "aboutdialog.h"
#include "clusterclient.h"
#include "clusterpage.h"
#include "connectiontreemodel.h"
#include "consolepage.h"
#include "databasedock.h"
#include "demodata.h"
#include "embeddedcluster.h"
#include "embeddedsentinel.h"
#include "embeddedserver.h"
#include "healthdashboardpage.h"
#include "keydetailspanel.h"
#include "profiledialog.h"
#include "profilestore.h"
#include "pubsubpage.h"
#include "redisconnection.h"
#include "sentinelclient.h"
#include "sentinelpage.h"
#include "serveradminpage.h"
#include "serverinfo.h"
#include "serverlogview.h"
#include "serveroverviewpage.h"
#include "settingsdialog.h"
#include "shortcutsdialog.h"
#include "theme.h"
#include "ttlinspectorpage.h"
#include "widgetstyle.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QPainter>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>
#include <QTimer>
#include <QToolBar>
#include <QTreeView>

static void initResources()
{
    // The icons live in this static library; registering them here keeps the linker from dropping them.
    static const bool done = [] {
        Q_INIT_RESOURCE(resources);
        return true;
    }();
    Q_UNUSED(done);
}

namespace {
constexpr int pingIntervalMs = 2000;
const QColor okColour(0x2e, 0x7d, 0x32);

const QString settingsGeometry = QStringLiteral("window/geometry");
const QString settingsState = QStringLiteral("window/state");
const QString settingsLastConnection = QStringLiteral("lastConnection");

QLabel *statusLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText);
    label->setContentsMargins(4, 0, 4, 0);
    return label;
}

QIcon themeIcon(const QString &name, QStyle::StandardPixmap fallback, const QStyle *style)
{
    return QIcon::fromTheme(name, style->standardIcon(fallback));
}

QPixmap colourSwatch(const QString &colour, int size)
{
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    if (colour.isEmpty())
        return pixmap;
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(QColor(0, 0, 0, 90), 1));
    painter.setBrush(QColor(colour));
    painter.drawEllipse(QRectF(1.5, 1.5, size - 3, size - 3));
    return pixmap;
}

void setTextColour(QLabel *label, const QColor &colour)
{
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText,
                     colour.isValid() ? colour : QApplication::palette().color(QPalette::WindowText));
    label->setPalette(palette);
}
} // namespace

MainWindow::MainWindow(Options options, QWidget *parent)
    : QMainWindow(parent), m_options(std::move(options)), m_store(new ProfileStore(this)),
      m_treeModel(new ConnectionTreeModel(m_store, this)), m_embedded(std::make_unique<EmbeddedServer>()),
      m_pingTimer(new QTimer(this))
{
    initResources();
    setObjectName(QStringLiteral("mainWindow"));
    m_settings = AppSettings::load();
    setWindowTitle(tr("Keyscope"));
    m_treeModel->setEmbeddedIcon(QIcon(QStringLiteral(":/icons/keyscope.svg")));

    m_tree = new QTreeView(this);
    m_tree->setObjectName(QStringLiteral("connectionTree"));
    m_tree->setModel(m_treeModel);
    m_tree->setHeaderHidden(true);
    m_tree->setRootIsDecorated(false);
    m_tree->setUniformRowHeights(true);
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tree->setContextMenuPolicy(Qt::ActionsContextMenu);
    auto *dock = new QDockWidget(tr("Connections"), this);
    dock->setObjectName(QStringLiteral("connectionsDock"));
    dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetClosable);
    dock->setWidget(m_tree);
    addDockWidget(Qt::LeftDockWidgetArea, dock);

    m_central = new QStackedWidget(this);
    auto *hint = new QLabel(tr("Not connected.\n\nDouble-click a connection on the left, or add one with "
                               "New profile."),
                            m_central);
    hint->setObjectName(QStringLiteral("notConnectedHint"));
    hint->setTextFormat(Qt::PlainText);
    hint->setAlignment(Qt::AlignCenter);
    hint->setWordWrap(true);
    hint->setForegroundRole(QPalette::PlaceholderText);
    m_central->addWidget(hint);
    m_tabs = new QTabWidget(m_central);
    m_tabs->setObjectName(QStringLiteral("pages"));
    m_tabs->setDocumentMode(true);
    m_central->addWidget(m_tabs);
    setCentralWidget(m_central);

    createActions();
    createStatusBar();
    // The PostgreSQL behind the cache, beside any Redis connection.
    m_database = new DatabaseDock(m_store, m_options.persistState, this);
    auto *databaseDock = new QDockWidget(tr("PostgreSQL"), this);
    databaseDock->setObjectName(QStringLiteral("postgresDock"));
    databaseDock->setWidget(m_database);
    addDockWidget(Qt::BottomDockWidgetArea, databaseDock);
    databaseDock->hide(); // until asked for (View menu, --postgres) or restored with the window's state

    QMenu *viewMenu = menuBar()->addMenu(tr("&View"));
    viewMenu->addAction(dock->toggleViewAction());
    viewMenu->addAction(databaseDock->toggleViewAction());
    viewMenu->addSeparator();
    for (int i = 0; i < 9; ++i) {
        QAction *tab = viewMenu->addAction(tr("Tab %1").arg(i + 1), this, [this, i] {
            if (i < m_tabs->count())
                m_tabs->setCurrentIndex(i);
        });
        tab->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
    }
    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    QAction *shortcuts = helpMenu->addAction(tr("&Keyboard shortcuts"), this, &MainWindow::showShortcuts);
    shortcuts->setShortcut(QKeySequence::HelpContents);
    helpMenu->addAction(tr("&About Keyscope"), this, &MainWindow::showAbout);

    connect(m_tree, &QTreeView::activated, this, &MainWindow::connectSelected);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this, &MainWindow::updateActions);
    connect(m_treeModel, &QAbstractItemModel::modelReset, this, [this] {
        selectId(m_sessionId);
        updateActions();
    });

    connect(m_store, &ProfileStore::keychainError, this, [this](const QString &message) {
        statusBar()->showMessage(tr("Keychain: %1. Passwords are kept for this session only.").arg(message));
    });
    connect(m_embedded.get(), &EmbeddedServer::ready, this, &MainWindow::onEmbeddedReady);
    connect(m_embedded.get(), &EmbeddedServer::failed, this, &MainWindow::onEmbeddedFailed);
    connect(m_embedded.get(), &EmbeddedServer::stopped, this, &MainWindow::onEmbeddedStopped);

    m_pingTimer->setInterval(pingIntervalMs);
    connect(m_pingTimer, &QTimer::timeout, this, &MainWindow::sendPing);

    resize(1200, 760);
    if (m_options.persistState) {
        const QSettings settings;
        restoreGeometry(settings.value(settingsGeometry).toByteArray());
        restoreState(settings.value(settingsState).toByteArray());
    }
    if (!m_options.postgres.isEmpty()) {
        findChild<QDockWidget *>(QStringLiteral("postgresDock"))->show();
        m_database->target()->setText(m_options.postgres);
        m_database->open();
    }
    updateActions();
    updateStateLabel();
}

MainWindow::~MainWindow()
{
    // Stop everything that could call back into this half-destroyed window, then the local server.
    closeSession();
    m_embedded->disconnect(this);
    m_embedded.reset();
}

QAbstractItemModel *MainWindow::connectionModel() const
{
    return m_treeModel;
}

void MainWindow::createActions()
{
    const QStyle *style = this->style();
    m_connectAction =
        new QAction(themeIcon(QStringLiteral("network-connect"), QStyle::SP_DialogApplyButton, style),
                    tr("&Connect"), this);
    m_connectAction->setObjectName(QStringLiteral("connectAction"));
    m_connectAction->setStatusTip(tr("Open the selected connection"));
    connect(m_connectAction, &QAction::triggered, this, &MainWindow::connectSelected);
    m_disconnectAction =
        new QAction(themeIcon(QStringLiteral("network-disconnect"), QStyle::SP_DialogCancelButton, style),
                    tr("&Disconnect"), this);
    m_disconnectAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_W));
    connect(m_disconnectAction, &QAction::triggered, this, &MainWindow::closeSession);
    m_newProfileAction = new QAction(themeIcon(QStringLiteral("document-new"), QStyle::SP_FileIcon, style),
                                     tr("&New profile…"), this);
    // Ctrl+N is the key browser's New key.
    m_newProfileAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    connect(m_newProfileAction, &QAction::triggered, this, &MainWindow::newProfile);
    m_editProfileAction = new QAction(
        themeIcon(QStringLiteral("document-properties"), QStyle::SP_FileDialogDetailedView, style),
        tr("&Edit profile…"), this);
    connect(m_editProfileAction, &QAction::triggered, this, &MainWindow::editProfile);
    m_deleteProfileAction = new QAction(themeIcon(QStringLiteral("edit-delete"), QStyle::SP_TrashIcon, style),
                                        tr("De&lete profile…"), this);
    connect(m_deleteProfileAction, &QAction::triggered, this, &MainWindow::deleteProfile);
    m_localServerAction = new QAction(this);
    connect(m_localServerAction, &QAction::triggered, this, &MainWindow::toggleLocalServer);
    m_localSentinelAction = new QAction(tr("Start local Sentinel setup"), this);
    m_localSentinelAction->setStatusTip(
        tr("A master, a replica and 3 sentinels of the local redis-server; connect "
           "to the master through the sentinels and follow its failovers"));
    connect(m_localSentinelAction, &QAction::triggered, this, &MainWindow::toggleLocalSentinel);
    m_localClusterAction = new QAction(tr("Start local cluster (6 nodes)"), this);
    m_localClusterAction->setStatusTip(
        tr("3 masters and 3 replicas of the local redis-server, then connect to it"));
    connect(m_localClusterAction, &QAction::triggered, this, &MainWindow::toggleLocalCluster);
    auto *settingsAction = new QAction(tr("&Settings…"), this);
    settingsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    settingsAction->setMenuRole(QAction::PreferencesRole);
    connect(settingsAction, &QAction::triggered, this, &MainWindow::showSettings);
    auto *quitAction = new QAction(tr("&Quit"), this);
    quitAction->setShortcut(QKeySequence::Quit);
    connect(quitAction, &QAction::triggered, this, &QWidget::close);

    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    fileMenu->addAction(m_newProfileAction);
    fileMenu->addAction(settingsAction);
    fileMenu->addSeparator();
    fileMenu->addAction(quitAction);
    QMenu *connectionMenu = menuBar()->addMenu(tr("&Connection"));
    for (QAction *action : {m_connectAction, m_disconnectAction})
        connectionMenu->addAction(action);
    connectionMenu->addSeparator();
    for (QAction *action : {m_editProfileAction, m_deleteProfileAction})
        connectionMenu->addAction(action);
    connectionMenu->addSeparator();
    connectionMenu->addAction(m_localServerAction);
    connectionMenu->addAction(m_localClusterAction);
    connectionMenu->addAction(m_localSentinelAction);

    QToolBar *toolBar = addToolBar(tr("Main"));
    toolBar->setObjectName(QStringLiteral("mainToolBar"));
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->setMovable(false);
    for (QAction *action : {m_connectAction, m_disconnectAction, m_newProfileAction, m_editProfileAction,
                            m_deleteProfileAction})
        toolBar->addAction(action);
    toolBar->addSeparator();
    toolBar->addAction(m_localServerAction);

    m_tree->addActions({m_connectAction, m_disconnectAction, m_editProfileAction, m_deleteProfileAction});
}

void MainWindow::createStatusBar()
{
    QStatusBar *bar = statusBar();
    m_colourLabel = statusLabel(QStringLiteral("colourLabel"), bar);
    m_stateLabel = statusLabel(QStringLiteral("stateLabel"), bar);
    m_versionLabel = statusLabel(QStringLiteral("versionLabel"), bar);
    m_modeLabel = statusLabel(QStringLiteral("modeLabel"), bar);
    m_roleLabel = statusLabel(QStringLiteral("roleLabel"), bar);
    m_dbLabel = statusLabel(QStringLiteral("dbLabel"), bar);
    m_latencyLabel = statusLabel(QStringLiteral("latencyLabel"), bar);
    m_versionLabel->setToolTip(tr("Server version"));
    m_modeLabel->setToolTip(tr("Server mode"));
    m_roleLabel->setToolTip(tr("Replication role"));
    m_dbLabel->setToolTip(tr("Selected database"));
    m_latencyLabel->setToolTip(tr("Round trip of PING, every two seconds"));
    for (QLabel *label :
         {m_colourLabel, m_stateLabel, m_versionLabel, m_modeLabel, m_roleLabel, m_dbLabel, m_latencyLabel})
        bar->addPermanentWidget(label);
}

QString MainWindow::selectedId() const
{
    return m_treeModel->idAt(m_tree->currentIndex());
}

void MainWindow::selectId(const QString &id)
{
    const QModelIndex index = m_treeModel->indexForId(id);
    if (index.isValid())
        m_tree->setCurrentIndex(index);
}

void MainWindow::start()
{
    if (m_options.connectTo) {
        if (m_options.connectTo->usesSentinel()) // redis+sentinel://
            followSentinels(m_options.connectTo->sentinelConfigs(),
                            m_options.connectTo->sentinelMaster.toUtf8(), *m_options.connectTo);
        else
            openSession(*m_options.connectTo, {});
        return;
    }
    if (m_options.localCluster) {
        toggleLocalCluster();
        return;
    }
    if (m_options.localSentinel) {
        toggleLocalSentinel();
        return;
    }
    if (m_options.useEmbedded || m_store->profiles().isEmpty()) {
        connectEmbedded();
        return;
    }
    const QString last = QSettings().value(settingsLastConnection).toString();
    if (last == ConnectionTreeModel::embeddedId()) {
        connectEmbedded();
    } else if (m_store->profile(last)) {
        connectProfile(last);
    } else {
        statusBar()->showMessage(tr("Double-click a connection to open it."));
    }
}

void MainWindow::connectSelected()
{
    const QString id = selectedId();
    if (id.isEmpty() || (id == m_sessionId && m_connection))
        return;
    if (id == ConnectionTreeModel::embeddedId())
        connectEmbedded();
    else
        connectProfile(id);
}

void MainWindow::connectProfile(const QString &id)
{
    const auto profile = m_store->profile(id);
    if (!profile)
        return;
    selectId(id);
    if (profile->usesSentinel()) {
        // Through Sentinel: the master's password and the sentinels' own, then the session opens on the
        // master the sentinels name and follows its failovers.
        const quint64 request = ++m_passwordRequest;
        const auto follow = [this, id, request](const ConnectionConfig &config) {
            m_store->fetchPassword(ProfileStore::sentinelPasswordId(id), this,
                                   [this, config, request](bool found, const QString &password) {
                                       if (request != m_passwordRequest)
                                           return;
                                       statusBar()->clearMessage();
                                       ConnectionConfig master = config;
                                       if (found)
                                           master.sentinelPassword = password;
                                       closeSession();
                                       if (m_options.persistState)
                                           QSettings().setValue(settingsLastConnection, master.id);
                                       followSentinels(master.sentinelConfigs(),
                                                       master.sentinelMaster.toUtf8(), master, master.id);
                                   });
        };
        statusBar()->showMessage(tr("Reading the password of %1…").arg(profile->displayName()));
        ConnectionConfig config = *profile;
        if (const auto cached = m_sessionPasswords.constFind(id); cached != m_sessionPasswords.constEnd()) {
            config.password = *cached;
            follow(config);
            return;
        }
        m_store->fetchPassword(id, this,
                               [this, config, request, follow](bool found, const QString &password) {
                                   if (request != m_passwordRequest)
                                       return;
                                   ConnectionConfig withPassword = config;
                                   if (found)
                                       withPassword.password = password;
                                   follow(withPassword);
                               });
        return;
    }
    const auto cached = m_sessionPasswords.constFind(id);
    if (cached != m_sessionPasswords.constEnd()) {
        ConnectionConfig config = *profile;
        config.password = *cached;
        openSession(config, id);
        return;
    }
    // The keychain may take its time (or show its own prompt): nothing waits for it.
    statusBar()->showMessage(tr("Reading the password of %1…").arg(profile->displayName()));
    const quint64 request = ++m_passwordRequest;
    m_store->fetchPassword(id, this,
                           [this, config = *profile, id, request](bool found, const QString &password) {
                               if (request != m_passwordRequest)
                                   return;
                               statusBar()->clearMessage();
                               if (found) {
                                   ConnectionConfig withPassword = config;
                                   withPassword.password = password;
                                   openSession(withPassword, id);
                               } else if (!config.username.isEmpty()) {
                                   askPassword(config, id, {});
                               } else {
                                   // Maybe no password is needed; if the server says otherwise,
                                   // onConnectionError asks for one.
                                   openSession(config, id);
                               }
                           });
}

void MainWindow::connectEmbedded()
{
    ++m_passwordRequest;
    selectId(ConnectionTreeModel::embeddedId());
    if (m_embedded->isReady()) {
        ConnectionConfig config = m_embedded->connectionConfig();
        config.name = tr("Local (embedded)");
        openSession(config, ConnectionTreeModel::embeddedId());
        return;
    }
    m_connectEmbeddedWhenReady = true;
    if (!m_embedded->isRunning())
        startEmbedded();
}

void MainWindow::startEmbedded()
{
    m_embeddedHasDemo = false;
    statusBar()->showMessage(tr("Starting the local redis-server…"));
    m_treeModel->setEmbeddedStatus(tr("Starting…"));
    m_embedded->start();
    updateActions();
}

void MainWindow::onEmbeddedReady()
{
    statusBar()->clearMessage();
    m_treeModel->setEmbeddedStatus(
        tr("Running on %1\nData directory: %2")
            .arg(HostPort::format(m_embedded->host(), m_embedded->port()), m_embedded->dataDir()));
    updateActions();
    if (m_connectEmbeddedWhenReady) {
        m_connectEmbeddedWhenReady = false;
        connectEmbedded();
    }
}

void MainWindow::onEmbeddedFailed(const QString &message)
{
    const QString text = tr("The local server failed: %1").arg(message);
    statusBar()->showMessage(text);
    m_treeModel->setEmbeddedStatus(text);
    updateActions();
    if (m_connectEmbeddedWhenReady || m_sessionId == ConnectionTreeModel::embeddedId()) {
        m_connectEmbeddedWhenReady = false;
        if (!m_loadedEmitted)
            emit connectionFailed(text);
    }
}

void MainWindow::onEmbeddedStopped()
{
    m_embeddedHasDemo = false;
    m_treeModel->setEmbeddedStatus(tr("Stopped"));
    if (m_sessionId == ConnectionTreeModel::embeddedId()) {
        closeSession();
        statusBar()->showMessage(tr("The local server stopped."));
    }
    updateActions();
}

void MainWindow::toggleLocalServer()
{
    if (m_embedded->isRunning()) {
        m_connectEmbeddedWhenReady = false;
        if (m_sessionId == ConnectionTreeModel::embeddedId())
            closeSession();
        m_embedded->stopAsync(); // onEmbeddedStopped() follows
        updateActions();
    } else {
        connectEmbedded();
    }
}

void MainWindow::openSession(const ConnectionConfig &config, const QString &id)
{
    if (!m_openingSentinelMaster && m_sentinel) { // another connection: stop following the sentinels
        m_sentinel->deleteLater();
        m_sentinel = nullptr;
    }
    closeSession();
    statusBar()->clearMessage();
    m_sessionId = id;
    m_connection = new RedisConnection(config, this);
    connect(m_connection, &RedisConnection::stateChanged, this, &MainWindow::updateStateLabel);
    connect(m_connection, &RedisConnection::ready, this, &MainWindow::onConnectionReady);
    connect(m_connection, &RedisConnection::errorOccurred, this, &MainWindow::onConnectionError);

    m_keys = new KeyBrowserPage(m_connection, m_tabs);
    m_keys->setScanCount(m_settings.scanCount);
    if (const auto state = m_keyStates.constFind(id); state != m_keyStates.constEnd()) {
        m_keys->setState(*state);
    } else if (m_settings.delimiters != KeyBrowserPage::State().delimiters) {
        KeyBrowserPage::State fresh;
        fresh.delimiters = m_settings.delimiters;
        m_keys->setState(fresh);
    }
    connect(m_keys, &KeyBrowserPage::scanStopped, this, &MainWindow::onKeysScanned);
    m_tabs->addTab(m_keys, tr("Keys"));
    m_ttl = new TtlInspectorPage(m_connection, m_tabs);
    m_tabs->addTab(m_ttl, tr("TTL"));
    m_pubsub = new PubSubPage(m_connection, m_tabs);
    m_tabs->addTab(m_pubsub, tr("Pub/Sub"));
    m_health = new HealthDashboardPage(m_connection, m_tabs);
    m_tabs->addTab(m_health, tr("Health"));
    m_overview = new ServerOverviewPage(m_connection, m_tabs);
    connect(m_overview, &ServerOverviewPage::infoUpdated, this, &MainWindow::onInfo);
    m_tabs->addTab(m_overview, tr("Overview"));
    m_server = new ServerAdminPage(m_connection, m_tabs);
    m_tabs->addTab(m_server, tr("Server"));
    m_console = new ConsolePage(m_connection, m_tabs);
    m_tabs->addTab(m_console, tr("Console"));
    if (m_sentinel) {
        m_sentinelPage = new SentinelPage(m_sentinel, m_tabs);
        m_tabs->insertTab(m_tabs->indexOf(m_keys) + 1, m_sentinelPage, tr("Sentinel"));
    }
    applySettings();
    connect(m_connection, &RedisConnection::databaseChanged, this,
            [this](int db) { m_dbLabel->setText(tr("db%1").arg(db)); });
    m_central->setCurrentWidget(m_tabs);
    showFirstTab();
    if (id == ConnectionTreeModel::embeddedId()) {
        m_logView = new ServerLogView(m_embedded.get(), m_tabs);
        m_tabs->addTab(m_logView, tr("Server log"));
        m_demo = m_options.demoData && !m_embeddedHasDemo ? DemoState::Pending : DemoState::NotWanted;
    }

    m_treeModel->setActiveId(id);
    selectId(id);
    if (m_options.persistState && !id.isEmpty())
        QSettings().setValue(settingsLastConnection, id);
    setWindowTitle(tr("%1 — Keyscope").arg(config.displayName()));
    m_colourLabel->setPixmap(colourSwatch(config.colour, m_stateLabel->fontMetrics().height()));
    m_dbLabel->setText(tr("db%1").arg(config.db));
    m_connection->open();
    updateStateLabel();
    updateActions();
}

void MainWindow::closeSession()
{
    ++m_session;
    m_pingTimer->stop();
    m_pingInFlight = false;
    m_loadedEmitted = false;
    m_infoSeen = false;
    m_keysScanned = false;
    m_demo = DemoState::NotWanted;
    if (m_keys)
        m_keyStates.insert(m_sessionId, m_keys->state());
    const QList<QWidget *> pages{m_keys,   m_ttl,     m_pubsub,      m_health,       m_overview,
                                 m_server, m_console, m_clusterPage, m_sentinelPage, m_logView};
    for (QWidget *page : pages) {
        if (page) {
            m_tabs->removeTab(m_tabs->indexOf(page));
            page->deleteLater();
        }
    }
    m_keys = nullptr;
    m_ttl = nullptr;
    m_pubsub = nullptr;
    m_health = nullptr;
    m_overview = nullptr;
    m_server = nullptr;
    m_console = nullptr;
    m_clusterPage = nullptr;
    m_sentinelPage = nullptr;
    m_logView = nullptr;
    m_central->setCurrentIndex(0);
    if (m_cluster) {
        m_cluster->disconnect(this);
        m_cluster->deleteLater(); // after the pages that hold its node connections
        m_cluster = nullptr;
    }
    if (m_connection) {
        // Its pending callbacks are dropped with it; those already queued see a new m_session.
        m_connection->disconnect(this);
        m_connection->deleteLater();
        m_connection = nullptr;
    }
    m_sessionId.clear();
    m_treeModel->setActiveId({});
    setWindowTitle(tr("Keyscope"));
    m_colourLabel->clear();
    for (QLabel *label : {m_versionLabel, m_modeLabel, m_roleLabel, m_dbLabel, m_latencyLabel})
        label->clear();
    updateStateLabel();
    updateActions();
}

void MainWindow::askPassword(const ConnectionConfig &config, const QString &id, const QString &reason)
{
    if (m_passwordDialog)
        m_passwordDialog->close();
    auto *dialog = new QInputDialog(this);
    m_passwordDialog = dialog;
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Password"));
    dialog->setInputMode(QInputDialog::TextInput);
    dialog->setTextEchoMode(QLineEdit::Password);
    const QString prompt = tr("Password for %1:").arg(config.displayName());
    dialog->setLabelText(reason.isEmpty() ? prompt : reason + QLatin1Char('\n') + prompt);
    // The reason and the name come from the server and the profile: never rich text.
    const auto labels = dialog->findChildren<QLabel *>();
    for (QLabel *label : labels)
        label->setTextFormat(Qt::PlainText);
    connect(dialog, &QInputDialog::textValueSelected, this, [this, config, id](const QString &password) {
        ConnectionConfig withPassword = config;
        withPassword.password = password;
        if (!id.isEmpty())
            m_sessionPasswords.insert(id, password);
        if (withPassword.usesSentinel()) // through the sentinels again, to whichever master they name now
            followSentinels(withPassword.sentinelConfigs(), withPassword.sentinelMaster.toUtf8(),
                            withPassword, id);
        else
            openSession(withPassword, id);
    });
    dialog->open();
}

void MainWindow::onConnectionReady()
{
    statusBar()->clearMessage();
    updateStateLabel();
    m_pingTimer->start();
    // A PING queued behind thousands of demo commands would not measure the network: wait for them.
    if (m_demo == DemoState::Pending)
        loadDemoData();
    else
        sendPing();
}

void MainWindow::onConnectionError(const ConnectionError &error)
{
    statusBar()->showMessage(tr("%1: %2").arg(m_connection->config().displayName(), error.message));
    m_latencyLabel->clear();
    updateStateLabel();
    if (!m_loadedEmitted)
        emit connectionFailed(error.message);
    if (error.kind == ConnectionError::Kind::AuthFailed && m_sessionId != ConnectionTreeModel::embeddedId()) {
        ConnectionConfig config = m_connection->config();
        config.password.clear();
        m_sessionPasswords.remove(m_sessionId);
        askPassword(config, m_sessionId, error.message);
    }
}

void MainWindow::loadDemoData()
{
    const QList<QList<QByteArray>> commands = DemoData::commands();
    m_demo = DemoState::Loading;
    statusBar()->showMessage(tr("Loading the demo data (%1 commands)…").arg(commands.size()));
    // Pipelined: all commands go out at once, replies are counted as they come back in order.
    struct Progress
    {
        int total = 0;
        int done = 0;
        int failed = 0;
        QString firstError;
    };
    auto progress = std::make_shared<Progress>();
    progress->total = int(commands.size());
    const quint64 session = m_session;
    for (const auto &command : commands) {
        m_connection->command(command, this, [this, session, progress](const RedisReply &reply) {
            if (session != m_session)
                return;
            ++progress->done;
            if (reply.isError()) {
                ++progress->failed;
                if (progress->firstError.isEmpty())
                    progress->firstError = reply.errorMessage();
            }
            if (progress->done == progress->total)
                onDemoLoaded(progress->total, progress->failed, progress->firstError);
        });
    }
    if (commands.isEmpty())
        onDemoLoaded(0, 0, {});
}

void MainWindow::onDemoLoaded(int total, int failed, const QString &firstError)
{
    m_demo = DemoState::Done;
    m_embeddedHasDemo = failed < total || total == 0;
    if (failed > 0)
        statusBar()->showMessage(tr("Demo data: %1 of %2 commands failed (first error: %3)")
                                     .arg(failed)
                                     .arg(total)
                                     .arg(firstError));
    else
        statusBar()->showMessage(tr("Demo data loaded (%1 commands).").arg(total), 5000);
    if (m_overview)
        m_overview->refresh();
    if (m_keys) {
        m_keysScanned = false;
        m_keys->rescan();
    }
    sendPing();
}

void MainWindow::onKeysScanned()
{
    // The scan that counts is the one after the demo data went in.
    if (m_demo == DemoState::NotWanted || m_demo == DemoState::Done) {
        m_keysScanned = true;
        maybeEmitLoaded();
    }
}

void MainWindow::onInfo(const ServerInfo &info)
{
    m_versionLabel->setText(info.version().isEmpty() ? QString() : tr("Redis %1").arg(info.version()));
    m_modeLabel->setText(info.modeText());
    m_roleLabel->setText(info.roleText());
    if (m_keys && m_cluster) {
        // The seed's INFO counts the keys of its own slots only: the database selector shows the masters'
        // sum, kept as it was while a master does not answer rather than shown short.
        m_cluster->commandOnMasters(
            {"INFO", "keyspace"}, m_keys, [keys = m_keys](const QList<ClusterClient::NodeReply> &replies) {
                QList<QList<ServerInfo::Keyspace>> perMaster;
                for (const ClusterClient::NodeReply &node : replies) {
                    if (node.reply.isError() || node.reply.isArray() || node.reply.isNil())
                        return;
                    perMaster.append(ServerInfo::parse(node.reply.bytes()).keyspace());
                }
                if (!perMaster.isEmpty())
                    keys->setKeyspace(ServerInfo::sumKeyspaces(perMaster));
            });
    } else if (m_keys) {
        m_keys->setKeyspace(info.keyspace());
    }
    if (info.mode() == QLatin1String("cluster") && !m_cluster)
        openCluster();
    m_infoSeen = true;
    maybeEmitLoaded();
}

void MainWindow::maybeEmitLoaded()
{
    if (!m_loadedEmitted && m_infoSeen && m_keysScanned &&
        (m_demo == DemoState::NotWanted || m_demo == DemoState::Done)) {
        m_loadedEmitted = true;
        emit loaded();
    }
}

void MainWindow::sendPing()
{
    if (!m_connection || !m_connection->isReady() || m_pingInFlight || m_demo == DemoState::Loading)
        return;
    m_pingInFlight = true;
    const quint64 session = m_session;
    m_connection->ping(this, [this, session](qint64 micros, const RedisReply &reply) {
        if (session != m_session)
            return;
        m_pingInFlight = false;
        if (reply.isError()) {
            m_latencyLabel->clear();
            return;
        }
        const double ms = double(micros) / 1000.0;
        m_latencyLabel->setText(tr("%1 ms").arg(QLocale().toString(ms, 'f', ms < 10 ? 2 : 0)));
    });
}

void MainWindow::updateStateLabel()
{
    if (!m_connection) {
        m_stateLabel->setText(tr("Not connected"));
        setTextColour(m_stateLabel, {});
        return;
    }
    const RedisConnection::State current = m_connection->state();
    QString state = RedisConnection::stateText(current);
    QColor colour;
    switch (current) {
    case RedisConnection::State::Disconnected:
    case RedisConnection::State::WaitingToReconnect:
        colour = WidgetStyle::errorColour(palette());
        break;
    case RedisConnection::State::Connecting:
    case RedisConnection::State::Authenticating:
        break;
    case RedisConnection::State::Ready:
        if (m_connection->config().readOnly)
            state = tr("Connected (read-only)");
        colour = okColour;
        break;
    }
    m_stateLabel->setText(tr("%1: %2").arg(m_connection->config().displayName(), state));
    const ConnectionError error = m_connection->lastError();
    m_stateLabel->setToolTip(error.isError() ? QStringLiteral("<p>%1</p>").arg(error.message.toHtmlEscaped())
                                             : QString());
    setTextColour(m_stateLabel, colour);
}

void MainWindow::updateActions()
{
    const QString id = selectedId();
    const bool isProfile = !id.isEmpty() && id != ConnectionTreeModel::embeddedId();
    m_connectAction->setEnabled(!id.isEmpty() && !(id == m_sessionId && m_connection));
    m_disconnectAction->setEnabled(m_connection != nullptr);
    m_editProfileAction->setEnabled(isProfile);
    m_deleteProfileAction->setEnabled(isProfile);
    const bool running = m_embedded && m_embedded->isRunning();
    m_localServerAction->setText(running ? tr("Stop local server") : tr("Start local server"));
    m_localServerAction->setIcon(
        style()->standardIcon(running ? QStyle::SP_MediaStop : QStyle::SP_MediaPlay));
}

void MainWindow::newProfile()
{
    auto *dialog = new ProfileDialog(m_store->keychainAvailable(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("New connection profile"));
    connect(dialog, &QDialog::accepted, this, [this, dialog] { selectId(m_store->save(dialog->config())); });
    dialog->open();
}

void MainWindow::editProfile()
{
    const QString id = selectedId();
    const auto profile = m_store->profile(id);
    if (!profile)
        return;
    auto *dialog = new ProfileDialog(m_store->keychainAvailable(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Edit connection profile"));
    dialog->setConfig(*profile);
    // The stored passwords arrive later (the keychain may even ask first). Saving before they did would
    // save empty ones, which erases them: a save waits for both, and an empty field gets the stored one.
    struct Edit
    {
        bool mainPending = true;
        bool sentinelPending = false;
        std::optional<ConnectionConfig> accepted;
    };
    auto edit = std::make_shared<Edit>();
    edit->sentinelPending = profile->usesSentinel();
    const auto saveWhenLoaded = [this, edit, id] {
        if (!edit->accepted || edit->mainPending || edit->sentinelPending)
            return;
        m_store->save(*edit->accepted);
        edit->accepted.reset();
        m_sessionPasswords.remove(id);
        if (id == m_sessionId)
            connectProfile(id);
    };
    const QPointer<ProfileDialog> shown = dialog;
    m_store->fetchPassword(id, this, [shown, edit, saveWhenLoaded](bool found, const QString &password) {
        edit->mainPending = false;
        if (found && shown && shown->config().password.isEmpty())
            shown->setPassword(password);
        if (found && edit->accepted && edit->accepted->password.isEmpty())
            edit->accepted->password = password;
        saveWhenLoaded();
    });
    if (edit->sentinelPending)
        m_store->fetchPassword(ProfileStore::sentinelPasswordId(id), this,
                               [shown, edit, saveWhenLoaded](bool found, const QString &password) {
                                   edit->sentinelPending = false;
                                   if (found && shown && shown->config().sentinelPassword.isEmpty())
                                       shown->setSentinelPassword(password);
                                   if (found && edit->accepted && edit->accepted->sentinelPassword.isEmpty())
                                       edit->accepted->sentinelPassword = password;
                                   saveWhenLoaded();
                               });
    connect(dialog, &QDialog::accepted, this, [dialog, edit, saveWhenLoaded] {
        edit->accepted = dialog->config();
        saveWhenLoaded();
    });
    dialog->open();
}

void MainWindow::deleteProfile()
{
    const QString id = selectedId();
    const auto profile = m_store->profile(id);
    if (!profile)
        return;
    QMessageBox *box = WidgetStyle::messageBox(
        this, QMessageBox::Question, tr("Delete profile"),
        tr("Delete the profile “%1”? Its saved password is deleted too.").arg(profile->displayName()),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    connect(box, &QMessageBox::finished, this, [this, box, id] {
        if (box->clickedButton() != box->button(QMessageBox::Yes))
            return;
        if (id == m_sessionId)
            closeSession();
        m_sessionPasswords.remove(id);
        m_store->remove(id);
    });
    box->open();
}

void MainWindow::showAbout()
{
    QString server;
    if (m_overview && !m_overview->info().version().isEmpty()) {
        server = m_overview->info().version();
        if (m_sessionId == ConnectionTreeModel::embeddedId())
            server = tr("%1 (embedded, %2)")
                         .arg(server, m_embedded->options().executable.isEmpty()
                                          ? EmbeddedServer::findExecutable()
                                          : m_embedded->options().executable);
        else
            server = tr("%1 (on %2)").arg(server, m_connection->config().endpoint());
    }
    auto *dialog = new AboutDialog(server, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::showShortcuts()
{
    QList<ShortcutsDialog::Entry> main = ShortcutsDialog::collect(menuBar());
    for (const ShortcutsDialog::Entry &entry : ShortcutsDialog::collect(this, Qt::FindDirectChildrenOnly))
        if (!main.contains(entry))
            main.append(entry);
    QList<ShortcutsDialog::Area> areas{{tr("Main window"), main}};
    for (int i = 0; i < m_tabs->count(); ++i)
        areas.append({m_tabs->tabText(i), ShortcutsDialog::collect(m_tabs->widget(i))});
    auto *dialog = new ShortcutsDialog(areas, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::openCluster()
{
    m_cluster = new ClusterClient(m_connection->config(), this);
    m_keys->setClusterClient(m_cluster);
    m_ttl->setClusterClient(m_cluster);
    m_server->setClusterClient(m_cluster);
    m_console->setClusterClient(m_cluster);
    m_health->setClusterClient(m_cluster); // a series per node
    m_pubsub->setClusterClient(m_cluster); // shard channels on their slots' masters
    connect(m_cluster, &ClusterClient::failed, this,
            [this](const QString &message) { statusBar()->showMessage(tr("Cluster: %1").arg(message)); });
    m_cluster->open();
    m_clusterPage = new ClusterPage(m_cluster, m_tabs);
    m_tabs->insertTab(m_tabs->indexOf(m_keys) + 1, m_clusterPage, tr("Cluster"));
    showFirstTab();
}

void MainWindow::followSentinels(const QList<ConnectionConfig> &sentinels, const QByteArray &masterName,
                                 const ConnectionConfig &masterProfile, const QString &id)
{
    delete m_sentinel;
    m_sentinel = new SentinelClient(sentinels, masterName, masterProfile, this);
    connect(m_sentinel, &SentinelClient::masterChanged, this, [this, id](const QString &host, quint16 port) {
        const bool failover = m_connection != nullptr;
        ConnectionConfig config = m_sentinel->masterConfig();
        if (config.name.isEmpty())
            config.name = tr("Sentinel master “%1”").arg(QString::fromUtf8(m_sentinel->masterName()));
        m_openingSentinelMaster = true;
        openSession(config, id);
        m_openingSentinelMaster = false;
        if (failover)
            statusBar()->showMessage(
                tr("Failover followed: the master is now %1.").arg(HostPort::format(host, port)));
    });
    connect(m_sentinel, &SentinelClient::problem, this,
            [this](const QString &message) { statusBar()->showMessage(tr("Sentinel: %1").arg(message)); });
    connect(m_sentinel, &SentinelClient::masterRefused, this,
            [this, masterProfile, id](const QString &message) {
                ConnectionConfig config = masterProfile;
                config.password.clear();
                m_sessionPasswords.remove(id);
                askPassword(config, id, message);
            });
    m_sentinel->start();
}

void MainWindow::toggleLocalSentinel()
{
    if (m_localSentinel && m_localSentinel->state() != EmbeddedSentinel::State::Stopped &&
        m_localSentinel->state() != EmbeddedSentinel::State::Failed) {
        if (m_sentinel) {
            m_sentinel->deleteLater();
            m_sentinel = nullptr;
            closeSession();
        }
        m_localSentinel->stopAsync();
        m_localSentinelAction->setText(tr("Start local Sentinel setup"));
        return;
    }
    m_localSentinel = std::make_unique<EmbeddedSentinel>();
    connect(m_localSentinel.get(), &EmbeddedSentinel::ready, this, [this] {
        statusBar()->showMessage(tr("Local Sentinel setup ready in %1 s.")
                                     .arg(m_localSentinel->formationMs() / 1000.0, 0, 'f', 1));
        followSentinels(m_localSentinel->sentinelConfigs(), m_localSentinel->masterName(),
                        m_localSentinel->masterConfig());
    });
    connect(m_localSentinel.get(), &EmbeddedSentinel::failed, this, [this](const QString &message) {
        statusBar()->showMessage(tr("The local Sentinel setup failed: %1").arg(message));
        emit connectionFailed(tr("The local Sentinel setup failed: %1").arg(message));
        m_localSentinelAction->setText(tr("Start local Sentinel setup"));
    });
    m_localSentinelAction->setText(tr("Stop local Sentinel setup"));
    statusBar()->showMessage(tr("Starting a master, a replica and 3 sentinels…"));
    m_localSentinel->start();
}

void MainWindow::showFirstTab()
{
    // Only the first connection opens on it; a tab added later (Cluster) takes it when it comes.
    for (int i = 0; i < m_tabs->count() && !m_options.firstTab.isEmpty(); ++i)
        if (m_tabs->tabText(i).compare(m_options.firstTab, Qt::CaseInsensitive) == 0) {
            m_tabs->setCurrentIndex(i);
            m_options.firstTab.clear();
        }
}

void MainWindow::toggleLocalCluster()
{
    if (m_localCluster && m_localCluster->state() != EmbeddedCluster::State::Stopped &&
        m_localCluster->state() != EmbeddedCluster::State::Failed) {
        if (m_connection && m_sessionId.isEmpty() &&
            m_connection->config().port == m_localCluster->seedConfig().port)
            closeSession();
        m_localCluster->stopAsync();
        m_localClusterAction->setText(tr("Start local cluster (6 nodes)"));
        return;
    }
    m_localCluster = std::make_unique<EmbeddedCluster>();
    connect(m_localCluster.get(), &EmbeddedCluster::ready, this, [this] {
        ConnectionConfig config = m_localCluster->seedConfig();
        config.name = tr("Local cluster (embedded)");
        statusBar()->showMessage(
            tr("Local cluster formed in %1 s.").arg(m_localCluster->formationMs() / 1000.0, 0, 'f', 1));
        openSession(config, QString());
    });
    connect(m_localCluster.get(), &EmbeddedCluster::failed, this, [this](const QString &message) {
        statusBar()->showMessage(tr("The local cluster failed: %1").arg(message));
        emit connectionFailed(tr("The local cluster failed: %1").arg(message));
        m_localClusterAction->setText(tr("Start local cluster (6 nodes)"));
    });
    m_localClusterAction->setText(tr("Stop local cluster"));
    statusBar()->showMessage(tr("Starting a local cluster of 6 redis-server nodes…"));
    m_localCluster->start();
}

void MainWindow::showSettings()
{
    auto *dialog = new SettingsDialog(m_settings, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const AppSettings before = m_settings;
        m_settings = dialog->settings();
        if (m_options.persistState)
            m_settings.save();
        if (m_settings.theme != before.theme)
            Theme::apply(m_settings.theme);
        applySettings();
    });
    dialog->open();
}

void MainWindow::applySettings()
{
    if (m_keys) {
        m_keys->setScanCount(m_settings.scanCount);
        m_keys->details()->setPreviewThreshold(m_settings.previewThreshold);
    }
    if (m_health)
        m_health->setInterval(m_settings.healthIntervalMs);
    if (m_pubsub)
        m_pubsub->setCapacity(m_settings.pubsubBuffer);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_options.persistState) {
        QSettings settings;
        settings.setValue(settingsGeometry, saveGeometry());
        settings.setValue(settingsState, saveState());
    }
    QMainWindow::closeEvent(event);
}
