#include "redisurl.h"

#include "bytesescaper.h"

#include <algorithm>
#include <limits>
#include <QHostAddress>
#include <QRegularExpression>
#include <QStringDecoder>
#include <QStringList>
#include <QUrl>

namespace {

constexpr quint16 defaultPort = 6379;

bool isAsciiDigits(QStringView text)
{
    if (text.isEmpty())
        return false;
    for (const QChar c : text) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return false;
    }
    return true;
}

bool isHostNameChar(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == '-' ||
           u == '.' || u == '_';
}

enum class DecodeStatus { Ok, BadEscape, NotUtf8 };

// Percent-decodes text (characters that are not escapes stand for their UTF-8 bytes) and reads the bytes as
// UTF-8. On BadEscape, badEscape holds the offending "%.." text.
DecodeStatus percentDecode(QStringView text, QString &out, QString &badEscape)
{
    QByteArray bytes;
    bytes.reserve(text.size());
    for (qsizetype i = 0; i < text.size();) {
        if (text[i] != QLatin1Char('%')) {
            qsizetype j = i;
            while (j < text.size() && text[j] != QLatin1Char('%'))
                ++j;
            bytes += text.mid(i, j - i).toUtf8();
            i = j;
            continue;
        }
        const int hi = i + 1 < text.size() ? BytesEscaper::hexValue(text[i + 1]) : -1;
        const int lo = i + 2 < text.size() ? BytesEscaper::hexValue(text[i + 2]) : -1;
        if (hi < 0 || lo < 0) {
            badEscape = text.mid(i, 3).toString();
            return DecodeStatus::BadEscape;
        }
        bytes += char((hi << 4) | lo);
        i += 3;
    }
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    out = decoder.decode(bytes);
    return decoder.hasError() ? DecodeStatus::NotUtf8 : DecodeStatus::Ok;
}

} // namespace

QString RedisUrl::parseHostPort(QStringView authority, const QString &plainScheme, quint16 defaultPort,
                                HostPort &out)
{
    const bool inList = plainScheme.isEmpty();
    QStringView portText;
    bool hasPort = false;
    if (authority.startsWith(QLatin1Char('['))) {
        const qsizetype close = authority.indexOf(QLatin1Char(']'));
        if (close < 0)
            return tr("The IPv6 host “%1” is missing its closing “]”.").arg(authority);
        const QStringView address = authority.mid(1, close - 1);
        if (address.isEmpty())
            return tr("The host is missing between “[” and “]”.");
        QHostAddress parsed;
        const bool hexOnly = std::all_of(address.begin(), address.end(), [](QChar c) {
            return BytesEscaper::hexValue(c) >= 0 || c == QLatin1Char(':') || c == QLatin1Char('.');
        });
        if (!hexOnly || !parsed.setAddress(address.toString()) ||
            parsed.protocol() != QAbstractSocket::IPv6Protocol)
            return tr("The host “[%1]” is not a valid IPv6 address.").arg(address);
        out.host = address.toString();
        const QStringView afterHost = authority.mid(close + 1);
        if (!afterHost.isEmpty()) {
            if (!afterHost.startsWith(QLatin1Char(':')))
                return tr("Unexpected “%1” after the IPv6 host: a port goes after “:”.").arg(afterHost);
            hasPort = true;
            portText = afterHost.mid(1);
        }
    } else {
        const qsizetype colon = authority.indexOf(QLatin1Char(':'));
        const QStringView host = colon < 0 ? authority : authority.left(colon);
        if (colon >= 0) {
            hasPort = true;
            portText = authority.mid(colon + 1);
        }
        if (portText.contains(QLatin1Char(':')))
            return inList ? tr("The sentinel “%1” looks like an IPv6 address: put it in brackets, "
                               "e.g. [::1]:26379.")
                                .arg(authority)
                          : tr("The host “%1” looks like an IPv6 address: put it in brackets, e.g. "
                               "%2://[::1]:6379.")
                                .arg(authority, plainScheme);
        if (host.isEmpty())
            return inList ? tr("The host of the sentinel “%1” is missing: write it before the port, "
                               "e.g. localhost:26379.")
                                .arg(authority)
                          : tr("The host is missing: write it after “%1://”, e.g. %1://localhost:6379.")
                                .arg(plainScheme);
        for (const QChar c : host) {
            if (!isHostNameChar(c))
                return tr("The host “%1” contains “%2”, which is not allowed in a host name.").arg(host, c);
        }
        out.host = host.toString();
    }
    out.port = defaultPort;
    if (hasPort) {
        if (portText.isEmpty())
            return inList ? tr("The port after “%1:” is missing: leave out the “:” for the default port %2.")
                                .arg(out.host.contains(QLatin1Char(':'))
                                         ? QLatin1Char('[') + out.host + QLatin1Char(']')
                                         : out.host)
                                .arg(defaultPort)
                          : tr("The port after “:” is missing: leave out the “:” for the default port 6379.");
        if (!isAsciiDigits(portText))
            return tr("The port “%1” is not a number.").arg(portText);
        const qlonglong port = portText.length() > 6 ? 0 : portText.toLongLong();
        if (port < 1 || port > 65535)
            return tr("The port %1 is out of range: use 1 to 65535.").arg(portText);
        out.port = quint16(port);
    }
    return {};
}

