#include "blockingcall.h"
#include "collectionmodel.h"
#include "redisconnection.h"
#include "testserver.h"

#include <memory>
#include <optional>
#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using Kind = CollectionModel::Kind;
using Outcome = WriteResult::Outcome;

class TestCollectionModel : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void hashPagesWithModelTester();
    void listPagesByPosition();
    void sortedSetInScoreOrder();
    void filters();
    void hashEditsCheckTheElement();
    void listDeleteRemovesExactlyThatPosition();
    void listEditConflictsWhenIndexesShift();
    void setRenameAndAdd();
    void sortedSetScores();
    void binaryElements();

private:
    // A model on key, loaded to the end.
    std::unique_ptr<CollectionModel> loadAll(const QByteArray &key, Kind kind, const QByteArray &filter = {});
    WriteResult wait(const std::function<void(WriteResult::Callback)> &call);
    RedisReply call(const QList<QByteArray> &args) { return blockingCall(*m_connection, args); }

    TestServer m_server;
    std::unique_ptr<RedisConnection> m_connection;
};

void TestCollectionModel::initTestCase()
{
    QVERIFY(m_server.start());
    QVERIFY((m_connection = m_server.connect()));
}

void TestCollectionModel::init()
{
    QCOMPARE(call({"FLUSHALL"}), RedisReply::status("OK"));
}

std::unique_ptr<CollectionModel> TestCollectionModel::loadAll(const QByteArray &key, Kind kind,
                                                              const QByteArray &filter)
{
    auto model = std::make_unique<CollectionModel>(m_connection.get(), key, kind);
    model->setFilter(filter);
    const bool done = QTest::qWaitFor(
        [&model] {
            if (model->canFetchMore({}))
                model->fetchMore({});
            return model->isComplete() && model->totalCount() >= 0;
        },
        10000);
    return done ? std::move(model) : nullptr;
}

WriteResult TestCollectionModel::wait(const std::function<void(WriteResult::Callback)> &call)
{
    std::optional<WriteResult> result;
    call([&result](const WriteResult &r) { result = r; });
    if (!QTest::qWaitFor([&result] { return result.has_value(); }, 10000))
        return {Outcome::Failed, QStringLiteral("no callback")};
    return *result;
}

void TestCollectionModel::hashPagesWithModelTester()
{
    QList<QByteArray> args{"HSET", "h"};
    for (int i = 0; i < 1200; ++i)
        args << "field:" + QByteArray::number(i) << "value " + QByteArray::number(i);
    QCOMPARE(call(args), RedisReply::integer(1200));
    CollectionModel model(m_connection.get(), "h", Kind::Hash);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy page(&model, &CollectionModel::pageLoaded);
    model.reload();
    QVERIFY(page.wait(10000));
    // One HSCAN page, not the whole hash.
    QVERIFY2(model.rowCount() > 0 && model.rowCount() < 1200, qPrintable(QString::number(model.rowCount())));
    QVERIFY(!model.isComplete());
    QVERIFY(QTest::qWaitFor(
        [&model] {
            if (model.canFetchMore({}))
                model.fetchMore({});
            return model.isComplete();
        },
        10000));
    QCOMPARE(model.rowCount(), 1200);
    QCOMPARE(model.totalCount(), 1200);
    QCOMPARE(model.columnCount(), 2);
    QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), QString("Field"));
    QSet<QByteArray> fields;
    for (int row = 0; row < model.rowCount(); ++row) {
        fields.insert(model.first(row));
        QCOMPARE(model.second(row), "value " + model.first(row).mid(6));
    }
    QCOMPARE(fields.size(), 1200);
}

void TestCollectionModel::listPagesByPosition()
{
    QList<QByteArray> args{"RPUSH", "l"};
    for (int i = 0; i < 1200; ++i)
        args << "e" + QByteArray::number(i);
    QCOMPARE(call(args), RedisReply::integer(1200));
    CollectionModel model(m_connection.get(), "l", Kind::List);
    QSignalSpy page(&model, &CollectionModel::pageLoaded);
    model.reload();
    QVERIFY(page.wait(10000));
    QCOMPARE(model.rowCount(), CollectionModel::kPageSize);
    model.fetchMore({});
    QVERIFY(page.wait(10000));
    model.fetchMore({});
    QVERIFY(page.wait(10000));
    QCOMPARE(model.rowCount(), 1200);
    QVERIFY(model.isComplete());
    QCOMPARE(model.index(1199, 0).data().toString(), QString("1199"));
    QCOMPARE(model.index(1199, 1).data().toString(), QString("e1199"));
}

