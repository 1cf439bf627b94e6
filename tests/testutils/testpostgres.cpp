#include "testpostgres.h"

#include "embeddedserver.h"

#include <csignal>
#include <libpq-fe.h>
#include <pwd.h>
#include <QDebug>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <sys/types.h>
#include <unistd.h>

namespace {

const QString kBin = QStringLiteral("/usr/lib/postgresql/15/bin/");

bool asRoot()
{
    return geteuid() == 0;
}

} // namespace

// As root the server runs as nobody, which must reach the directory: /tmp rather than a TMPDIR that may
// be private to root.
TestPostgres::TestPostgres()
    : m_dir(std::make_unique<QTemporaryDir>((asRoot() ? QStringLiteral("/tmp") : QDir::tempPath()) +
                                            QStringLiteral("/keyscope-pg-XXXXXX")))
{
    m_process.setProcessChannelMode(QProcess::MergedChannels);
}

TestPostgres::~TestPostgres()
{
    stop();
}

void TestPostgres::prepareProcess(QProcess &process, const QString &program, const QStringList &args) const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
    env.insert(QStringLiteral("TZ"), QStringLiteral("UTC"));
    process.setProcessEnvironment(env);
    process.setWorkingDirectory(m_dir->path());
    if (asRoot()) {
        process.setProgram(QStringLiteral("setpriv"));
        process.setArguments(QStringList{QStringLiteral("--reuid=nobody"), QStringLiteral("--regid=nogroup"),
                                         QStringLiteral("--clear-groups"), QStringLiteral("--pdeathsig=KILL"),
                                         program} +
                             args);
    } else {
        process.setProgram(program);
        process.setArguments(args);
    }
}

bool TestPostgres::run(const QString &program, const QStringList &args, QString *output)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    prepareProcess(process, program, args);
    process.start();
    const bool finished = process.waitForFinished(60000);
    *output = QString::fromLocal8Bit(process.readAll());
    return finished && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
}

bool TestPostgres::initialise()
{
    if (!m_dir->isValid()) {
        qWarning() << "no temporary directory:" << m_dir->errorString();
        return false;
    }
    QFile pw(m_dir->filePath(QStringLiteral("pw")));
    if (!pw.open(QIODevice::WriteOnly) || pw.write(kSuperPassword) < 0)
        return false;
    pw.close();
    if (asRoot()) {
        const passwd *nobody = getpwnam("nobody");
        if (!nobody ||
            chown(QFile::encodeName(m_dir->path()).constData(), nobody->pw_uid, nobody->pw_gid) != 0 ||
            chown(QFile::encodeName(pw.fileName()).constData(), nobody->pw_uid, nobody->pw_gid) != 0) {
            qWarning() << "cannot hand the temporary directory to nobody";
            return false;
        }
    }
    QString output;
    if (!run(kBin + QStringLiteral("initdb"),
             {QStringLiteral("-D"), m_dir->filePath(QStringLiteral("data")), QStringLiteral("-U"),
              QString::fromLatin1(kSuperuser), QStringLiteral("--pwfile=") + pw.fileName(),
              QStringLiteral("--auth-local=trust"), QStringLiteral("--auth-host=scram-sha-256"),
              QStringLiteral("-E"), QStringLiteral("UTF8"), QStringLiteral("--locale=C"),
              QStringLiteral("--no-sync")},
             &output)) {
        qWarning().noquote() << "initdb failed:\n" + output;
        return false;
    }
    m_initialised = true;
    return true;
}

bool TestPostgres::start(const QStringList &settings)
{
    if (isRunning())
        stop();
    if (!m_initialised && !initialise())
        return false;
    const bool firstStart = m_port == 0;
    // Another process may take the free port before the server binds it: then try another one.
    for (int attempt = 1;; ++attempt) {
        const StartResult result = startOnce(settings);
        if (result == StartResult::Ready)
            break;
        if (result == StartResult::Failed || attempt == 3)
            return false;
    }
    if (firstStart) {
        Session admin(conninfo());
        const QByteArray create = QByteArray("CREATE ROLE ") + kMonitor + " LOGIN PASSWORD '" +
                                  kMonitorPassword + "' IN ROLE pg_monitor";
        if (!admin.exec(create))
            return false;
    }
    return true;
}

