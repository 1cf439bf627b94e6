#include "mainwindow.h"

#include "aboutdialog.h"
#include "connectiontreemodel.h"
#include "databasedock.h"
#include "embeddedserver.h"
#include "localserveractions.h"
#include "profileactions.h"
#include "profiledialog.h"
#include "profilestore.h"
#include "serveroverviewpage.h"
#include "session.h"
#include "sessionstatusbar.h"
#include "settingsdialog.h"
#include "shortcutsdialog.h"
#include "theme.h"
#include "widgetstyle.h"

#include <QAction>
#include <QCloseEvent>
#include <QDockWidget>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>
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
const QString settingsGeometry = QStringLiteral("window/geometry");
const QString settingsState = QStringLiteral("window/state");
const QString settingsLastConnection = QStringLiteral("lastConnection");

QIcon themeIcon(const QString &name, QStyle::StandardPixmap fallback, const QStyle *style)
{
    return QIcon::fromTheme(name, style->standardIcon(fallback));
}
} // namespace

MainWindow::MainWindow(Options options, QWidget *parent)
    : QMainWindow(parent), m_options(std::move(options)), m_store(new ProfileStore(this)),
      m_treeModel(new ConnectionTreeModel(m_store, this)), m_local(new LocalServers(this)),
      m_profiles(new ProfileActions(m_store, this))
{
    initResources();
    setObjectName(QStringLiteral("mainWindow"));
    m_settings = AppSettings::load();
    setWindowTitle(tr("Keyscope"));
    m_treeModel->setEmbeddedIcon(QIcon(QStringLiteral(":/icons/keyscope.svg")));

    m_tree = new QTreeView(this);
    WidgetStyle::setAccessible(m_tree, tr("Connections"),
                               tr("Saved profiles and open connections; a row is one connection"));
    m_tree->setObjectName(QStringLiteral("connectionTree"));
    m_tree->setModel(m_treeModel);
    m_tree->setHeaderHidden(true);
    m_tree->setRootIsDecorated(false);
    m_tree->setUniformRowHeights(true);
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tree->setContextMenuPolicy(Qt::ActionsContextMenu);
    auto *dock = m_connectionsDock = new QDockWidget(tr("Connections"), this);
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
    m_sessions = new QTabWidget(m_central);
    m_sessions->setObjectName(QStringLiteral("sessions"));
    m_sessions->setTabsClosable(true);
    m_sessions->setMovable(true);
    m_central->addWidget(m_sessions);
    setCentralWidget(m_central);
    connect(m_sessions, &QTabWidget::tabCloseRequested, this,
            [this](int index) { closeView(qobject_cast<SessionView *>(m_sessions->widget(index))); });
    connect(m_sessions, &QTabWidget::currentChanged, this, [this] {
        updateTree();
        updateStatusBar();
        updateActions();
    });

    m_status = new SessionStatusBar(statusBar());
    m_localActions = new LocalServerActions(m_local, m_treeModel, statusBar(), this);
    createActions();
    createMenus();
    // The PostgreSQL behind the cache, beside any Redis connection.
    m_database = new DatabaseDock(m_store, m_options.persistState, this);
    auto *databaseDock = new QDockWidget(tr("PostgreSQL"), this);
    databaseDock->setObjectName(QStringLiteral("postgresDock"));
    databaseDock->setWidget(m_database);
    addDockWidget(Qt::BottomDockWidgetArea, databaseDock);
    databaseDock->hide(); // until asked for (View menu, --postgres) or restored with the window's state
    QMenu *viewMenu = menuBar()->findChild<QMenu *>(QStringLiteral("viewMenu"));
    viewMenu->insertAction(viewMenu->actions().value(0), databaseDock->toggleViewAction());
    viewMenu->insertAction(viewMenu->actions().value(0), dock->toggleViewAction());

    connect(m_tree, &QTreeView::activated, this, &MainWindow::connectSelected);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this, &MainWindow::updateActions);
    connect(m_treeModel, &QAbstractItemModel::modelReset, this, [this] {
        for (SessionView *view : views()) // a profile deleted: its session closes
            if (!view->id().startsWith(QLatin1Char(':')) && !m_store->profile(view->id()))
                closeView(view);
        if (SessionView *view = currentView())
            selectId(view->id());
        updateActions();
    });
    connect(m_store, &ProfileStore::keychainError, this, [this](const QString &message) {
        statusBar()->showMessage(tr("Keychain: %1. Passwords are kept for this session only.").arg(message));
    });
    connect(m_localActions, &LocalServerActions::openRequested, this, &MainWindow::connectLocal);
    connect(m_localActions, &LocalServerActions::stopping, this,
            [this](LocalServers::Kind kind) { closeView(viewFor(LocalServerActions::treeId(kind))); });
    connect(m_localActions, &LocalServerActions::stopped, this, [this](LocalServers::Kind kind) {
        if (kind != LocalServers::Kind::Standalone)
            m_treeModel->removeAdHoc(LocalServerActions::treeId(kind));
        if (SessionView *view = viewFor(LocalServerActions::treeId(kind))) {
            closeView(view);
            statusBar()->showMessage(tr("The local server stopped."));
        }
        updateActions();
    });
    connect(m_localActions, &LocalServerActions::failed, this, &MainWindow::connectionFailed);
    connect(m_profiles, &ProfileActions::created, this, &MainWindow::selectId);
    connect(m_profiles, &ProfileActions::edited, this, [this](const QString &id) {
        if (SessionView *open = viewFor(id)) { // opened again with what was saved
            closeView(open);
            connectProfile(id);
        }
    });

    resize(1200, 760);
    bool restored = false;
    if (m_options.persistState) {
        const QSettings settings;
        restoreGeometry(settings.value(settingsGeometry).toByteArray());
        restored = restoreState(settings.value(settingsState).toByteArray());
    }
    m_dockSized = restored;
    if (!m_options.postgres.isEmpty()) {
        databaseDock->show();
        m_database->target()->setText(m_options.postgres);
        m_database->open();
    }
    updateActions();
}

