#include "blockingcall.h"
#include "clusterclient.h"
#include "clusterslot.h"
#include "embeddedcluster.h"
#include "embeddedserver.h"
#include "keyscanner.h"
#include "redisconnection.h"
#include "testcluster.h"
#include "testserver.h"

#include <csignal>
#include <memory>
#include <optional>
#include <QElapsedTimer>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

namespace {

const QString kPassword = QStringLiteral("cluster-secret");

// Sends through the client and waits for the reply (tests only).
RedisReply call(ClusterClient &client, const QList<QByteArray> &args)
{
    auto result = std::make_shared<std::optional<RedisReply>>();
    client.command(args, nullptr, [result](const RedisReply &reply) { *result = reply; });
    if (!QTest::qWaitFor([&] { return result->has_value(); }, 20000))
        return RedisReply::failure(QStringLiteral("test: no callback within 20 s"));
    return **result;
}

// Sends every command at once (pipelined through the client); the replies in order.
QList<RedisReply> callAll(ClusterClient &client, const QList<QList<QByteArray>> &commands)
{
    auto replies = std::make_shared<QList<std::optional<RedisReply>>>(commands.size());
    auto remaining = std::make_shared<qsizetype>(commands.size());
    for (qsizetype i = 0; i < commands.size(); ++i) {
        client.command(commands[i], nullptr, [replies, remaining, i](const RedisReply &reply) {
            (*replies)[i] = reply;
            --*remaining;
        });
    }
    QList<RedisReply> result;
    if (!QTest::qWaitFor([&] { return *remaining == 0; }, 30000))
        return result;
    for (const auto &reply : std::as_const(*replies))
        result.append(*reply);
    return result;
}

QSet<QByteArray> scanAll(const QList<RedisConnection *> &nodes)
{
    KeyScanner scanner(nodes, {});
    QSignalSpy stopped(&scanner, &KeyScanner::stopped);
    scanner.loadAll();
    if (!stopped.wait(20000) || !scanner.isComplete())
        return {};
    QSet<QByteArray> keys;
    for (qsizetype i = 0; i < scanner.keys().size(); ++i)
        keys.insert(scanner.keys().copyAt(i));
    return keys;
}

} // namespace

class TestClusterClient : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void loadsTopology();
    void keysLandOnTheirMasters();
    void multiKeyAndKeylessCommands();
    void refusals();
    void splitPerSlot();
    void perNodeCommands();
    void movedAfterMigration();
    void askDuringMigration();
    void keyScannerOverMasters();
    void refreshesEveryFiveSeconds();
    void notAClusterFails();
    void clusterDownIsRetried();
    void failoverThenReadsAgain();

private:
    int masterIndexOf(int slot) const;
    // Moves slot from master `from` to master `to` (node indexes): IMPORTING / MIGRATING, MIGRATE of
    // `keys` only (every key of the slot when empty), then SETSLOT NODE unless keepMigrating.
    void migrate(int slot, int from, int to, const QList<QByteArray> &keys, bool keepMigrating = false);
    void finishMigration(int slot, int to);

    TestCluster m_cluster;
    std::unique_ptr<ClusterClient> m_client;
    std::vector<std::unique_ptr<RedisConnection>> m_admin; // direct, one per node
};

void TestClusterClient::initTestCase()
{
    EmbeddedCluster::Options options;
    options.nodeTimeoutMs = 1000;
    options.password = kPassword;
    QVERIFY(m_cluster.start(options));
    qInfo("6-node cluster formed in %lld ms", m_cluster.cluster().formationMs());
    for (int i = 0; i < 6; ++i) {
        m_admin.push_back(TestServer::connect(m_cluster.cluster().nodeConfig(i)));
        QVERIFY(m_admin.back());
    }
    ConnectionConfig seed = m_cluster.cluster().seedConfig();
    QVERIFY(!seed.password.isEmpty());
    seed.port = m_cluster.cluster().node(4)->port(); // a replica as seed: any node knows the map
    m_client = std::make_unique<ClusterClient>(seed);
    QSignalSpy ready(m_client.get(), &ClusterClient::ready);
    QSignalSpy changed(m_client.get(), &ClusterClient::topologyChanged);
    m_client->open();
    QVERIFY(ready.wait(10000));
    QCOMPARE(changed.count(), 1);
}

