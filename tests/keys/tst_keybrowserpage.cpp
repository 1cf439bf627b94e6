#include "blockingcall.h"
#include "keybrowserpage.h"
#include "keydetailspanel.h"
#include "keyscanner.h"
#include "keytreemodel.h"
#include "redisconnection.h"
#include "renamekeydialog.h"
#include "session.h"
#include "testcluster.h"
#include "testserver.h"
#include "testsession.h"

#include <memory>
#include <QAbstractButton>
#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QSet>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>

namespace {

bool fill(RedisConnection &connection, const QList<QByteArray> &keys)
{
    QList<QByteArray> args{"MSET"};
    for (const QByteArray &key : keys)
        args << key << "v";
    return !blockingCall(connection, args).isError();
}

QList<QByteArray> numbered(const QByteArray &prefix, int count)
{
    QList<QByteArray> keys;
    for (int i = 0; i < count; ++i)
        keys.append(prefix + QByteArray::number(i));
    return keys;
}

QStringList rootTexts(const KeyBrowserPage &page)
{
    QStringList texts;
    for (int row = 0; row < page.model()->rowCount(); ++row)
        texts.append(page.model()->index(row, 0).data().toString());
    return texts;
}

QAction *action(QWidget *owner, const QString &text)
{
    for (QAction *candidate : owner->actions()) {
        if (candidate->text() == text)
            return candidate;
    }
    return nullptr;
}

} // namespace

class TestKeyBrowserPage : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void loadsPageIntoTree();
    void filterPatternAndType();
    void goToKeyWithoutScanning();
    void deleteAsksThenDeletes();
    void renameWithF2();
    void databaseSelector();
    void htmlKeyNamesArePlainText();
    void readOnlyCannotWrite();
    void metadataForVisibleRowsOnly();
    void stateRoundTrip();
    void ttlCountsDownToExpiry();
    void clusterShowsEveryMaster();

private:
    // A page on a fresh connection, its first scan done.
    bool openPage(const ConnectionConfig &config);

    TestServer m_server;
    std::unique_ptr<RedisConnection> m_admin;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<KeyBrowserPage> m_page;
};

void TestKeyBrowserPage::initTestCase()
{
    QLocale::setDefault(QLocale::c());
    QVERIFY(m_server.start());
    QVERIFY((m_admin = m_server.connect()));
}

void TestKeyBrowserPage::init()
{
    QCOMPARE(blockingCall(*m_admin, {"FLUSHALL"}), RedisReply::status("OK"));
}

void TestKeyBrowserPage::cleanup()
{
    m_page.reset();
    m_session.reset();
}

bool TestKeyBrowserPage::openPage(const ConnectionConfig &config)
{
    m_session = std::make_unique<Session>(config);
    m_page = std::make_unique<KeyBrowserPage>(m_session.get());
    m_page->resize(1000, 600);
    m_page->show();
    QSignalSpy stopped(m_page.get(), &KeyBrowserPage::scanStopped);
    m_session->open();
    if (!stopped.wait(20000))
        return false;
    return QTest::qWaitFor([this] { return !m_page->model()->isBusy(); }, 10000);
}

void TestKeyBrowserPage::loadsPageIntoTree()
{
    QVERIFY(fill(*m_admin, numbered("app:user:", 30)));
    QVERIFY(fill(*m_admin, {"cache:a", "solo"}));
    QVERIFY(openPage(m_server.config()));
    QCOMPARE(rootTexts(*m_page), (QStringList{"app (30)", "cache (1)", "solo"}));
    QVERIFY2(m_page->statusText().startsWith("32 of 32 keys loaded"), qPrintable(m_page->statusText()));
    QVERIFY(m_page->statusText().contains("complete"));
    // Expanding a folder in the view splits it.
    const QModelIndex app = m_page->model()->index(0, 0);
    m_page->view()->expand(app);
    QTRY_COMPARE(m_page->model()->rowCount(app), 1);
    // Selecting a key shows its details.
    m_page->view()->setCurrentIndex(m_page->model()->index(2, 0));
    QCOMPARE(m_page->details()->nameText(), QString("solo"));
    QTRY_COMPARE(m_page->details()->typeText(), QString("string"));
    QTRY_COMPARE(m_page->details()->lengthText(), QString("1 byte(s)"));
    QTRY_COMPARE(m_page->details()->ttlText(), QString("no limit"));
}

