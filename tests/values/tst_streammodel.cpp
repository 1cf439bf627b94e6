#include "blockingcall.h"
#include "redisconnection.h"
#include "streammodel.h"
#include "testserver.h"

#include <memory>
#include <optional>
#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

class TestStreamModel : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void pagesNewestFirst();
    void onePageInFlightAndStalePagesDropped();
    void addAndDeleteEntries();
    void consumerGroupsAndPending();

private:
    RedisReply call(const QList<QByteArray> &args) { return blockingCall(*m_connection, args); }
    QString wait(const std::function<void(WriteResult::Callback)> &call);

    TestServer m_server;
    std::unique_ptr<RedisConnection> m_connection;
};

void TestStreamModel::initTestCase()
{
    QVERIFY(m_server.start());
    QVERIFY((m_connection = m_server.connect()));
}

void TestStreamModel::init()
{
    QCOMPARE(call({"FLUSHALL"}), RedisReply::status("OK"));
}

QString TestStreamModel::wait(const std::function<void(WriteResult::Callback)> &call)
{
    std::optional<QString> error;
    call([&error](const WriteResult &result) { error = result.error(); });
    if (!QTest::qWaitFor([&error] { return error.has_value(); }, 10000))
        return QStringLiteral("no callback");
    return *error;
}

void TestStreamModel::pagesNewestFirst()
{
    for (int i = 1; i <= 450; ++i)
        QCOMPARE(call({"XADD", "s", QByteArray::number(i) + "-0", "n", QByteArray::number(i)}),
                 RedisReply::bulk(QByteArray::number(i) + "-0"));
    StreamModel model(m_connection.get(), "s");
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy page(&model, &StreamModel::pageLoaded);
    model.reload();
    QVERIFY(page.wait(10000));
    QCOMPARE(model.rowCount(), StreamModel::kPageSize);
    QCOMPARE(model.entryId(0), QByteArray("450-0"));
    QCOMPARE(model.totalCount(), 450);
    QVERIFY(QTest::qWaitFor(
        [&model] {
            if (model.canFetchMore({}))
                model.fetchMore({});
            return model.isComplete();
        },
        10000));
    QCOMPARE(model.rowCount(), 450);
    for (int row = 0; row < 450; ++row)
        QCOMPARE(model.entryId(row), QByteArray::number(450 - row) + "-0");
    QCOMPARE(model.index(449, 1).data().toString(), QString("n: 1"));
}

// PagedTableModel's contract: one page command in flight at most, still "loading" while its rows go
// in, and a page asked for before a reload is dropped.
void TestStreamModel::onePageInFlightAndStalePagesDropped()
{
    for (int i = 1; i <= 450; ++i)
        QCOMPARE(call({"XADD", "s", QByteArray::number(i) + "-0", "n", QByteArray::number(i)}),
                 RedisReply::bulk(QByteArray::number(i) + "-0"));
    StreamModel model(m_connection.get(), "s");
    QSignalSpy page(&model, &StreamModel::pageLoaded);
    std::optional<bool> couldFetchDuringInsert;
    connect(&model, &QAbstractItemModel::rowsInserted, this,
            [&] { couldFetchDuringInsert = model.canFetchMore({}); });
    model.reload();
    QVERIFY(model.isLoading());
    QVERIFY(!model.canFetchMore({}));
    model.fetchMore({}); // sends nothing: the first page is on its way
    QVERIFY(page.wait(10000));
    QCOMPARE(couldFetchDuringInsert, std::optional<bool>(false));
    QVERIFY(!model.isLoading());
    QVERIFY(!page.wait(300));
    QCOMPARE(page.size(), 1);
    QCOMPARE(model.rowCount(), StreamModel::kPageSize);

    model.reload();
    model.reload(); // the first reload's page arrives after this reset and is dropped
    QVERIFY(page.wait(10000));
    QVERIFY(!page.wait(300));
    QCOMPARE(page.size(), 2);
    QCOMPARE(model.rowCount(), StreamModel::kPageSize);
    QCOMPARE(model.entryId(0), QByteArray("450-0"));
    QCOMPARE(model.entryId(StreamModel::kPageSize - 1), QByteArray("251-0"));
}

