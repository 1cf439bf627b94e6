#include "embeddedserver.h"
#include "testserver.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSaveFile>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#ifdef Q_OS_UNIX
#include <csignal>
#endif

namespace {

const char childSwitch[] = "--child";

// Gone, or a zombie waiting for a parent that does not reap (it holds no port and no files).
bool processGone(qint64 pid)
{
#if defined(Q_OS_LINUX)
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return true;
    const QByteArray text = stat.readAll();
    return text.mid(text.lastIndexOf(')') + 2, 1) == "Z";
#elif defined(Q_OS_UNIX)
    return ::kill(pid_t(pid), 0) != 0;
#else
    Q_UNUSED(pid)
    return true;
#endif
}

qint64 readPid(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    return file.readAll().trimmed().toLongLong();
}

QByteArray ask(quint16 port, const QByteArray &command)
{
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), port);
    if (!socket.waitForConnected(2000))
        return {};
    socket.write(command);
    if (!socket.waitForReadyRead(2000))
        return {};
    return socket.readAll();
}

// The helper process of orphanDiesWithParent(): runs an EmbeddedServer in <dir> and, once it is
// ready, writes the redis-server pid to <dir>/embedded.pid. Then waits to be killed.
int runChild(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    EmbeddedServer::Options options;
    options.dataDir = QString::fromLocal8Bit(argv[2]);
    EmbeddedServer server(options);
    QObject::connect(&server, &EmbeddedServer::ready, &app, [&server, &options] {
        QSaveFile file(QDir(options.dataDir).filePath(QStringLiteral("embedded.pid")));
        if (!file.open(QIODevice::WriteOnly) || file.write(QByteArray::number(server.processId())) < 0 ||
            !file.commit())
            QCoreApplication::exit(2);
    });
    QObject::connect(&server, &EmbeddedServer::failed, &app, [](const QString &message) {
        qWarning().noquote() << message;
        QCoreApplication::exit(1);
    });
    server.start();
    return app.exec();
}

} // namespace

class TestEmbeddedServer : public QObject
{
    Q_OBJECT
private slots:
    void startsAndAnswersPing();
    void twoServersGetDifferentPorts();
    void stopLeavesNothingBehind();
    void stopAsyncReturnsAtOnce();
    void readyWhenPasswordRequired();
    void badArgumentReportsServerComplaint();
    void missingExecutableExplainsInstall();
    void notOnPathExplainsInstall();
    void unexpectedExitIsReported();
    void reapsStaleServer();
    void relativeDataDirWorks();
    void orphanDiesWithParent();
};

void TestEmbeddedServer::startsAndAnswersPing()
{
    EmbeddedServer server;
    QSignalSpy ready(&server, &EmbeddedServer::ready);
    QSignalSpy logLines(&server, &EmbeddedServer::logLine);
    server.start();
    QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 10000);
    QVERIFY(server.isReady());
    QVERIFY(server.isRunning());
    QVERIFY(server.port() != 0);
    QCOMPARE(ask(server.port(), "PING\r\n"), QByteArray("+PONG\r\n"));

    QVERIFY(!logLines.isEmpty());
    QVERIFY2(server.log().join(QLatin1Char('\n')).contains(QLatin1String("Ready to accept connections")),
             qPrintable(server.log().join(QLatin1Char('\n'))));

    const ConnectionConfig config = server.connectionConfig();
    QCOMPARE(config.host, QStringLiteral("127.0.0.1"));
    QCOMPARE(config.port, server.port());
    QVERIFY(!config.name.isEmpty());
    QVERIFY(config.password.isEmpty());
}

void TestEmbeddedServer::twoServersGetDifferentPorts()
{
    TestServer first;
    TestServer second;
    QVERIFY(first.start());
    QVERIFY(second.start());
    QVERIFY(first.port() != second.port());
    QVERIFY(first.server().dataDir() != second.server().dataDir());
    QCOMPARE(ask(first.port(), "PING\r\n"), QByteArray("+PONG\r\n"));
    QCOMPARE(ask(second.port(), "PING\r\n"), QByteArray("+PONG\r\n"));
}

