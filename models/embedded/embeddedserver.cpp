#include "embeddedserver.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <vector>

#if defined(Q_OS_WIN)
#include <qt_windows.h>
#else
#include <cerrno>
#include <csignal>
#include <unistd.h>
#endif
#if defined(Q_OS_LINUX)
#include <sys/prctl.h>
#elif defined(Q_OS_MACOS)
#include <libproc.h>
#endif

namespace {

constexpr int kProbeIntervalMs = 50;
constexpr int kAsyncStopKillMs = 3000;
constexpr qsizetype kMaxLogLines = 2000;
constexpr qsizetype kMaxLineBytes = 64 * 1024;
constexpr qsizetype kLogTailLines = 8;
constexpr int kReapWaitMs = 500;

QString pidFilePath(const QString &dir)
{
    return QDir(dir).filePath(QStringLiteral("redis.pid"));
}

QString installHint()
{
    return EmbeddedServer::tr("To use the embedded server, install redis-server:\n"
                              "- Debian/Ubuntu: sudo apt install redis-server\n"
                              "- macOS: brew install redis\n"
                              "- Windows: put redis-server.exe next to keyscope.exe");
}

// Process identification and killing for reapStale(). A pid from a pid file may have been reused
// by an unrelated program, so only a process that is a redis-server is ever killed.
#if defined(Q_OS_LINUX)
bool isRedisServer(qint64 pid)
{
    QFile comm(QStringLiteral("/proc/%1/comm").arg(pid));
    if (comm.open(QIODevice::ReadOnly) && comm.readAll().trimmed().startsWith("redis-server"))
        return true;
    QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(pid));
    return cmdline.open(QIODevice::ReadOnly) && cmdline.readAll().contains("redis-server");
}

// Gone, or a zombie nobody has reaped yet (it holds no port and no files).
bool isGone(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return true;
    const QByteArray text = stat.readAll();
    const qsizetype afterName = text.lastIndexOf(')');
    return afterName < 0 || text.mid(afterName + 2, 1) == "Z";
}
#elif defined(Q_OS_MACOS)
bool isRedisServer(qint64 pid)
{
    char name[256] = {};
    return proc_name(int(pid), name, sizeof(name)) > 0 && QByteArray(name).startsWith("redis-server");
}

bool isGone(qint64 pid)
{
    return ::kill(pid_t(pid), 0) != 0 && errno == ESRCH;
}
#elif defined(Q_OS_WIN)
bool isRedisServer(qint64 pid)
{
    const HANDLE process = OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, FALSE, DWORD(pid));
    if (!process)
        return false;
    wchar_t path[MAX_PATH] = {};
    DWORD size = MAX_PATH;
    const bool named = QueryFullProcessImageNameW(process, 0, path, &size);
    CloseHandle(process);
    return named && QFileInfo(QString::fromWCharArray(path, int(size)))
                        .fileName()
                        .startsWith(QLatin1String("redis-server"), Qt::CaseInsensitive);
}
#else
// No portable way to tell what a pid runs: never kill it.
bool isRedisServer(qint64)
{
    return false;
}
#endif

// Kills pid and waits (bounded) until it is gone, so its port and data directory are free again.
void killAndWait(qint64 pid)
{
#if defined(Q_OS_WIN)
    const HANDLE process = OpenProcess(PROCESS_TERMINATE | SYNCHRONIZE, FALSE, DWORD(pid));
    if (!process)
        return;
    TerminateProcess(process, 1);
    WaitForSingleObject(process, kReapWaitMs);
    CloseHandle(process);
#elif defined(Q_OS_LINUX) || defined(Q_OS_MACOS)
    ::kill(pid_t(pid), SIGKILL);
    const QDeadlineTimer deadline(kReapWaitMs);
    while (!isGone(pid) && !deadline.hasExpired())
        QThread::msleep(10);
#else
    Q_UNUSED(pid)
#endif
}

