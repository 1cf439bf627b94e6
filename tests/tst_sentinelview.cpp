#include "embeddedsentinel.h"
#include "embeddedserver.h"
#include "redisreply.h"
#include "respreader.h"
#include "sentinelclient.h"
#include "sentinelstate.h"
#include "sentinelview.h"
#include "testsentinel.h"

#include <csignal>
#include <optional>
#include <QLabel>
#include <QTest>
#include <QTreeWidget>

namespace {

// Recorded from redis-sentinel 7.0.15 (as in tst_sentinelstate): healthy; the master stopped
// (s_down, o_down); after the failover (the old master listed as a replica that is s_down).
const QByteArray kHealthyMasters = QByteArrayLiteral(
    "*1\r\n*40\r\n$4\r\nname\r\n$8\r\nmymaster\r\n$2\r\nip\r\n$9\r\n127.0.0.1\r\n$4\r\n"
    "port\r\n$5\r\n27001\r\n$5\r\nrunid\r\n$40\r\n29b73d585908e23f09543b3e9182aba898d524db\r\n"
    "$5\r\nflags\r\n$6\r\nmaster\r\n$21\r\nlink-pending-commands\r\n$1\r\n0\r\n$13\r\n"
    "link-refcount\r\n$1\r\n1\r\n$14\r\nlast-ping-sent\r\n$1\r\n0\r\n$18\r\nlast-ok-ping-reply\r\n"
    "$2\r\n20\r\n$15\r\nlast-ping-reply\r\n$2\r\n20\r\n$23\r\ndown-after-milliseconds\r\n"
    "$4\r\n1000\r\n$12\r\ninfo-refresh\r\n$4\r\n4099\r\n$13\r\nrole-reported\r\n$6\r\n"
    "master\r\n$18\r\nrole-reported-time\r\n$4\r\n4113\r\n$12\r\nconfig-epoch\r\n$1\r\n"
    "0\r\n$10\r\nnum-slaves\r\n$1\r\n1\r\n$19\r\nnum-other-sentinels\r\n$1\r\n2\r\n$6\r\n"
    "quorum\r\n$1\r\n2\r\n$16\r\nfailover-timeout\r\n$4\r\n3000\r\n$14\r\nparallel-syncs\r\n"
    "$1\r\n1\r\n");

const QByteArray kHealthyReplicas = QByteArrayLiteral(
    "*1\r\n*42\r\n$4\r\nname\r\n$15\r\n127.0.0.1:27002\r\n$2\r\nip\r\n$9\r\n127.0.0.1\r\n"
    "$4\r\nport\r\n$5\r\n27002\r\n$5\r\nrunid\r\n$40\r\n47696d1d439284bc20ee82b20b373c51606c7355\r\n"
    "$5\r\nflags\r\n$5\r\nslave\r\n$21\r\nlink-pending-commands\r\n$1\r\n0\r\n$13\r\nlink-refcount\r\n"
    "$1\r\n1\r\n$14\r\nlast-ping-sent\r\n$1\r\n0\r\n$18\r\nlast-ok-ping-reply\r\n$3\r\n"
    "168\r\n$15\r\nlast-ping-reply\r\n$3\r\n168\r\n$23\r\ndown-after-milliseconds\r\n$4\r\n"
    "1000\r\n$12\r\ninfo-refresh\r\n$4\r\n4329\r\n$13\r\nrole-reported\r\n$5\r\nslave\r\n"
    "$18\r\nrole-reported-time\r\n$4\r\n4405\r\n$21\r\nmaster-link-down-time\r\n$1\r\n"
    "0\r\n$18\r\nmaster-link-status\r\n$2\r\nok\r\n$11\r\nmaster-host\r\n$9\r\n127.0.0.1\r\n"
    "$11\r\nmaster-port\r\n$5\r\n27001\r\n$14\r\nslave-priority\r\n$3\r\n100\r\n$17\r\n"
    "slave-repl-offset\r\n$1\r\n0\r\n$17\r\nreplica-announced\r\n$1\r\n1\r\n");

const QByteArray kHealthySentinels = QByteArrayLiteral(
    "*2\r\n*28\r\n$4\r\nname\r\n$40\r\n0809ac21cb36324fb88ce707f47555b15a2e58db\r\n$2\r\n"
    "ip\r\n$9\r\n127.0.0.1\r\n$4\r\nport\r\n$5\r\n27013\r\n$5\r\nrunid\r\n$"
    "40\r\n0809ac21cb36324fb88ce707f47555b15a2e58db\r\n"
    "$5\r\nflags\r\n$8\r\nsentinel\r\n$21\r\nlink-pending-commands\r\n$1\r\n0\r\n$13\r\n"
    "link-refcount\r\n$1\r\n1\r\n$14\r\nlast-ping-sent\r\n$1\r\n0\r\n$18\r\nlast-ok-ping-reply\r\n"
    "$3\r\n623\r\n$15\r\nlast-ping-reply\r\n$3\r\n623\r\n$23\r\ndown-after-milliseconds\r\n"
    "$4\r\n1000\r\n$18\r\nlast-hello-message\r\n$3\r\n601\r\n$12\r\nvoted-leader\r\n$1\r\n"
    "?\r\n$18\r\nvoted-leader-epoch\r\n$1\r\n0\r\n*28\r\n$4\r\nname\r\n$"
    "40\r\n72d6c435596b11ca08c4ef5d23490596c1aa01d8\r\n"
    "$2\r\nip\r\n$9\r\n127.0.0.1\r\n$4\r\nport\r\n$5\r\n27012\r\n$5\r\nrunid\r\n$40\r\n"
    "72d6c435596b11ca08c4ef5d23490596c1aa01d8\r\n$5\r\nflags\r\n$8\r\nsentinel\r\n$21\r\n"
    "link-pending-commands\r\n$1\r\n0\r\n$13\r\nlink-refcount\r\n$1\r\n1\r\n$14\r\nlast-ping-sent\r\n"
    "$1\r\n0\r\n$18\r\nlast-ok-ping-reply\r\n$3\r\n617\r\n$15\r\nlast-ping-reply\r\n$3\r\n"
    "617\r\n$23\r\ndown-after-milliseconds\r\n$4\r\n1000\r\n$18\r\nlast-hello-message\r\n"
    "$3\r\n581\r\n$12\r\nvoted-leader\r\n$1\r\n?\r\n$18\r\nvoted-leader-epoch\r\n$1\r\n"
    "0\r\n");

const QByteArray kOdownMasters = QByteArrayLiteral(
    "*1\r\n*44\r\n$4\r\nname\r\n$8\r\nmymaster\r\n$2\r\nip\r\n$9\r\n127.0.0.1\r\n$4\r\n"
    "port\r\n$5\r\n27001\r\n$5\r\nrunid\r\n$40\r\n29b73d585908e23f09543b3e9182aba898d524db\r\n"
    "$5\r\nflags\r\n$20\r\ns_down,o_down,master\r\n$21\r\nlink-pending-commands\r\n$2\r\n"
    "18\r\n$13\r\nlink-refcount\r\n$1\r\n1\r\n$14\r\nlast-ping-sent\r\n$4\r\n1261\r\n$18\r\n"
    "last-ok-ping-reply\r\n$4\r\n2271\r\n$15\r\nlast-ping-reply\r\n$4\r\n2271\r\n$11\r\n"
    "s-down-time\r\n$3\r\n222\r\n$11\r\no-down-time\r\n$3\r\n160\r\n$23\r\ndown-after-milliseconds\r\n"
    "$4\r\n1000\r\n$12\r\ninfo-refresh\r\n$5\r\n10520\r\n$13\r\nrole-reported\r\n$6\r\n"
    "master\r\n$18\r\nrole-reported-time\r\n$5\r\n10534\r\n$12\r\nconfig-epoch\r\n$1\r\n"
    "0\r\n$10\r\nnum-slaves\r\n$1\r\n1\r\n$19\r\nnum-other-sentinels\r\n$1\r\n2\r\n$6\r\n"
    "quorum\r\n$1\r\n2\r\n$16\r\nfailover-timeout\r\n$4\r\n3000\r\n$14\r\nparallel-syncs\r\n"
    "$1\r\n1\r\n");

const QByteArray kAfterReplicas = QByteArrayLiteral(
    "*1\r\n*44\r\n$4\r\nname\r\n$15\r\n127.0.0.1:27001\r\n$2\r\nip\r\n$9\r\n127.0.0.1\r\n"
    "$4\r\nport\r\n$5\r\n27001\r\n$5\r\nrunid\r\n$0\r\n\r\n$5\r\nflags\r\n$12\r\ns_down,slave\r\n"
    "$21\r\nlink-pending-commands\r\n$3\r\n101\r\n$13\r\nlink-refcount\r\n$1\r\n1\r\n$14\r\n"
    "last-ping-sent\r\n$4\r\n6325\r\n$18\r\nlast-ok-ping-reply\r\n$4\r\n6325\r\n$15\r\n"
    "last-ping-reply\r\n$4\r\n6325\r\n$11\r\ns-down-time\r\n$4\r\n5291\r\n$23\r\ndown-after-milliseconds\r\n"
    "$4\r\n1000\r\n$12\r\ninfo-refresh\r\n$1\r\n0\r\n$13\r\nrole-reported\r\n$5\r\nslave\r\n"
    "$18\r\nrole-reported-time\r\n$4\r\n6325\r\n$21\r\nmaster-link-down-time\r\n$1\r\n"
    "0\r\n$18\r\nmaster-link-status\r\n$3\r\nerr\r\n$11\r\nmaster-host\r\n$1\r\n?\r\n$11\r\n"
    "master-port\r\n$1\r\n0\r\n$14\r\nslave-priority\r\n$3\r\n100\r\n$17\r\nslave-repl-offset\r\n"
    "$1\r\n0\r\n$17\r\nreplica-announced\r\n$1\r\n1\r\n");

RedisReply parse(const QByteArray &resp)
{
    RespReader reader;
    reader.feed(resp);
    QList<RedisReply> replies;
    if (!reader.takeReplies(replies) || replies.size() != 1)
        return RedisReply::failure(QStringLiteral("test: not one reply"));
    return replies.first();
}

SentinelState recorded(const QByteArray &masters, const QByteArray &replicas)
{
    const auto state =
        SentinelState::fromReplies("mymaster", parse(masters), parse(replicas), parse(kHealthySentinels));
    return state.value_or(SentinelState{});
}

bool anyTroubled(const SentinelView &view)
{
    for (QTreeWidgetItem *group : {view.mastersItem(), view.replicasItem()}) {
        for (int i = 0; i < group->childCount(); ++i) {
            if (group->child(i)->data(SentinelView::NameColumn, Qt::UserRole).toBool())
                return true;
        }
    }
    return false;
}

} // namespace