void TestClusterClient::init()
{
    for (int i = 0; i < 3; ++i) {
        if (m_cluster.cluster().node(i)->isRunning())
            QCOMPARE(blockingCall(*m_admin[size_t(i)], {"FLUSHALL"}), RedisReply::status("OK"));
    }
}

int TestClusterClient::masterIndexOf(int slot) const
{
    for (int i = 0; i < 3; ++i) {
        const auto [first, last] = m_cluster.cluster().formedSlots(i);
        if (slot >= first && slot <= last)
            return i;
    }
    return -1;
}

void TestClusterClient::loadsTopology()
{
    const ClusterTopology &topology = m_client->topology();
    QCOMPARE(topology.nodes().size(), 6);
    QVERIFY(topology.isFullyCovered());
    const QList<RedisConnection *> masters = m_client->masterConnections();
    QCOMPARE(masters.size(), 3);
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(masters[i]->config().port, m_cluster.cluster().node(i)->port());
        QCOMPARE(masters[i]->config().password, kPassword); // the seed's AUTH on every node
        QCOMPARE(topology.masterForSlot(m_cluster.cluster().formedSlots(i).first)->id,
                 m_cluster.cluster().nodeId(i));
        QCOMPARE(topology.replicasOf(m_cluster.cluster().nodeId(i)).size(), 1);
    }
    QCOMPARE(m_client->masterConnections(), masters); // the same connections, not new ones
    // A dedicated connection's config for a shard channel's node (SSUBSCRIBE).
    const int channelSlot = ClusterSlot::slotOf("orders");
    const std::optional<ConnectionConfig> subscriber = m_client->configForSlot(channelSlot);
    QVERIFY(subscriber);
    QCOMPARE(subscriber->port, m_cluster.cluster().node(masterIndexOf(channelSlot))->port());
    QCOMPARE(subscriber->password, kPassword);
    QVERIFY(m_client->refreshInterval() >= 5000);
    m_client->setRefreshInterval(100);
    QCOMPARE(m_client->refreshInterval(), ClusterClient::kMinRefreshIntervalMs);
}

void TestClusterClient::keysLandOnTheirMasters()
{
    constexpr int kKeys = 3000;
    QList<QList<QByteArray>> sets, gets;
    QList<int> perMaster(3, 0);
    for (int i = 0; i < kKeys; ++i) {
        const QByteArray key =
            "user:" + QByteArray::number(i) + (i % 7 == 0 ? QByteArray("\xff\x00", 2) : QByteArray());
        sets.append({"SET", key, "value-" + QByteArray::number(i)});
        gets.append({"GET", key});
        ++perMaster[masterIndexOf(ClusterSlot::slotOf(key))];
    }
    const QList<RedisReply> setReplies = callAll(*m_client, sets);
    QCOMPARE(setReplies.size(), kKeys);
    for (const RedisReply &reply : setReplies)
        QCOMPARE(reply, RedisReply::status("OK"));
    const QList<RedisReply> getReplies = callAll(*m_client, gets);
    QCOMPARE(getReplies.size(), kKeys);
    for (int i = 0; i < kKeys; ++i)
        QCOMPARE(getReplies[i].bytes(), "value-" + QByteArray::number(i));

    // Each master holds exactly its slots' keys, the server agrees on the slots.
    for (int i = 0; i < 3; ++i) {
        QVERIFY(perMaster[i] > 800);
        QCOMPARE(blockingCall(*m_admin[size_t(i)], {"DBSIZE"}).toInteger(), perMaster[i]);
    }
    for (int i = 0; i < kKeys; i += 97) {
        const QByteArray &key = sets[i][1];
        QCOMPARE(blockingCall(*m_admin[0], {"CLUSTER", "KEYSLOT", key}).toInteger(),
                 ClusterSlot::slotOf(key));
    }
}

