#pragma once

#include "connectionconfig.h"

#include <memory>
#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QProcess>
#include <QString>
#include <QStringList>

class QTemporaryDir;
class QTcpSocket;
class QTimer;

// A real redis-server run as a child process on 127.0.0.1 and a free port, with its own data
// directory (temporary unless one is given). start() is asynchronous: ready() once PING answers,
// failed() with a message a person can act on otherwise. stop() (also run by the destructor) sends
// SHUTDOWN, then terminates, then kills. The child cannot outlive Keyscope: on Linux it gets
// SIGKILL when its parent dies (PR_SET_PDEATHSIG); everywhere, a pid file in the data directory
// lets the next start() reap a server left behind by a crash.
//
// A temporary data directory runs without persistence (--save ""), and stop() sends SHUTDOWN NOSAVE.
// A given dataDir keeps redis-server's default RDB save points and stop() sends SHUTDOWN SAVE, so
// the data survives restarts. AOF stays off in both cases.
class EmbeddedServer : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QString executable;    // empty = findExecutable()
        quint16 port = 0;      // 0 = pick a free loopback port
        QString dataDir;       // empty = a temporary directory removed on stop; else persistent (RDB)
        QStringList extraArgs; // appended to the command line, e.g. {"--requirepass", "x"}
        int startTimeoutMs = 10000;
        // Non-empty: passed as the first argument (before every option), e.g. the writable config
        // file a sentinel needs (with "--sentinel" in extraArgs).
        QString configFile;
    };

    explicit EmbeddedServer(QObject *parent = nullptr);
    explicit EmbeddedServer(Options options, QObject *parent = nullptr);
    ~EmbeddedServer() override;

    // redis-server next to the running executable first, then on PATH; empty if none.
    static QString findExecutable();
    // A free TCP port on 127.0.0.1 (bind to port 0 and release).
    static quint16 freePort();
    // count distinct free ports on 127.0.0.1 (all held open until every one is picked); empty if not.
    static QList<quint16> freePorts(int count);

    void setOptions(Options options) { m_options = std::move(options); }
    const Options &options() const { return m_options; }

    // Asynchronous; failed() may be emitted before start() returns (no executable, no free port).
    // Does nothing while a server from an earlier start() is still running.
    void start();
    // Blocks for a bounded time (a few seconds at most): SHUTDOWN, then terminate, then kill.
    void stop();
    // For the UI: asks the server to shut down (SIGTERM: redis saves if persistent, then exits) and
    // returns at once; stopped() follows when the process is gone (killed after 3 s if need be).
    void stopAsync();

    bool isRunning() const;
    bool isReady() const { return m_ready; }
    QString host() const { return QStringLiteral("127.0.0.1"); }
    quint16 port() const { return m_port; }
    qint64 processId() const;
    QString dataDir() const;
    QString errorString() const { return m_error; }
    // The last lines the server logged (bounded).
    QStringList log() const { return m_log; }
    // A config that reaches this server (plain TCP, no password).
    ConnectionConfig connectionConfig() const;

signals:
    void ready();
    void failed(const QString &message);
    void logLine(const QString &line);
    void stopped();

private:
    void reapStale(const QString &dir);
    void probe();
    void onProbeReadyRead();
    void onReadyReadOutput();
    void appendLogLine(const QString &line);
    void onFinished(int exitCode, QProcess::ExitStatus status);
    void fail(const QString &message);
    QString withLogTail(const QString &message) const;

    Options m_options;
    std::unique_ptr<QTemporaryDir> m_tempDir;
    std::unique_ptr<QProcess> m_process;
    std::unique_ptr<QTcpSocket> m_probe;
    QTimer *m_probeTimer = nullptr;
    QElapsedTimer m_startClock;
    QByteArray m_partialLine; // output after the last newline
    quint16 m_port = 0;
    bool m_stopAsync = false; // stopAsync() waits for the process to finish
    bool m_active = false;    // a process was launched and stop() has not run since
    bool m_ready = false;
    bool m_stopping = false;
    QString m_error;
    QStringList m_log;
};
