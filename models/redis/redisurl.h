#pragma once

#include "connectionconfig.h"

#include <optional>
#include <QCoreApplication>
#include <QString>

// redis://[user[:password]@]host[:port][/db] and rediss://... (TLS), as given by Render, Redis Cloud,
// Upstash, Docker setups, etc. Percent-encoded user and password are decoded.
//
// Through Sentinel: redis+sentinel://[user[:password]@]host1[:port],host2[:port]/mastername[/db] and
// rediss+sentinel://... (TLS to the sentinels and the master). The hosts are the sentinels (port 26379
// by default); user and password are the master's, as in redis://. The sentinels' own user and password
// are not part of the URL: they keep the values of base.
class RedisUrl
{
    Q_DECLARE_TR_FUNCTIONS(RedisUrl)
public:
    struct Result
    {
        std::optional<ConnectionConfig> config;
        QString error; // which part is wrong, for people; empty on success
    };
    // Fields not in the URL keep the values of base (TLS files, timeouts, name...).
    static Result parse(const QString &url, const ConnectionConfig &base = {});
    // The URL for config (redis+sentinel:// for a Sentinel profile); the password is left out unless
    // includePassword.
    static QString toUrl(const ConnectionConfig &config, bool includePassword = false);

    struct HostList
    {
        QList<HostPort> hosts;
        QString error; // for people; empty on success
    };
    // "host[:port]" items separated by commas, semicolons or white space ("10.0.0.1:26379, [::1]:26380"),
    // defaultPort where none is given: the sentinel list of a profile. Empty text gives no host and no error.
    static HostList parseHostList(const QString &text, quint16 defaultPort = defaultSentinelPort);

    static constexpr quint16 defaultSentinelPort = 26379;

private:
    // One "host[:port]" (IPv6 in brackets). plainScheme: the redis:// or rediss:// scheme this authority
    // is part of (its messages name it), or empty for an item of a sentinel list.
    static QString parseHostPort(QStringView authority, const QString &plainScheme, quint16 defaultPort,
                                 HostPort &out);
};
