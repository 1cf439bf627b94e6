#include "pgerror.h"

#include <QStringList>

namespace {

// libpq prefixes the server's line with 'connection to server at "host" (addr), port N failed: FATAL:  '.
QString essential(const QString &libpqMessage)
{
    QString text = libpqMessage.trimmed();
    const qsizetype fatal = text.lastIndexOf(QLatin1String("FATAL:"));
    if (fatal >= 0)
        text = text.mid(fatal + 6).trimmed();
    else if (const qsizetype failed = text.lastIndexOf(QLatin1String("failed: ")); failed >= 0)
        text = text.mid(failed + 8).trimmed();
    return text.simplified();
}

bool has(const QString &text, const char *needle)
{
    return text.contains(QLatin1String(needle), Qt::CaseInsensitive);
}

} // namespace

PgError PgError::fromConnectFailure(const QString &libpqMessage, bool needsPassword, bool usedPassword)
{
    PgError error;
    error.server = libpqMessage.trimmed();
    const QString text = essential(libpqMessage);
    const QString detail = tr("Server said: %1").arg(text);
    if (has(libpqMessage, "too many clients") ||
        has(libpqMessage, "remaining connection slots are reserved")) {
        error.kind = Kind::TooManyConnections;
        error.sqlState = "53300";
        error.message = tr("The server refuses new connections: every connection slot is in use (SQLSTATE "
                           "53300, too many clients).");
    } else if (has(libpqMessage, "password authentication failed") ||
               has(libpqMessage, "authentication failed for user")) {
        error.kind = Kind::Authentication;
        error.sqlState = "28P01";
        error.message = usedPassword
                            ? tr("Authentication failed: the server refused the password. %1").arg(detail)
                            : tr("Authentication failed: %1").arg(text);
    } else if (needsPassword || has(libpqMessage, "no password supplied")) {
        error.kind = Kind::Authentication;
        error.sqlState = "28P01";
        error.message = tr("Authentication failed: the server asks for a password and the profile has none.");
    } else if (has(libpqMessage, "pg_hba.conf")) {
        error.kind = Kind::Authentication;
        error.sqlState = "28000";
        error.message = tr("The server's pg_hba.conf has no rule that lets this user connect from here "
                           "(or with this TLS mode). %1")
                            .arg(detail);
    } else if (has(libpqMessage, "role \"") && has(libpqMessage, "does not exist")) {
        error.kind = Kind::Authentication;
        error.sqlState = "28000";
        error.message = tr("Authentication failed: no such role on the server. %1").arg(detail);
    } else if (has(libpqMessage, "database \"") && has(libpqMessage, "does not exist")) {
        error.kind = Kind::InvalidConfig;
        error.sqlState = "3D000";
        error.message = tr("The database does not exist on the server. %1").arg(detail);
    } else if (has(libpqMessage, "does not support SSL")) {
        error.kind = Kind::Tls;
        error.message =
            tr("TLS failed: the server does not accept TLS connections, but the profile's sslmode "
               "requires TLS.");
    } else if (has(libpqMessage, "does not match host name")) {
        error.kind = Kind::Tls;
        error.message =
            tr("TLS verification failed: the server's certificate is for another host name. %1").arg(detail);
    } else if (has(libpqMessage, "root certificate file")) {
        error.kind = Kind::Tls;
        error.message = tr("TLS verification needs a root certificate (sslrootcert) to check the server "
                           "against. %1")
                            .arg(detail);
    } else if (has(libpqMessage, "certificate verify failed")) {
        error.kind = Kind::Tls;
        error.message =
            tr("TLS verification failed: the server's certificate is not signed by a trusted authority. %1")
                .arg(detail);
    } else if (has(libpqMessage, "SSL") || has(libpqMessage, "certificate")) {
        error.kind = Kind::Tls;
        error.message = tr("TLS failed. %1").arg(detail);
    } else if (has(libpqMessage, "Connection refused")) {
        error.kind = Kind::Refused;
        error.message = tr("Connection refused: nothing listens on that host and port (is PostgreSQL running "
                           "and listening on TCP?).");
    } else if (has(libpqMessage, "could not translate host name")) {
        error.kind = Kind::HostNotFound;
        error.message = tr("Host not found. %1").arg(detail);
    } else if (has(libpqMessage, "timeout expired") || has(libpqMessage, "timed out")) {
        error.kind = Kind::Timeout;
        error.message = tr("The connection timed out. %1").arg(detail);
    } else if (has(libpqMessage, "starting up") || has(libpqMessage, "shutting down") ||
               has(libpqMessage, "recovery mode") || has(libpqMessage, "not yet accepting connections")) {
        error.kind = Kind::Unavailable;
        error.sqlState = "57P03";
        error.message = tr("The server cannot accept connections now. %1").arg(detail);
    } else if (has(libpqMessage, "server closed the connection")) {
        error.kind = Kind::Closed;
        error.message = tr("The server closed the connection. %1").arg(detail);
    } else {
        error.kind = Kind::Other;
        error.message = tr("Cannot connect: %1").arg(text);
    }
    return error;
}