// Asks the server to shut down. False when it could not be asked or refused (e.g. -NOAUTH).
bool requestShutdown(quint16 port, bool save)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(500))
        return false;
    socket.write(save ? "SHUTDOWN SAVE\r\n" : "SHUTDOWN NOSAVE\r\n");
    if (!socket.waitForBytesWritten(500))
        return false;
    // A successful SHUTDOWN closes the connection without a reply; an error reply means refused.
    if (socket.waitForReadyRead(500))
        return !socket.peek(1).startsWith('-');
    return true;
}

} // namespace

EmbeddedServer::EmbeddedServer(QObject *parent) : EmbeddedServer(Options{}, parent) {}

EmbeddedServer::EmbeddedServer(Options options, QObject *parent)
    : QObject(parent), m_options(std::move(options)), m_process(std::make_unique<QProcess>()),
      m_probe(std::make_unique<QTcpSocket>()), m_probeTimer(new QTimer(this))
{
    m_process->setProcessChannelMode(QProcess::MergedChannels);
#ifdef Q_OS_LINUX
    // The kernel kills the server when the thread that started it dies, however Keyscope ends.
    const pid_t parentPid = ::getpid();
    m_process->setChildProcessModifier([parentPid] {
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (::getppid() != parentPid) // the parent died before prctl took effect
            ::_exit(127);
    });
#endif
    connect(m_process.get(), &QProcess::readyReadStandardOutput, this, &EmbeddedServer::onReadyReadOutput);
    connect(m_process.get(), &QProcess::finished, this, &EmbeddedServer::onFinished);
    connect(m_process.get(), &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error != QProcess::FailedToStart)
            return; // crashes are reported by onFinished
        fail(tr("Could not start %1: %2")
                 .arg(QDir::toNativeSeparators(m_process->program()), m_process->errorString()) +
             QLatin1Char('\n') + installHint());
    });

    connect(m_probe.get(), &QTcpSocket::connected, this, [this] { m_probe->write("PING\r\n"); });
    connect(m_probe.get(), &QTcpSocket::readyRead, this, &EmbeddedServer::onProbeReadyRead);

    m_probeTimer->setInterval(kProbeIntervalMs);
    connect(m_probeTimer, &QTimer::timeout, this, &EmbeddedServer::probe);
}

EmbeddedServer::~EmbeddedServer()
{
    stop();
}

QString EmbeddedServer::findExecutable()
{
#ifdef Q_OS_WIN
    const QString name = QStringLiteral("redis-server.exe");
#else
    const QString name = QStringLiteral("redis-server");
#endif
    if (QCoreApplication::instance()) {
        const QFileInfo bundled(QDir(QCoreApplication::applicationDirPath()).filePath(name));
        if (bundled.isFile() && bundled.isExecutable())
            return bundled.absoluteFilePath();
    }
    return QStandardPaths::findExecutable(QStringLiteral("redis-server"));
}

quint16 EmbeddedServer::freePort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    return server.serverPort();
}

QList<quint16> EmbeddedServer::freePorts(int count)
{
    std::vector<std::unique_ptr<QTcpServer>> holders;
    QList<quint16> ports;
    for (int i = 0; i < count; ++i) {
        auto server = std::make_unique<QTcpServer>();
        if (!server->listen(QHostAddress::LocalHost, 0))
            return {};
        ports.append(server->serverPort());
        holders.push_back(std::move(server));
    }
    return ports;
}

