#include "blockingcall.h"
#include "clusterclient.h"
#include "clusterpage.h"
#include "clusterslot.h"
#include "clustertopologyview.h"
#include "connectiontreemodel.h"
#include "embeddedcluster.h"
#include "embeddedsentinel.h"
#include "embeddedserver.h"
#include "healthdashboardpage.h"
#include "infopoller.h"
#include "keybrowserpage.h"
#include "keyscanner.h"
#include "keytreemodel.h"
#include "localserveractions.h"
#include "localservers.h"
#include "mainwindow.h"
#include "newkeydialog.h"
#include "profiledialog.h"
#include "profilestore.h"
#include "pubsubmessagemodel.h"
#include "pubsubpage.h"
#include "redisconnection.h"
#include "sentinelpage.h"
#include "sentinelview.h"
#include "serveradminpage.h"
#include "serverlogview.h"
#include "serveroverviewpage.h"
#include "session.h"
#include "sessionview.h"
#include "settingsdialog.h"
#include "shortcutsdialog.h"
#include "testcluster.h"
#include "testsentinel.h"
#include "testserver.h"
#include "theme.h"

#include <csignal>
#include <memory>
#include <optional>
#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <qcustomplot.h>
#include <QElapsedTimer>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QTreeWidget>
#include <QTreeWidgetItem>
#include <QTreeWidgetItemIterator>

// Saves the profile, selects its row in the connection tree and connects as a user would; its id.
static QString openProfile(MainWindow &window, const ConnectionConfig &profile)
{
    const QString id = window.profileStore()->save(profile);
    auto *tree = window.findChild<QTreeView *>(QStringLiteral("connectionTree"));
    tree->setCurrentIndex(static_cast<ConnectionTreeModel *>(window.connectionModel())->indexForId(id));
    window.findChild<QAction *>(QStringLiteral("connectAction"))->trigger();
    return id;
}

