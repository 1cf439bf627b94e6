#include "blockingcall.h"
#include "embeddedsentinel.h"
#include "embeddedserver.h"
#include "redisconnection.h"
#include "sentinelclient.h"
#include "sentinelstate.h"
#include "testsentinel.h"
#include "testserver.h"

#include <csignal>
#include <memory>
#include <optional>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

namespace {

// A command through the client, waiting for its reply (tests only).
RedisReply call(SentinelClient &client, const QList<QByteArray> &args)
{
    auto result = std::make_shared<std::optional<RedisReply>>();
    client.command(args, nullptr, [result](const RedisReply &reply) { *result = reply; });
    if (!QTest::qWaitFor([&] { return result->has_value(); }, 20000))
        return RedisReply::failure(QStringLiteral("test: no callback within 20 s"));
    return **result;
}

std::unique_ptr<SentinelClient> makeClient(const EmbeddedSentinel &setup)
{
    ConnectionConfig profile;
    profile.name = QStringLiteral("sentinel test");
    profile.password = setup.options().password;
    profile.commandTimeoutMs = 3000;
    return std::make_unique<SentinelClient>(setup.sentinelConfigs(), setup.masterName(), profile);
}

} // namespace

class TestSentinelClient : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void findsTheMasterAndReadsWrites();
    void readsTheState();
    void skipsADeadSentinel();
    void unknownMasterIsReported();
    void refusedPasswordStops();
    void refusingSentinelsBackOff();
    void followsSentinelFailover();
    void followsAKilledMaster();
    void followsAStoppedMaster();
    void followsAfterItsSentinelDies();
    void followsASwitchNobodyAnnounced();

private:
    // Fails over in the way failover() does, then checks the client followed to the old replica.
    void expectFailoverFollowed(const std::function<void()> &failover, const char *what);

    std::unique_ptr<TestSentinel> m_sentinel;
};

void TestSentinelClient::init()
{
    m_sentinel = std::make_unique<TestSentinel>();
    EmbeddedSentinel::Options options;
    options.password = QStringLiteral("sentinel-secret");
    QVERIFY(m_sentinel->start(options));
}

void TestSentinelClient::cleanup()
{
    m_sentinel.reset();
}

void TestSentinelClient::findsTheMasterAndReadsWrites()
{
    const EmbeddedSentinel &setup = m_sentinel->setup();
    const auto client = makeClient(setup);
    QSignalSpy changed(client.get(), &SentinelClient::masterChanged);
    client->start();
    QVERIFY(changed.wait(5000));
    QCOMPARE(changed.first().at(0).toString(), QStringLiteral("127.0.0.1"));
    QCOMPARE(changed.first().at(1).value<quint16>(), setup.master()->port());
    QCOMPARE(client->masterPort(), setup.master()->port());
    QCOMPARE(client->masterConfig().password, QStringLiteral("sentinel-secret"));
    QVERIFY(client->connection());
    QCOMPARE(call(*client, {"SET", "sentinel-key", "v1"}).bytes(), QByteArray("OK"));
    QCOMPARE(call(*client, {"GET", "sentinel-key"}).bytes(), QByteArray("v1"));
    QCOMPARE(changed.size(), 1);
}

void TestSentinelClient::readsTheState()
{
    const EmbeddedSentinel &setup = m_sentinel->setup();
    const auto client = makeClient(setup);
    client->start();
    std::optional<SentinelState> state;
    QString error;
    bool answered = false;
    client->fetchState(this, [&](const std::optional<SentinelState> &s, const QString &e) {
        state = s;
        error = e;
        answered = true;
    });
    QVERIFY(QTest::qWaitFor([&] { return answered; }, 5000));
    QVERIFY2(state, qPrintable(error));
    QVERIFY(state->master());
    QCOMPARE(state->master()->port, setup.master()->port());
    QCOMPARE(state->master()->numOtherSentinels, 2);
    QCOMPARE(state->master()->quorum, 2);
    QVERIFY(!state->master()->isTroubled());
    QCOMPARE(state->replicas.size(), 1);
    QCOMPARE(state->replicas.first().port, setup.replica()->port());
    QCOMPARE(state->sentinels.size(), 2);
}

void TestSentinelClient::skipsADeadSentinel()
{
    EmbeddedSentinel &setup = m_sentinel->setup();
    setup.sentinel(0)->stop();
    const auto client = makeClient(setup);
    QSignalSpy changed(client.get(), &SentinelClient::masterChanged);
    client->start();
    QVERIFY(changed.wait(5000));
    QCOMPARE(client->masterPort(), setup.master()->port());
    QCOMPARE(call(*client, {"PING"}).bytes(), QByteArray("PONG"));
}

