#include "blockingcall.h"
#include "keyscanner.h"
#include "keytreemodel.h"
#include "naturalorder.h"
#include "redisconnection.h"
#include "testserver.h"

#include <memory>
#include <QAbstractItemModelTester>
#include <QLocale>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

namespace {

bool fill(RedisConnection &connection, const QList<QByteArray> &keys)
{
    for (qsizetype i = 0; i < keys.size(); i += 500) {
        QList<QByteArray> args{"MSET"};
        for (const QByteArray &key : keys.mid(i, 500))
            args << key << "v";
        if (blockingCall(connection, args).isError())
            return false;
    }
    return true;
}

QList<QByteArray> numbered(const QByteArray &prefix, int count, const QByteArray &suffix = {})
{
    QList<QByteArray> keys;
    for (int i = 0; i < count; ++i)
        keys.append(prefix + QByteArray::number(i) + suffix);
    return keys;
}

// Display texts of the rows under parent.
QStringList texts(const QAbstractItemModel &model, const QModelIndex &parent = {})
{
    QStringList result;
    for (int row = 0; row < model.rowCount(parent); ++row)
        result.append(model.index(row, 0, parent).data().toString());
    return result;
}

// The row whose display text is text, under parent.
QModelIndex find(const QAbstractItemModel &model, const QString &text, const QModelIndex &parent = {})
{
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex index = model.index(row, 0, parent);
        if (index.data().toString() == text)
            return index;
    }
    return {};
}

// Expands a folder as a view would, waiting for a split on the worker if there is one.
bool expand(KeyTreeModel &model, const QModelIndex &folder)
{
    if (model.canFetchMore(folder))
        model.fetchMore(folder);
    return QTest::qWaitFor([&] { return !model.isBusy(); }, 20000);
}

} // namespace

class TestKeyTreeModel : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void naturalOrder_data();
    void naturalOrder();
    void namespacesWithCountsAndNaturalOrder();
    void delimitersAtEdgesAndSeveralDelimiters();
    void flatList();
    void modelTesterWhileScanning();
    void duplicatesAndChangesDuringScan();
    void bigFolderSplitsOnWorker();
    void persistentIndexesFollowInsertions();
    void removeAndAddKeys();
    void binaryKeysEscapedHexAndExact();
    void metadataOnlyForRequestedRows();
    void revealKeyAndKeysUnder();
    void emptyDatabase();

private:
    // Loads everything the server holds into a fresh scanner + model.
    void load(const QByteArray &delimiters = ":");

    TestServer m_server;
    std::unique_ptr<RedisConnection> m_connection;
    std::unique_ptr<KeyScanner> m_scanner;
    std::unique_ptr<KeyTreeModel> m_model;
};

void TestKeyTreeModel::initTestCase()
{
    QLocale::setDefault(QLocale::c()); // counts without group separators
    QVERIFY(m_server.start());
    QVERIFY((m_connection = m_server.connect()));
}

void TestKeyTreeModel::init()
{
    QCOMPARE(blockingCall(*m_connection, {"FLUSHALL"}), RedisReply::status("OK"));
}

void TestKeyTreeModel::cleanup()
{
    m_model.reset();
    m_scanner.reset();
}

void TestKeyTreeModel::load(const QByteArray &delimiters)
{
    m_model.reset();
    KeyScanner::Options options;
    options.count = 100;
    m_scanner = std::make_unique<KeyScanner>(QList<RedisConnection *>{m_connection.get()}, options);
    m_model = std::make_unique<KeyTreeModel>(m_scanner.get(), m_connection.get());
    m_model->setDelimiters(delimiters);
    QSignalSpy stopped(m_scanner.get(), &KeyScanner::stopped);
    m_scanner->loadAll();
    QVERIFY(stopped.wait(20000));
    QTRY_VERIFY(!m_model->isBusy());
}

void TestKeyTreeModel::naturalOrder_data()
{
    QTest::addColumn<QByteArray>("a");
    QTest::addColumn<QByteArray>("b");
    QTest::newRow("numbers") << QByteArray("user:9") << QByteArray("user:10");
    QTest::newRow("numbers in the middle") << QByteArray("a2b") << QByteArray("a10b");
    QTest::newRow("leading zeros tie-break") << QByteArray("a01") << QByteArray("a1");
    QTest::newRow("text") << QByteArray("apple") << QByteArray("banana");
    QTest::newRow("prefix") << QByteArray("user") << QByteArray("user:1");
    QTest::newRow("empty") << QByteArray() << QByteArray("a");
    QTest::newRow("bytes") << QByteArray("a\x01") << QByteArray("a\xff");
    QTest::newRow("digit vs letter") << QByteArray("a9") << QByteArray("aa");
    QTest::newRow("big numbers") << QByteArray("n99999999999999999999")
                                 << QByteArray("n100000000000000000000");
}

