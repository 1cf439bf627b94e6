#pragma once

#include <QMetaType>
#include <QString>

// Why a connection failed, in words a person can act on.
struct ConnectionError
{
    enum class Kind {
        None,
        Refused,         // nothing listens on host:port
        HostNotFound,    // DNS failure
        Timeout,         // connect or command timeout
        AuthFailed,      // WRONGPASS, NOAUTH, invalid user
        TlsHandshake,    // handshake failed (protocol mismatch, server not speaking TLS, ...)
        TlsVerification, // certificate not trusted, hostname mismatch, expired, ...
        Protocol,        // malformed or unsupported reply
        Closed,          // server closed the connection
        Network,         // any other socket error
    };
    Kind kind = Kind::None;
    QString message;

    bool isError() const { return kind != Kind::None; }
};

Q_DECLARE_METATYPE(ConnectionError)
