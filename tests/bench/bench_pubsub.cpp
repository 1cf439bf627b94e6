// Pub/sub flood: a pipelined publisher (its own thread, raw hiredis) sends N messages of ~60 bytes, first to
// a raw hiredis subscriber (its own thread), then to Keyscope's PubSubSubscriber feeding a
// PubSubMessageModel, the page's filter proxy and its ChannelGroupModel on this (the GUI) thread while a 5 ms
// timer watches for stalls. The server's pubsub output-buffer limit is lifted for the run so that neither
// subscriber is cut off while it catches up. Two scenarios: one channel with SUBSCRIBE (a `batch:<id>`
// progress feed), and 200 channels with PSUBSCRIBE * (a Socket.IO adapter's shape: every room a channel, each
// instance subscribed to all). Run by hand: build/<preset>/tests/bench/bench_pubsub [messages] (default
// 1,000,000 per scenario). One line per scenario: pubsub-bench scenario=... msgs=N raw_per_s=...
// keyscope_per_s=... ratio=... max_stall_ms=... dropped=... rss_mb=... (rss_mb is the process's peak so far,
// so the second line includes the first scenario's).
#include "benchutil.h"
#include "channelgroupmodel.h"
#include "embeddedserver.h"
#include "pubsubmessagemodel.h"
#include "pubsubsubscriber.h"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <hiredis/hiredis.h>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QSortFilterProxyModel>
#include <QTimer>
#include <thread>

