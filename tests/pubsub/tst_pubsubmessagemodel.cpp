#include "pubsubmessagemodel.h"

#include <QAbstractItemModelTester>
#include <QBuffer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

namespace {

PubSubMessage message(int n, const QByteArray &channel = "ch")
{
    PubSubMessage m;
    m.receivedMs = 1'700'000'000'000 + n;
    m.channel = channel;
    m.payload = QByteArray::number(n);
    return m;
}

QList<PubSubMessage> messages(int from, int count)
{
    QList<PubSubMessage> list;
    for (int i = from; i < from + count; ++i)
        list.append(message(i));
    return list;
}

QStringList payloads(const PubSubMessageModel &model)
{
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row)
        out << model.index(row, PubSubMessageModel::PayloadColumn).data().toString();
    return out;
}

} // namespace

class TestPubSubMessageModel : public QObject
{
    Q_OBJECT
private slots:
    void ringDropsTheOldestAndCounts();
    void upstreamDropsCount();
    void pauseHoldsThenResumes();
    void shrinkingKeepsTheNewest();
    void exportsCsv();
    void matchesAReferenceQueue();
    void exportsJsonLines();
};

void TestPubSubMessageModel::ringDropsTheOldestAndCounts()
{
    PubSubMessageModel model(5);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.append(messages(1, 3));
    QCOMPARE(payloads(model), (QStringList{"1", "2", "3"}));
    model.append(messages(4, 4)); // 7 in all: 1 and 2 go
    QCOMPARE(payloads(model), (QStringList{"3", "4", "5", "6", "7"}));
    QCOMPARE(model.droppedCount(), 2);
    model.append(messages(8, 12)); // more than fit at once
    QCOMPARE(payloads(model), (QStringList{"15", "16", "17", "18", "19"}));
    QCOMPARE(model.receivedCount(), 19);
    QCOMPARE(model.droppedCount(), 14);
    for (int i = 0; i < 7; ++i) // wrap around a few times, one at a time
        model.append(messages(20 + i, 1));
    QCOMPARE(payloads(model), (QStringList{"22", "23", "24", "25", "26"}));
    QCOMPARE(model.droppedCount(), 21);
    QCOMPARE(model.index(0, PubSubMessageModel::ChannelColumn).data().toString(), QString("ch"));
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.droppedCount(), 0);
}

void TestPubSubMessageModel::upstreamDropsCount()
{
    PubSubMessageModel model(100);
    model.append(messages(1, 10), 90);
    QCOMPARE(model.receivedCount(), 100);
    QCOMPARE(model.droppedCount(), 90);
    QCOMPARE(model.rowCount(), 10);
}

void TestPubSubMessageModel::pauseHoldsThenResumes()
{
    PubSubMessageModel model(4);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.append(messages(1, 2));
    model.setPaused(true);
    model.append(messages(3, 3));
    QCOMPARE(payloads(model), (QStringList{"1", "2"})); // the view stands still
    QCOMPARE(model.heldCount(), 3);
    QCOMPARE(model.receivedCount(), 5); // but counting goes on
    model.append(messages(6, 3));       // held beyond capacity: the oldest held go
    QCOMPARE(model.heldCount(), 4);
    QCOMPARE(model.droppedCount(), 2);
    model.setPaused(false);
    QCOMPARE(payloads(model), (QStringList{"5", "6", "7", "8"}));
    QCOMPARE(model.droppedCount(), 4);
    QCOMPARE(model.heldCount(), 0);
}

void TestPubSubMessageModel::shrinkingKeepsTheNewest()
{
    PubSubMessageModel model(10);
    model.append(messages(1, 8));
    model.setCapacity(3);
    QCOMPARE(payloads(model), (QStringList{"6", "7", "8"}));
    QCOMPARE(model.droppedCount(), 5);
    model.append(messages(9, 1));
    QCOMPARE(payloads(model), (QStringList{"7", "8", "9"}));
}

void TestPubSubMessageModel::matchesAReferenceQueue()
{
    // Random batch sizes, capacity changes and pauses against a plain list that keeps the newest.
    QRandomGenerator rng(7);
    PubSubMessageModel model(37);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QStringList reference;
    qsizetype capacity = 37;
    int next = 0;
    for (int round = 0; round < 300; ++round) {
        const int n = int(rng.bounded(60));
        model.append(messages(next, n));
        for (int i = 0; i < n; ++i)
            reference << QString::number(next + i);
        next += n;
        while (reference.size() > capacity)
            reference.removeFirst();
        if (round % 50 == 49) {
            capacity = 5 + rng.bounded(60);
            model.setCapacity(capacity);
        }
        while (reference.size() > capacity)
            reference.removeFirst();
        QCOMPARE(payloads(model), reference);
    }
    QCOMPARE(model.receivedCount(), next);
    QCOMPARE(model.droppedCount(), next - model.rowCount());
}

void TestPubSubMessageModel::exportsCsv()
{
    PubSubMessage quoted = message(1, "batch:1");
    quoted.payload = R"({"status":"done","note":"a, \"b\""})";
    PubSubMessage binary = message(2, "bin");
    binary.kind = PubSubMessage::Kind::Pattern;
    binary.pattern = "b*";
    binary.payload = QByteArray("\x00\xff\nx", 4);
    QBuffer out;
    out.open(QIODevice::WriteOnly);
    QVERIFY(PubSubMessageModel::writeCsv(out, {quoted, binary}));
    const QList<QByteArray> lines = out.data().split('\n');
    QCOMPARE(lines.value(0), QByteArray("time,kind,channel,pattern,payload\r"));
    QCOMPARE(lines.value(1), QByteArray("2023-11-14T22:13:20.001Z,message,batch:1,,"
                                        R"("{""status"":""done"",""note"":""a, \""b\""""}")"
                                        "\r"));
    QCOMPARE(lines.value(2), QByteArray("2023-11-14T22:13:20.002Z,pmessage,bin,b*,\\0\\xff\\nx\r"));
}

void TestPubSubMessageModel::exportsJsonLines()
{
    PubSubMessage text = message(1, "batch:1");
    text.payload = "{\"progress\":50}";
    PubSubMessage binary = message(2, "bin");
    binary.payload = QByteArray("\x00\xff", 2);
    QBuffer out;
    out.open(QIODevice::WriteOnly);
    QVERIFY(PubSubMessageModel::writeJsonLines(out, {text, binary}));
    const QList<QByteArray> lines = out.data().trimmed().split('\n');
    QCOMPARE(lines.size(), 2);
    const QJsonObject first = QJsonDocument::fromJson(lines[0]).object();
    QCOMPARE(first.value("time").toString(), QString("2023-11-14T22:13:20.001Z"));
    QCOMPARE(first.value("kind").toString(), QString("message"));
    QCOMPARE(first.value("channel").toString(), QString("batch:1"));
    QCOMPARE(first.value("payload").toString(), QString("{\"progress\":50}"));
    const QJsonObject second = QJsonDocument::fromJson(lines[1]).object();
    QVERIFY(!second.contains("payload"));
    QCOMPARE(QByteArray::fromBase64(second.value("payload_base64").toString().toLatin1()),
             QByteArray("\x00\xff", 2));
}

QTEST_GUILESS_MAIN(TestPubSubMessageModel)
#include "tst_pubsubmessagemodel.moc"
