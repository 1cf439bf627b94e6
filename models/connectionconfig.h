#pragma once

#include <QMetaType>
#include <QString>

// Everything needed to reach one Redis server. A value type; the password is held in memory only
// (ProfileStore keeps it in the system keychain, never in QSettings).
struct ConnectionConfig
{
    QString id;   // stable profile id (empty for ad-hoc connections)
    QString name; // shown to people
    QString host = QStringLiteral("127.0.0.1");
    quint16 port = 6379;
    QString username; // ACL user; empty means "default"
    QString password;
    int db = 0;
    QString colour; // "#rrggbb" tag, empty for none

    bool tls = false;
    QString caFile;         // PEM bundle; empty = system CAs
    QString certFile;       // client certificate (PEM), optional
    QString keyFile;        // client private key (PEM), optional
    QString serverName;     // SNI and hostname to verify; empty = host
    bool verifyPeer = true; // explicit opt-out only

    QString clientName = QStringLiteral("keyscope"); // CLIENT SETNAME
    int connectTimeoutMs = 5000;
    int commandTimeoutMs = 15000;
    bool readOnly = false;

    // host:port, with an IPv6 host in brackets ([::1]:6379).
    QString endpoint() const
    {
        return host.contains(QLatin1Char(':')) ? QStringLiteral("[%1]:%2").arg(host).arg(port)
                                               : QStringLiteral("%1:%2").arg(host).arg(port);
    }
    QString displayName() const { return name.isEmpty() ? endpoint() : name; }
    bool operator==(const ConnectionConfig &) const = default;
};

Q_DECLARE_METATYPE(ConnectionConfig)
