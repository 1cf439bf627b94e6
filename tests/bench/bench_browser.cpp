// Key browser load: KeyScanner + KeyTreeModel loading every key, beside a raw hiredis SCAN loop in the same
// run; then the biggest folder is split (on the worker) as when a person expands it.
// Run by hand: build/<preset>/tests/bench/bench_browser [keys]   (default 1,000,000; 10,000,000 works too)
// Last line: browser-bench keys=N raw_s=... keyscope_s=... ratio=... bytes_per_key=... max_stall_ms=...
// split_s=... rss_mb=...  (bytes_per_key: arena index + tree, beyond the key bytes themselves)
#include "benchutil.h"
#include "embeddedserver.h"
#include "keyscanner.h"
#include "keytreemodel.h"
#include "redisconnection.h"

#include <cstdio>
#include <functional>
#include <hiredis/hiredis.h>
#include <memory>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTimer>

namespace {

// Realistic namespaces: sessions, caches, queues, users.
QByteArray keyName(int i)
{
    switch (i % 5) {
    case 0:
        return "app:user:" + QByteArray::number(i) + ":session";
    case 1:
        return "cache:dashboard:" + QByteArray::number(i);
    case 2:
        return "bull:photo-analyze:" + QByteArray::number(i);
    case 3:
        return "cache:device:" + QByteArray::number(i % 9973) + ":" + QByteArray::number(i);
    default:
        return "user:" + QByteArray::number(i) + ":profile";
    }
}

double rawHiredisScanSeconds(quint16 port, qint64 &keys)
{
    redisContext *c = redisConnect("127.0.0.1", port);
    if (!c || c->err)
        qFatal("hiredis connect failed");
    QElapsedTimer timer;
    timer.start();
    QByteArray cursor = "0";
    keys = 0;
    do {
        auto *reply = static_cast<redisReply *>(
            redisCommand(c, "SCAN %b COUNT 1000", cursor.constData(), size_t(cursor.size())));
        if (!reply || reply->type != REDIS_REPLY_ARRAY)
            qFatal("SCAN failed");
        cursor = QByteArray(reply->element[0]->str, qsizetype(reply->element[0]->len));
        keys += qint64(reply->element[1]->elements);
        freeReplyObject(reply);
    } while (cursor != "0");
    const double seconds = timer.nsecsElapsed() / 1e9;
    redisFree(c);
    return seconds;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int total = argc > 1 ? QByteArray(argv[1]).toInt() : 1000000;
    EmbeddedServer server;
    std::unique_ptr<RedisConnection> connection;
    std::unique_ptr<KeyScanner> scanner;
    std::unique_ptr<KeyTreeModel> tree;
    QElapsedTimer scanTimer;
    QElapsedTimer splitTimer;
    double keyscopeSeconds = 0;
    double rawSeconds = 0;
    qint64 rawKeys = 0;

    // The longest gap between ticks of a 5 ms timer on this (the GUI) thread while loading.
    QTimer stallTimer;
    stallTimer.setInterval(5);
    QElapsedTimer sinceTick;
    qint64 maxStallMs = 0;
    QObject::connect(&stallTimer, &QTimer::timeout, &app,
                     [&] { maxStallMs = std::max(maxStallMs, sinceTick.restart()); });

    // 3. The biggest folder is split as when a person expands it (on the worker thread, while the loop keeps
    // ticking), then the biggest folder inside it, down to a folder with at least 1000 rows.
    QPersistentModelIndex splitting;
    double slowestSplit = 0;
    const auto report = [&] {
        stallTimer.stop();
        const qsizetype keys = scanner->keys().size();
        const double perKey = double(scanner->keys().overheadBytes() + tree->overheadBytes()) /
                              double(std::max<qsizetype>(keys, 1));
        std::printf("browser-bench keys=%lld raw_s=%.2f keyscope_s=%.2f ratio=%.2f bytes_per_key=%.1f "
                    "max_stall_ms=%lld split_s=%.2f rss_mb=%.0f\n",
                    qint64(keys), rawSeconds, keyscopeSeconds, keyscopeSeconds / rawSeconds, perKey,
                    maxStallMs, slowestSplit, BenchUtil::peakRssMb());
        QCoreApplication::quit();
    };
    std::function<void(const QModelIndex &)> splitBiggestUnder = [&](const QModelIndex &parent) {
        QModelIndex biggest;
        for (int row = 0; row < tree->rowCount(parent); ++row) {
            const QModelIndex index = tree->index(row, 0, parent);
            if (tree->isFolder(index) &&
                (!biggest.isValid() || index.data(KeyTreeModel::KeyCountRole).toLongLong() >
                                           biggest.data(KeyTreeModel::KeyCountRole).toLongLong()))
                biggest = index;
        }
        if (!biggest.isValid() || (parent.isValid() && tree->rowCount(parent) >= 1000)) {
            report();
            return;
        }
        splitting = biggest;
        splitTimer.start();
        tree->fetchMore(biggest);
    };
    const auto splitDone = [&] {
        if (!splitting.isValid() || tree->isBusy())
            return;
        const double seconds = splitTimer.nsecsElapsed() / 1e9;
        slowestSplit = std::max(slowestSplit, seconds);
        std::printf("split %s into %d rows in %.2f s\n", qPrintable(splitting.data().toString()),
                    tree->rowCount(splitting), seconds);
        const QModelIndex done = splitting;
        splitting = QPersistentModelIndex();
        QTimer::singleShot(0, &app, [&, done] { splitBiggestUnder(done); });
    };

    // 2. Loaded when the scan is complete and every key is placed in the tree.
    const auto loaded = [&] {
        if (!scanner->isComplete() || tree->isBusy() || keyscopeSeconds > 0)
            return;
        keyscopeSeconds = scanTimer.nsecsElapsed() / 1e9;
        // The server's own state (e.g. incremental rehashing after the fill) moves the raw figure:
        // measure it again after Keyscope's run and compare with the faster of the two.
        qint64 againKeys = 0;
        const double first = rawSeconds;
        const double again = rawHiredisScanSeconds(server.port(), againKeys);
        rawSeconds = std::min(first, again);
        std::printf("raw hiredis SCAN COUNT 1000: %lld keys in %.2f s, again %.2f s\n", rawKeys, first,
                    again);
        std::printf("Keyscope scanner + tree:     %lld keys in %.2f s, %lld keys in the tree, %d root rows\n",
                    qint64(scanner->keys().size()), keyscopeSeconds, tree->keyCount(), tree->rowCount());
        QObject::connect(tree.get(), &KeyTreeModel::idle, &app, splitDone);
        sinceTick.start();
        stallTimer.start();
        QTimer::singleShot(0, &app, [&] { splitBiggestUnder({}); });
    };

    // 1. Raw hiredis, then Keyscope.
    const auto scan = [&] {
        rawSeconds = rawHiredisScanSeconds(server.port(), rawKeys);
        KeyScanner::Options options;
        options.count = 1000;
        scanner = std::make_unique<KeyScanner>(QList<RedisConnection *>{connection.get()}, options);
        tree = std::make_unique<KeyTreeModel>(scanner.get(), connection.get());
        QObject::connect(scanner.get(), &KeyScanner::failed, &app, [](const QString &message) {
            std::fprintf(stderr, "scan failed: %s\n", qPrintable(message));
            QCoreApplication::exit(1);
        });
        QObject::connect(scanner.get(), &KeyScanner::stopped, &app, loaded);
        QObject::connect(tree.get(), &KeyTreeModel::idle, &app, loaded);
        sinceTick.start();
        stallTimer.start();
        scanTimer.start();
        scanner->loadAll();
    };

    QObject::connect(&server, &EmbeddedServer::failed, &app, [](const QString &message) {
        std::fprintf(stderr, "embedded server failed: %s\n", qPrintable(message));
        QCoreApplication::exit(1);
    });
    QObject::connect(&server, &EmbeddedServer::ready, &app, [&] {
        connection = std::make_unique<RedisConnection>(server.connectionConfig());
        connection->open();
        // Fill with pipelined MSETs of 1000 keys, 32 in flight.
        auto next = std::make_shared<int>(0);
        auto answered = std::make_shared<int>(0);
        const int batches = (total + 999) / 1000;
        auto send = std::make_shared<std::function<void()>>();
        *send = [&, next, answered, batches, send] {
            if (*next >= batches)
                return;
            const int batch = (*next)++;
            QList<QByteArray> args{"MSET"};
            for (int i = batch * 1000; i < std::min(total, (batch + 1) * 1000); ++i)
                args << keyName(i) << "v";
            connection->command(
                args, &app,
                [&, answered, batches, send](const RedisReply &reply) {
                    if (reply.isError())
                        qFatal("MSET failed: %s", qPrintable(reply.errorMessage()));
                    if (++*answered == batches) {
                        std::printf("filled %d keys\n", total);
                        QTimer::singleShot(0, &app, scan);
                    } else {
                        (*send)();
                    }
                },
                0);
        };
        for (int i = 0; i < 32; ++i)
            (*send)();
    });
    server.start();
    const int result = app.exec();
    tree.reset(); // before the scanner it shows
    return result;
}
