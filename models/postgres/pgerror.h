#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QMetaType>
#include <QString>

// Why a PostgreSQL connection or query failed, in words a person can act on. `server` keeps libpq's own
// text (the server's FATAL line or the socket error) for the details.
struct PgError
{
    Q_DECLARE_TR_FUNCTIONS(PgError)

public:
    enum class Kind {
        None,
        InvalidConfig,      // the URL / conninfo cannot be used
        HostNotFound,       // DNS failure
        Refused,            // nothing listens on host:port
        Timeout,            // connect_timeout or no answer to a query in time
        Authentication,     // wrong or missing password, no pg_hba.conf rule, unknown role
        Tls,                // TLS required but refused, certificate not trusted or not matching the host
        TooManyConnections, // SQLSTATE 53300: every connection slot is taken
        Unavailable,        // starting up, shutting down, in recovery (57P03)
        Closed,             // the server closed the connection
        Query,              // a query failed (sqlState says why)
        Other,
    };
    Kind kind = Kind::None;
    QString message;
    QByteArray sqlState; // for query errors (five characters), empty when unknown
    QString server;      // libpq's / the server's original text

    bool isError() const { return kind != Kind::None; }

    // Classifies a failed connection attempt from libpq's PQerrorMessage. libpq 15 exposes no SQLSTATE for
    // errors during connection start-up, so this reads the server's (English) message text.
    // needsPassword: PQconnectionNeedsPassword; usedPassword: PQconnectionUsedPassword.
    static PgError fromConnectFailure(const QString &libpqMessage, bool needsPassword, bool usedPassword);
};

Q_DECLARE_METATYPE(PgError)
