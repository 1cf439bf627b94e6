#pragma once

#include "pgconfig.h"

#include <memory>
#include <QByteArray>
#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>

struct pg_conn;

// A real PostgreSQL 15 for tests: initdb in a temporary directory, then `postgres` as a child process on
// a free port of 127.0.0.1 (its Unix socket in the data directory), password (SCRAM) authentication for
// TCP connections. initdb refuses to run as root: as root (CI) the server runs as `nobody`. Two roles:
// the superuser "keyscope" and "monitor", an ordinary role in pg_monitor, which is what the panel uses.
// Tests may block: start() and Session wait; library code never does.
class TestPostgres
{
public:
    static constexpr const char *kSuperuser = "keyscope";
    static constexpr const char *kSuperPassword = "super-secret";
    static constexpr const char *kMonitor = "monitor";
    static constexpr const char *kMonitorPassword = "monitor-secret";

    TestPostgres();
    ~TestPostgres();
    TestPostgres(const TestPostgres &) = delete;
    TestPostgres &operator=(const TestPostgres &) = delete;

    // initdb on first use, then starts the server with extra "name=value" settings (-c) and waits until it
    // accepts connections; false (with the log as qWarning) on failure.
    bool start(const QStringList &settings = {});
    // Settings for start() that turn TLS on with this certificate and key (copied for the server's user,
    // which insists on a private key file that only it can read); empty if they cannot be copied.
    QStringList tlsSettings(const QString &certFile, const QString &keyFile);
    // Fast shutdown, waiting for the server to exit.
    void stop();
    bool isRunning() const { return m_process.state() == QProcess::Running; }
    quint16 port() const { return m_port; }

    // The monitor role by default; a wrong password for the bad-password test.
    PgConfig config(const QString &user = QString::fromLatin1(kMonitor),
                    const QString &password = QString::fromLatin1(kMonitorPassword)) const;
    QByteArray conninfo(const QByteArray &user = kSuperuser, const QByteArray &password = kSuperPassword,
                        const QByteArray &extra = {}) const;

    // A plain, blocking libpq connection opened by the test itself (not through Keyscope's code).
    class Session
    {
    public:
        explicit Session(const QByteArray &conninfo);
        ~Session();
        Session(const Session &) = delete;
        Session &operator=(const Session &) = delete;
        bool isOk() const;
        QString error() const;
        int pid() const;
        // Waits for what send() started, runs sql and waits; the first value of the last result, or
        // std::nullopt (and a qWarning).
        std::optional<QString> exec(const QByteArray &sql);
        // Sends sql without waiting for its result (a query that will block on a lock).
        bool send(const QByteArray &sql);

    private:
        pg_conn *m_conn = nullptr;
    };

private:
    enum class StartResult { Ready, PortTaken, Failed };
    StartResult startOnce(const QStringList &settings);
    bool run(const QString &program, const QStringList &args, QString *output);
    void prepareProcess(QProcess &process, const QString &program, const QStringList &args) const;
    bool initialise();

    std::unique_ptr<QTemporaryDir> m_dir;
    QProcess m_process;
    quint16 m_port = 0;
    bool m_initialised = false;
};
