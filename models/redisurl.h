#pragma once

#include "connectionconfig.h"

#include <optional>
#include <QCoreApplication>
#include <QString>

// redis://[user[:password]@]host[:port][/db] and rediss://... (TLS), as given by Render, Redis Cloud,
// Upstash, Docker setups, etc. Percent-encoded user and password are decoded.
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
    // The URL for config; the password is left out unless includePassword.
    static QString toUrl(const ConnectionConfig &config, bool includePassword = false);
};