class TestSentinelView : public QObject
{
    Q_OBJECT
private slots:
    void showsAHealthySetup();
    void highlightsADownMaster();
    void highlightsADownReplica();
    void markupIsPlainText();
    void showsErrors();
    void followsTheEmbeddedSetup();
};

void TestSentinelView::showsAHealthySetup()
{
    SentinelView view;
    view.resize(900, 400);
    view.show();
    view.setState(recorded(kHealthyMasters, kHealthyReplicas));
    QCOMPARE(view.mastersItem()->childCount(), 1);
    QCOMPARE(view.replicasItem()->childCount(), 1);
    QCOMPARE(view.sentinelsItem()->childCount(), 2);
    QTreeWidgetItem *master = view.mastersItem()->child(0);
    QCOMPARE(master->text(SentinelView::NameColumn), QStringLiteral("mymaster"));
    QCOMPARE(master->text(SentinelView::AddressColumn), QStringLiteral("127.0.0.1:27001"));
    QCOMPARE(master->text(SentinelView::FlagsColumn), QStringLiteral("master"));
    QVERIFY(master->text(SentinelView::DetailsColumn).contains(QStringLiteral("quorum 2")));
    QVERIFY(master->text(SentinelView::DetailsColumn).contains(QStringLiteral("2 other sentinel")));
    QTreeWidgetItem *replica = view.replicasItem()->child(0);
    QCOMPARE(replica->text(SentinelView::AddressColumn), QStringLiteral("127.0.0.1:27002"));
    QVERIFY(replica->text(SentinelView::DetailsColumn).contains(QStringLiteral("127.0.0.1:27001")));
    QVERIFY(!anyTroubled(view));
    QVERIFY(view.summaryLabel()->text().contains(QStringLiteral("127.0.0.1:27001")));
    QCOMPARE(view.summaryLabel()->textFormat(), Qt::PlainText);
    // The separator is a middle dot, not UTF-8 bytes read as Latin-1.
    QVERIFY(view.summaryLabel()->text().contains(QChar(0x00b7)) ||
            !view.summaryLabel()->text().contains(u'\u00c2'));
    QVERIFY(master->foreground(SentinelView::FlagsColumn).color() != SentinelView::downColour());
}

