#include "embeddedsentinel.h"
#include "embeddedserver.h"
#include "redisreply.h"
#include "sentinelclient.h"
#include "sentinelrecordings.h"
#include "sentinelstate.h"
#include "sentinelview.h"
#include "testsentinel.h"

#include <csignal>
#include <optional>
#include <QLabel>
#include <QTest>
#include <QTreeWidget>

using namespace SentinelRecordings;

namespace {

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
