// Pipelined command throughput of RedisConnection, beside redis-benchmark -P 16 in the same run.
// Run by hand: build/<preset>/tests/bench/bench_pipeline [commands]
// Last line: pipeline-bench cmds=N keyscope_per_s=... redis_benchmark_per_s=... ratio=...
#include "embeddedserver.h"
#include "redisconnection.h"

#include <cstdio>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTextStream>
#include <QTimer>

namespace {

// Keeps `window` commands in flight, like redis-benchmark's -P pipelining, until `total` are answered.
class Driver : public QObject
{
public:
    Driver(RedisConnection &connection, int total, int window)
        : m_connection(connection), m_total(total), m_window(window)
    {}
    void run(std::function<void(double)> done)
    {
        m_done = std::move(done);
        m_timer.start();
        for (int i = 0; i < m_window; ++i)
            sendOne();
    }

private:
    void sendOne()
    {
        if (m_sent >= m_total)
            return;
        const int n = m_sent++;
        QList<QByteArray> args = (n % 2) ? QList<QByteArray>{"GET", "key:__rand_int__"}
                                         : QList<QByteArray>{"SET", "key:__rand_int__", "xxx"};
        m_connection.command(args, this, [this](const RedisReply &reply) {
            if (reply.isError())
                qFatal("command failed: %s", qPrintable(reply.errorMessage()));
            if (++m_answered == m_total)
                m_done(m_total / (m_timer.nsecsElapsed() / 1e9));
            else
                sendOne();
        });
    }

    RedisConnection &m_connection;
    int m_total;
    int m_window;
    int m_sent = 0;
    int m_answered = 0;
    QElapsedTimer m_timer;
    std::function<void(double)> m_done;
};

double redisBenchmark(quint16 port, int total)
{
    const QString exe = QStandardPaths::findExecutable(QStringLiteral("redis-benchmark"));
    if (exe.isEmpty())
        return 0;
    QProcess process;
    process.start(exe, {QStringLiteral("-p"), QString::number(port), QStringLiteral("-P"),
                        QStringLiteral("16"), QStringLiteral("-c"), QStringLiteral("1"), QStringLiteral("-n"),
                        QString::number(total / 2), QStringLiteral("-t"), QStringLiteral("set,get"),
                        QStringLiteral("-q")});
    process.waitForFinished(120000);
    const QString out = QString::fromUtf8(process.readAll());
    // "SET: 123456.79 requests per second, p50=..." (lines may be rewritten with \r)
    double sum = 0;
    int found = 0;
    static const QRegularExpression re(QStringLiteral("(SET|GET): ([0-9.]+) requests per second"));
    for (auto it = re.globalMatch(out); it.hasNext();) {
        sum += 1.0 / it.next().captured(2).toDouble();
        ++found;
    }
    return found == 2 ? 2.0 / sum : 0; // harmonic mean, as both run the same count
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int total = argc > 1 ? QByteArray(argv[1]).toInt() : 400000;
    EmbeddedServer server;
    std::unique_ptr<RedisConnection> connection;
    std::unique_ptr<Driver> window16;
    std::unique_ptr<Driver> burst;
    double window16PerSecond = 0;

    QObject::connect(&server, &EmbeddedServer::failed, &app, [](const QString &message) {
        std::fprintf(stderr, "embedded server failed: %s\n", qPrintable(message));
        QCoreApplication::exit(1);
    });
    const auto finish = [&](double burstPerSecond) {
        const double reference = redisBenchmark(server.port(), total);
        std::printf("keyscope, 16 in flight:       %.0f commands/s\n", window16PerSecond);
        std::printf("keyscope, all %d in flight: %.0f commands/s\n", total, burstPerSecond);
        std::printf("redis-benchmark -P 16 -c 1:   %.0f commands/s\n", reference);
        std::printf("pipeline-bench cmds=%d keyscope_per_s=%.0f burst_per_s=%.0f redis_benchmark_per_s=%.0f "
                    "ratio=%.2f\n",
                    total, window16PerSecond, burstPerSecond, reference,
                    reference > 0 ? window16PerSecond / reference : 0.0);
        QCoreApplication::quit();
    };
    QObject::connect(&server, &EmbeddedServer::ready, &app, [&] {
        connection = std::make_unique<RedisConnection>(server.connectionConfig());
        connection->open();
        window16 = std::make_unique<Driver>(*connection, total, 16);
        burst = std::make_unique<Driver>(*connection, total, total);
        QObject::connect(connection.get(), &RedisConnection::ready, &app, [&] {
            window16->run([&](double perSecond) {
                window16PerSecond = perSecond;
                // Let the stack unwind out of the last callback before the next run starts.
                QTimer::singleShot(0, &app, [&] { burst->run(finish); });
            });
        });
    });
    server.start();
    return app.exec();
}
