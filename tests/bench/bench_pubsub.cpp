// Pub/sub flood: a pipelined publisher (its own thread, raw hiredis) sends N messages of ~60 bytes, first to
// a raw hiredis subscriber (its own thread), then to Keyscope's PubSubSubscriber feeding a PubSubMessageModel
// on this (the GUI) thread while a 5 ms timer watches for stalls. The server's pubsub output-buffer limit is
// lifted for the run so that neither subscriber is cut off while it catches up.
// Run by hand: build/<preset>/tests/bench/bench_pubsub [messages]   (default 1,000,000)
// Last line: pubsub-bench msgs=N raw_per_s=... keyscope_per_s=... ratio=... max_stall_ms=... rss_mb=...
#include "benchutil.h"
#include "embeddedserver.h"
#include "pubsubmessagemodel.h"
#include "pubsubsubscriber.h"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <hiredis/hiredis.h>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTimer>
#include <thread>

namespace {

const QByteArray kPayload = R"({"status":"running","progress":42,"batch":123,"ts":170000000})";

qint64 steadyNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

void publishAll(quint16 port, const char *channel, int total)
{
    redisContext *c = redisConnect("127.0.0.1", port);
    if (!c || c->err)
        qFatal("publisher: connect failed");
    constexpr int chunk = 1000;
    for (int sent = 0; sent < total; sent += chunk) {
        const int n = std::min(chunk, total - sent);
        for (int i = 0; i < n; ++i)
            redisAppendCommand(c, "PUBLISH %s %b", channel, kPayload.constData(), size_t(kPayload.size()));
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
double rawSubscriberRate(quint16 port, int total)
{
    std::atomic<bool> subscribed{false};
    double rate = 0;
    std::thread subscriber([&] {
        redisContext *c = redisConnect("127.0.0.1", port);
        if (!c || c->err)
            qFatal("subscriber: connect failed");
        freeReplyObject(redisCommand(c, "SUBSCRIBE raw-bench"));
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
    std::thread publisher(publishAll, port, "raw-bench", total);
    publisher.join();
    subscriber.join();
    return rate;
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

    const double rawRate = rawSubscriberRate(server.port(), total);
    std::fprintf(stderr, "raw hiredis subscriber: %.0f msg/s\n", rawRate);

    PubSubSubscriber subscriber(server.connectionConfig());
    PubSubMessageModel model;
    QTimer stallTimer;
    stallTimer.setInterval(5);
    QElapsedTimer sinceTick;
    qint64 maxStallMs = 0;
    QObject::connect(&stallTimer, &QTimer::timeout, &app,
                     [&] { maxStallMs = std::max(maxStallMs, sinceTick.restart()); });
    qint64 firstNs = 0;
    qint64 lastNs = 0;
    qint64 upstreamDropped = 0;
    QObject::connect(&subscriber, &PubSubSubscriber::messagesReceived, &app,
                     [&](const QList<PubSubMessage> &batch, qint64 dropped) {
                         if (firstNs == 0 && !batch.isEmpty())
                             firstNs = batch.first().receivedSteadyNs;
                         upstreamDropped += dropped;
                         model.append(batch, dropped);
                         if (model.receivedCount() >= total) {
                             lastNs = steadyNs();
                             app.quit();
                         }
                     });
    std::thread publisher;
    QObject::connect(&subscriber, &PubSubSubscriber::subscriptionsChanged, &app, [&] {
        if (publisher.joinable() || subscriber.subscriptions(PubSubMessage::Kind::Channel).isEmpty())
            return;
        sinceTick.start();
        stallTimer.start();
        publisher = std::thread(publishAll, server.port(), "keyscope-bench", total);
    });
    subscriber.open();
    subscriber.subscribe(PubSubMessage::Kind::Channel, "keyscope-bench");
    app.exec();
    stallTimer.stop();
    publisher.join();

    const double keyscopeRate = double(total - upstreamDropped - 1) / (double(lastNs - firstNs) / 1e9);
    std::fprintf(stderr, "keyscope: %.0f msg/s into the model, %lld dropped upstream, buffer %lld rows\n",
                 keyscopeRate, upstreamDropped, qint64(model.rowCount()));
    std::printf(
        "pubsub-bench msgs=%d raw_per_s=%.0f keyscope_per_s=%.0f ratio=%.2f max_stall_ms=%lld rss_mb=%.0f\n",
        total, rawRate, keyscopeRate, keyscopeRate / rawRate, maxStallMs, BenchUtil::peakRssMb());
    return 0;
}