void TestKeyBrowserPage::filterPatternAndType()
{
    QVERIFY(fill(*m_admin, {"app:1", "app:2", "other:1", "a*b", "axb"}));
    QVERIFY(!blockingCall(*m_admin, {"HSET", "app:h", "f", "v"}).isError());
    QVERIFY(openPage(m_server.config()));
    QSignalSpy stopped(m_page.get(), &KeyBrowserPage::scanStopped);
    KeyBrowserPage::State state;
    state.pattern = "app:*";
    m_page->setState(state);
    QVERIFY(stopped.wait(10000));
    QTRY_VERIFY(!m_page->model()->isBusy());
    QCOMPARE(rootTexts(*m_page), QStringList{"app (3)"});
    QVERIFY2(m_page->statusText().startsWith("3 matching keys loaded (the database holds 6)"),
             qPrintable(m_page->statusText()));

    state.type = "hash";
    m_page->setState(state);
    QVERIFY(stopped.wait(10000));
    QTRY_COMPARE(rootTexts(*m_page), QStringList{"app (1)"});

    state = {};
    state.pattern = "a\\*b"; // escaped glob: only the literal key
    m_page->setState(state);
    QVERIFY(stopped.wait(10000));
    QTRY_COMPARE(rootTexts(*m_page), QStringList{"a*b"});
}

void TestKeyBrowserPage::goToKeyWithoutScanning()
{
    QVERIFY(fill(*m_admin, numbered("many:", 50)));
    QVERIFY(fill(*m_admin, {QByteArray("deep:bin:\xff", 10)}));
    KeyBrowserPage::State state;
    state.pattern = "nothing:*"; // the scan finds nothing; going to a key must still work
    QVERIFY(openPage(m_server.config()));
    QSignalSpy stopped(m_page.get(), &KeyBrowserPage::scanStopped);
    m_page->setState(state);
    QVERIFY(stopped.wait(10000));
    QCOMPARE(m_page->model()->rowCount(), 0);

    m_page->goToKey("deep:bin:\\xff");
    QTRY_COMPARE(m_page->details()->nameText(), QString("deep:bin:\\xff"));
    QTRY_COMPARE(m_page->details()->typeText(), QString("string"));
    const QModelIndex current = m_page->view()->currentIndex();
    QCOMPARE(m_page->model()->keyAt(current), QByteArray("deep:bin:\xff", 10));

    m_page->goToKey("missing:key");
    const auto labels = m_page->findChildren<QLabel *>();
    QTRY_VERIFY(std::any_of(labels.cbegin(), labels.cend(), [](const QLabel *label) {
        return label->text() == QStringLiteral("No key named “missing:key” in db0.");
    }));
}

void TestKeyBrowserPage::deleteAsksThenDeletes()
{
    QVERIFY(fill(*m_admin, {"gone:1", "gone:2", "kept"}));
    QVERIFY(openPage(m_server.config()));
    const QModelIndex folder = m_page->model()->index(0, 0);
    m_page->view()->expand(folder);
    QTRY_COMPARE(m_page->model()->rowCount(folder), 2);
    m_page->view()->setCurrentIndex(m_page->model()->index(0, 0, folder));
    m_page->view()->setFocus();

    // No: nothing happens.
    QTest::keyClick(m_page->view(), Qt::Key_Delete);
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = m_page->findChild<QMessageBox *>()) != nullptr);
    QVERIFY(box->text().contains("gone:1"));
    box->button(QMessageBox::No)->click();
    QTest::qWait(100);
    QCOMPARE(blockingCall(*m_admin, {"EXISTS", "gone:1"}), RedisReply::integer(1));

    // Yes: UNLINK, and the row goes.
    QTRY_VERIFY(m_page->findChild<QMessageBox *>() == nullptr);
    m_page->activateWindow(); // the box had it (offscreen does not hand it back)
    QVERIFY(QTest::qWaitForWindowActive(m_page.get()));
    m_page->view()->setFocus();
    QTest::keyClick(m_page->view(), Qt::Key_Delete);
    QTRY_VERIFY((box = m_page->findChild<QMessageBox *>()) != nullptr);
    box->button(QMessageBox::Yes)->click();
    QTRY_COMPARE(blockingCall(*m_admin, {"EXISTS", "gone:1"}), RedisReply::integer(0));
    QTRY_COMPARE(m_page->model()->rowCount(folder), 1);
    QCOMPARE(blockingCall(*m_admin, {"DBSIZE"}), RedisReply::integer(2));
}