void TestEmbeddedServer::stopLeavesNothingBehind()
{
    TestServer test;
    QVERIFY(test.start());
    EmbeddedServer &server = test.server();
    const qint64 pid = server.processId();
    const QString dir = server.dataDir();
    QVERIFY(pid > 0);
    QVERIFY(QDir(dir).exists());
    QVERIFY(QFile::exists(QDir(dir).filePath(QStringLiteral("redis.pid"))));

    QSignalSpy stopped(&server, &EmbeddedServer::stopped);
    QElapsedTimer clock;
    clock.start();
    server.stop();
    QVERIFY2(clock.elapsed() < 3000, qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(stopped.count(), 1);
    QVERIFY(!server.isRunning());
    QVERIFY(!server.isReady());
    QVERIFY(processGone(pid));
    QVERIFY(!QDir(dir).exists());

    server.stop(); // a second stop() is a no-op
    QCOMPARE(stopped.count(), 1);
}

void TestEmbeddedServer::stopAsyncReturnsAtOnce()
{
    TestServer test;
    QVERIFY(test.start());
    EmbeddedServer &server = test.server();
    const qint64 pid = server.processId();
    const QString dir = server.dataDir();
    QSignalSpy stopped(&server, &EmbeddedServer::stopped);
    QSignalSpy failed(&server, &EmbeddedServer::failed);
    server.stopAsync();
    QCOMPARE(stopped.count(), 0); // nothing waited for the process
    QVERIFY(stopped.wait(5000));
    QCOMPARE(stopped.count(), 1);
    QCOMPARE(failed.count(), 0); // an asked-for exit is not a crash
    QVERIFY(!server.isRunning());
    QVERIFY(processGone(pid));
    QVERIFY(!QDir(dir).exists());

    // It starts again afterwards.
    server.start();
    QTRY_VERIFY_WITH_TIMEOUT(server.isReady(), 10000);
}

void TestEmbeddedServer::readyWhenPasswordRequired()
{
    TestServer test;
    QVERIFY(test.start({QStringLiteral("--requirepass"), QStringLiteral("secret")}));
    QVERIFY(ask(test.port(), "PING\r\n").startsWith("-NOAUTH"));

    // SHUTDOWN is refused without the password: stop() falls back to terminating, quickly.
    const qint64 pid = test.server().processId();
    QElapsedTimer clock;
    clock.start();
    test.server().stop();
    QVERIFY2(clock.elapsed() < 2000, qPrintable(QString::number(clock.elapsed())));
    QVERIFY(processGone(pid));
}

void TestEmbeddedServer::badArgumentReportsServerComplaint()
{
    EmbeddedServer::Options options;
    options.extraArgs = {QStringLiteral("--no-such-option")};
    EmbeddedServer server(options);
    QSignalSpy failed(&server, &EmbeddedServer::failed);
    QSignalSpy ready(&server, &EmbeddedServer::ready);
    server.start();
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 10000);
    QCOMPARE(ready.count(), 0);
    const QString message = failed.first().first().toString();
    QVERIFY2(message.contains(QLatin1String("no-such-option")), qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("Bad directive")), qPrintable(message));
    QCOMPARE(server.errorString(), message);
    QVERIFY(!server.isRunning());
}

void TestEmbeddedServer::missingExecutableExplainsInstall()
{
    EmbeddedServer::Options options;
    options.executable = QStringLiteral("/nonexistent/keyscope-test/redis-server");
    EmbeddedServer server(options);
    QSignalSpy failed(&server, &EmbeddedServer::failed);
    server.start();
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 5000);
    const QString message = failed.first().first().toString();
    QVERIFY2(message.contains(QLatin1String("sudo apt install redis-server")), qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("brew install redis")), qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("redis-server.exe")), qPrintable(message));
}

void TestEmbeddedServer::notOnPathExplainsInstall()
{
    QTemporaryDir emptyDir;
    const QByteArray savedPath = qgetenv("PATH");
    qputenv("PATH", QFile::encodeName(emptyDir.path()));
    const QString found = EmbeddedServer::findExecutable();
    EmbeddedServer server;
    QSignalSpy failed(&server, &EmbeddedServer::failed);
    server.start();
    qputenv("PATH", savedPath);

    QVERIFY2(found.isEmpty(), qPrintable(found));
    QCOMPARE(failed.count(), 1); // reported at once: there is nothing to wait for
    const QString message = failed.first().first().toString();
    QVERIFY2(message.contains(QLatin1String("sudo apt install redis-server")), qPrintable(message));
    QVERIFY(!server.isRunning());
}

void TestEmbeddedServer::unexpectedExitIsReported()
{
    TestServer test;
    QVERIFY(test.start());
    EmbeddedServer &server = test.server();
    const QString dir = server.dataDir();
    QSignalSpy failed(&server, &EmbeddedServer::failed);
    ask(server.port(), "SHUTDOWN NOSAVE\r\n");
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 5000);
    QVERIFY2(server.errorString().contains(QLatin1String("unexpectedly")), qPrintable(server.errorString()));
    QVERIFY(!server.isRunning());
    QVERIFY(!server.isReady());

    QSignalSpy stopped(&server, &EmbeddedServer::stopped);
    server.stop();
    QCOMPARE(stopped.count(), 1);
    QVERIFY(!QDir(dir).exists());
}