MainWindow::~MainWindow()
{
    // The sessions go before the local servers they are connected to.
    m_sessions->disconnect(this);
    for (SessionView *view : views())
        delete view;
    m_local->disconnect(this);
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
    m_connectAction->setStatusTip(tr("Open the selected connection in a tab of its own"));
    connect(m_connectAction, &QAction::triggered, this, &MainWindow::connectSelected);
    m_disconnectAction =
        new QAction(themeIcon(QStringLiteral("network-disconnect"), QStyle::SP_DialogCancelButton, style),
                    tr("&Disconnect"), this);
    m_disconnectAction->setObjectName(QStringLiteral("disconnectAction"));
    m_disconnectAction->setStatusTip(tr("Close the connection shown; the others stay open"));
    m_disconnectAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_W));
    connect(m_disconnectAction, &QAction::triggered, this, &MainWindow::closeCurrentView);
    m_newProfileAction = new QAction(themeIcon(QStringLiteral("document-new"), QStyle::SP_FileIcon, style),
                                     tr("&New profile…"), this);
    // Ctrl+N is the key browser's New key.
    m_newProfileAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    connect(m_newProfileAction, &QAction::triggered, m_profiles, &ProfileActions::create);
    m_editProfileAction = new QAction(
        themeIcon(QStringLiteral("document-properties"), QStyle::SP_FileDialogDetailedView, style),
        tr("&Edit profile…"), this);
    connect(m_editProfileAction, &QAction::triggered, this, [this] { m_profiles->edit(selectedId()); });
    m_deleteProfileAction = new QAction(themeIcon(QStringLiteral("edit-delete"), QStyle::SP_TrashIcon, style),
                                        tr("De&lete profile…"), this);
    connect(m_deleteProfileAction, &QAction::triggered, this, [this] { m_profiles->remove(selectedId()); });
    m_settingsAction = new QAction(tr("&Settings…"), this);
    m_settingsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    m_settingsAction->setMenuRole(QAction::PreferencesRole);
    connect(m_settingsAction, &QAction::triggered, this, &MainWindow::showSettings);
    m_tree->addActions({m_connectAction, m_disconnectAction, m_editProfileAction, m_deleteProfileAction});
}