void TestKeyTreeModel::naturalOrder()
{
    QFETCH(QByteArray, a);
    QFETCH(QByteArray, b);
    QVERIFY(NaturalOrder::compare(a, b) < 0);
    QVERIFY(NaturalOrder::compare(b, a) > 0);
    QCOMPARE(NaturalOrder::compare(a, a), 0);
}

void TestKeyTreeModel::namespacesWithCountsAndNaturalOrder()
{
    QVERIFY(fill(*m_connection, numbered("app:user:", 12, ":session")));
    QVERIFY(fill(*m_connection, {"app:config", "zebra", "alpha", "cache:dashboard:1", "cache:dashboard:2"}));
    load();
    QAbstractItemModelTester tester(m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);

    QCOMPARE(m_model->keyCount(), 12 + 5);
    // Folders first, then keys; each group in natural order.
    QCOMPARE(texts(*m_model), (QStringList{"app (13)", "cache (2)", "alpha", "zebra"}));
    const QModelIndex app = find(*m_model, "app (13)");
    QVERIFY(m_model->isFolder(app));
    QCOMPARE(m_model->folderPrefix(app), QByteArray("app:"));
    QCOMPARE(m_model->rowCount(app), 0); // not split until expanded
    QVERIFY(m_model->hasChildren(app));
    QVERIFY(expand(*m_model, app));
    QCOMPARE(texts(*m_model, app), (QStringList{"user (12)", "config"}));
    const QModelIndex user = find(*m_model, "user (12)", app);
    QVERIFY(expand(*m_model, user));
    QStringList expected;
    for (int i = 0; i < 12; ++i)
        expected.append(QStringLiteral("%1 (1)").arg(i)); // 0 1 2 ... 10 11, not 0 1 10 11 2
    QCOMPARE(texts(*m_model, user), expected);
    const QModelIndex ten = find(*m_model, "10 (1)", user);
    QVERIFY(expand(*m_model, ten));
    const QModelIndex session = m_model->index(0, 0, ten);
    QCOMPARE(session.data().toString(), QString("session"));
    QCOMPARE(m_model->keyAt(session), QByteArray("app:user:10:session"));
    QCOMPARE(session.data(KeyTreeModel::KeyRole).toByteArray(), QByteArray("app:user:10:session"));
    QCOMPARE(session.data(Qt::ToolTipRole).toString(), QString("app:user:10:session"));
    QCOMPARE(m_model->parent(session), ten);
}