void TestEmbeddedServer::reapsStaleServer()
{
#ifndef Q_OS_UNIX
    QSKIP("Starts a stand-alone redis-server and checks its pid with POSIX calls.");
#endif
    const QString executable = EmbeddedServer::findExecutable();
    QVERIFY(!executable.isEmpty());
    QTemporaryDir data;
    QVERIFY(data.isValid());
    const QString pidFile = data.filePath(QStringLiteral("redis.pid"));
    const quint16 port = EmbeddedServer::freePort();
    QVERIFY(QProcess::startDetached(executable,
                                    {QStringLiteral("--bind"), QStringLiteral("127.0.0.1"),
                                     QStringLiteral("--port"), QString::number(port), QStringLiteral("--dir"),
                                     data.path(), QStringLiteral("--save"), QString(),
                                     QStringLiteral("--pidfile"), pidFile, QStringLiteral("--logfile"),
                                     data.filePath(QStringLiteral("stale.log"))},
                                    data.path()));
    QTRY_VERIFY_WITH_TIMEOUT(readPid(pidFile) > 0, 10000);
    const qint64 stalePid = readPid(pidFile);
    QTRY_COMPARE_WITH_TIMEOUT(ask(port, "PING\r\n"), QByteArray("+PONG\r\n"), 10000);
    QVERIFY(!processGone(stalePid));

    // Same data directory and same port: the stale server must be gone before the new one binds.
    EmbeddedServer::Options options;
    options.dataDir = data.path();
    options.port = port;
    EmbeddedServer server(options);
    QSignalSpy ready(&server, &EmbeddedServer::ready);
    QSignalSpy failed(&server, &EmbeddedServer::failed);
    server.start();
    QVERIFY(processGone(stalePid));
    QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty() || !failed.isEmpty(), 10000);
    QVERIFY2(failed.isEmpty(), qPrintable(server.errorString()));
    QVERIFY(server.processId() != stalePid);
    QCOMPARE(readPid(pidFile), server.processId());
    QVERIFY(server.log().join(QLatin1Char('\n')).contains(QString::number(stalePid)));

    // A persistent data directory is saved on stop.
    QCOMPARE(ask(port, "SET kept 1\r\n"), QByteArray("+OK\r\n"));
    server.stop();
    QVERIFY(QFile::exists(data.filePath(QStringLiteral("dump.rdb"))));
    QVERIFY(QDir(data.path()).exists());
    QVERIFY(!QFile::exists(pidFile));
}

void TestEmbeddedServer::relativeDataDirWorks()
{
    QTemporaryDir base;
    QVERIFY(base.isValid());
    const QString savedCwd = QDir::currentPath();
    QVERIFY(QDir::setCurrent(base.path()));
    EmbeddedServer::Options options;
    options.dataDir = QStringLiteral("data");
    EmbeddedServer server(options);
    QSignalSpy ready(&server, &EmbeddedServer::ready);
    QSignalSpy failed(&server, &EmbeddedServer::failed);
    server.start();
    QDir::setCurrent(savedCwd);
    QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty() || !failed.isEmpty(), 10000);
    QVERIFY2(failed.isEmpty(), qPrintable(server.errorString()));
    QVERIFY(QFile::exists(base.filePath(QStringLiteral("data/redis.pid"))));
    server.stop();
    QVERIFY(QFile::exists(base.filePath(QStringLiteral("data/dump.rdb"))));
}

void TestEmbeddedServer::orphanDiesWithParent()
{
#ifndef Q_OS_LINUX
    QSKIP("PR_SET_PDEATHSIG is Linux only.");
#else
    QTemporaryDir data;
    QVERIFY(data.isValid());
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedChannels);
    child.start(QCoreApplication::applicationFilePath(), {QString::fromLatin1(childSwitch), data.path()});
    QVERIFY(child.waitForStarted(5000));
    const QString readyFile = data.filePath(QStringLiteral("embedded.pid"));
    QTRY_VERIFY_WITH_TIMEOUT(readPid(readyFile) > 0 || child.state() == QProcess::NotRunning, 15000);
    const qint64 redisPid = readPid(readyFile);
    QVERIFY2(redisPid > 0, "the helper process did not start its server");
    QVERIFY(!processGone(redisPid));

    ::kill(pid_t(child.processId()), SIGKILL);
    QVERIFY(child.waitForFinished(5000));
    QTRY_VERIFY_WITH_TIMEOUT(processGone(redisPid), 5000);
#endif
}

int main(int argc, char *argv[])
{
    if (argc == 3 && qstrcmp(argv[1], childSwitch) == 0)
        return runChild(argc, argv);
    QCoreApplication app(argc, argv);
    TestEmbeddedServer test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_embeddedserver.moc"