void MainWindow::createMenus()
{
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    fileMenu->addAction(m_newProfileAction);
    fileMenu->addAction(tr("&Import connections…"), m_profiles, &ProfileActions::importFromFile);
    fileMenu->addAction(tr("&Export connections…"), m_profiles, &ProfileActions::exportToFile);
    fileMenu->addAction(m_settingsAction);
    fileMenu->addSeparator();
    QAction *quit = fileMenu->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    QMenu *connectionMenu = menuBar()->addMenu(tr("&Connection"));
    connectionMenu->addActions({m_connectAction, m_disconnectAction});
    connectionMenu->addSeparator();
    connectionMenu->addActions({m_editProfileAction, m_deleteProfileAction});
    connectionMenu->addSeparator();
    using Kind = LocalServers::Kind;
    for (Kind kind : {Kind::Standalone, Kind::Cluster, Kind::Sentinel})
        connectionMenu->addAction(m_localActions->action(kind));
    connectionMenu->addSeparator();
    // Between the open connections, as between the pages of one.
    const auto step = [this](int by) {
        if (m_sessions->count() > 1)
            m_sessions->setCurrentIndex((m_sessions->currentIndex() + by + m_sessions->count()) %
                                        m_sessions->count());
    };
    connectionMenu->addAction(tr("Next connection"), this, [step] { step(1); })
        ->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_PageDown));
    connectionMenu->addAction(tr("Previous connection"), this, [step] { step(-1); })
        ->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_PageUp));

    QMenu *viewMenu = menuBar()->addMenu(tr("&View"));
    viewMenu->setObjectName(QStringLiteral("viewMenu"));
    viewMenu->addSeparator();
    for (int i = 0; i < 9; ++i) {
        QAction *tab = viewMenu->addAction(tr("Tab %1").arg(i + 1), this, [this, i] {
            if (SessionView *view = currentView(); view && i < view->tabs()->count())
                view->tabs()->setCurrentIndex(i);
        });
        tab->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
    }
    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    QAction *shortcuts = helpMenu->addAction(tr("&Keyboard shortcuts"), this, &MainWindow::showShortcuts);
    shortcuts->setShortcut(QKeySequence::HelpContents);
    helpMenu->addAction(tr("&About Keyscope"), this, &MainWindow::showAbout);

    QToolBar *toolBar = addToolBar(tr("Main"));
    toolBar->setObjectName(QStringLiteral("mainToolBar"));
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->setMovable(false);
    toolBar->addActions({m_connectAction, m_disconnectAction, m_newProfileAction, m_editProfileAction,
                         m_deleteProfileAction});
    toolBar->addSeparator();
    toolBar->addAction(m_localActions->action(LocalServers::Kind::Standalone));
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

QList<SessionView *> MainWindow::views() const
{
    QList<SessionView *> list;
    for (int i = 0; i < m_sessions->count(); ++i)
        if (auto *view = qobject_cast<SessionView *>(m_sessions->widget(i)))
            list.append(view);
    return list;
}

SessionView *MainWindow::currentView() const
{
    return qobject_cast<SessionView *>(m_sessions->currentWidget());
}

SessionView *MainWindow::viewFor(const QString &id) const
{
    for (SessionView *view : views())
        if (view->id() == id)
            return view;
    return nullptr;
}

Session *MainWindow::session() const
{
    return currentView() ? currentView()->session() : nullptr;
}

RedisConnection *MainWindow::connection() const
{
    return session() ? session()->connection() : nullptr;
}

void MainWindow::start()
{
    // Each connection asked for on the command line opens in its own tab.
    if (m_options.connectTo) {
        const QString id = QStringLiteral(":connect-%1").arg(++m_adHocCount);
        m_treeModel->addAdHoc(id, *m_options.connectTo);
        openView(*m_options.connectTo, id);
    }
    if (m_options.localCluster)
        m_localActions->open(LocalServers::Kind::Cluster);
    if (m_options.localSentinel)
        m_localActions->open(LocalServers::Kind::Sentinel);
    if (m_options.connectTo || m_options.localCluster || m_options.localSentinel)
        return;
    const QString last = QSettings().value(settingsLastConnection).toString();
    if (m_options.useEmbedded || m_store->profiles().isEmpty() || last == ConnectionTreeModel::embeddedId())
        connectLocal(LocalServers::Kind::Standalone);
    else if (m_store->profile(last))
        connectProfile(last);
    else
        statusBar()->showMessage(tr("Double-click a connection to open it."));
}