// A wrong master password, or none where one is needed: reported once, and no more attempts (each would
// only fail again, 4 times a second).
void TestSentinelClient::refusedPasswordStops()
{
    const EmbeddedSentinel &setup = m_sentinel->setup();
    for (const QString &password : {QStringLiteral("wrong"), QString()}) {
        ConnectionConfig profile;
        profile.password = password;
        SentinelClient client(setup.sentinelConfigs(), setup.masterName(), profile);
        QSignalSpy refused(&client, &SentinelClient::masterRefused);
        QSignalSpy problem(&client, &SentinelClient::problem);
        client.start();
        QVERIFY(refused.wait(5000));
        const QString message = refused.first().first().toString();
        QVERIFY2(message.contains(password.isEmpty() ? QStringLiteral("NOAUTH") : QStringLiteral("password")),
                 qPrintable(message));
        const qsizetype problems = problem.size();
        QTest::qWait(1000);
        QCOMPARE(refused.size(), 1);
        QCOMPARE(problem.size(), problems);
        QVERIFY(!client.hasMaster());
    }
}

// Sentinels that all refuse the client (a wrong sentinel password): asked again after 0.5 s, 1 s, 2 s …
// rather than twice a second for ever.
void TestSentinelClient::refusingSentinelsBackOff()
{
    const EmbeddedSentinel &setup = m_sentinel->setup();
    QList<ConnectionConfig> sentinels = setup.sentinelConfigs();
    for (ConnectionConfig &config : sentinels) {
        config.username = QStringLiteral("nobody");
        config.password = QStringLiteral("wrong");
    }
    ConnectionConfig profile;
    profile.password = setup.options().password;
    SentinelClient client(sentinels, setup.masterName(), profile);
    QSignalSpy problem(&client, &SentinelClient::problem);
    client.start();
    QVERIFY(problem.wait(5000));
    QVERIFY2(problem.first().first().toString().contains(QStringLiteral("No sentinel gave the address")),
             qPrintable(problem.first().first().toString()));
    QTest::qWait(3000);
    // Rounds at about 0, 0.5, 1.5 and 3.5 s: at most 4 in 3 s (without the back-off, 7).
    QVERIFY2(problem.size() <= 4, qPrintable(QString::number(problem.size())));
    QVERIFY(!client.hasMaster());
}

void TestSentinelClient::unknownMasterIsReported()
{
    const EmbeddedSentinel &setup = m_sentinel->setup();
    SentinelClient client(setup.sentinelConfigs(), "no-such-master", ConnectionConfig{});
    QSignalSpy problem(&client, &SentinelClient::problem);
    client.start();
    QVERIFY(problem.wait(5000));
    QVERIFY(problem.first().first().toString().contains(QStringLiteral("no-such-master")));
    QVERIFY(!client.hasMaster());
    const RedisReply reply = call(client, {"PING"});
    QVERIFY(reply.isFailure());
}

void TestSentinelClient::expectFailoverFollowed(const std::function<void()> &failover, const char *what)
{
    const EmbeddedSentinel &setup = m_sentinel->setup();
    const quint16 oldMaster = setup.master()->port();
    const quint16 oldReplica = setup.replica()->port();
    const auto client = makeClient(setup);
    QSignalSpy changed(client.get(), &SentinelClient::masterChanged);
    client->start();
    QVERIFY(changed.wait(5000));
    QCOMPARE(client->masterPort(), oldMaster);
    QCOMPARE(call(*client, {"SET", "failover-key", "before"}).bytes(), QByteArray("OK"));
    QCOMPARE(call(*client, {"WAIT", "1", "5000"}).toInteger(), 1);

    QElapsedTimer clock;
    clock.start();
    failover();
    QVERIFY(QTest::qWaitFor([&] { return changed.size() == 2; }, 20000));
    const qint64 followedMs = clock.elapsed();
    QCOMPARE(changed.at(1).at(1).value<quint16>(), oldReplica);
    QCOMPARE(client->masterPort(), oldReplica);
    QCOMPARE(call(*client, {"GET", "failover-key"}).bytes(), QByteArray("before"));
    QCOMPARE(call(*client, {"SET", "failover-key", "after"}).bytes(), QByteArray("OK"));
    QCOMPARE(call(*client, {"ROLE"}).elements().value(0).bytes(), QByteArray("master"));
    qInfo("%s: followed to the old replica after %lld ms", what, followedMs);
}

void TestSentinelClient::followsSentinelFailover()
{
    const EmbeddedSentinel &setup = m_sentinel->setup();
    const auto sentinel = TestServer::connect(setup.sentinelConfigs().at(1));
    QVERIFY(sentinel);
    expectFailoverFollowed(
        [&] {
            const RedisReply reply = blockingCall(*sentinel, {"SENTINEL", "FAILOVER", setup.masterName()});
            QCOMPARE(reply.bytes(), QByteArray("OK"));
        },
        "SENTINEL FAILOVER");
}

void TestSentinelClient::followsAKilledMaster()
{
    EmbeddedSentinel &setup = m_sentinel->setup();
    QSignalSpy stopped(&setup, &EmbeddedSentinel::processStopped);
    expectFailoverFollowed([&] { ::kill(pid_t(setup.master()->processId()), SIGKILL); },
                           "SIGKILL of the master");
    QCOMPARE(stopped.size(), 1);
}

