#include "pgconfig.h"

#include <algorithm>
#include <libpq-fe.h>
#include <memory>

namespace {

struct ConninfoFree
{
    void operator()(PQconninfoOption *options) const { PQconninfoFree(options); }
};

} // namespace

QList<PgConfig::SslMode> PgConfig::sslModes()
{
    return {
        {QStringLiteral("disable"), tr("No TLS: passwords and data cross the network in the clear.")},
        {QStringLiteral("allow"), tr("Plain first, TLS only if the server insists. Not protected.")},
        {QStringLiteral("prefer"),
         tr("TLS when the server offers it, plain otherwise; the certificate is not checked (default).")},
        {QStringLiteral("require"),
         tr("Always TLS, but the certificate is not checked: protects against eavesdropping, not against an "
            "impostor.")},
        {QStringLiteral("verify-ca"),
         tr("Always TLS, and the certificate must be signed by the CA in sslrootcert (any host name).")},
        {QStringLiteral("verify-full"),
         tr("Always TLS, the certificate must be signed by the CA in sslrootcert and name this host: the "
            "only mode that proves you reached the right server. Use it over the internet (Supabase, RDS).")},
    };
}

std::optional<PgConfig> PgConfig::parse(const QString &text, QString *error)
{
    char *message = nullptr;
    const QByteArray utf8 = text.trimmed().toUtf8();
    std::unique_ptr<PQconninfoOption, ConninfoFree> options(PQconninfoParse(utf8.constData(), &message));
    if (!options) {
        if (error) {
            *error =
                message
                    ? tr("Cannot read the connection string: %1").arg(QString::fromUtf8(message).trimmed())
                    : tr("Cannot read the connection string: out of memory.");
        }
        PQfreemem(message);
        return std::nullopt;
    }
    PgConfig config;
    for (const PQconninfoOption *option = options.get(); option->keyword; ++option) {
        if (option->val && *option->val)
            config.m_parameters.append({QByteArray(option->keyword), QString::fromUtf8(option->val)});
    }
    if (config.value("sslmode").isEmpty())
        config.setValue("sslmode", QStringLiteral("prefer"));
    if (config.value("connect_timeout").isEmpty())
        config.setValue("connect_timeout", QString::number(kDefaultConnectTimeoutSeconds));
    if (config.value("application_name").isEmpty())
        config.setValue("fallback_application_name", QStringLiteral("Keyscope"));

    bool known = false;
    for (const SslMode &mode : sslModes())
        known = known || mode.name == config.sslMode();
    if (!known) {
        if (error)
            *error =
                tr("Unknown sslmode \"%1\": use disable, allow, prefer, require, verify-ca or verify-full.")
                    .arg(config.sslMode());
        return std::nullopt;
    }
    bool ok = false;
    const int timeout = config.value("connect_timeout").toInt(&ok);
    if (!ok || timeout < 0) {
        if (error)
            *error = tr("connect_timeout must be a number of seconds, not \"%1\".")
                         .arg(config.value("connect_timeout"));
        return std::nullopt;
    }
    return config;
}

QString PgConfig::value(const QByteArray &keyword) const
{
    for (const auto &[key, value] : m_parameters) {
        if (key == keyword)
            return value;
    }
    return {};
}

void PgConfig::setValue(const QByteArray &keyword, const QString &value)
{
    for (qsizetype i = 0; i < m_parameters.size(); ++i) {
        if (m_parameters[i].first == keyword) {
            if (value.isEmpty())
                m_parameters.removeAt(i);
            else
                m_parameters[i].second = value;
            return;
        }
    }
    if (!value.isEmpty())
        m_parameters.append({keyword, value});
}

int PgConfig::connectTimeoutSeconds() const
{
    const int seconds = value("connect_timeout").toInt();
    // libpq treats 1 as 2 and 0 (or negative) as "wait forever"; Keyscope never waits forever.
    return seconds <= 0 ? kDefaultConnectTimeoutSeconds : std::max(seconds, 2);
}

QString PgConfig::conninfoWithoutPassword() const
{
    QStringList parts;
    for (const auto &[keyword, text] : m_parameters) {
        if (keyword == "password")
            continue;
        QString quoted = text;
        quoted.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
            .replace(QLatin1Char('\''), QStringLiteral("\\'"));
        parts.append(QStringLiteral("%1='%2'").arg(QString::fromLatin1(keyword), quoted));
    }
    return parts.join(QLatin1Char(' '));
}

QString PgConfig::displayName() const
{
    const QString hostText = host().isEmpty() ? tr("local socket") : host();
    QString text = hostText;
    if (!port().isEmpty())
        text += QLatin1Char(':') + port();
    if (!user().isEmpty())
        text = user() + QLatin1Char('@') + text;
    if (!database().isEmpty())
        text += QLatin1Char('/') + database();
    return text;
}