void TestCollectionModel::sortedSetInScoreOrder()
{
    QCOMPARE(call({"ZADD", "z", "3", "c", "1.5", "a", "-2", "neg", "10", "b"}), RedisReply::integer(4));
    auto model = loadAll("z", Kind::SortedSet);
    QVERIFY(model);
    QCOMPARE(model->rowCount(), 4);
    QStringList members;
    for (int row = 0; row < 4; ++row)
        members << model->index(row, 0).data().toString() + "=" + model->index(row, 1).data().toString();
    QCOMPARE(members, (QStringList{"neg=-2", "a=1.5", "c=3", "b=10"}));
}

void TestCollectionModel::filters()
{
    QCOMPARE(call({"HSET", "h", "user:1", "a", "user:2", "b", "order:1", "c"}), RedisReply::integer(3));
    auto hash = loadAll("h", Kind::Hash, "user:*");
    QVERIFY(hash);
    QCOMPARE(hash->rowCount(), 2);
    QCOMPARE(call({"RPUSH", "l", "x", "needle", "y", "needle"}), RedisReply::integer(4));
    auto list = loadAll("l", Kind::List, "needle");
    QVERIFY(list);
    QCOMPARE(list->rowCount(), 2);
    QCOMPARE(list->listIndex(0), 1);
    QCOMPARE(list->listIndex(1), 3);
    QCOMPARE(call({"SADD", "s", "apple", "banana", "apricot"}), RedisReply::integer(3));
    auto set = loadAll("s", Kind::Set, "ap*");
    QVERIFY(set);
    QCOMPARE(set->rowCount(), 2);
}

void TestCollectionModel::hashEditsCheckTheElement()
{
    QCOMPARE(call({"HSET", "h", "f", "loaded", "g", "other"}), RedisReply::integer(2));
    auto model = loadAll("h", Kind::Hash);
    QVERIFY(model);
    const int row = model->first(0) == "f" ? 0 : 1;
    QCOMPARE(int(wait([&](auto cb) { model->setElement(row, "mine", this, cb); }).outcome),
             int(Outcome::Done));
    QCOMPARE(call({"HGET", "h", "f"}), RedisReply::bulk("mine"));
    QCOMPARE(model->second(row), QByteArray("mine"));
    // Changed elsewhere: neither edit nor delete goes through.
    QCOMPARE(call({"HSET", "h", "f", "theirs"}), RedisReply::integer(0));
    QCOMPARE(int(wait([&](auto cb) { model->setElement(row, "again", this, cb); }).outcome),
             int(Outcome::Conflict));
    QCOMPARE(int(wait([&](auto cb) { model->removeElement(row, this, cb); }).outcome),
             int(Outcome::Conflict));
    QCOMPARE(call({"HGET", "h", "f"}), RedisReply::bulk("theirs"));
    // Adding an existing field never overwrites it.
    QCOMPARE(int(wait([&](auto cb) { model->addElement("g", "new", this, cb); }).outcome),
             int(Outcome::AlreadyExists));
    QCOMPARE(call({"HGET", "h", "g"}), RedisReply::bulk("other"));
    QCOMPARE(int(wait([&](auto cb) { model->addElement("n", "new", this, cb); }).outcome),
             int(Outcome::Done));
    QCOMPARE(model->rowCount(), 3);
    const int other = model->first(0) == "g" ? 0 : 1;
    QCOMPARE(int(wait([&](auto cb) { model->removeElement(other, this, cb); }).outcome), int(Outcome::Done));
    QCOMPARE(call({"HEXISTS", "h", "g"}), RedisReply::integer(0));
    QCOMPARE(model->rowCount(), 2);
}

void TestCollectionModel::listDeleteRemovesExactlyThatPosition()
{
    QCOMPARE(call({"RPUSH", "l", "a", "b", "a", "c", "a"}), RedisReply::integer(5));
    auto model = loadAll("l", Kind::List);
    QVERIFY(model);
    QCOMPARE(int(wait([&](auto cb) { model->removeElement(2, this, cb); }).outcome), int(Outcome::Done));
    QCOMPARE(call({"LRANGE", "l", "0", "-1"}),
             RedisReply::array({RedisReply::bulk("a"), RedisReply::bulk("b"), RedisReply::bulk("c"),
                                RedisReply::bulk("a")}));
    // The rows after it moved up.
    QCOMPARE(model->rowCount(), 4);
    QCOMPARE(model->listIndex(2), 2);
    QCOMPARE(model->first(2), QByteArray("c"));
    QCOMPARE(int(wait([&](auto cb) { model->setElement(3, "z", this, cb); }).outcome), int(Outcome::Done));
    QCOMPARE(call({"LINDEX", "l", "3"}), RedisReply::bulk("z"));
    QCOMPARE(int(wait([&](auto cb) { model->addElement("tail", {}, this, cb); }).outcome),
             int(Outcome::Done));
    QCOMPARE(model->rowCount(), 5);
    QCOMPARE(model->listIndex(4), 4);
}

