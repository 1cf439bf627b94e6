#include "channelgroupmodel.h"

#include <QSignalSpy>
#include <QTest>

namespace {

PubSubMessage message(const QByteArray &channel, const QByteArray &payload = "x")
{
    PubSubMessage m;
    m.channel = channel;
    m.payload = payload;
    return m;
}

QString cell(const ChannelGroupModel &model, int row, int column)
{
    return model.index(row, column).data().toString();
}

} // namespace

class TestChannelGroupModel : public QObject
{
    Q_OBJECT
private slots:
    void groupRules();
    void countsAndLastPayload();
    void rates();
    void groupsAreCapped();
};

void TestChannelGroupModel::groupRules()
{
    QCOMPARE(ChannelGroupModel::groupOf("batch:123"), QByteArray("batch:"));
    QCOMPARE(ChannelGroupModel::groupOf("batch:123:progress"), QByteArray("batch:"));
    QCOMPARE(ChannelGroupModel::groupOf("socket.io#/#"), QByteArray("socket.io#/#"));
    QCOMPARE(ChannelGroupModel::groupOf("socket.io#/#room1#"), QByteArray("socket.io#/#room1#"));
    QCOMPARE(ChannelGroupModel::groupOf("socket.io#/admin#"), QByteArray("socket.io#/admin#"));
    QCOMPARE(ChannelGroupModel::groupOf("socket.io-request#/#"), QByteArray("socket.io-request#/#"));
    QCOMPARE(ChannelGroupModel::groupOf("news"), QByteArray("news"));
    QCOMPARE(ChannelGroupModel::groupOf(":odd"), QByteArray(":odd"));
    QCOMPARE(ChannelGroupModel::groupOf(QByteArray("\xff:\x00", 3)), QByteArray("\xff:", 2));
}

void TestChannelGroupModel::countsAndLastPayload()
{
    ChannelGroupModel model;
    model.add({message("batch:1", "10%"), message("batch:2", "20%"), message("socket.io#/#room1#"),
               message("batch:1", "<b>30%</b>")});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(cell(model, 0, ChannelGroupModel::GroupColumn), QString("batch:"));
    QCOMPARE(model.messages(0), 3);
    QCOMPARE(cell(model, 0, ChannelGroupModel::LastPayloadColumn), QString("<b>30%</b>"));
    QCOMPARE(model.messages(1), 1);
    // A MessagePack payload reads as one JSON-like line; bytes that are not text are escaped.
    model.add({message("socket.io#/#room1#", QByteArray("\x92\xa4"
                                                        "chat\xc4\x02\x00\xff",
                                                        10)),
               message("bin:1", QByteArray("\x00\xfe", 2))});
    QCOMPARE(cell(model, 1, ChannelGroupModel::LastPayloadColumn),
             QString("[\"chat\", <bin[2]: 00 ff>]"));
    QCOMPARE(cell(model, 2, ChannelGroupModel::LastPayloadColumn), QString("\\0\\xfe"));
    // A huge payload is cut for the cell.
    model.add({message("big", QByteArray(100'000, 'a'))});
    QCOMPARE(cell(model, 3, ChannelGroupModel::LastPayloadColumn).size(),
             ChannelGroupModel::kShownPayloadChars + 1);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TestChannelGroupModel::rates()
{
    ChannelGroupModel model;
    QList<PubSubMessage> batch(500, message("batch:7"));
    model.add(batch);
    QTest::qWait(250);
    model.updateRates();
    // 500 messages in about a quarter second.
    QVERIFY2(model.rate(0) > 500 && model.rate(0) <= 2000, qPrintable(QString::number(model.rate(0))));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QVERIFY(changed.wait(2000)); // the model's own one-second update: nothing came, the rate falls to 0
    QCOMPARE(model.rate(0), 0.0);
    QCOMPARE(cell(model, 0, ChannelGroupModel::RateColumn), QString("0.0"));
}

void TestChannelGroupModel::groupsAreCapped()
{
    ChannelGroupModel model;
    QList<PubSubMessage> batch;
    for (int i = 0; i < ChannelGroupModel::kMaxGroups + 100; ++i)
        batch.append(message("room" + QByteArray::number(i)));
    model.add(batch);
    QCOMPARE(model.rowCount(), ChannelGroupModel::kMaxGroups + 1);
    QCOMPARE(cell(model, ChannelGroupModel::kMaxGroups, ChannelGroupModel::GroupColumn), QString("(other)"));
    QCOMPARE(model.messages(ChannelGroupModel::kMaxGroups), 100);
}

QTEST_GUILESS_MAIN(TestChannelGroupModel)
#include "tst_channelgroupmodel.moc"