void TestClusterClient::multiKeyAndKeylessCommands()
{
    // Keys sharing a hash tag share a slot: multi-key commands work.
    QCOMPARE(call(*m_client, {"MSET", "{order:7}:a", "1", "{order:7}:b", "2"}), RedisReply::status("OK"));
    const RedisReply values = call(*m_client, {"MGET", "{order:7}:a", "{order:7}:b", "{order:7}:none"});
    QCOMPARE(values, RedisReply::array({RedisReply::bulk("1"), RedisReply::bulk("2"), RedisReply::nil()}));
    QCOMPARE(call(*m_client, {"EVAL", "return redis.call('GET', KEYS[1])", "1", "{order:7}:b"}),
             RedisReply::bulk("2"));
    QCOMPARE(call(*m_client, {"ZUNIONSTORE", "{z}dest", "2", "{z}a", "{z}b"}).toInteger(), 0);
    QCOMPARE(call(*m_client, {"XREAD", "COUNT", "1", "STREAMS", "{s}one", "{s}two", "0", "0"}),
             RedisReply::nil());
    QCOMPARE(call(*m_client, {"DEL", "{order:7}:a", "{order:7}:b"}).toInteger(), 2);
    // Keyless: answered by a master.
    QCOMPARE(call(*m_client, {"PING"}), RedisReply::status("PONG"));
    QCOMPARE(call(*m_client, {"ROLE"}).elements().value(0).bytes(), QByteArray("master"));
    QCOMPARE(call(*m_client, {"EVAL", "return 7", "0"}).toInteger(), 7);
    // A chosen node.
    const RedisReply role = [&] {
        auto result = std::make_shared<std::optional<RedisReply>>();
        m_client->commandOnNode(m_cluster.cluster().nodeId(5), {"ROLE"}, nullptr,
                                [result](const RedisReply &reply) { *result = reply; });
        return QTest::qWaitFor([&] { return result->has_value(); }, 5000) ? **result : RedisReply();
    }();
    QCOMPARE(role.elements().value(0).bytes(), QByteArray("slave"));
}

void TestClusterClient::refusals()
{
    QVERIFY(ClusterSlot::slotOf("a") != ClusterSlot::slotOf("b"));
    for (const QList<QByteArray> &args : QList<QList<QByteArray>>{{"MSET", "a", "1", "b", "2"},
                                                                  {"RENAME", "a", "b"},
                                                                  {"SUNION", "a", "b"},
                                                                  {"EVAL", "return 1", "2", "a", "b"}}) {
        const RedisReply reply = call(*m_client, args);
        QVERIFY(reply.isFailure());
        QVERIFY2(reply.errorMessage().contains(QStringLiteral("different hash slots")),
                 qPrintable(reply.errorMessage()));
    }
    for (const QByteArray &name : {QByteArray("MULTI"), QByteArray("SUBSCRIBE"), QByteArray("SELECT")}) {
        const RedisReply reply = call(*m_client, {name, "1"});
        QVERIFY(reply.isFailure());
        QVERIFY2(reply.errorMessage().contains(QString::fromLatin1(name)), qPrintable(reply.errorMessage()));
    }
    // Nothing was written.
    QCOMPARE(call(*m_client, {"EXISTS", "a"}).toInteger(), 0);
    QCOMPARE(call(*m_client, {"EXISTS", "b"}).toInteger(), 0);
    // Refusals are asynchronous, like replies.
    bool called = false;
    m_client->command({"MSET", "a", "1", "b", "2"}, nullptr,
                      [&called](const RedisReply &) { called = true; });
    QVERIFY(!called);
    QTRY_VERIFY(called);
}