void EmbeddedServer::start()
{
    if (isRunning())
        return;
    m_error.clear();
    m_log.clear();
    m_partialLine.clear();
    m_ready = false;
    m_stopping = false;
    m_stopAsync = false;
    m_probe->abort();

    const QString program = m_options.executable.isEmpty() ? findExecutable() : m_options.executable;
    if (program.isEmpty()) {
        fail(tr("redis-server was not found next to Keyscope or on the PATH.") + QLatin1Char('\n') +
             installHint());
        return;
    }

    m_port = m_options.port != 0 ? m_options.port : freePort();
    if (m_port == 0) {
        fail(tr("There is no free TCP port on 127.0.0.1 for the embedded redis-server."));
        return;
    }

    const bool persistent = !m_options.dataDir.isEmpty();
    m_tempDir.reset();
    if (persistent) {
        if (!QDir().mkpath(m_options.dataDir)) {
            fail(tr("Cannot create the data directory %1.").arg(QDir::toNativeSeparators(m_options.dataDir)));
            return;
        }
    } else {
        m_tempDir =
            std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/keyscope-redis-XXXXXX"));
        if (!m_tempDir->isValid()) {
            const QString reason = m_tempDir->errorString();
            m_tempDir.reset();
            fail(tr("Cannot create a temporary data directory: %1").arg(reason));
            return;
        }
    }
    // Absolute: redis-server resolves --dir against its working directory, which is dir itself.
    const QString dir = QDir(dataDir()).absolutePath();
    reapStale(dir);

    QStringList args{QStringLiteral("--bind"), QStringLiteral("127.0.0.1"), QStringLiteral("--port"),
                     QString::number(m_port),  QStringLiteral("--dir"),     dir};
    if (!m_options.configFile.isEmpty())
        args.prepend(QFileInfo(m_options.configFile).absoluteFilePath());
    if (!persistent)
        args << QStringLiteral("--save") << QString();
    args << QStringLiteral("--appendonly") << QStringLiteral("no") << QStringLiteral("--daemonize")
         << QStringLiteral("no") << QStringLiteral("--protected-mode") << QStringLiteral("yes")
         << QStringLiteral("--logfile") << QString() << QStringLiteral("--pidfile") << pidFilePath(dir)
         << QStringLiteral("--enable-debug-command") << QStringLiteral("local");
    args += m_options.extraArgs;

    m_process->setWorkingDirectory(dir);
    m_process->setProgram(program);
    m_process->setArguments(args);
    m_active = true;
    m_startClock.start();
    m_probeTimer->start(); // before start(): a synchronous FailedToStart stops it again
    m_process->start(QIODevice::ReadOnly);
}

void EmbeddedServer::stop()
{
    if (!m_active)
        return;
    m_active = false;
    m_stopping = true;
    m_probeTimer->stop();
    m_probe->abort();
    if (isRunning()) {
        const bool asked = requestShutdown(m_port, !m_options.dataDir.isEmpty());
        if (!asked || !m_process->waitForFinished(2000)) {
            m_process->terminate();
            if (!m_process->waitForFinished(1000)) {
                m_process->kill();
                m_process->waitForFinished(1000);
            }
        }
    }
    m_ready = false;
    m_tempDir.reset();
    emit stopped();
}

void EmbeddedServer::stopAsync()
{
    if (!m_active || m_stopAsync)
        return;
    if (!isRunning()) {
        stop();
        return;
    }
    m_stopping = true;
    m_stopAsync = true;
    m_probeTimer->stop();
    m_probe->abort();
    m_process->terminate();
    QTimer::singleShot(kAsyncStopKillMs, this, [this] {
        if (m_stopAsync && isRunning())
            m_process->kill();
    });
}

bool EmbeddedServer::isRunning() const
{
    return m_process->state() != QProcess::NotRunning;
}

qint64 EmbeddedServer::processId() const
{
    return m_process->processId();
}

QString EmbeddedServer::dataDir() const
{
    return m_tempDir ? m_tempDir->path() : m_options.dataDir;
}

ConnectionConfig EmbeddedServer::connectionConfig() const
{
    ConnectionConfig config;
    config.name = tr("Local (embedded)");
    config.host = host();
    config.port = m_port;
    return config;
}

void EmbeddedServer::reapStale(const QString &dir)
{
    QFile pidFile(pidFilePath(dir));
    if (!pidFile.open(QIODevice::ReadOnly))
        return;
    bool ok = false;
    const qint64 pid = pidFile.readAll().trimmed().toLongLong(&ok);
    pidFile.close();
    if (ok && pid > 0 && pid != QCoreApplication::applicationPid() && isRedisServer(pid)) {
        appendLogLine(tr("Stopping redis-server (pid %1) left behind in %2.")
                          .arg(pid)
                          .arg(QDir::toNativeSeparators(dir)));
        killAndWait(pid);
    }
    pidFile.remove();
}