void MainWindow::connectSelected()
{
    const QString id = selectedId();
    if (id.isEmpty())
        return;
    if (SessionView *open = viewFor(id))
        m_sessions->setCurrentWidget(open);
    else if (id == ConnectionTreeModel::embeddedId())
        connectLocal(LocalServers::Kind::Standalone);
    else if (id == LocalServerActions::treeId(LocalServers::Kind::Cluster) ||
             id == LocalServerActions::treeId(LocalServers::Kind::Sentinel))
        connectLocal(id == LocalServerActions::treeId(LocalServers::Kind::Cluster)
                         ? LocalServers::Kind::Cluster
                         : LocalServers::Kind::Sentinel);
    else if (m_store->profile(id))
        connectProfile(id);
}

void MainWindow::connectProfile(const QString &id)
{
    const auto profile = m_store->profile(id);
    if (!profile)
        return;
    selectId(id);
    statusBar()->showMessage(tr("Reading the password of %1…").arg(profile->displayName()));
    const quint64 request = ++m_passwordRequest;
    m_profiles->load(id, [this, id, request](const ConnectionConfig &config, bool found) {
        if (request != m_passwordRequest)
            return;
        statusBar()->clearMessage();
        if (!found && !config.username.isEmpty() && !config.usesSentinel())
            askPassword(config, id, {});
        else // maybe no password is needed; if the server says otherwise, the window asks
            openView(config, id);
    });
}

void MainWindow::connectLocal(LocalServers::Kind kind)
{
    if (SessionView *open = viewFor(LocalServerActions::treeId(kind))) {
        m_sessions->setCurrentWidget(open);
        return;
    }
    if (!m_local->isReady(kind)) {
        m_localActions->open(kind); // openRequested() brings it back here
        return;
    }
    SessionView::Options options;
    if (kind == LocalServers::Kind::Standalone) {
        options.demoData = m_options.demoData && !m_local->hasDemoData();
        options.logServer = m_local->server();
    } else {
        m_treeModel->addAdHoc(LocalServerActions::treeId(kind), m_local->profile(kind));
    }
    SessionView *view = openView(m_local->profile(kind), LocalServerActions::treeId(kind), options);
    connect(view, &SessionView::demoLoaded, this,
            [this](int total, int failed) { m_local->setHasDemoData(failed < total || total == 0); });
}

SessionView *MainWindow::openView(const ConnectionConfig &config, const QString &id,
                                  SessionView::Options options)
{
    if (SessionView *open = viewFor(id)) {
        m_sessions->setCurrentWidget(open);
        return open;
    }
    options.firstTab = m_options.firstTab; // --tab: every connection opens on it
    auto *view = new SessionView(config, id, m_settings, options, m_sessions);
    if (auto *keys = view->page<KeyBrowserPage>(); keys && m_keyStates.contains(id))
        keys->setState(m_keyStates.value(id));
    const int index =
        m_sessions->addTab(view, WidgetStyle::colourSwatch(config.colour, 16), config.displayName());
    if (!m_dockSized) { // once the pages set the central minimum: wide enough for a profile's name
        m_dockSized = true;
        resizeDocks({m_connectionsDock}, {fontMetrics().horizontalAdvance(QLatin1Char('x')) * 30},
                    Qt::Horizontal);
    }
    m_sessions->setTabToolTip(index, config.usesSentinel() ? config.sentinelMaster : config.endpoint());
    connect(view, &SessionView::statusChanged, this, [this, view] {
        if (view == currentView())
            updateStatusBar();
    });
    connect(view, &SessionView::message, this, [this, view](const QString &text, int timeoutMs) {
        if (view == currentView())
            statusBar()->showMessage(text, timeoutMs);
    });
    connect(view, &SessionView::loaded, this, &MainWindow::loaded);
    connect(view->session(), &Session::errorOccurred, this,
            [this, view](const ConnectionError &error) { onSessionError(view, error); });
    m_sessions->setCurrentWidget(view);
    m_central->setCurrentWidget(m_sessions);
    if (m_options.persistState && (m_store->profile(id) || id == ConnectionTreeModel::embeddedId()))
        QSettings().setValue(settingsLastConnection, id);
    statusBar()->clearMessage();
    view->open();
    updateTree();
    updateStatusBar();
    updateActions();
    return view;
}