// DEL, UNLINK, EXISTS, TOUCH and MGET over keys of several slots: one command per slot, joined.
void TestClusterClient::splitPerSlot()
{
    const QList<QByteArray> keys{"a", "b", "c", "d", "e", "f"};
    QSet<int> masters;
    for (const QByteArray &key : keys) {
        masters.insert(masterIndexOf(ClusterSlot::slotOf(key)));
        QCOMPARE(call(*m_client, {"SET", key, "v-" + key}), RedisReply::status("OK"));
    }
    QCOMPARE(masters.size(), 3); // the keys are spread over every master
    QCOMPARE(call(*m_client, {"MGET", "a", "missing", "b", "c", "d", "e", "f", "a"}),
             RedisReply::array({RedisReply::bulk("v-a"), RedisReply::nil(), RedisReply::bulk("v-b"),
                                RedisReply::bulk("v-c"), RedisReply::bulk("v-d"), RedisReply::bulk("v-e"),
                                RedisReply::bulk("v-f"), RedisReply::bulk("v-a")}));
    QCOMPARE(call(*m_client, {"EXISTS", "a", "b", "c", "d", "e", "f", "missing", "a"}).toInteger(), 7);
    QCOMPARE(call(*m_client, {"TOUCH", "a", "b", "missing"}).toInteger(), 2);
    QCOMPARE(call(*m_client, {"UNLINK", "a", "b", "c"}).toInteger(), 3);
    QCOMPARE(call(*m_client, {"DEL", "a", "d", "e", "f"}).toInteger(), 3);
    QCOMPARE(call(*m_client, {"EXISTS", "a", "b", "c", "d", "e", "f"}).toInteger(), 0);
}

// DBSIZE, FLUSHALL and the like go to every master (or a chosen node), never to one at random.
void TestClusterClient::perNodeCommands()
{
    for (const QByteArray &name : {QByteArray("DBSIZE"), QByteArray("FLUSHALL"), QByteArray("SCAN")}) {
        const RedisReply reply = call(*m_client, {name, "0"});
        QVERIFY(reply.isFailure());
        QVERIFY2(reply.errorMessage().contains(QStringLiteral("works on one node")),
                 qPrintable(reply.errorMessage()));
    }
    QList<QList<QByteArray>> sets;
    for (int i = 0; i < 500; ++i)
        sets.append({"SET", "n:" + QByteArray::number(i), "v"});
    QCOMPARE(callAll(*m_client, sets).size(), 500);

    const auto onMasters = [this](const QList<QByteArray> &args) {
        auto result = std::make_shared<std::optional<QList<ClusterClient::NodeReply>>>();
        m_client->commandOnMasters(
            args, nullptr, [result](const QList<ClusterClient::NodeReply> &replies) { *result = replies; });
        return QTest::qWaitFor([&] { return result->has_value(); }, 10000)
                   ? **result
                   : QList<ClusterClient::NodeReply>();
    };
    const QList<ClusterClient::NodeReply> sizes = onMasters({"DBSIZE"});
    QCOMPARE(sizes.size(), 3);
    qint64 total = 0;
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(sizes[i].nodeId, m_cluster.cluster().nodeId(i));
        QCOMPARE(sizes[i].endpoint, QStringLiteral("127.0.0.1:%1").arg(m_cluster.cluster().node(i)->port()));
        QCOMPARE(sizes[i].reply.toInteger(), blockingCall(*m_admin[size_t(i)], {"DBSIZE"}).toInteger());
        total += sizes[i].reply.toInteger();
    }
    QCOMPARE(total, 500);
    for (const ClusterClient::NodeReply &flushed : onMasters({"FLUSHALL"}))
        QCOMPARE(flushed.reply, RedisReply::status("OK"));
    for (int i = 0; i < 3; ++i)
        QCOMPARE(blockingCall(*m_admin[size_t(i)], {"DBSIZE"}).toInteger(), 0);
}