void TestKeyBrowserPage::renameWithF2()
{
    QVERIFY(fill(*m_admin, {"old:name"}));
    QVERIFY(openPage(m_server.config()));
    const QModelIndex folder = m_page->model()->index(0, 0);
    m_page->view()->expand(folder);
    QTRY_COMPARE(m_page->model()->rowCount(folder), 1);
    m_page->view()->setCurrentIndex(m_page->model()->index(0, 0, folder));
    m_page->view()->setFocus();
    QTest::keyClick(m_page->view(), Qt::Key_F2);
    RenameKeyDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_page->findChild<RenameKeyDialog *>()) != nullptr);
    QVERIFY(dialog->isVisible());
}

void TestKeyBrowserPage::databaseSelector()
{
    ConnectionConfig config = m_server.config();
    RedisConnection db2(m_server.config());
    db2.open();
    QTRY_VERIFY(db2.isReady());
    QCOMPARE(blockingCall(db2, {"SELECT", "2"}), RedisReply::status("OK"));
    QVERIFY(fill(db2, {"in:two:a", "in:two:b"}));
    QVERIFY(fill(*m_admin, {"in:zero"}));
    QVERIFY(openPage(config));
    QCOMPARE(rootTexts(*m_page), QStringList{"in (1)"});
    auto *combo = m_page->findChild<QComboBox *>();
    QVERIFY(combo);
    QTRY_COMPARE(combo->count(), 16); // CONFIG GET databases
    // The page asks INFO keyspace itself (of every master in a cluster).
    QTRY_COMPARE(combo->itemText(2), QString("db2 (2 keys)"));
    QCOMPARE(combo->itemText(1), QString("db1 (0 keys)"));

    m_page->setKeyspace({{0, 1, 0, 0}, {2, 2, 0, 0}});
    QCOMPARE(combo->itemText(0), QString("db0 (1 keys)"));
    QCOMPARE(combo->itemText(2), QString("db2 (2 keys)"));
    QSignalSpy stopped(m_page.get(), &KeyBrowserPage::scanStopped);
    combo->setCurrentIndex(2);
    emit combo->activated(2);
    QVERIFY(stopped.wait(10000));
    QTRY_COMPARE(rootTexts(*m_page), QStringList{"in (2)"});
    QCOMPARE(m_session->connection()->config().db, 2);
    QCOMPARE(combo->currentIndex(), 2);
}

void TestKeyBrowserPage::htmlKeyNamesArePlainText()
{
    const QByteArray html("<b>bold</b><img src=x onerror=alert(1)>");
    QVERIFY(fill(*m_admin, {html}));
    QVERIFY(openPage(m_server.config()));
    const QModelIndex row = m_page->model()->index(0, 0);
    QCOMPARE(row.data().toString(), QString::fromLatin1(html));
    m_page->view()->setCurrentIndex(row);
    QCOMPARE(m_page->details()->nameText(), QString::fromLatin1(html));
    const auto labels = m_page->findChildren<QLabel *>();
    for (const QLabel *label : labels)
        QVERIFY2(label->textFormat() == Qt::PlainText, qPrintable(label->text()));
}

void TestKeyBrowserPage::readOnlyCannotWrite()
{
    QVERIFY(fill(*m_admin, {"ro:1"}));
    ConnectionConfig config = m_server.config();
    config.readOnly = true;
    QVERIFY(openPage(config));
    m_page->view()->setCurrentIndex(m_page->model()->index(0, 0));
    for (const QString &text : {QString("Rename…"), QString("Delete…")}) {
        QAction *a = action(m_page->view(), text);
        QVERIFY2(a, qPrintable(text));
        QVERIFY2(!a->isEnabled(), qPrintable(text));
    }
    QVERIFY(!action(m_page.get(), "New key…")->isEnabled());
    QVERIFY(action(m_page->view(), "Copy name")->isEnabled());
}