void EmbeddedServer::probe()
{
    if (m_startClock.elapsed() > m_options.startTimeoutMs) {
        m_probeTimer->stop();
        m_probe->abort();
        // Reported by onFinished once the process is gone, so that a start() from a slot connected
        // to failed() finds the server stopped.
        m_error = withLogTail(tr("redis-server did not answer on 127.0.0.1:%1 within %2 seconds.")
                                  .arg(m_port)
                                  .arg(m_options.startTimeoutMs / 1000.0));
        m_process->kill();
        return;
    }
    if (m_probe->state() == QAbstractSocket::UnconnectedState)
        m_probe->connectToHost(QHostAddress::LocalHost, m_port);
}

void EmbeddedServer::onProbeReadyRead()
{
    if (!m_probe->canReadLine())
        return;
    const QByteArray answer = m_probe->readLine();
    m_probe->abort();
    if (m_ready || m_stopping || !m_probeTimer->isActive())
        return;
    // With --requirepass (or the default user disabled) an unauthenticated PING is refused, but
    // the refusal proves the server is up. Anything else (-LOADING): ask again on the next tick.
    if (answer.startsWith("+PONG") || answer.startsWith("-NOAUTH") || answer.startsWith("-WRONGPASS")) {
        m_probeTimer->stop();
        m_ready = true;
        emit ready();
    }
}

void EmbeddedServer::onReadyReadOutput()
{
    m_partialLine += m_process->readAll();
    qsizetype begin = 0;
    for (qsizetype end = m_partialLine.indexOf('\n'); end >= 0; end = m_partialLine.indexOf('\n', begin)) {
        appendLogLine(QString::fromUtf8(m_partialLine.mid(begin, end - begin)));
        begin = end + 1;
    }
    m_partialLine.remove(0, begin);
    if (m_partialLine.size() > kMaxLineBytes) {
        appendLogLine(QString::fromUtf8(m_partialLine));
        m_partialLine.clear();
    }
}

void EmbeddedServer::appendLogLine(const QString &line)
{
    QString text = line;
    while (text.endsWith(QLatin1Char('\r')))
        text.chop(1);
    if (text.trimmed().isEmpty())
        return;
    m_log.append(text);
    if (m_log.size() > kMaxLogLines)
        m_log.removeFirst();
    emit logLine(text);
}

void EmbeddedServer::onFinished(int exitCode, QProcess::ExitStatus status)
{
    onReadyReadOutput();
    if (!m_partialLine.isEmpty()) {
        appendLogLine(QString::fromUtf8(m_partialLine));
        m_partialLine.clear();
    }
    m_probeTimer->stop();
    m_probe->abort();
    const bool wasReady = m_ready;
    m_ready = false;
    if (m_stopAsync) {
        m_stopAsync = false;
        stop(); // the process is gone: only the clean-up and stopped() are left
        return;
    }
    if (m_stopping)
        return;
    if (!m_error.isEmpty()) { // killed by probe() after the start timeout
        fail(m_error);
        return;
    }
    const bool crashed = status == QProcess::CrashExit;
    QString message;
    if (wasReady)
        message = crashed ? tr("The embedded redis-server stopped unexpectedly (it crashed or was killed).")
                          : tr("The embedded redis-server exited unexpectedly with code %1.").arg(exitCode);
    else
        message = crashed
                      ? tr("redis-server crashed before it accepted connections.")
                      : tr("redis-server exited with code %1 before it accepted connections.").arg(exitCode);
    fail(withLogTail(message));
}

void EmbeddedServer::fail(const QString &message)
{
    m_error = message;
    m_probeTimer->stop();
    emit failed(message);
}

QString EmbeddedServer::withLogTail(const QString &message) const
{
    if (m_log.isEmpty())
        return message;
    return message + QLatin1String("\n\n") + tr("Last lines of its log:") + QLatin1Char('\n') +
           m_log.mid(qMax(qsizetype(0), m_log.size() - kLogTailLines)).join(QLatin1Char('\n'));
}