void TestClusterClient::migrate(int slot, int from, int to, const QList<QByteArray> &keys, bool keepMigrating)
{
    EmbeddedCluster &cluster = m_cluster.cluster();
    RedisConnection &source = *m_admin[size_t(from)];
    RedisConnection &target = *m_admin[size_t(to)];
    const QByteArray s = QByteArray::number(slot);
    QCOMPARE(blockingCall(target, {"CLUSTER", "SETSLOT", s, "IMPORTING", cluster.nodeId(from)}),
             RedisReply::status("OK"));
    QCOMPARE(blockingCall(source, {"CLUSTER", "SETSLOT", s, "MIGRATING", cluster.nodeId(to)}),
             RedisReply::status("OK"));
    QList<QByteArray> toMove = keys;
    if (toMove.isEmpty()) {
        const RedisReply inSlot = blockingCall(source, {"CLUSTER", "GETKEYSINSLOT", s, "1000"});
        for (const RedisReply &key : inSlot.elements())
            toMove.append(key.bytes());
    }
    if (!toMove.isEmpty()) {
        QList<QByteArray> args{"MIGRATE",
                               "127.0.0.1",
                               QByteArray::number(cluster.node(to)->port()),
                               "",
                               "0",
                               "5000",
                               "AUTH",
                               kPassword.toUtf8(),
                               "KEYS"};
        args += toMove;
        const RedisReply migrated = blockingCall(source, args);
        QVERIFY2(migrated == RedisReply::status("OK"), migrated.bytes());
    }
    if (!keepMigrating)
        finishMigration(slot, to);
}

void TestClusterClient::finishMigration(int slot, int to)
{
    const QByteArray s = QByteArray::number(slot);
    // The target first, then the source, then the other masters (as redis-cli does).
    QList<int> order{to};
    for (int i = 0; i < 3; ++i) {
        if (i != to)
            order.append(i);
    }
    for (const int i : order)
        QCOMPARE(blockingCall(*m_admin[size_t(i)],
                              {"CLUSTER", "SETSLOT", s, "NODE", m_cluster.cluster().nodeId(to)}),
                 RedisReply::status("OK"));
}

void TestClusterClient::movedAfterMigration()
{
    const QByteArray key = "moving:{m1}";
    const int slot = ClusterSlot::slotOf(key);
    const int from = masterIndexOf(slot);
    const int to = (from + 1) % 3;
    QCOMPARE(call(*m_client, {"SET", key, "before"}), RedisReply::status("OK"));
    migrate(slot, from, to, {});
    QCOMPARE(blockingCall(*m_admin[size_t(to)], {"DBSIZE"}).toInteger(), 1);
    QCOMPARE(m_client->topology().masterForSlot(slot)->id,
             m_cluster.cluster().nodeId(from)); // still the old map

    QSignalSpy changed(m_client.get(), &ClusterClient::topologyChanged);
    QSignalSpy mastersChanged(m_client.get(), &ClusterClient::mastersChanged);
    QCOMPARE(call(*m_client, {"GET", key}), RedisReply::bulk("before")); // MOVED, followed
    QVERIFY(changed.count() >= 1);
    QCOMPARE(mastersChanged.count(), 0); // the same three masters
    QCOMPARE(m_client->topology().masterForSlot(slot)->id, m_cluster.cluster().nodeId(to));
    QCOMPARE(m_client->topology().masterForSlot(slot == 0 ? 1 : slot - 1)->id,
             m_cluster.cluster().nodeId(masterIndexOf(slot == 0 ? 1 : slot - 1)));
    // Later commands go straight to the new owner, and the refreshed map agrees.
    QCOMPARE(call(*m_client, {"SET", key, "after"}), RedisReply::status("OK"));
    QCOMPARE(blockingCall(*m_admin[size_t(to)], {"GET", key}), RedisReply::bulk("after"));
    QTRY_VERIFY_WITH_TIMEOUT(
        m_client->topology().masterForSlot(slot) &&
            m_client->topology().masterForSlot(slot)->slotRanges.contains(SlotRange{slot, slot}),
        5000);

    // Back where it was, so the other tests see the formed layout.
    migrate(slot, to, from, {});
    QCOMPARE(call(*m_client, {"GET", key}), RedisReply::bulk("after"));
    QCOMPARE(m_client->topology().masterForSlot(slot)->id, m_cluster.cluster().nodeId(from));
}