namespace {

const QByteArray kPayload = R"({"status":"running","progress":42,"batch":123,"ts":170000000})";

struct Scenario
{
    const char *name;
    int channels; // published to round robin
    bool pattern; // subscribers use PSUBSCRIBE * instead of SUBSCRIBE to the one channel
};

qint64 steadyNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

QList<QByteArray> channelNames(const QByteArray &prefix, int count)
{
    QList<QByteArray> names;
    for (int i = 0; i < count; ++i)
        names.append(count == 1 ? prefix : prefix + "#/#room-" + QByteArray::number(i) + '#');
    return names;
}

void publishAll(quint16 port, const QList<QByteArray> &channels, int total)
{
    redisContext *c = redisConnect("127.0.0.1", port);
    if (!c || c->err)
        qFatal("publisher: connect failed");
    constexpr int chunk = 1000;
    qsizetype next = 0;
    for (int sent = 0; sent < total; sent += chunk) {
        const int n = std::min(chunk, total - sent);
        for (int i = 0; i < n; ++i) {
            const QByteArray &channel = channels.at(next);
            next = (next + 1) % channels.size();
            redisAppendCommand(c, "PUBLISH %b %b", channel.constData(), size_t(channel.size()),
                               kPayload.constData(), size_t(kPayload.size()));
        }
        for (int i = 0; i < n; ++i) {
            void *reply = nullptr;
            if (redisGetReply(c, &reply) != REDIS_OK)
                qFatal("publisher: %s", c->errstr);
            freeReplyObject(reply);
        }
    }
    redisFree(c);
}

// Messages per second seen by a plain hiredis subscriber, from its first message to its last.
double rawSubscriberRate(quint16 port, const Scenario &scenario, int total)
{
    const QList<QByteArray> channels = channelNames("raw-bench", scenario.channels);
    std::atomic<bool> subscribed{false};
    double rate = 0;
    std::thread subscriber([&] {
        redisContext *c = redisConnect("127.0.0.1", port);
        if (!c || c->err)
            qFatal("subscriber: connect failed");
        freeReplyObject(scenario.pattern ? redisCommand(c, "PSUBSCRIBE *")
                                         : redisCommand(c, "SUBSCRIBE %b", channels.first().constData(),
                                                        size_t(channels.first().size())));
        subscribed = true;
        qint64 first = 0;
        for (int received = 0; received < total; ++received) {
            void *reply = nullptr;
            if (redisGetReply(c, &reply) != REDIS_OK)
                qFatal("subscriber: %s", c->errstr);
            if (received == 0)
                first = steadyNs();
            freeReplyObject(reply);
        }
        rate = double(total - 1) / (double(steadyNs() - first) / 1e9);
        redisFree(c);
    });
    while (!subscribed)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    std::this_thread::sleep_for(std::chrono::milliseconds(50)); // the SUBSCRIBE has reached the server
    std::thread publisher(publishAll, port, channels, total);
    publisher.join();
    subscriber.join();
    return rate;
}

void runScenario(const EmbeddedServer &server, const Scenario &scenario, int total)
{
    const double rawRate = rawSubscriberRate(server.port(), scenario, total);
    std::fprintf(stderr, "%s: raw hiredis subscriber: %.0f msg/s\n", scenario.name, rawRate);

    const QList<QByteArray> channels = channelNames("keyscope-bench", scenario.channels);
    const PubSubMessage::Kind kind =
        scenario.pattern ? PubSubMessage::Kind::Pattern : PubSubMessage::Kind::Channel;
    PubSubSubscriber subscriber(server.connectionConfig());
    PubSubMessageModel model;
    QSortFilterProxyModel filtered; // as the Pub/Sub page shows the buffer: through its (empty) filter
    filtered.setSourceModel(&model);
    filtered.setFilterKeyColumn(-1);
    ChannelGroupModel groups; // the page's "Received, by group" tab
    QEventLoop loop;
    QTimer stallTimer;
    stallTimer.setInterval(5);
    QElapsedTimer sinceTick;
    qint64 maxStallMs = 0;
    QObject::connect(&stallTimer, &QTimer::timeout, &loop,
                     [&] { maxStallMs = std::max(maxStallMs, sinceTick.restart()); });
    qint64 firstNs = 0;
    qint64 lastNs = 0;
    qint64 upstreamDropped = 0;
    QObject::connect(&subscriber, &PubSubSubscriber::messagesReceived, &loop,
                     [&](const QList<PubSubMessage> &batch, qint64 dropped) {
                         if (firstNs == 0 && !batch.isEmpty())
                             firstNs = batch.first().receivedSteadyNs;
                         upstreamDropped += dropped;
                         model.append(batch, dropped);
                         groups.add(batch);
                         if (model.receivedCount() >= total) {
                             lastNs = steadyNs();
                             loop.quit();
                         }
                     });
    std::thread publisher;
    QObject::connect(&subscriber, &PubSubSubscriber::subscriptionsChanged, &loop, [&] {
        if (publisher.joinable() || subscriber.subscriptions(kind).isEmpty())
            return;
        sinceTick.start();
        stallTimer.start();
        publisher = std::thread(publishAll, server.port(), channels, total);
    });
    subscriber.open();
    subscriber.subscribe(kind, scenario.pattern ? QByteArray("*") : channels.first());
    loop.exec();
    stallTimer.stop();
    publisher.join();

    const double keyscopeRate = double(total - upstreamDropped - 1) / (double(lastNs - firstNs) / 1e9);
    std::fprintf(stderr, "%s: keyscope: %.0f msg/s into the model, buffer %lld rows\n", scenario.name,
                 keyscopeRate, qint64(model.rowCount()));
    std::printf("pubsub-bench scenario=%s msgs=%d raw_per_s=%.0f keyscope_per_s=%.0f ratio=%.2f "
                "max_stall_ms=%lld dropped=%lld rss_mb=%.0f\n",
                scenario.name, total, rawRate, keyscopeRate, keyscopeRate / rawRate, maxStallMs,
                upstreamDropped, BenchUtil::peakRssMb());
    std::fflush(stdout);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int total = argc > 1 ? QByteArray(argv[1]).toInt() : 1000000;

    EmbeddedServer::Options options;
    options.extraArgs = {QStringLiteral("--client-output-buffer-limit"), QStringLiteral("pubsub 0 0 0")};
    EmbeddedServer server(options);
    QObject::connect(&server, &EmbeddedServer::failed, &app,
                     [&] { qFatal("%s", qPrintable(server.errorString())); });
    server.start();
    while (!server.isReady())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 100);

    runScenario(server, {"one-channel", 1, false}, total);
    runScenario(server, {"psubscribe-200", 200, true}, total);
    return 0;
}