void TestCollectionModel::listEditConflictsWhenIndexesShift()
{
    QCOMPARE(call({"RPUSH", "l", "a", "b", "c"}), RedisReply::integer(3));
    auto model = loadAll("l", Kind::List);
    QVERIFY(model);
    QCOMPARE(call({"LPUSH", "l", "new head"}), RedisReply::integer(4)); // b is now at index 2
    QCOMPARE(int(wait([&](auto cb) { model->setElement(1, "B", this, cb); }).outcome),
             int(Outcome::Conflict));
    QCOMPARE(int(wait([&](auto cb) { model->removeElement(1, this, cb); }).outcome), int(Outcome::Conflict));
    QCOMPARE(call({"LRANGE", "l", "0", "-1"}),
             RedisReply::array({RedisReply::bulk("new head"), RedisReply::bulk("a"), RedisReply::bulk("b"),
                                RedisReply::bulk("c")}));
}

void TestCollectionModel::setRenameAndAdd()
{
    QCOMPARE(call({"SADD", "s", "one", "two"}), RedisReply::integer(2));
    auto model = loadAll("s", Kind::Set);
    QVERIFY(model);
    const int one = model->first(0) == "one" ? 0 : 1;
    QCOMPARE(int(wait([&](auto cb) { model->setElement(one, "two", this, cb); }).outcome),
             int(Outcome::AlreadyExists));
    QCOMPARE(int(wait([&](auto cb) { model->setElement(one, "uno", this, cb); }).outcome),
             int(Outcome::Done));
    QCOMPARE(call({"SISMEMBER", "s", "uno"}), RedisReply::integer(1));
    QCOMPARE(call({"SISMEMBER", "s", "one"}), RedisReply::integer(0));
    QCOMPARE(int(wait([&](auto cb) { model->addElement("two", {}, this, cb); }).outcome),
             int(Outcome::AlreadyExists));
    QCOMPARE(int(wait([&](auto cb) { model->removeElement(one, this, cb); }).outcome), int(Outcome::Done));
    QCOMPARE(call({"SCARD", "s"}), RedisReply::integer(1));
}

void TestCollectionModel::sortedSetScores()
{
    QCOMPARE(call({"ZADD", "z", "1", "a", "2", "b"}), RedisReply::integer(2));
    auto model = loadAll("z", Kind::SortedSet);
    QVERIFY(model);
    QCOMPARE(int(wait([&](auto cb) { model->setElement(0, "1.25", this, cb); }).outcome), int(Outcome::Done));
    QCOMPARE(call({"ZSCORE", "z", "a"}), RedisReply::bulk("1.25"));
    QCOMPARE(model->second(0), QByteArray("1.25"));
    QCOMPARE(int(wait([&](auto cb) { model->incrementScore(0, 10, this, cb); }).outcome), int(Outcome::Done));
    QCOMPARE(model->second(0), QByteArray("11.25"));
    QCOMPARE(int(wait([&](auto cb) { model->setElement(0, "not a number", this, cb); }).outcome),
             int(Outcome::Failed));
    QCOMPARE(call({"ZINCRBY", "z", "1", "a"}), RedisReply::bulk("12.25")); // changed elsewhere
    QCOMPARE(int(wait([&](auto cb) { model->setElement(0, "0", this, cb); }).outcome),
             int(Outcome::Conflict));
    QCOMPARE(int(wait([&](auto cb) { model->addElement("c", "5", this, cb); }).outcome), int(Outcome::Done));
    QTRY_COMPARE(model->rowCount(), 3); // reloaded in score order
    QCOMPARE(model->first(1), QByteArray("c"));
}

void TestCollectionModel::binaryElements()
{
    const QByteArray field("f\x00\xff", 3);
    const QByteArray value("<b>\x00\x80", 5);
    QCOMPARE(call({"HSET", "h", field, value}), RedisReply::integer(1));
    auto model = loadAll("h", Kind::Hash);
    QVERIFY(model);
    QCOMPARE(model->index(0, 0).data().toString(), QString("f\\0\\xff"));
    QCOMPARE(model->index(0, 1).data(CollectionModel::BytesRole).toByteArray(), value);
    QCOMPARE(int(wait([&](auto cb) { model->setElement(0, QByteArray("\x01\x02", 2), this, cb); }).outcome),
             int(Outcome::Done));
    QCOMPARE(call({"HGET", "h", field}), RedisReply::bulk(QByteArray("\x01\x02", 2)));
}

QTEST_GUILESS_MAIN(TestCollectionModel)
#include "tst_collectionmodel.moc"