void TestClusterClient::askDuringMigration()
{
    const QByteArray stays = "{ask}:stays", moved = "{ask}:moved", created = "{ask}:created";
    const int slot = ClusterSlot::slotOf(stays);
    const int from = masterIndexOf(slot);
    const int to = (from + 2) % 3;
    QCOMPARE(call(*m_client, {"MSET", stays, "1", moved, "2"}), RedisReply::status("OK"));
    migrate(slot, from, to, {moved}, true);

    QSignalSpy changed(m_client.get(), &ClusterClient::topologyChanged);
    QCOMPARE(call(*m_client, {"GET", stays}), RedisReply::bulk("1")); // still on the source
    QCOMPARE(call(*m_client, {"GET", moved}), RedisReply::bulk("2")); // ASK → ASKING + GET on the target
    QCOMPARE(call(*m_client, {"SET", created, "3"}), RedisReply::status("OK")); // new keys go to the target
    QCOMPARE(blockingCall(*m_admin[size_t(to)], {"ASKING"}), RedisReply::status("OK"));
    QCOMPARE(blockingCall(*m_admin[size_t(to)], {"GET", created}), RedisReply::bulk("3"));
    QCOMPARE(changed.count(), 0); // ASK does not change the map
    QCOMPARE(m_client->topology().masterForSlot(slot)->id, m_cluster.cluster().nodeId(from));

    // Keys of one slot split over two nodes: TRYAGAIN, retried with back-off, then a clear error.
    QElapsedTimer clock;
    clock.start();
    const RedisReply split = call(*m_client, {"MGET", stays, moved});
    QVERIFY(split.type() == RedisReply::Type::Error);
    QVERIFY2(split.bytes().startsWith("TRYAGAIN"), split.bytes());
    QVERIFY2(split.bytes().contains("gave up after 5 attempts"), split.bytes());
    QVERIFY(clock.elapsed() >= 2500);
    qInfo("TRYAGAIN given up after %lld ms", clock.elapsed());

    migrate(slot, from, to, {stays});
    QCOMPARE(call(*m_client, {"MGET", stays, moved, created}),
             RedisReply::array({RedisReply::bulk("1"), RedisReply::bulk("2"), RedisReply::bulk("3")}));
    migrate(slot, to, from, {});
    QCOMPARE(call(*m_client, {"GET", created}), RedisReply::bulk("3"));
}

void TestClusterClient::keyScannerOverMasters()
{
    QSet<QByteArray> expected;
    QList<QList<QByteArray>> sets;
    for (int i = 0; i < 5000; ++i) {
        const QByteArray key = "scan:" + QByteArray::number(i);
        expected.insert(key);
        sets.append({"SET", key, "x"});
    }
    QCOMPARE(callAll(*m_client, sets).size(), 5000);
    const QSet<QByteArray> found = scanAll(m_client->masterConnections());
    QCOMPARE(found.size(), expected.size());
    QCOMPARE(found, expected);
}

