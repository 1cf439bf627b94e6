#pragma once

#include <optional>
#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QMetaType>
#include <QPair>
#include <QString>

// Everything needed to reach one PostgreSQL server: the libpq connection parameters read from a
// postgres:// / postgresql:// URL or a key=value conninfo string (libpq's own parser, so every libpq
// keyword works), with Keyscope's defaults (sslmode=prefer, connect_timeout=5, application_name
// "Keyscope"), and the statement timeout of the panel's queries. A value type; the password is held in
// memory only (profiles keep it in the keychain).
struct PgConfig
{
    Q_DECLARE_TR_FUNCTIONS(PgConfig)

public:
    static constexpr int kDefaultConnectTimeoutSeconds = 5;
    static constexpr int kDefaultStatementTimeoutMs = 5000;

    // The sslmode values libpq accepts, weakest first, and what each one means for a person.
    struct SslMode
    {
        QString name;
        QString description;
    };
    static QList<SslMode> sslModes();

    // Parses a URL or conninfo string; std::nullopt with *error set if libpq cannot read it or a value is
    // invalid. A password in the text is kept (setPassword replaces it).
    static std::optional<PgConfig> parse(const QString &text, QString *error = nullptr);

    QString value(const QByteArray &keyword) const;
    void setValue(const QByteArray &keyword, const QString &value); // an empty value removes the keyword
    const QList<QPair<QByteArray, QString>> &parameters() const { return m_parameters; }

    QString host() const { return value("host"); }
    QString hostaddr() const { return value("hostaddr"); }
    QString port() const { return value("port"); }
    QString user() const { return value("user"); }
    QString database() const { return value("dbname"); }
    QString sslMode() const { return value("sslmode"); }
    int connectTimeoutSeconds() const;
    void setPassword(const QString &password) { setValue("password", password); }
    bool hasPassword() const { return !value("password").isEmpty(); }

    // user@host:port/database, without the password.
    QString displayName() const;
    // Every parameter but the password as a key='value' conninfo string (what may be written to a settings
    // file); parse() reads it back to the same parameters.
    QString conninfoWithoutPassword() const;

    int statementTimeoutMs = kDefaultStatementTimeoutMs;
    // A query with no answer this long after it was sent fails and the connection is dropped (the server
    // may be stopped or the network gone): the statement timeout plus a grace for the round trip.
    int queryTimeoutMs() const { return statementTimeoutMs + 2000; }

    bool operator==(const PgConfig &) const = default;

private:
    QList<QPair<QByteArray, QString>> m_parameters; // libpq keyword -> value, in libpq's order
};

Q_DECLARE_METATYPE(PgConfig)