void TestSentinelView::highlightsADownMaster()
{
    SentinelView view;
    view.setState(recorded(kOdownMasters, kHealthyReplicas));
    QTreeWidgetItem *master = view.mastersItem()->child(0);
    QCOMPARE(master->text(SentinelView::FlagsColumn), QStringLiteral("s_down,o_down,master"));
    QCOMPARE(master->foreground(SentinelView::FlagsColumn).color(), SentinelView::downColour());
    QVERIFY(anyTroubled(view));
    QVERIFY(view.summaryLabel()->text().contains(QStringLiteral("o_down")));
    // The separator is a middle dot, not UTF-8 bytes read as Latin-1.
    QVERIFY(view.summaryLabel()->text().contains(QChar(0x00b7)));
    QVERIFY(!view.summaryLabel()->text().contains(QChar(0x00c2)));
}

void TestSentinelView::highlightsADownReplica()
{
    SentinelView view;
    view.setState(recorded(kHealthyMasters, kAfterReplicas));
    bool sawDown = false;
    for (int i = 0; i < view.replicasItem()->childCount(); ++i) {
        QTreeWidgetItem *item = view.replicasItem()->child(i);
        if (item->text(SentinelView::FlagsColumn).contains(QStringLiteral("s_down"))) {
            sawDown = true;
            QCOMPARE(item->foreground(SentinelView::AddressColumn).color(), SentinelView::downColour());
        }
    }
    QVERIFY(sawDown);
    QVERIFY(view.summaryLabel()->text().contains(QStringLiteral("down")));

    // A failover in progress is a warning.
    SentinelState state = recorded(kHealthyMasters, kHealthyReplicas);
    state.masters[0].flags = {"master", "failover_in_progress"};
    state.masters[0].failoverState = "wait_promotion";
    view.setState(state);
    QTreeWidgetItem *master = view.mastersItem()->child(0);
    QCOMPARE(master->foreground(SentinelView::FlagsColumn).color(), SentinelView::warningColour());
    QVERIFY(master->text(SentinelView::DetailsColumn).contains(QStringLiteral("wait_promotion")));
    QVERIFY(view.summaryLabel()->text().contains(QStringLiteral("failover in progress")));
}