void TestKeyTreeModel::delimitersAtEdgesAndSeveralDelimiters()
{
    QVERIFY(fill(*m_connection, {"a::b", ":a", "a:", "a", "x/y:z", "x/y/w"}));
    load(":/");
    QAbstractItemModelTester tester(m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(texts(*m_model), (QStringList{"(empty) (1)", "a (2)", "x (2)", "a"}));
    const QModelIndex empty = find(*m_model, "(empty) (1)");
    QVERIFY(expand(*m_model, empty));
    QCOMPARE(texts(*m_model, empty), QStringList{"a"});
    QCOMPARE(m_model->keyAt(m_model->index(0, 0, empty)), QByteArray(":a"));

    const QModelIndex a = find(*m_model, "a (2)");
    QVERIFY(expand(*m_model, a));
    // "a::b" is in an empty-named folder under a; "a:" is a key whose own name is empty: shown in full.
    QCOMPARE(texts(*m_model, a), (QStringList{"(empty) (1)", "a:"}));
    QCOMPARE(m_model->keyAt(m_model->index(1, 0, a)), QByteArray("a:"));
    const QModelIndex doubled = find(*m_model, "(empty) (1)", a);
    QCOMPARE(m_model->folderPrefix(doubled), QByteArray("a::"));
    QVERIFY(expand(*m_model, doubled));
    QCOMPARE(m_model->keyAt(m_model->index(0, 0, doubled)), QByteArray("a::b"));

    const QModelIndex x = find(*m_model, "x (2)");
    QVERIFY(expand(*m_model, x));
    const QModelIndex y = find(*m_model, "y (2)", x);
    QVERIFY(expand(*m_model, y));
    QCOMPARE(texts(*m_model, y), (QStringList{"w", "z"}));
}

void TestKeyTreeModel::flatList()
{
    QVERIFY(fill(*m_connection, {"b:2", "b:10", "a:1", "c"}));
    load("");
    QAbstractItemModelTester tester(m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(texts(*m_model), (QStringList{"a:1", "b:2", "b:10", "c"}));
    // Back to a tree without rescanning.
    m_model->setDelimiters(":");
    QTRY_VERIFY(!m_model->isBusy());
    QCOMPARE(texts(*m_model), (QStringList{"a (1)", "b (2)", "c"}));
}

void TestKeyTreeModel::modelTesterWhileScanning()
{
    QVERIFY(fill(*m_connection, numbered("app:user:", 300, ":session")));
    QVERIFY(fill(*m_connection, numbered("cache:", 200)));
    QVERIFY(fill(*m_connection, numbered("k", 100)));
    KeyScanner::Options options;
    options.count = 20;
    options.pageSize = 150;
    KeyScanner scanner({m_connection.get()}, options);
    KeyTreeModel model(&scanner, m_connection.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    // Expand the folders as soon as they exist, so rows arrive in split folders while the scan runs.
    QSignalSpy stopped(&scanner, &KeyScanner::stopped);
    scanner.loadPage();
    QVERIFY(stopped.wait(20000));
    QTRY_VERIFY(!model.isBusy());
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex folder = model.index(row, 0);
        if (!model.isFolder(folder))
            continue;
        QVERIFY(expand(model, folder));
        if (model.rowCount(folder) > 0)
            QVERIFY(expand(model, model.index(0, 0, folder)));
    }
    scanner.loadAll();
    QVERIFY(stopped.wait(20000));
    QTRY_VERIFY(!model.isBusy());
    QCOMPARE(model.keyCount(), 600);
    QCOMPARE(texts(model).mid(0, 2), (QStringList{"app (300)", "cache (200)"}));
    QCOMPARE(model.rowCount(), 2 + 100);
    QCOMPARE(model.index(2, 0).data().toString(), QString("k0"));
    QCOMPARE(model.index(2 + 99, 0).data().toString(), QString("k99"));
    const QModelIndex cache = model.index(1, 0);
    QVERIFY(expand(model, cache));
    QCOMPARE(model.rowCount(cache), 200);
    QCOMPARE(model.index(199, 0, cache).data().toString(), QString("199"));
}

void TestKeyTreeModel::duplicatesAndChangesDuringScan()
{
    QVERIFY(fill(*m_connection, numbered("stable:", 2000)));
    QVERIFY(fill(*m_connection, numbered("doomed:", 1000)));
    KeyScanner::Options options;
    options.count = 50;
    options.pageSize = 500;
    KeyScanner scanner({m_connection.get()}, options);
    KeyTreeModel model(&scanner, m_connection.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy stopped(&scanner, &KeyScanner::stopped);
    scanner.loadPage();
    QVERIFY(stopped.wait(20000));
    // Between pages: delete some keys, add many (a rehash makes SCAN return keys twice).
    QVERIFY(!blockingCall(*m_connection, {"DEL", "doomed:1", "doomed:2"}).isError());
    QVERIFY(fill(*m_connection, numbered("fresh:", 5000)));
    scanner.loadAll();
    QVERIFY(stopped.wait(30000));
    QTRY_VERIFY(!model.isBusy());
    const QModelIndex stable = find(model, "stable (2000)");
    QVERIFY(stable.isValid());
    QVERIFY(expand(model, stable));
    QSet<QByteArray> keys;
    for (int row = 0; row < model.rowCount(stable); ++row)
        keys.insert(model.keyAt(model.index(row, 0, stable)));
    QCOMPARE(keys.size(), 2000); // every stable key, once
    const QList<QByteArray> all = model.keysUnder({});
    QCOMPARE(QSet<QByteArray>(all.cbegin(), all.cend()).size(), all.size()); // no duplicates anywhere
    QCOMPARE(qint64(all.size()), model.keyCount());
}

void TestKeyTreeModel::bigFolderSplitsOnWorker()
{
    QVERIFY(fill(*m_connection, numbered("big:", 20000)));
    QVERIFY(fill(*m_connection, numbered("big:sub:", 100)));
    load();
    m_model->setAsyncBuildThreshold(1000);
    QAbstractItemModelTester tester(m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QModelIndex big = m_model->index(0, 0);
    QCOMPARE(big.data().toString(), QString("big (20100)"));
    QSignalSpy building(m_model.get(), &KeyTreeModel::folderBuilding);
    m_model->fetchMore(big);
    QVERIFY(m_model->isBusy());
    QVERIFY(!m_model->canFetchMore(big)); // one split at a time
    // A key arriving while the worker splits is not lost.
    m_model->addKey("big:late");
    QTRY_VERIFY_WITH_TIMEOUT(!m_model->isBusy(), 20000);
    QCOMPARE(building.count(), 2);
    QCOMPARE(building.at(0).at(1).toBool(), true);
    QCOMPARE(building.at(1).at(1).toBool(), false);
    QCOMPARE(m_model->rowCount(big), 1 + 20000 + 1);
    QCOMPARE(m_model->index(0, 0, big).data().toString(), QString("sub (100)"));
    QCOMPARE(m_model->index(1, 0, big).data().toString(), QString("0"));
    QCOMPARE(m_model->index(20000, 0, big).data().toString(), QString("19999"));
    QCOMPARE(m_model->index(20001, 0, big).data().toString(), QString("late"));
}

void TestKeyTreeModel::persistentIndexesFollowInsertions()
{
    QVERIFY(fill(*m_connection, {"n:5", "n:50", "m:1"}));
    load();
    const QModelIndex n = find(*m_model, "n (2)");
    QVERIFY(expand(*m_model, n));
    const QPersistentModelIndex fifty(m_model->index(1, 0, n));
    const QPersistentModelIndex folderN(n);
    QCOMPARE(fifty.data().toString(), QString("50"));
    for (const QByteArray &key :
         {QByteArray("n:1"), QByteArray("n:7"), QByteArray("n:99"), QByteArray("a:1"), QByteArray("n:x:1")})
        m_model->addKey(key);
    QCOMPARE(folderN.data().toString(), QString("n (6)"));
    QCOMPARE(texts(*m_model, folderN), (QStringList{"x (1)", "1", "5", "7", "50", "99"}));
    QVERIFY(fifty.isValid());
    QCOMPARE(fifty.data().toString(), QString("50"));
    QCOMPARE(m_model->keyAt(fifty), QByteArray("n:50"));
}

void TestKeyTreeModel::removeAndAddKeys()
{
    QVERIFY(fill(*m_connection, {"q:a:1", "q:a:2", "q:b", "r"}));
    load();
    QAbstractItemModelTester tester(m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QModelIndex q = find(*m_model, "q (3)");
    QVERIFY(expand(*m_model, q));
    const QModelIndex a = find(*m_model, "a (2)", q);
    QVERIFY(expand(*m_model, a));

    m_model->removeKey("q:a:1");
    QCOMPARE(texts(*m_model, a), QStringList{"2"});
    QCOMPARE(texts(*m_model), (QStringList{"q (2)", "r"}));
    m_model->removeKey("q:a:2"); // folder a is empty now: it goes
    QCOMPARE(texts(*m_model, q), QStringList{"b"});
    QCOMPARE(m_model->keyCount(), 2);
    m_model->removeKey("q:a:2"); // twice is harmless
    m_model->removeKey("not:loaded");
    QCOMPARE(m_model->keyCount(), 2);

    m_model->addKey("q:a:1"); // a deleted key comes back
    QCOMPARE(texts(*m_model, q), (QStringList{"a (1)", "b"}));
    m_model->addKey("q:a:1");
    QCOMPARE(m_model->keyCount(), 3);

    // Removing from a folder not split yet only changes its count.
    m_model->removeKey("r");
    m_model->addKey("s:1");
    m_model->addKey("s:2");
    m_model->removeKey("s:1");
    QCOMPARE(texts(*m_model), (QStringList{"q (2)", "s (1)"}));
    const QModelIndex s = find(*m_model, "s (1)");
    QVERIFY(expand(*m_model, s));
    QCOMPARE(texts(*m_model, s), QStringList{"2"});
}

void TestKeyTreeModel::binaryKeysEscapedHexAndExact()
{
    const QByteArray binary("bin:\x00\xff", 6);
    const QByteArray html("bin:<b>bold</b>");
    QVERIFY(fill(*m_connection, {binary, html}));
    load();
    const QModelIndex bin = m_model->index(0, 0);
    QVERIFY(expand(*m_model, bin));
    QCOMPARE(texts(*m_model, bin), (QStringList{"\\0\\xff", "<b>bold</b>"})); // plain text, escaped
    const QModelIndex binaryRow = m_model->index(0, 0, bin);
    QCOMPARE(m_model->keyAt(binaryRow), binary);
    // The exact bytes address the key on the server.
    QCOMPARE(blockingCall(*m_connection, {"EXISTS", m_model->keyAt(binaryRow)}), RedisReply::integer(1));
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    m_model->setHexDisplay(true);
    QVERIFY(changed.count() > 0);
    QCOMPARE(binaryRow.data().toString(), QString("00 ff"));
    QCOMPARE(bin.data().toString(), QString("62 69 6e (2)"));
    QCOMPARE(m_model->keyAt(binaryRow), binary);
}

void TestKeyTreeModel::metadataOnlyForRequestedRows()
{
    QVERIFY(fill(*m_connection, numbered("m:", 50)));
    QVERIFY(!blockingCall(*m_connection, {"HSET", "m:hash", "f", "v"}).isError());
    QVERIFY(!blockingCall(*m_connection, {"EXPIRE", "m:hash", "100"}).isError());
    load();
    const QModelIndex m = m_model->index(0, 0);
    QVERIFY(expand(*m_model, m));
    const QModelIndex hash = find(*m_model, "hash", m);
    const QModelIndex plain = find(*m_model, "7", m);
    QVERIFY(hash.isValid() && plain.isValid());
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    m_model->requestMetadata({hash, plain, m /* folders are skipped */});
    QCOMPARE(m_model->metadataRequests(), 2);
    m_model->requestMetadata({hash}); // in flight: not asked twice
    QCOMPARE(m_model->metadataRequests(), 2);
    QTRY_COMPARE(changed.count(), 2);
    const auto cell = [this](const QModelIndex &row, int column) {
        return m_model->index(row.row(), column, row.parent()).data().toString();
    };
    QCOMPARE(cell(hash, KeyTreeModel::TypeColumn), QString("hash"));
    QVERIFY2(cell(hash, KeyTreeModel::TtlColumn).contains("min"),
             qPrintable(cell(hash, KeyTreeModel::TtlColumn)));
    QVERIFY(!cell(hash, KeyTreeModel::MemoryColumn).isEmpty());
    QCOMPARE(cell(plain, KeyTreeModel::TypeColumn), QString("string"));
    QCOMPARE(cell(plain, KeyTreeModel::TtlColumn), QString("no limit"));
    QVERIFY(cell(find(*m_model, "8", m), KeyTreeModel::TypeColumn).isEmpty()); // never asked for
    m_model->requestMetadata({hash});                                          // fresh: not fetched again
    QCOMPARE(m_model->metadataRequests(), 2);
    m_model->invalidateMetadata("m:hash");
    m_model->requestMetadata({hash});
    QCOMPARE(m_model->metadataRequests(), 3);
}

void TestKeyTreeModel::revealKeyAndKeysUnder()
{
    QVERIFY(fill(*m_connection, {"deep:a:b:c", "deep:a:x", "other"}));
    load();
    QVERIFY(!m_model->indexForKey("deep:a:b:c").isValid()); // folders not split yet
    const QModelIndex c = m_model->revealKey("deep:a:b:c");
    QVERIFY(c.isValid());
    QCOMPARE(m_model->keyAt(c), QByteArray("deep:a:b:c"));
    QCOMPARE(m_model->indexForKey("deep:a:b:c"), c);
    QVERIFY(!m_model->revealKey("deep:none").isValid());
    const QList<QByteArray> under = m_model->keysUnder(m_model->index(0, 0));
    QCOMPARE(QSet<QByteArray>(under.cbegin(), under.cend()), (QSet<QByteArray>{"deep:a:b:c", "deep:a:x"}));
}

void TestKeyTreeModel::emptyDatabase()
{
    load();
    QAbstractItemModelTester tester(m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(m_model->rowCount(), 0);
    QCOMPARE(m_model->keyCount(), 0);
    QVERIFY(!m_model->hasChildren());
}

QTEST_GUILESS_MAIN(TestKeyTreeModel)
#include "tst_keytreemodel.moc"