void MainWindow::closeView(SessionView *view)
{
    if (!view)
        return;
    if (auto *keys = view->page<KeyBrowserPage>())
        m_keyStates.insert(view->id(), keys->state());
    const QString id = view->id();
    m_sessions->removeTab(m_sessions->indexOf(view));
    view->session()->disconnect(this);
    view->disconnect(this);
    view->deleteLater(); // the session closes with it; callbacks still queued see it gone
    if (id.startsWith(QLatin1String(":connect-"))) // a local cluster's row stays while it runs
        m_treeModel->removeAdHoc(id);
    if (m_sessions->count() == 0)
        m_central->setCurrentIndex(0);
    updateTree();
    updateStatusBar();
    updateActions();
}

void MainWindow::closeCurrentView()
{
    closeView(currentView());
}

void MainWindow::onSessionError(SessionView *view, const ConnectionError &error)
{
    statusBar()->showMessage(tr("%1: %2").arg(view->session()->profile().displayName(), error.message));
    if (!view->isLoaded())
        emit connectionFailed(error.message);
    if (error.kind == ConnectionError::Kind::AuthFailed && view->id() != ConnectionTreeModel::embeddedId()) {
        ConnectionConfig config = view->session()->profile();
        config.password.clear();
        m_profiles->forget(view->id());
        askPassword(config, view->id(), error.message);
    }
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
    for (QLabel *label : dialog->findChildren<QLabel *>())
        label->setTextFormat(Qt::PlainText);
    connect(dialog, &QInputDialog::textValueSelected, this, [this, config, id](const QString &password) {
        if (!id.startsWith(QLatin1Char(':')))
            m_profiles->remember(id, password);
        if (SessionView *open = viewFor(id)) { // the same pages, the session again with the password
            open->session()->reopenWithPassword(password);
            return;
        }
        ConnectionConfig withPassword = config;
        withPassword.password = password;
        openView(withPassword, id);
    });
    dialog->open();
}

void MainWindow::updateTree()
{
    QStringList open;
    for (SessionView *view : views())
        open.append(view->id());
    const QString shown = currentView() ? currentView()->id() : QString();
    m_treeModel->setOpen(open, shown);
    if (!shown.isEmpty())
        selectId(shown);
}

void MainWindow::updateActions()
{
    const QString id = selectedId();
    const bool isProfile = m_store->profile(id).has_value();
    m_connectAction->setEnabled(!id.isEmpty() && (!viewFor(id) || viewFor(id) != currentView()));
    m_disconnectAction->setEnabled(currentView() != nullptr);
    m_editProfileAction->setEnabled(isProfile);
    m_deleteProfileAction->setEnabled(isProfile);
}

void MainWindow::updateStatusBar()
{
    SessionView *view = currentView();
    m_status->show(view);
    setWindowTitle(view ? tr("%1 — Keyscope").arg(view->session()->profile().displayName()) : tr("Keyscope"));
}

void MainWindow::showAbout()
{
    QString server;
    if (SessionView *view = currentView(); view && !view->info().version().isEmpty()) {
        server = view->info().version();
        if (view->id() == ConnectionTreeModel::embeddedId())
            server = tr("%1 (embedded, %2)")
                         .arg(server, m_local->server()->options().executable.isEmpty()
                                          ? EmbeddedServer::findExecutable()
                                          : m_local->server()->options().executable);
        else
            server = tr("%1 (on %2)").arg(server, view->session()->serverConfig().endpoint());
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
    if (SessionView *view = currentView())
        for (int i = 0; i < view->tabs()->count(); ++i)
            areas.append({view->tabs()->tabText(i), ShortcutsDialog::collect(view->tabs()->widget(i))});
    auto *dialog = new ShortcutsDialog(areas, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
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
        for (SessionView *view : views())
            view->applySettings(m_settings);
    });
    dialog->open();
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
