#pragma once

#include "connectionconfig.h"

#include <QObject>
#include <QProcess>
#include <QString>
#include <QStringList>

#include <memory>

class QTemporaryDir;
class QTcpSocket;
class QTimer;

// A real redis-server run as a child process on 127.0.0.1 and a free port, with its own data
// directory (temporary unless one is given). start() is asynchronous: ready() once PING answers,
// failed() with a message a person can act on otherwise. stop() (also run by the destructor) sends
// SHUTDOWN, then terminates, then kills. The child cannot outlive Keyscope: on Linux it gets
// SIGKILL when its parent dies (PR_SET_PDEATHSIG); everywhere, a pid file in the data directory
// lets the next start() reap a server left behind by a crash.
class EmbeddedServer : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QString executable;    // empty = findExecutable()
        quint16 port = 0;      // 0 = pick a free loopback port
        QString dataDir;       // empty = a temporary directory removed on stop
        QStringList extraArgs; // appended to the command line, e.g. {"--requirepass", "x"}
        int startTimeoutMs = 10000;
    };

    explicit EmbeddedServer(QObject *parent = nullptr);
    explicit EmbeddedServer(Options options, QObject *parent = nullptr);
    ~EmbeddedServer() override;

    // redis-server next to the running executable first, then on PATH; empty if none.
    static QString findExecutable();
    // A free TCP port on 127.0.0.1 (bind to port 0 and release).
    static quint16 freePort();

    void setOptions(Options options) { m_options = std::move(options); }
    const Options &options() const { return m_options; }

    void start();
    void stop();

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
    void onReadyReadOutput();
    void onFinished(int exitCode, QProcess::ExitStatus status);
    void fail(const QString &message);

    Options m_options;
    std::unique_ptr<QTemporaryDir> m_tempDir;
    std::unique_ptr<QProcess> m_process;
    std::unique_ptr<QTcpSocket> m_probe;
    QTimer *m_probeTimer = nullptr;
    qint64 m_startedAtMs = 0;
    quint16 m_port = 0;
    bool m_ready = false;
    bool m_stopping = false;
    QString m_error;
    QStringList m_log;
};
