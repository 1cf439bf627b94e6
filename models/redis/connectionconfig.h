#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

// One host:port, e.g. a sentinel's address.
struct HostPort
{
    QString host;
    quint16 port = 26379;

    // host:port, with an IPv6 host in brackets ([::1]:6379): how every address is shown and copied.
    static QString format(const QString &host, quint16 port)
    {
        return host.contains(QLatin1Char(':')) ? QStringLiteral("[%1]:%2").arg(host).arg(port)
                                               : QStringLiteral("%1:%2").arg(host).arg(port);
    }
    // host:port, with an IPv6 host in brackets ([::1]:26379).
    QString endpoint() const { return format(host, port); }
    bool operator==(const HostPort &) const = default;
};

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

    // Through Sentinel: when sentinelMaster is not empty, host and port are not used to connect; the
    // sentinels are asked for the address of the master named sentinelMaster, and the master is reached
    // with this profile's own auth, TLS, db and read-only settings. The sentinels have their own optional
    // ACL user and password (often another requirepass than the data nodes'); ProfileStore keeps
    // sentinelPassword in the keychain like password.
    QList<HostPort> sentinels;
    QString sentinelMaster;
    QString sentinelUsername;
    QString sentinelPassword;

    bool usesSentinel() const { return !sentinelMaster.isEmpty(); }
    // One config per sentinel: its address, the sentinel user and password, this profile's TLS files and
    // timeouts (the host is verified as itself: no serverName), db 0.
    QList<ConnectionConfig> sentinelConfigs() const
    {
        QList<ConnectionConfig> configs;
        for (const HostPort &address : sentinels) {
            ConnectionConfig config;
            config.name = address.endpoint();
            config.host = address.host;
            config.port = address.port;
            config.username = sentinelUsername;
            config.password = sentinelPassword;
            config.tls = tls;
            config.caFile = caFile;
            config.certFile = certFile;
            config.keyFile = keyFile;
            config.verifyPeer = verifyPeer;
            config.clientName = clientName;
            config.connectTimeoutMs = connectTimeoutMs;
            config.commandTimeoutMs = commandTimeoutMs;
            configs.append(config);
        }
        return configs;
    }

    // host:port, with an IPv6 host in brackets ([::1]:6379).
    QString endpoint() const { return HostPort::format(host, port); }
    // The name, else the master name of a Sentinel profile, else host:port.
    QString displayName() const
    {
        return !name.isEmpty() ? name : usesSentinel() ? sentinelMaster : endpoint();
    }
    bool operator==(const ConnectionConfig &) const = default;
};

Q_DECLARE_METATYPE(ConnectionConfig)