void TestSentinelView::markupIsPlainText()
{
    SentinelState state = recorded(kHealthyMasters, kHealthyReplicas);
    state.masterName = "<b>bold</b>";
    state.masters[0].name = "<b>bold</b>";
    SentinelView view;
    view.setState(state);
    QCOMPARE(view.mastersItem()->child(0)->text(SentinelView::NameColumn), QStringLiteral("<b>bold</b>"));
    QVERIFY(view.summaryLabel()->text().contains(QStringLiteral("<b>bold</b>")));
    QCOMPARE(view.summaryLabel()->textFormat(), Qt::PlainText);
}

void TestSentinelView::showsErrors()
{
    SentinelView view;
    view.setState(recorded(kHealthyMasters, kHealthyReplicas));
    view.setError(QStringLiteral("<i>no sentinel answered</i>"));
    QVERIFY(view.summaryLabel()->text().contains(QStringLiteral("<i>no sentinel answered</i>")));
    QCOMPARE(view.mastersItem()->childCount(), 1); // the last state stays
    SentinelView empty;
    QVERIFY(!empty.summaryLabel()->text().isEmpty());
    QCOMPARE(empty.mastersItem()->childCount(), 0);
}

void TestSentinelView::followsTheEmbeddedSetup()
{
    TestSentinel sentinel;
    QVERIFY(sentinel.start());
    EmbeddedSentinel &setup = sentinel.setup();
    SentinelClient client(setup.sentinelConfigs(), setup.masterName(), ConnectionConfig{});
    client.start();
    SentinelView view;
    view.resize(900, 400);
    view.show();
    const auto refresh = [&] {
        bool answered = false;
        client.fetchState(this, [&](const std::optional<SentinelState> &state, const QString &error) {
            if (state)
                view.setState(*state);
            else
                view.setError(error);
            answered = true;
        });
        return QTest::qWaitFor([&] { return answered; }, 5000);
    };
    QVERIFY(refresh());
    QCOMPARE(view.mastersItem()->childCount(), 1);
    QCOMPARE(view.mastersItem()->child(0)->text(SentinelView::AddressColumn),
             QStringLiteral("127.0.0.1:%1").arg(setup.master()->port()));
    QCOMPARE(view.replicasItem()->childCount(), 1);
    QCOMPARE(view.sentinelsItem()->childCount(), 2);
    QVERIFY(!anyTroubled(view));

    // A stopped master shows up as down (as the master, or as a replica once failed over).
    const pid_t pid = pid_t(setup.master()->processId());
    ::kill(pid, SIGSTOP);
    bool troubled = false;
    for (int i = 0; i < 40 && !troubled; ++i) {
        QTest::qWait(250);
        QVERIFY(refresh());
        troubled = anyTroubled(view);
    }
    ::kill(pid, SIGCONT);
    QVERIFY(troubled);
    // For a person to look at: KEYSCOPE_SCREENSHOT_DIR=/tmp tst_sentinelview
    if (const QByteArray dir = qgetenv("KEYSCOPE_SCREENSHOT_DIR"); !dir.isEmpty())
        view.grab().save(QString::fromLocal8Bit(dir) + QStringLiteral("/sentinelview.png"));
}

QTEST_MAIN(TestSentinelView)
#include "tst_sentinelview.moc"