void TestStreamModel::addAndDeleteEntries()
{
    QCOMPARE(call({"XADD", "s", "1-0", "a", "1"}), RedisReply::bulk("1-0"));
    StreamModel model(m_connection.get(), "s");
    QSignalSpy page(&model, &StreamModel::pageLoaded);
    model.reload();
    QVERIFY(page.wait(10000));
    const StreamModel::Fields fields{{"<b>f</b>", QByteArray("\x00\xff", 2)}, {"g", "v"}};
    QCOMPARE(wait([&](auto done) { model.addEntry("*", fields, this, done); }), QString());
    QCOMPARE(model.rowCount(), 2);
    const QByteArray id = model.entryId(0);
    QCOMPARE(model.entryFields(0), fields);
    QCOMPARE(model.index(0, 1).data().toString(), QString("<b>f</b>: \\0\\xff  ·  g: v"));
    QCOMPARE(call({"XRANGE", "s", id, id}).elements().value(0).elements().value(1),
             RedisReply::array({RedisReply::bulk("<b>f</b>"), RedisReply::bulk(QByteArray("\x00\xff", 2)),
                                RedisReply::bulk("g"), RedisReply::bulk("v")}));
    // An ID below the top is refused by the server, with its reason.
    QVERIFY(wait([&](auto done) { model.addEntry("0-1", fields, this, done); }).startsWith("Not added: ERR"));
    QCOMPARE(wait([&](auto done) { model.deleteEntry(1, this, done); }), QString());
    QCOMPARE(call({"XLEN", "s"}), RedisReply::integer(1));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.entryId(0), id);
}

void TestStreamModel::consumerGroupsAndPending()
{
    for (int i = 1; i <= 5; ++i)
        QVERIFY(!call({"XADD", "s", "*", "job", QByteArray::number(i)}).isError());
    QCOMPARE(call({"XGROUP", "CREATE", "s", "workers", "0"}), RedisReply::status("OK"));
    QVERIFY(call({"XREADGROUP", "GROUP", "workers", "alice", "COUNT", "3", "STREAMS", "s", ">"}).isArray());
    StreamModel model(m_connection.get(), "s");
    std::optional<QList<StreamModel::Group>> groups;
    model.readGroups(this, [&groups](const QList<StreamModel::Group> &g, const QString &) { groups = g; });
    QTRY_VERIFY(groups.has_value());
    QCOMPARE(groups->size(), 1);
    QCOMPARE(groups->first().name, QByteArray("workers"));
    QCOMPARE(groups->first().consumers, 1);
    QCOMPARE(groups->first().pending, 3);
    QCOMPARE(groups->first().lag, 2);
    std::optional<QList<StreamModel::Consumer>> consumers;
    model.readConsumers(
        "workers", this,
        [&consumers](const QList<StreamModel::Consumer> &c, const QString &) { consumers = c; });
    QTRY_VERIFY(consumers.has_value());
    QCOMPARE(consumers->size(), 1);
    QCOMPARE(consumers->first().name, QByteArray("alice"));
    QCOMPARE(consumers->first().pending, 3);
    std::optional<QList<StreamModel::Pending>> pending;
    model.readPending("workers", this,
                      [&pending](const QList<StreamModel::Pending> &p, const QString &) { pending = p; });
    QTRY_VERIFY(pending.has_value());
    QCOMPARE(pending->size(), 3);
    QCOMPARE(pending->first().consumer, QByteArray("alice"));
    QCOMPARE(pending->first().deliveries, 1);
    // A group that does not exist: the server's reason.
    QString error;
    model.readConsumers("nobody", this,
                        [&error](const QList<StreamModel::Consumer> &, const QString &e) { error = e; });
    QTRY_VERIFY(error.startsWith("Could not read the consumers: NOGROUP"));
}

QTEST_GUILESS_MAIN(TestStreamModel)
#include "tst_streammodel.moc"