void TestKeyBrowserPage::metadataForVisibleRowsOnly()
{
    QVERIFY(fill(*m_admin, numbered("row", 2000)));
    QVERIFY(openPage(m_server.config()));
    QCOMPARE(m_page->model()->rowCount(), 2000);
    QTRY_VERIFY(m_page->model()->metadataRequests() > 0);
    const qint64 firstScreen = m_page->model()->metadataRequests();
    QVERIFY2(firstScreen < 100, qPrintable(QString::number(firstScreen))); // a screenful, not 2000
    QTRY_COMPARE(m_page->model()->index(0, KeyTreeModel::TypeColumn).data().toString(), QString("string"));
    QVERIFY(m_page->model()->index(1999, KeyTreeModel::TypeColumn).data().toString().isEmpty());
    m_page->view()->scrollToBottom();
    QTRY_COMPARE(m_page->model()->index(1999, KeyTreeModel::TypeColumn).data().toString(), QString("string"));
    QVERIFY(m_page->model()->metadataRequests() < 2 * firstScreen + 10);
}

void TestKeyBrowserPage::stateRoundTrip()
{
    QVERIFY(openPage(m_server.config()));
    KeyBrowserPage::State state;
    state.pattern = "x:*";
    state.type = "zset";
    state.delimiters = ":/";
    state.flat = true;
    state.hex = true;
    m_page->setState(state);
    const KeyBrowserPage::State back = m_page->state();
    QCOMPARE(back.pattern, state.pattern);
    QCOMPARE(back.type, state.type);
    QCOMPARE(back.delimiters, state.delimiters);
    QCOMPARE(back.flat, true);
    QCOMPARE(back.hex, true);
    QCOMPARE(m_page->model()->delimiters(), QByteArray());
    QVERIFY(m_page->model()->hexDisplay());
}

void TestKeyBrowserPage::ttlCountsDownToExpiry()
{
    QVERIFY(!blockingCall(*m_admin, {"SET", "brief", "v", "PX", "2500"}).isError());
    QVERIFY(openPage(m_server.config()));
    m_page->view()->setCurrentIndex(m_page->model()->index(0, 0));
    QTRY_VERIFY(m_page->details()->ttlText().startsWith("3 s (") ||
                m_page->details()->ttlText().startsWith("2 s ("));
    const QString first = m_page->details()->ttlText();
    // It counts down without asking the server again, then finds the key gone.
    QTRY_VERIFY(m_page->details()->ttlText() != first);
    QTRY_VERIFY_WITH_TIMEOUT(m_page->model()->rowCount() == 0, 10000);
    QCOMPARE(m_page->details()->ttlText(), QString("expired"));
}

void TestKeyBrowserPage::clusterShowsEveryMaster()
{
    TestCluster cluster;
    QVERIFY(cluster.start({}));
    Session writer(cluster.cluster().seedConfig());
    QVERIFY(openSession(writer));
    // One SET each, routed: the keys land in every master's slots (MSET would be refused, CROSSSLOT).
    int answered = 0;
    for (int i = 0; i < 60; ++i)
        writer.command({"SET", "spread:" + QByteArray::number(i), "v"}, this,
                       [&answered](const RedisReply &reply) { answered += reply.isError() ? 0 : 1; });
    QTRY_COMPARE_WITH_TIMEOUT(answered, 60, 10000);
    for (int i = 0; i < 3; ++i) {
        const std::unique_ptr<RedisConnection> master = TestServer::connect(cluster.cluster().nodeConfig(i));
        QVERIFY(master);
        QVERIFY(blockingCall(*master, {"DBSIZE"}).toInteger() > 0); // every master holds some
    }

    QVERIFY(openPage(cluster.cluster().seedConfig()));
    QCOMPARE(rootTexts(*m_page), QStringList{"spread (60)"});
    const QModelIndex spread = m_page->model()->index(0, 0);
    m_page->view()->expand(spread);
    QTRY_COMPARE(m_page->model()->rowCount(spread), 60);
    QSet<QByteArray> shown, written;
    for (int row = 0; row < 60; ++row)
        shown.insert(m_page->model()->keyAt(m_page->model()->index(row, 0, spread)));
    for (int i = 0; i < 60; ++i)
        written.insert("spread:" + QByteArray::number(i));
    QCOMPARE(shown, written);
    // The selector shows the masters' sum, not the seed's third.
    auto *combo = m_page->findChild<QComboBox *>();
    QVERIFY(combo);
    QTRY_COMPARE(combo->itemText(0), QString("db0 (60 keys)"));

    // Going to a key reads it on its slot's master.
    m_page->goToKey("spread:7");
    QTRY_COMPARE(m_page->details()->nameText(), QString("spread:7"));
    QTRY_COMPARE(m_page->details()->typeText(), QString("string"));
    m_page.reset();
    m_session.reset();
}

QTEST_MAIN(TestKeyBrowserPage)
#include "tst_keybrowserpage.moc"