// With nothing going wrong, the map is reloaded by the timer only: 5 s after the last reload.
void TestClusterClient::refreshesEveryFiveSeconds()
{
    const auto topologyReads = [this] {
        qint64 calls = 0;
        for (const auto &admin : m_admin) {
            const QByteArray stats = blockingCall(*admin, {"INFO", "commandstats"}).bytes();
            for (const QByteArray &line : stats.split('\n')) {
                if (line.startsWith("cmdstat_cluster|shards:calls=") ||
                    line.startsWith("cmdstat_cluster|slots:calls="))
                    calls += line.mid(line.indexOf('=') + 1, line.indexOf(',') - line.indexOf('=') - 1)
                                 .toLongLong();
            }
        }
        return calls;
    };
    const qint64 before = topologyReads();
    QTRY_VERIFY_WITH_TIMEOUT(topologyReads() > before, 7000);
    QElapsedTimer clock;
    clock.start();
    const qint64 first = topologyReads();
    QTRY_VERIFY_WITH_TIMEOUT(topologyReads() > first, 7000);
    const qint64 gap = clock.elapsed();
    QCOMPARE(topologyReads(), first + 1);
    qInfo("timer refreshes %lld ms apart", gap);
    // Both reloads are seen by polling the servers, each a little late: allow for it.
    QVERIFY2(gap >= ClusterClient::kMinRefreshIntervalMs - 1000, qPrintable(QString::number(gap)));
    QVERIFY2(gap <= ClusterClient::kMinRefreshIntervalMs + 1500, qPrintable(QString::number(gap)));
}

void TestClusterClient::notAClusterFails()
{
    TestServer standalone;
    QVERIFY(standalone.start());
    ClusterClient client(standalone.config());
    QSignalSpy failed(&client, &ClusterClient::failed);
    bool called = false;
    client.open();
    client.command({"GET", "x"}, nullptr, [&called](const RedisReply &reply) { called = reply.isFailure(); });
    QVERIFY(failed.wait(5000));
    QVERIFY2(failed.first().first().toString().contains(QStringLiteral("not a cluster node")),
             qPrintable(failed.first().first().toString()));
    QTRY_VERIFY(called); // the queued command was failed, not left hanging

    ClusterClient nobody([] {
        ConnectionConfig config;
        config.port = EmbeddedServer::freePort();
        config.connectTimeoutMs = 1000;
        return config;
    }());
    QSignalSpy nobodyFailed(&nobody, &ClusterClient::failed);
    nobody.open();
    QVERIFY(nobodyFailed.wait(5000));
    QCOMPARE(nobody.state(), ClusterClient::State::Failed);
}

// A master that lost one of its slots reports the cluster down (cluster-require-full-coverage):
// the client retries with back-off, succeeds once the slot is back, gives up clearly otherwise.
void TestClusterClient::clusterDownIsRetried()
{
    RedisConnection &master = *m_admin[2];
    const auto [first, last] = m_cluster.cluster().formedSlots(2);
    const QByteArray key = "down:{x}";
    const int keySlot = ClusterSlot::slotOf(key);
    QVERIFY(keySlot >= first && keySlot <= last);
    const QByteArray removed = QByteArray::number(keySlot == last ? last - 1 : last);
    QCOMPARE(call(*m_client, {"SET", key, "1"}), RedisReply::status("OK"));

    QCOMPARE(blockingCall(master, {"CLUSTER", "DELSLOTS", removed}), RedisReply::status("OK"));
    QTRY_VERIFY(blockingCall(master, {"CLUSTER", "INFO"}).bytes().contains("cluster_state:fail"));
    QElapsedTimer clock;
    clock.start();
    const RedisReply down = call(*m_client, {"GET", key});
    QVERIFY2(down.type() == RedisReply::Type::Error, down.bytes());
    QVERIFY2(down.bytes().startsWith("CLUSTERDOWN"), down.bytes());
    QVERIFY2(down.bytes().contains("gave up after 5 attempts") &&
                 down.bytes().contains("the cluster is down"),
             down.bytes());
    QVERIFY(clock.elapsed() >= 2500);

    // The slot comes back while a read is being retried: the read succeeds.
    auto result = std::make_shared<std::optional<RedisReply>>();
    clock.restart();
    m_client->command({"GET", key}, nullptr, [result](const RedisReply &reply) { *result = reply; });
    QTest::qWait(500);
    QVERIFY(!result->has_value());
    QCOMPARE(blockingCall(master, {"CLUSTER", "ADDSLOTS", removed}), RedisReply::status("OK"));
    QTRY_VERIFY_WITH_TIMEOUT(result->has_value(), 5000);
    QCOMPARE(**result, RedisReply::bulk("1"));
    qInfo("CLUSTERDOWN retried until the slot was back: %lld ms", clock.elapsed());
    QTRY_VERIFY(blockingCall(master, {"CLUSTER", "INFO"}).bytes().contains("cluster_state:ok"));
}