class TestMainWindow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        // No profile and no keychain entry of the person running the tests: the first-start path runs.
        QVERIFY(m_settingsDir.isValid());
        QStandardPaths::setTestModeEnabled(true);
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
        QCoreApplication::setOrganizationName(QStringLiteral("KeyscopeTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
        if (EmbeddedServer::findExecutable().isEmpty())
            QSKIP("redis-server is not installed");
    }

    void firstStartRunsEmbeddedServerWithDemoData()
    {
        MainWindow window(MainWindow::Options{});
        QSignalSpy loaded(&window, &MainWindow::loaded);
        QSignalSpy failed(&window, &MainWindow::connectionFailed);
        window.show();
        window.start();
        QTRY_VERIFY_WITH_TIMEOUT(loaded.count() == 1 || failed.count() > 0, 30000);
        QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().first().toString()));

        auto *version = window.findChild<QLabel *>(QStringLiteral("versionLabel"));
        QVERIFY(version);
        QVERIFY2(version->text().startsWith(QStringLiteral("Redis 7.")), qPrintable(version->text()));
        QCOMPARE(version->textFormat(), Qt::PlainText);
        QCOMPARE(window.findChild<QLabel *>(QStringLiteral("modeLabel"))->text(),
                 QStringLiteral("Standalone"));
        QCOMPARE(window.findChild<QLabel *>(QStringLiteral("roleLabel"))->text(), QStringLiteral("Primary"));
        QCOMPARE(window.findChild<QLabel *>(QStringLiteral("dbLabel"))->text(), QStringLiteral("db0"));
        QVERIFY(window.findChild<QLabel *>(QStringLiteral("stateLabel"))
                    ->text()
                    .contains(QStringLiteral("Connected")));
        auto *latency = window.findChild<QLabel *>(QStringLiteral("latencyLabel"));
        QTRY_VERIFY_WITH_TIMEOUT(latency->text().endsWith(QStringLiteral(" ms")), 5000);

        const QAbstractItemModel *tree = window.connectionModel();
        QVERIFY(
            !tree->match(tree->index(0, 0), Qt::DisplayRole, QStringLiteral("Local (embedded)")).isEmpty());

        // The overview counts the demo keys of db0.
        ServerOverviewPage *overview = window.page<ServerOverviewPage>();
        QVERIFY(overview);
        auto *keyspace = overview->findChild<QTableWidget *>(QStringLiteral("keyspaceTable"));
        QVERIFY(keyspace);
        qint64 db0Keys = -1;
        for (int row = 0; row < keyspace->rowCount(); ++row) {
            if (keyspace->item(row, 0)->text() == QStringLiteral("db0"))
                db0Keys = keyspace->item(row, 1)->data(Qt::DisplayRole).toLongLong();
        }
        QVERIFY2(db0Keys > 3000, qPrintable(QString::number(db0Keys)));

        // The local server's log is a page too, and it logged its start.
        auto *log = window.findChild<ServerLogView *>();
        QVERIFY(log);
        QTRY_VERIFY_WITH_TIMEOUT(!log->toPlainText().isEmpty(), 5000);

        // Stopping the local server closes its pages and says so; nothing crashes.
        const qint64 pid = window.localServers()->server()->processId();
        QVERIFY(pid > 0);
        window.localServers()->server()->stop();
        QTRY_VERIFY_WITH_TIMEOUT(!window.localServers()->server()->isRunning(), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(window.connection() == nullptr, 5000);
        QVERIFY(!window.page<ServerOverviewPage>());
    }

    void unreachableServerIsReported()
    {
        ConnectionConfig config;
        config.host = QStringLiteral("127.0.0.1");
        config.port = EmbeddedServer::freePort();
        MainWindow::Options options;
        options.connectTo = config;
        options.persistState = false;
        MainWindow window(options);
        QSignalSpy failed(&window, &MainWindow::connectionFailed);
        window.show();
        window.start();
        QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty(), 10000);
        QVERIFY2(failed.first().first().toString().contains(QStringLiteral("refused")),
                 qPrintable(failed.first().first().toString()));
        auto *banner =
            window.page<ServerOverviewPage>()->findChild<QLabel *>(QStringLiteral("overviewBanner"));
        QVERIFY(banner);
        QTRY_VERIFY(banner->isVisibleTo(window.page<ServerOverviewPage>()));
        // The Keys tab, shown first, says it too.
        QVERIFY2(window.page<KeyBrowserPage>()->statusText().contains(QStringLiteral("not connected: ")),
                 qPrintable(window.page<KeyBrowserPage>()->statusText()));
        QVERIFY(banner->text().contains(QStringLiteral("refused")));
        QCOMPARE(banner->textFormat(), Qt::PlainText);
        QVERIFY(!window.findChild<QLabel *>(QStringLiteral("stateLabel"))
                     ->text()
                     .contains(QStringLiteral("Connected")));
    }

    void shortcutsAreListedAndUnambiguous()
    {
        MainWindow::Options options;
        ConnectionConfig config;
        config.port = EmbeddedServer::freePort(); // nothing listens: the pages exist all the same
        options.connectTo = config;
        options.persistState = false;
        MainWindow window(options);
        window.show();
        window.start();
        QAction *help = nullptr;
        for (QAction *action : window.findChildren<QAction *>())
            if (action->text() == QStringLiteral("&Keyboard shortcuts"))
                help = action;
        QVERIFY(help);
        QCOMPARE(help->shortcut(), QKeySequence(QKeySequence::HelpContents));
        help->trigger();
        ShortcutsDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = window.findChild<ShortcutsDialog *>()));
        QHash<QString, QHash<QString, QString>> shown; // area -> action -> keys
        for (int i = 0; i < dialog->tree()->topLevelItemCount(); ++i) {
            const QTreeWidgetItem *area = dialog->tree()->topLevelItem(i);
            for (int j = 0; j < area->childCount(); ++j)
                shown[area->text(0)].insert(area->child(j)->text(0), area->child(j)->text(1));
        }
        QCOMPARE(shown["Main window"].value("New profile…"), QKeySequence("Ctrl+Shift+N").toString());
        QCOMPARE(shown["Main window"].value("Tab 2"), QKeySequence("Ctrl+2").toString());
        QCOMPARE(shown["Keys"].value("Delete…"), QKeySequence(QKeySequence::Delete).toString());
        QCOMPARE(shown["Keys"].value("New key…"), QKeySequence(QKeySequence::New).toString());
        QCOMPARE(shown["Pub/Sub"].value("Copy the selected payload"),
                 QKeySequence(QKeySequence::Copy).toString());
        // A key of the main window is never also a page's: Qt would call it ambiguous and do nothing.
        const QList<QString> mainKeys = shown["Main window"].values();
        for (auto area = shown.cbegin(); area != shown.cend(); ++area)
            if (area.key() != "Main window")
                for (const QString &keys : area.value())
                    QVERIFY2(!mainKeys.contains(keys), qPrintable(area.key() + ": " + keys));
    }

    void preferencesReachThePages()
    {
        {
            QSettings file;
            file.beginGroup(QStringLiteral("preferences"));
            file.setValue(QStringLiteral("scanCount"), 5000);
            file.setValue(QStringLiteral("delimiters"), QStringLiteral(":/"));
            file.setValue(QStringLiteral("healthIntervalMs"), 5000);
            file.setValue(QStringLiteral("pubsubBuffer"), 250000);
        }
        MainWindow::Options options;
        ConnectionConfig config;
        config.port = EmbeddedServer::freePort();
        options.connectTo = config;
        options.persistState = false;
        MainWindow window(options);
        window.show();
        window.start();
        QTRY_VERIFY(window.page<KeyBrowserPage>());
        QCOMPARE(window.page<KeyBrowserPage>()->scanner()->options().count, 5000);
        QCOMPARE(window.page<KeyBrowserPage>()->state().delimiters, QStringLiteral(":/"));
        QCOMPARE(window.page<HealthDashboardPage>()->interval(), 5000);
        QCOMPARE(window.page<PubSubPage>()->messages()->capacity(), 250000);

        // Changed in the dialog: the open pages follow, the theme too.
        QAction *settings = nullptr;
        for (QAction *action : window.findChildren<QAction *>())
            if (action->text() == QStringLiteral("&Settings…"))
                settings = action;
        QVERIFY(settings);
        settings->trigger();
        SettingsDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = window.findChild<SettingsDialog *>()));
        dialog->findChild<QSpinBox *>(QStringLiteral("scanCount"))->setValue(200);
        dialog->findChild<QSpinBox *>(QStringLiteral("pubsubBuffer"))->setValue(5000);
        auto *theme = dialog->findChild<QComboBox *>(QStringLiteral("theme"));
        theme->setCurrentIndex(theme->findText(QStringLiteral("Dark")));
        dialog->accept();
        QCOMPARE(window.page<KeyBrowserPage>()->scanner()->options().count, 200);
        QCOMPARE(window.page<PubSubPage>()->messages()->capacity(), 5000);
        QVERIFY(Theme::isDark(QApplication::palette()));
        QTRY_VERIFY(Theme::isDark(window.page<HealthDashboardPage>()->palette()));
        // The charts are drawn on the dark base too.
        auto *chart = window.page<HealthDashboardPage>()->findChild<QCustomPlot *>();
        QVERIFY(chart);
        QTRY_VERIFY(qGray(chart->grab().toImage().pixel(3, 3)) < 80);
        Theme::apply(AppSettings::Theme::System);
        QVERIFY(!Theme::isDark(QApplication::palette()));
        QSettings().remove(QStringLiteral("preferences"));
    }

    void localClusterIsShownAndBrowsedOnEveryMaster()
    {
        MainWindow::Options options;
        options.persistState = false;
        MainWindow window(options);
        window.show();
        window.localClusterAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(window.page<ClusterPage>(), 30000);
        ClusterTopologyView *view = window.page<ClusterPage>()->view();
        QTRY_COMPARE_WITH_TIMEOUT(view->topology().nodes().size(), qsizetype(6), 15000);
        QCOMPARE(view->tree()->topLevelItemCount(), 3); // masters, their replicas beneath
        for (int i = 0; i < 3; ++i)
            QCOMPARE(view->tree()->topLevelItem(i)->childCount(), 1);

        // Keys written on all three masters are all found by the key browser.
        ClusterClient writer(window.localServers()->cluster()->seedConfig());
        QVERIFY(TestCluster::open(writer));
        int answered = 0;
        for (int i = 0; i < 60; ++i)
            writer.command({"SET", "user:" + QByteArray::number(i), "v"}, this,
                           [&answered](const RedisReply &reply) { answered += reply.isError() ? 0 : 1; });
        QTRY_COMPARE(answered, 60);
        QTRY_VERIFY(window.page<KeyBrowserPage>()->scanner()->isComplete() ||
                    !window.page<KeyBrowserPage>()->scanner()->isRunning());
        window.page<KeyBrowserPage>()->rescan();
        QTRY_COMPARE_WITH_TIMEOUT(window.page<KeyBrowserPage>()->scanner()->keys().size(), qsizetype(60),
                                  10000);

        // The database selector counts the keys of every master, not those of the seed's slots alone.
        QComboBox *database = nullptr;
        for (QComboBox *box : window.page<KeyBrowserPage>()->findChildren<QComboBox *>())
            if (box->toolTip() == QStringLiteral("Database (SELECT)"))
                database = box;
        QVERIFY(database);
        QTRY_COMPARE_WITH_TIMEOUT(database->itemText(0), QStringLiteral("db0 (60 keys)"), 10000);

        // The Type column of a key held by another master than the seed is asked of that master.
        QByteArray far;
        for (int i = 0; i < 60 && far.isEmpty(); ++i) {
            const QByteArray key = "user:" + QByteArray::number(i);
            const ClusterNode *master = writer.topology().masterForSlot(ClusterSlot::slotOf(key));
            if (master && master->port != window.localServers()->cluster()->seedConfig().port)
                far = key;
        }
        QVERIFY(!far.isEmpty());
        KeyTreeModel *model = window.page<KeyBrowserPage>()->model();
        const QModelIndex index = model->revealKey(far);
        QVERIFY(index.isValid());
        model->requestMetadata({index});
        QTRY_COMPARE(index.sibling(index.row(), KeyTreeModel::TypeColumn).data().toString(),
                     QStringLiteral("string"));

        // Deleting it deletes it on that master.
        window.page<KeyBrowserPage>()->view()->setCurrentIndex(index);
        QAction *remove = nullptr;
        for (QAction *action : window.page<KeyBrowserPage>()->findChildren<QAction *>())
            if (action->text() == QStringLiteral("Delete…"))
                remove = action;
        QVERIFY(remove && remove->isEnabled());
        remove->trigger();
        QMessageBox *question = nullptr;
        QTRY_VERIFY((question = window.page<KeyBrowserPage>()->findChild<QMessageBox *>()));
        question->button(QMessageBox::Yes)->click();
        qint64 exists = -1;
        QObject replies; // destroyed before exists: no late reply writes to it
        for (int attempt = 0; attempt < 50 && exists != 0; ++attempt) {
            writer.command({"EXISTS", far}, &replies,
                           [&exists](const RedisReply &reply) { exists = reply.toInteger(); });
            QTest::qWait(100);
        }
        QCOMPARE(exists, qint64(0));

        // A new key is created on the master of its slot: the name just deleted belongs to another master.
        QAction *create = nullptr;
        for (QAction *action : window.page<KeyBrowserPage>()->findChildren<QAction *>())
            if (action->text() == QStringLiteral("New key…"))
                create = action;
        QVERIFY(create && create->isEnabled());
        create->trigger();
        QPointer<NewKeyDialog> dialog;
        QTRY_VERIFY((dialog = window.page<KeyBrowserPage>()->findChild<NewKeyDialog *>()));
        dialog->findChild<QLineEdit *>(QStringLiteral("nameEdit"))->setText(QString::fromLatin1(far));
        dialog->findChild<QPlainTextEdit *>(QStringLiteral("valueEdit"))
            ->setPlainText(QStringLiteral("again"));
        dialog->accept();
        QTRY_VERIFY(!dialog); // closed (and deleted) once the key was created
        exists = -1;
        for (int attempt = 0; attempt < 50 && exists != 1; ++attempt) {
            writer.command({"EXISTS", far}, &replies,
                           [&exists](const RedisReply &reply) { exists = reply.toInteger(); });
            QTest::qWait(100);
        }
        QCOMPARE(exists, qint64(1));

        // The Server tab offers every node; deleting by pattern works on every master.
        QTRY_COMPARE(window.page<ServerAdminPage>()->nodeChooser()->count(), 6);
        QAction *bulk = nullptr;
        for (QAction *action : window.page<KeyBrowserPage>()->findChildren<QAction *>())
            if (action->text() == QStringLiteral("Delete keys matching a pattern…"))
                bulk = action;
        QVERIFY(bulk && bulk->isEnabled());

        // A master (not the one the session is on) killed: the Cluster tab shows it failed and its replica
        // promoted, and the Keys tab finds every key again, the promoted replica's included.
        int replicated = 0;
        writer.commandOnMasters({"WAIT", "1", "5000"}, this,
                                [&replicated](const QList<ClusterClient::NodeReply> &answers) {
                                    for (const ClusterClient::NodeReply &reply : answers)
                                        replicated += reply.reply.toInteger() == 1 ? 1 : 0;
                                });
        QTRY_COMPARE_WITH_TIMEOUT(replicated, 3, 10000);
        EmbeddedCluster *cluster = window.localServers()->cluster();
        QVERIFY(cluster->node(1)->port() != window.connection()->config().port);
        const QByteArray killed = cluster->nodeId(1);
        QByteArray promoted;
        for (const ClusterNode &node : view->topology().nodes())
            if (node.masterId == killed)
                promoted = node.id;
        QVERIFY(!promoted.isEmpty());
        QElapsedTimer clock;
        clock.start();
        QVERIFY(::kill(pid_t(cluster->node(1)->processId()), SIGKILL) == 0);
        QTRY_VERIFY_WITH_TIMEOUT(
            view->topology().node(promoted) && view->topology().node(promoted)->isMaster() &&
                view->topology().node(promoted)->slotCount() > 0 && view->topology().node(killed) &&
                view->topology().node(killed)->isFailed(),
            30000);
        qInfo("kill (cluster-node-timeout 5 s) -> the Cluster tab shows the promoted replica: %lld ms",
              clock.elapsed());
        // The dead node shows no figures rather than its last ones.
        const auto deadMemory = [&] {
            for (QTreeWidgetItemIterator it(view->tree()); *it; ++it)
                if ((*it)->text(ClusterTopologyView::IdColumn) == QString::fromLatin1(killed))
                    return (*it)->text(ClusterTopologyView::MemoryColumn);
            return QStringLiteral("(no row)");
        };
        QTRY_COMPARE_WITH_TIMEOUT(deadMemory(), QString(), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(window.page<KeyBrowserPage>()->scanner()->isComplete() &&
                                     window.page<KeyBrowserPage>()->scanner()->keys().size() == 60,
                                 20000);

        // Stopping it closes the session.
        window.localClusterAction()->trigger();
        QTRY_VERIFY(!window.connection());
    }

    void sentinelFailoverIsFollowed()
    {
        MainWindow::Options options;
        options.persistState = false;
        MainWindow window(options);
        window.show();
        window.localSentinelAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(
            window.connection() && window.connection()->isReady() && window.page<SentinelPage>(), 30000);
        const quint16 before = window.connection()->config().port;
        QCOMPARE(before, window.localServers()->sentinel()->masterConfig().port);
        QTRY_VERIFY(window.page<SentinelPage>()->view()->replicasItem()->childCount() == 1);

        auto sentinel = TestServer::connect(window.localServers()->sentinel()->sentinelConfigs().first());
        QVERIFY(sentinel);
        QElapsedTimer clock;
        clock.start();
        QVERIFY(!blockingCall(*sentinel,
                              {"SENTINEL", "FAILOVER", window.localServers()->sentinel()->masterName()})
                     .isError());
        // The window reopens on the promoted replica by itself.
        QTRY_VERIFY_WITH_TIMEOUT(window.connection() && window.connection()->config().port != before &&
                                     window.connection()->isReady(),
                                 20000);
        qInfo("failover followed by the window in %lld ms", clock.elapsed());
        QCOMPARE(window.connection()->config().port, window.localServers()->sentinel()->replicaConfig().port);
        QVERIFY(window.page<SentinelPage>());

        window.localSentinelAction()->trigger();
        QTRY_VERIFY(!window.connection());
    }

    void connectionModelFollowsProfiles()
    {
        ProfileStore store;
        ConnectionTreeModel model(&store);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const int before = model.rowCount();
        QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("Local (embedded)"));
        QCOMPARE(model.index(0, 0).data(ConnectionTreeModel::IdRole).toString(),
                 ConnectionTreeModel::embeddedId());

        ConnectionConfig config;
        config.name = QStringLiteral("<b>prod</b>");
        config.host = QStringLiteral("cache.example.com");
        config.colour = QStringLiteral("#e53935");
        const QString id = store.save(config);
        QCOMPARE(model.rowCount(), before + 1);
        const QModelIndex index = model.indexForId(id);
        QVERIFY(index.isValid());
        QCOMPARE(index.data().toString(), QStringLiteral("<b>prod</b>"));
        QCOMPARE(index.data(Qt::DecorationRole).value<QColor>(), QColor(QStringLiteral("#e53935")));
        // Tooltips are escaped rich text: the name cannot inject markup.
        QVERIFY(!index.data(Qt::ToolTipRole).toString().contains(QStringLiteral("<b>")));

        // Open connections say so; the one shown is bold.
        model.setOpen({id, ConnectionTreeModel::embeddedId()}, id);
        QVERIFY(index.data(Qt::FontRole).value<QFont>().bold());
        QCOMPARE(index.data().toString(), QStringLiteral("<b>prod</b> (open)"));
        QVERIFY(!model.index(0, 0).data(Qt::FontRole).value<QFont>().bold());
        QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("Local (embedded) (open)"));
        model.setOpen({}, {});
        QCOMPARE(index.data().toString(), QStringLiteral("<b>prod</b>"));

        // A connection without a profile has a row while it is open.
        ConnectionConfig adHoc;
        adHoc.host = QStringLiteral("10.0.0.7");
        adHoc.port = 6380;
        model.addAdHoc(QStringLiteral(":connect-1"), adHoc);
        QCOMPARE(model.rowCount(), before + 2);
        const QModelIndex adHocRow = model.indexForId(QStringLiteral(":connect-1"));
        QCOMPARE(adHocRow.data().toString(), QStringLiteral("10.0.0.7:6380"));
        QCOMPARE(adHocRow.row(), model.rowCount() - 1); // after the profiles
        const ConnectionConfig second = [&] {
            ConnectionConfig c = config;
            c.id.clear();
            c.name = QStringLiteral("second");
            return c;
        }();
        const QString secondId = store.save(second); // a profile added while an ad-hoc row is there
        QCOMPARE(model.indexForId(QStringLiteral(":connect-1")).row(), model.rowCount() - 1);
        store.remove(secondId);
        model.removeAdHoc(QStringLiteral(":connect-1"));
        QCOMPARE(model.rowCount(), before + 1);

        store.remove(id);
        QCOMPARE(model.rowCount(), before);
        QVERIFY(!model.indexForId(id).isValid());
    }

    void passwordIsAskedWhenTheServerWantsOne()
    {
        TestServer server;
        QVERIFY(server.start({QStringLiteral("--requirepass"), QStringLiteral("s3cret")}));
        MainWindow::Options options;
        options.persistState = false;
        MainWindow window(options);
        ConnectionConfig profile = server.config();
        profile.name = QStringLiteral("Protected");
        profile.colour = QStringLiteral("#1e88e5");
        window.show();
        auto *model = static_cast<ConnectionTreeModel *>(window.connectionModel());
        QSignalSpy loaded(&window, &MainWindow::loaded);
        const QString id = openProfile(window, profile);

        // No password stored: the server refuses, and the window asks (without blocking).
        QInputDialog *prompt = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((prompt = window.findChild<QInputDialog *>()) != nullptr, 10000);
        QCOMPARE(prompt->textEchoMode(), QLineEdit::Password);
        prompt->setTextValue(QStringLiteral("s3cret"));
        prompt->accept();
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 10000);
        auto *state = window.findChild<QLabel *>(QStringLiteral("stateLabel"));
        QVERIFY2(state->text().contains(QStringLiteral("Protected: Connected")), qPrintable(state->text()));
        QVERIFY(model->indexForId(id).data(Qt::FontRole).value<QFont>().bold());
        QVERIFY(!window.findChild<QLabel *>(QStringLiteral("colourLabel"))->pixmap().isNull());

        window.profileStore()->remove(id);
        QVERIFY(!model->indexForId(id).isValid());
    }

    void sentinelProfileOpensOnTheMaster()
    {
        TestSentinel sentinels;
        EmbeddedSentinel::Options setupOptions;
        setupOptions.password = QStringLiteral("master-secret");
        QVERIFY(sentinels.start(setupOptions));
        const EmbeddedSentinel &setup = sentinels.setup();
        // The sentinels have a user of their own, with another password than the master's.
        for (const ConnectionConfig &config : setup.sentinelConfigs()) {
            const auto sentinel = TestServer::connect(config);
            QVERIFY(sentinel);
            QVERIFY(!blockingCall(*sentinel, {"ACL", "SETUSER", "watcher", "on", ">watch-pw", "+@all"})
                         .isError());
        }
        MainWindow::Options options;
        options.persistState = false;
        MainWindow window(options);
        ConnectionConfig profile;
        profile.name = QStringLiteral("Through Sentinel");
        for (const ConnectionConfig &config : setup.sentinelConfigs())
            profile.sentinels.append({config.host, config.port});
        profile.sentinelMaster = QString::fromUtf8(setup.masterName());
        profile.sentinelUsername = QStringLiteral("watcher");
        profile.sentinelPassword = QStringLiteral("watch-pw");
        profile.password = setupOptions.password;
        window.show();
        auto *model = static_cast<ConnectionTreeModel *>(window.connectionModel());
        const QString id = openProfile(window, profile);
        QTRY_VERIFY_WITH_TIMEOUT(
            window.connection() && window.connection()->isReady() && window.page<SentinelPage>(), 15000);
        QCOMPARE(window.connection()->config().endpoint(),
                 QStringLiteral("127.0.0.1:%1").arg(setup.master()->port()));
        QCOMPARE(window.connection()->config().password, setupOptions.password);
        auto *state = window.findChild<QLabel *>(QStringLiteral("stateLabel"));
        QTRY_VERIFY2(state->text().contains(QStringLiteral("Connected")), qPrintable(state->text()));
        QVERIFY(model->index(model->indexForId(id).row(), 0)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("redis+sentinel://")));
        auto reply = std::make_shared<std::optional<RedisReply>>();
        window.connection()->command({"ROLE"}, nullptr, [reply](const RedisReply &r) { *reply = r; });
        QTRY_VERIFY(reply->has_value());
        QCOMPARE((*reply)->elements().value(0).bytes(), QByteArray("master"));
        // The session is the profile's: its name in the title.
        QVERIFY2(window.windowTitle().startsWith(QStringLiteral("Through Sentinel")),
                 qPrintable(window.windowTitle()));

        // Editing the profile shows the sentinels' password, and saving it keeps it.
        QAction *edit = nullptr;
        for (QAction *action : window.findChildren<QAction *>())
            if (action->text() == QStringLiteral("&Edit profile…"))
                edit = action;
        QVERIFY(edit);
        edit->trigger();
        QPointer<ProfileDialog> dialog;
        QTRY_VERIFY((dialog = window.findChild<ProfileDialog *>()));
        QTRY_COMPARE(dialog->config().sentinelPassword, QStringLiteral("watch-pw"));
        dialog->accept();
        std::optional<QString> kept;
        window.profileStore()->fetchPassword(
            ProfileStore::sentinelPasswordId(id), this,
            [&kept](bool found, const QString &password) { kept = found ? password : QString(); });
        QTRY_VERIFY(kept.has_value());
        QCOMPARE(*kept, QStringLiteral("watch-pw"));
        // Even saved before the stored passwords reached the dialog: nothing is erased.
        edit->trigger();
        QTRY_VERIFY((dialog = window.findChild<ProfileDialog *>()));
        QVERIFY(dialog->config().sentinelPassword.isEmpty()); // not loaded yet
        dialog->accept();
        kept.reset();
        QTRY_VERIFY(!window.findChild<ProfileDialog *>());
        window.profileStore()->fetchPassword(
            ProfileStore::sentinelPasswordId(id), this,
            [&kept](bool found, const QString &password) { kept = found ? password : QString(); });
        QTRY_VERIFY(kept.has_value());
        QCOMPARE(*kept, QStringLiteral("watch-pw"));
        window.profileStore()->remove(id);

        // No master password stored: the master refuses, the window asks, and follows the sentinels with it.
        ConnectionConfig bare = profile;
        bare.id.clear();
        bare.name = QStringLiteral("No password");
        bare.password.clear();
        const QString bareId = openProfile(window, bare);
        QInputDialog *prompt = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((prompt = window.findChild<QInputDialog *>()) != nullptr, 10000);
        QVERIFY2(prompt->labelText().contains(QStringLiteral("NOAUTH")), qPrintable(prompt->labelText()));
        prompt->setTextValue(setupOptions.password);
        prompt->accept();
        QTRY_VERIFY_WITH_TIMEOUT(window.connection() && window.connection()->isReady() &&
                                     window.connection()->config().name == QStringLiteral("No password"),
                                 15000);
        QCOMPARE(window.connection()->config().port, setup.master()->port());
        QVERIFY(window.page<SentinelPage>()); // still through the sentinels
        window.profileStore()->remove(bareId);

        // --connect redis+sentinel://…: the same, without a profile.
        MainWindow::Options adHoc = options;
        profile.id.clear();
        adHoc.connectTo = profile;
        MainWindow direct(adHoc);
        direct.start();
        QTRY_VERIFY_WITH_TIMEOUT(direct.connection() && direct.connection()->isReady(), 15000);
        QCOMPARE(direct.connection()->config().port, setup.master()->port());
    }

    void twoSessionsSideBySide()
    {
        TestServer server;
        QVERIFY(server.start());
        MainWindow::Options options;
        options.persistState = false;
        MainWindow window(options);
        ConnectionConfig profile = server.config();
        profile.name = QStringLiteral("Staging");
        profile.colour = QStringLiteral("#e53935");
        window.show();
        auto *model = static_cast<ConnectionTreeModel *>(window.connectionModel());
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QString id = openProfile(window, profile);
        QTRY_VERIFY_WITH_TIMEOUT(window.session() && window.session()->isReady(), 10000);
        SessionView *staging = window.currentView();
        QVERIFY(!staging->page<ClusterPage>());

        // The key filter typed in the first session stays with it.
        KeyBrowserPage::State filtered = staging->page<KeyBrowserPage>()->state();
        filtered.pattern = QStringLiteral("only:*");
        staging->page<KeyBrowserPage>()->setState(filtered);

        // A second connection, a cluster: the first stays open beside it.
        window.localClusterAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(window.views().size() == 2 && window.page<ClusterPage>(), 40000);
        SessionView *cluster = window.currentView();
        QVERIFY(cluster != staging);
        QTRY_VERIFY_WITH_TIMEOUT(cluster->session()->isReady(), 10000);
        auto *sessions = window.findChild<QTabWidget *>(QStringLiteral("sessions"));
        QCOMPARE(sessions->count(), 2);
        QCOMPARE(sessions->tabText(0), QStringLiteral("Staging"));
        QCOMPARE(sessions->tabText(1), QStringLiteral("Local cluster (embedded)"));
        QVERIFY(!sessions->tabIcon(0).isNull()); // the colour tag
        // A cluster's pages (six nodes in the Health key) leave a 1280-pixel screen room for the
        // connection list beside them.
        QTRY_VERIFY(cluster->page<HealthDashboardPage>()
                        ->findChild<QWidget *>(QStringLiteral("nodeKey"))
                        ->layout()
                        ->count() >= 12);
        QVERIFY2(sessions->minimumSizeHint().width() < 1000,
                 qPrintable(QString::number(sessions->minimumSizeHint().width())));
        const QModelIndex stagingRow = model->indexForId(id);
        const QModelIndex clusterRow =
            model->indexForId(LocalServerActions::treeId(LocalServers::Kind::Cluster));
        QVERIFY(clusterRow.isValid());
        QCOMPARE(stagingRow.data().toString(), QStringLiteral("Staging (open)"));
        QCOMPARE(clusterRow.data().toString(), QStringLiteral("Local cluster (embedded) (open)"));
        QVERIFY(clusterRow.data(Qt::FontRole).value<QFont>().bold());
        QVERIFY(!stagingRow.data(Qt::FontRole).value<QFont>().bold());
        QCOMPARE(staging->page<KeyBrowserPage>()->state().pattern, QStringLiteral("only:*"));
        QVERIFY(cluster->page<KeyBrowserPage>()->state().pattern.isEmpty());

        // A key written in one is not in the other.
        auto answer = [](Session *session, const QList<QByteArray> &args) {
            auto reply = std::make_shared<std::optional<RedisReply>>();
            session->command(args, nullptr, [reply](const RedisReply &r) { *reply = r; });
            if (!QTest::qWaitFor([&] { return reply->has_value(); }, 10000))
                return RedisReply::failure(QStringLiteral("no reply"));
            return **reply;
        };
        QCOMPARE(answer(staging->session(), {"SET", "only:here", "1"}).bytes(), QByteArray("OK"));
        QCOMPARE(answer(cluster->session(), {"EXISTS", "only:here"}).toInteger(), 0);
        QCOMPARE(answer(staging->session(), {"EXISTS", "only:here"}).toInteger(), 1);

        // The status bar shows the session shown.
        auto *state = window.findChild<QLabel *>(QStringLiteral("stateLabel"));
        QTRY_VERIFY(state->text().startsWith(QStringLiteral("Local cluster (embedded): Connected")));
        sessions->setCurrentWidget(staging);
        QTRY_VERIFY(state->text().startsWith(QStringLiteral("Staging: Connected")));
        QVERIFY(stagingRow.data(Qt::FontRole).value<QFont>().bold());

        // A master of the cluster killed: its session follows the failover, the other never notices.
        QSignalSpy stagingStates(staging->session(), &Session::stateChanged);
        EmbeddedCluster *nodes = window.localServers()->cluster();
        QSignalSpy mastersChanged(cluster->session(), &Session::mastersChanged);
        QVERIFY(::kill(pid_t(nodes->node(1)->processId()), SIGKILL) == 0);
        QTRY_VERIFY_WITH_TIMEOUT(!mastersChanged.isEmpty(), 30000);
        QCOMPARE(stagingStates.count(), 0);
        QVERIFY(staging->session()->isReady());
        QCOMPARE(answer(staging->session(), {"GET", "only:here"}).bytes(), QByteArray("1"));

        // Closing the cluster's tab leaves the first session as it was.
        sessions->setCurrentWidget(cluster);
        window.findChild<QAction *>(QStringLiteral("disconnectAction"))->trigger();
        QCOMPARE(window.views().size(), 1);
        QCOMPARE(window.currentView(), staging);
        QVERIFY(staging->session()->isReady());
        QCOMPARE(
            model->indexForId(LocalServerActions::treeId(LocalServers::Kind::Cluster)).data().toString(),
            QStringLiteral("Local cluster (embedded)")); // running, not open: double-click opens it again
        QCOMPARE(staging->page<KeyBrowserPage>()->state().pattern, QStringLiteral("only:*"));
        window.localClusterAction()->trigger(); // stop it
        QTRY_VERIFY(!model->indexForId(LocalServerActions::treeId(LocalServers::Kind::Cluster)).isValid());
        window.profileStore()->remove(id);
        QCOMPARE(window.views().size(), 0);
    }

    void fiftySessionsOpenedAndClosedLeaveNothing()
    {
        TestServer server;
        QVERIFY(server.start());
        MainWindow::Options options;
        options.persistState = false;
        ConnectionConfig config = server.config();
        options.connectTo = config;
        MainWindow window(options);
        window.show();
        window.start();
        QTRY_VERIFY_WITH_TIMEOUT(window.session() && window.session()->isReady(), 10000);
        QAction *disconnect = window.findChild<QAction *>(QStringLiteral("disconnectAction"));
        disconnect->trigger();
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        const qsizetype objects = window.findChildren<QObject *>().size();
        auto probe = TestServer::connect(server.config());
        QVERIFY(probe);
        const auto clients = [&] {
            return blockingCall(*probe, {"CLIENT", "LIST", "TYPE", "normal"}).bytes().count('\n');
        };
        QTRY_COMPARE(clients(), qsizetype(1)); // the probe alone

        config.name = QStringLiteral("Again and again");
        config.id = window.profileStore()->save(config);
        for (int i = 0; i < 50; ++i) {
            openProfile(window, config);
            QTRY_VERIFY_WITH_TIMEOUT(window.session() && window.session()->isReady(), 10000);
            disconnect->trigger();
            QVERIFY(!window.currentView());
        }
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        QTest::qWait(100);
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        QCOMPARE(window.findChildren<QObject *>().size(), objects);
        QTRY_COMPARE(clients(), qsizetype(1));
        window.profileStore()->remove(config.id);
    }

private:
    QTemporaryDir m_settingsDir;
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