void TestSentinelClient::followsAStoppedMaster()
{
    EmbeddedSentinel &setup = m_sentinel->setup();
    const pid_t pid = pid_t(setup.master()->processId());
    expectFailoverFollowed([&] { ::kill(pid, SIGSTOP); }, "SIGSTOP of the master");
    ::kill(pid, SIGCONT); // so that it can be shut down
}

void TestSentinelClient::followsAfterItsSentinelDies()
{
    EmbeddedSentinel &setup = m_sentinel->setup();
    const auto client = makeClient(setup);
    QSignalSpy changed(client.get(), &SentinelClient::masterChanged);
    client->start();
    QVERIFY(changed.wait(5000));
    const QString first = setup.sentinelConfigs().at(0).endpoint();
    QVERIFY(QTest::qWaitFor([&] { return client->subscribedSentinel() == first; }, 5000));

    // The subscriber moves to another sentinel; the switch is still followed (no command goes to
    // the old master meanwhile, so only +switch-master can tell).
    setup.sentinel(0)->stop();
    QVERIFY(QTest::qWaitFor(
        [&] { return !client->subscribedSentinel().isEmpty() && client->subscribedSentinel() != first; },
        5000));
    const auto sentinel = TestServer::connect(setup.sentinelConfigs().at(2));
    QVERIFY(sentinel);
    QElapsedTimer clock;
    clock.start();
    QCOMPARE(blockingCall(*sentinel, {"SENTINEL", "FAILOVER", setup.masterName()}).bytes(), QByteArray("OK"));
    QVERIFY(QTest::qWaitFor([&] { return changed.size() == 2; }, 20000));
    QCOMPARE(client->masterPort(), setup.replica()->port());
    QCOMPARE(call(*client, {"SET", "after-sentinel-died", "1"}).bytes(), QByteArray("OK"));
    qInfo("with its sentinel gone: followed after %lld ms", clock.elapsed());
}

void TestSentinelClient::followsASwitchNobodyAnnounced()
{
    // The sentinels are made to name another master without any +switch-master (SENTINEL REMOVE, then
    // MONITOR of the replica once it is a master), while the old master stays up and keeps the client's
    // connection: only the periodic re-check can notice.
    EmbeddedSentinel &setup = m_sentinel->setup();
    const auto client = makeClient(setup);
    QCOMPARE(client->recheckInterval(), SentinelClient::defaultRecheckIntervalMs);
    client->setRecheckInterval(300);
    QSignalSpy changed(client.get(), &SentinelClient::masterChanged);
    QSignalSpy announced(client.get(), &SentinelClient::switchAnnounced);
    client->start();
    QVERIFY(changed.wait(5000));
    QCOMPARE(client->masterPort(), setup.master()->port());
    QVERIFY(QTest::qWaitFor([&] { return !client->subscribedSentinel().isEmpty(); }, 5000));
    RedisConnection *oldConnection = client->connection();

    const auto replica = TestServer::connect(setup.replicaConfig());
    QVERIFY(replica);
    QCOMPARE(blockingCall(*replica, {"REPLICAOF", "NO", "ONE"}).bytes(), QByteArray("OK"));
    const QByteArray replicaPort = QByteArray::number(setup.replica()->port());
    for (const ConnectionConfig &config : setup.sentinelConfigs()) {
        const auto sentinel = TestServer::connect(config);
        QVERIFY(sentinel);
        QCOMPARE(blockingCall(*sentinel, {"SENTINEL", "REMOVE", setup.masterName()}).bytes(),
                 QByteArray("OK"));
        QCOMPARE(blockingCall(*sentinel,
                              {"SENTINEL", "MONITOR", setup.masterName(), "127.0.0.1", replicaPort, "2"})
                     .bytes(),
                 QByteArray("OK"));
        QCOMPARE(blockingCall(*sentinel, {"SENTINEL", "SET", setup.masterName(), "auth-pass",
                                          setup.options().password.toUtf8()})
                     .bytes(),
                 QByteArray("OK"));
    }
    QVERIFY(QTest::qWaitFor([&] { return changed.size() == 2; }, 10000));
    QCOMPARE(changed.at(1).at(1).value<quint16>(), setup.replica()->port());
    QCOMPARE(client->masterPort(), setup.replica()->port());
    QVERIFY(announced.isEmpty()); // followed without an announcement
    QVERIFY(client->connection() != oldConnection);

    // Writes now land on the new master, not on the old one (still up, still a master).
    QCOMPARE(call(*client, {"SET", "rechecked", "yes"}).bytes(), QByteArray("OK"));
    QCOMPARE(blockingCall(*replica, {"GET", "rechecked"}).bytes(), QByteArray("yes"));
    const auto oldMaster = TestServer::connect(setup.masterConfig());
    QVERIFY(oldMaster);
    QCOMPARE(blockingCall(*oldMaster, {"ROLE"}).elements().value(0).bytes(), QByteArray("master"));
    QVERIFY(blockingCall(*oldMaster, {"GET", "rechecked"}).isNil());
}

QTEST_GUILESS_MAIN(TestSentinelClient)
#include "tst_sentinelclient.moc"