RedisUrl::HostList RedisUrl::parseHostList(const QString &text, quint16 defaultPort)
{
    HostList list;
    static const QRegularExpression separators(QStringLiteral("[,;\\s]+"));
    for (const QString &item : text.split(separators, Qt::SkipEmptyParts)) {
        HostPort address;
        if (QString error = parseHostPort(item, {}, defaultPort, address); !error.isEmpty())
            return {{}, error};
        list.hosts.append(address);
    }
    return list;
}

RedisUrl::Result RedisUrl::parse(const QString &url, const ConnectionConfig &base)
{
    const auto fail = [](const QString &message) { return Result{std::nullopt, message}; };
    const QString text = url.trimmed();
    if (text.isEmpty())
        return fail(tr("The URL is empty: enter e.g. redis://localhost:6379."));

    // Scheme
    const qsizetype schemeEnd = text.indexOf(QLatin1String("://"));
    if (schemeEnd < 0)
        return fail(tr("The URL has no scheme: start it with redis:// or rediss:// (TLS), "
                       "e.g. redis://%1.")
                        .arg(text));
    const QString scheme = text.left(schemeEnd).toLower();
    ConnectionConfig config = base;
    bool sentinel = false;
    if (scheme == QLatin1String("redis")) {
        config.tls = false;
    } else if (scheme == QLatin1String("rediss")) {
        config.tls = true;
    } else if (scheme == QLatin1String("redis+sentinel")) {
        config.tls = false;
        sentinel = true;
    } else if (scheme == QLatin1String("rediss+sentinel")) {
        config.tls = true;
        sentinel = true;
    } else if (scheme.isEmpty()) {
        return fail(tr("The URL has no scheme before “://”: start it with redis:// or rediss:// (TLS)."));
    } else {
        return fail(tr("Unknown scheme “%1://”: use redis:// or rediss:// (TLS).").arg(text.left(schemeEnd)));
    }
    QStringView rest = QStringView(text).mid(schemeEnd + 3);

    // User info: up to the last '@', so unencoded '@', ':' or '/' in a password still work.
    const qsizetype at = rest.lastIndexOf(QLatin1Char('@'));
    if (at >= 0) {
        const QStringView userInfo = rest.left(at);
        rest = rest.mid(at + 1);
        const qsizetype colon = userInfo.indexOf(QLatin1Char(':'));
        const QStringView user = colon < 0 ? userInfo : userInfo.left(colon);
        QString badEscape;
        QString decodedUser;
        switch (percentDecode(user, decodedUser, badEscape)) {
        case DecodeStatus::BadEscape:
            return fail(tr("The user name has an invalid percent-encoding “%1”: write a literal % as %25.")
                            .arg(badEscape));
        case DecodeStatus::NotUtf8:
            return fail(tr("The user name is percent-encoded, but its bytes are not UTF-8 text."));
        case DecodeStatus::Ok:
            break;
        }
        // AUTH <password> is AUTH default <password>, and also works with servers older than Redis 6.
        config.username = decodedUser == QLatin1String("default") ? QString() : decodedUser;
        if (colon >= 0) {
            QString decodedPassword;
            switch (percentDecode(userInfo.mid(colon + 1), decodedPassword, badEscape)) {
            case DecodeStatus::BadEscape:
                return fail(tr("The password has an invalid percent-encoding “%1”: write a literal % as %25.")
                                .arg(badEscape));
            case DecodeStatus::NotUtf8:
                return fail(tr("The password is percent-encoded, but its bytes are not UTF-8 text."));
            case DecodeStatus::Ok:
                break;
            }
            config.password = decodedPassword;
        }
    }

    // Host and port; for Sentinel, the sentinels separated by commas
    qsizetype authorityEnd = 0;
    while (authorityEnd < rest.size() && rest[authorityEnd] != QLatin1Char('/') &&
           rest[authorityEnd] != QLatin1Char('?'))
        ++authorityEnd;
    const QStringView authority = rest.left(authorityEnd);
    rest = rest.mid(authorityEnd);
    if (sentinel) {
        config.sentinels.clear();
        if (authority.isEmpty())
            return fail(tr("The sentinels are missing: write them after “%1://”, e.g. "
                           "%1://10.0.0.1:26379,10.0.0.2:26379/mymaster.")
                            .arg(scheme));
        for (const QStringView item : authority.split(QLatin1Char(','))) {
            if (item.isEmpty())
                return fail(
                    tr("A sentinel is missing between two commas or at the end of “%1”.").arg(authority));
            HostPort address;
            if (const QString error = parseHostPort(item, {}, defaultSentinelPort, address); !error.isEmpty())
                return fail(error);
            config.sentinels.append(address);
        }
    } else {
        HostPort address;
        if (const QString error = parseHostPort(authority, scheme, defaultPort, address); !error.isEmpty())
            return fail(error);
        config.host = address.host;
        config.port = address.port;
        config.sentinels.clear();
        config.sentinelMaster.clear();
    }

    // Database: "/3" or "?db=3"; for Sentinel "/mastername/3" or "/mastername?db=3"
    const auto parseDb = [](QStringView value, int &db) -> QString {
        if (!isAsciiDigits(value))
            return tr("The database “%1” is not a non-negative integer.").arg(value);
        bool ok = false;
        const qlonglong number = value.length() > 12 ? -1 : value.toLongLong(&ok);
        if (!ok || number < 0 || number > std::numeric_limits<int>::max())
            return tr("The database number %1 is too large.").arg(value);
        db = int(number);
        return {};
    };
    const qsizetype queryStart = rest.indexOf(QLatin1Char('?'));
    QStringView path = queryStart < 0 ? rest : rest.left(queryStart);
    if (sentinel) {
        const QStringView afterSlash = path.mid(1);
        const qsizetype slash = afterSlash.indexOf(QLatin1Char('/'));
        const QStringView name = slash < 0 ? afterSlash : afterSlash.left(slash);
        if (name.isEmpty())
            return fail(tr("The master name is missing: write it after the sentinels, e.g. "
                           "%1://%2/mymaster.")
                            .arg(scheme, authority));
        QString badEscape;
        QString decodedName;
        switch (percentDecode(name, decodedName, badEscape)) {
        case DecodeStatus::BadEscape:
            return fail(tr("The master name has an invalid percent-encoding “%1”: write a literal % as %25.")
                            .arg(badEscape));
        case DecodeStatus::NotUtf8:
            return fail(tr("The master name is percent-encoded, but its bytes are not UTF-8 text."));
        case DecodeStatus::Ok:
            break;
        }
        config.sentinelMaster = decodedName;
        path = slash < 0 ? QStringView() : afterSlash.mid(slash); // "/db" or nothing
    }
    std::optional<int> pathDb;
    if (path.size() > 1) {
        const QStringView dbPart = path.mid(1);
        const qsizetype slash = dbPart.indexOf(QLatin1Char('/'));
        if (slash >= 0)
            return fail(tr("Unexpected “%1” in the path after the database number: the path is only /db.")
                            .arg(dbPart.mid(slash)));
        int db = 0;
        if (const QString error = parseDb(dbPart, db); !error.isEmpty())
            return fail(error);
        pathDb = db;
    }
    std::optional<int> queryDb;
    if (queryStart >= 0) {
        for (const QStringView parameter : rest.mid(queryStart + 1).split(QLatin1Char('&'))) {
            if (parameter.isEmpty())
                continue;
            const qsizetype equals = parameter.indexOf(QLatin1Char('='));
            const QStringView key = equals < 0 ? parameter : parameter.left(equals);
            const QStringView value = equals < 0 ? QStringView() : parameter.mid(equals + 1);
            if (key != QLatin1String("db"))
                return fail(tr("Unknown query parameter “%1”: only db is supported (e.g. ?db=3).").arg(key));
            int db = 0;
            if (const QString error = parseDb(value, db); !error.isEmpty())
                return fail(error);
            if (queryDb && *queryDb != db)
                return fail(
                    tr("The database is given twice in the query (db=%1 and db=%2).").arg(*queryDb).arg(db));
            queryDb = db;
        }
    }
    if (pathDb && queryDb && *pathDb != *queryDb)
        return fail(tr("The database is given twice: /%1 in the path and db=%2 in the query.")
                        .arg(*pathDb)
                        .arg(*queryDb));
    config.db = pathDb.value_or(queryDb.value_or(0));
    return {config, {}};
}

QString RedisUrl::toUrl(const ConnectionConfig &config, bool includePassword)
{
    QString url =
        config.usesSentinel()
            ? (config.tls ? QStringLiteral("rediss+sentinel://") : QStringLiteral("redis+sentinel://"))
            : (config.tls ? QStringLiteral("rediss://") : QStringLiteral("redis://"));
    const bool withPassword = includePassword && !config.password.isEmpty();
    if (!config.username.isEmpty() || withPassword) {
        url += QString::fromLatin1(QUrl::toPercentEncoding(config.username));
        if (withPassword)
            url += QLatin1Char(':') + QString::fromLatin1(QUrl::toPercentEncoding(config.password));
        url += QLatin1Char('@');
    }
    if (config.usesSentinel()) {
        QStringList sentinels;
        for (const HostPort &address : config.sentinels)
            sentinels.append(address.endpoint());
        url += sentinels.join(QLatin1Char(',')) + QLatin1Char('/') +
               QString::fromLatin1(QUrl::toPercentEncoding(config.sentinelMaster));
    } else {
        url += config.endpoint();
    }
    if (config.db != 0)
        url += QLatin1Char('/') + QString::number(config.db);
    return url;
}