// SIGKILL a master: its replica is promoted, and the client serves the keys again.
void TestClusterClient::failoverThenReadsAgain()
{
    EmbeddedCluster &cluster = m_cluster.cluster();
    QList<QList<QByteArray>> sets;
    QSet<QByteArray> expected;
    QByteArray probe;
    for (int i = 0; i < 3000; ++i) {
        const QByteArray key = "fo:" + QByteArray::number(i);
        sets.append({"SET", key, QByteArray::number(i)});
        expected.insert(key);
        if (probe.isEmpty() && masterIndexOf(ClusterSlot::slotOf(key)) == 0)
            probe = key;
    }
    QCOMPARE(callAll(*m_client, sets).size(), 3000);
    // Replicated before the kill (WAIT: one replica acknowledged).
    QCOMPARE(blockingCall(*m_admin[0], {"WAIT", "1", "5000"}).toInteger(), 1);

    QSignalSpy changed(m_client.get(), &ClusterClient::topologyChanged);
    QSignalSpy mastersChanged(m_client.get(), &ClusterClient::mastersChanged);
    QElapsedTimer clock;
    clock.start();
    QVERIFY(::kill(pid_t(cluster.node(0)->processId()), SIGKILL) == 0);

    // Read the probe key every 100 ms until the promoted replica answers.
    int failures = 0;
    qint64 servedAfter = -1;
    while (clock.elapsed() < 20000) {
        const RedisReply reply = call(*m_client, {"GET", probe});
        if (reply.type() == RedisReply::Type::Bulk) {
            servedAfter = clock.elapsed();
            QCOMPARE(reply.bytes(), probe.mid(3));
            break;
        }
        ++failures;
        QTest::qWait(100);
    }
    QVERIFY2(servedAfter >= 0, "the promoted replica did not serve the key within 20 s");
    qInfo("kill -> promoted replica serving reads: %lld ms (%d failed reads before)", servedAfter, failures);
    QVERIFY(failures > 0);
    QVERIFY(changed.count() >= 1);
    QVERIFY(mastersChanged.count() >= 1);
    QTRY_COMPARE_WITH_TIMEOUT(m_client->topology().masterForSlot(0)->id, cluster.nodeId(3), 10000);
    qInfo("kill -> client topology shows the promoted replica: %lld ms", clock.elapsed());
    const ClusterNode *dead = m_client->topology().node(cluster.nodeId(0));
    QVERIFY(dead);
    QTRY_VERIFY_WITH_TIMEOUT(m_client->topology().node(cluster.nodeId(0))->isFailed(), 10000);

    // Every key is readable, and a scan of the new masters finds exactly them.
    QList<QList<QByteArray>> gets;
    for (const QList<QByteArray> &set : std::as_const(sets))
        gets.append({"GET", set[1]});
    const QList<RedisReply> values = callAll(*m_client, gets);
    QCOMPARE(values.size(), sets.size());
    for (qsizetype i = 0; i < values.size(); ++i)
        QCOMPARE(values[i].bytes(), sets[i][2]);
    const QList<RedisConnection *> masters = m_client->masterConnections();
    QCOMPARE(masters.size(), 3);
    QVERIFY(std::any_of(masters.cbegin(), masters.cend(), [&](const RedisConnection *connection) {
        return connection->config().port == cluster.node(3)->port();
    }));
    QCOMPARE(scanAll(masters), expected);
}

QTEST_GUILESS_MAIN(TestClusterClient)
#include "tst_clusterclient.moc"