TestPostgres::StartResult TestPostgres::startOnce(const QStringList &settings)
{
    m_port = EmbeddedServer::freePort();
    QStringList args{QStringLiteral("-D"), m_dir->filePath(QStringLiteral("data")), QStringLiteral("-p"),
                     QString::number(m_port)};
    const QStringList base{QStringLiteral("listen_addresses=127.0.0.1"),
                           QStringLiteral("unix_socket_directories=") +
                               m_dir->filePath(QStringLiteral("data")),
                           QStringLiteral("fsync=off"),
                           QStringLiteral("full_page_writes=off"),
                           QStringLiteral("synchronous_commit=off"),
                           QStringLiteral("logging_collector=off")};
    for (const QString &setting : base + settings)
        args << QStringLiteral("-c") << setting;
    prepareProcess(m_process, kBin + QStringLiteral("postgres"), args);
    m_process.start();
    if (!m_process.waitForStarted(10000)) {
        qWarning() << "postgres did not start:" << m_process.errorString();
        return StartResult::Failed;
    }
    // waitForFinished both waits between pings and notices a server that exited (its port taken).
    const QByteArray ping = conninfo() + " connect_timeout=2";
    QElapsedTimer clock;
    clock.start();
    while (!m_process.waitForFinished(20) && PQping(ping.constData()) != PQPING_OK) {
        if (clock.elapsed() > 30000)
            break;
    }
    if (!isRunning() || clock.elapsed() > 30000) {
        const QString log = QString::fromLocal8Bit(m_process.readAll());
        if (!isRunning() && log.contains(QLatin1String("Address already in use")))
            return StartResult::PortTaken;
        qWarning().noquote() << "postgres is not accepting connections:\n" + log;
        return StartResult::Failed;
    }
    return StartResult::Ready;
}

QStringList TestPostgres::tlsSettings(const QString &certFile, const QString &keyFile)
{
    const QString cert = m_dir->filePath(QStringLiteral("server.crt"));
    const QString key = m_dir->filePath(QStringLiteral("server.key"));
    QFile::remove(cert);
    QFile::remove(key);
    if (!QFile::copy(certFile, cert) || !QFile::copy(keyFile, key) ||
        !QFile::setPermissions(key, QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        qWarning() << "cannot copy the TLS files for the server";
        return {};
    }
    if (asRoot()) {
        const passwd *nobody = getpwnam("nobody");
        for (const QString &file : {cert, key}) {
            if (!nobody || chown(QFile::encodeName(file).constData(), nobody->pw_uid, nobody->pw_gid) != 0) {
                qWarning() << "cannot hand" << file << "to nobody";
                return {};
            }
        }
    }
    return {QStringLiteral("ssl=on"), QStringLiteral("ssl_cert_file=") + cert,
            QStringLiteral("ssl_key_file=") + key};
}

void TestPostgres::stop()
{
    if (!isRunning())
        return;
    ::kill(pid_t(m_process.processId()), SIGINT); // fast shutdown: ends the sessions
    if (!m_process.waitForFinished(15000)) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

PgConfig TestPostgres::config(const QString &user, const QString &password) const
{
    PgConfig config = *PgConfig::parse(
        QStringLiteral("postgresql://%1@127.0.0.1:%2/postgres?sslmode=disable").arg(user).arg(m_port));
    config.setPassword(password);
    return config;
}

QByteArray TestPostgres::conninfo(const QByteArray &user, const QByteArray &password,
                                  const QByteArray &extra) const
{
    return "host=127.0.0.1 port=" + QByteArray::number(m_port) +
           " dbname=postgres sslmode=disable user=" + user + " password=" + password +
           (extra.isEmpty() ? QByteArray() : " " + extra);
}

TestPostgres::Session::Session(const QByteArray &conninfo) : m_conn(PQconnectdb(conninfo.constData()))
{
    PQsetNoticeProcessor(
        m_conn, [](void *, const char *) {}, nullptr);
    if (!isOk())
        qWarning().noquote() << "test session failed:" << error();
}

TestPostgres::Session::~Session()
{
    PQfinish(m_conn);
}

bool TestPostgres::Session::isOk() const
{
    return m_conn && PQstatus(m_conn) == CONNECTION_OK;
}

QString TestPostgres::Session::error() const
{
    return QString::fromUtf8(PQerrorMessage(m_conn)).trimmed();
}

int TestPostgres::Session::pid() const
{
    return PQbackendPID(m_conn);
}

std::optional<QString> TestPostgres::Session::exec(const QByteArray &sql)
{
    // First the end of whatever send() started.
    while (PGresult *pending = PQgetResult(m_conn))
        PQclear(pending);
    if (!isOk() || !PQsendQuery(m_conn, sql.constData())) {
        qWarning().noquote() << "test query failed:" << error();
        return std::nullopt;
    }
    std::optional<QString> value;
    bool failed = false;
    while (PGresult *result = PQgetResult(m_conn)) {
        const ExecStatusType status = PQresultStatus(result);
        if (status == PGRES_FATAL_ERROR) {
            qWarning().noquote() << "test query failed:" << sql << PQresultErrorMessage(result);
            failed = true;
        } else if (status == PGRES_TUPLES_OK && PQntuples(result) > 0 && PQnfields(result) > 0) {
            value = QString::fromUtf8(PQgetvalue(result, 0, 0));
        } else if (status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK) {
            value = QString();
        }
        PQclear(result);
    }
    return failed ? std::nullopt : value;
}

bool TestPostgres::Session::send(const QByteArray &sql)
{
    return isOk() && PQsendQuery(m_conn, sql.constData()) == 1;
}
