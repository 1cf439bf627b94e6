#include "pgconfig.h"
#include "pgerror.h"

#include <algorithm>
#include <QTest>

class TestPgConfig : public QObject
{
    Q_OBJECT
private slots:
    void url();
    void conninfo();
    void conninfoWithoutPasswordRoundTrips();
    void defaults();
    void invalid();
    void sslModesExplained();
    void connectFailures_data();
    void connectFailures();
};

void TestPgConfig::url()
{
    QString error;
    const auto config =
        PgConfig::parse("postgresql://app%40corp:s%3Acret@db.example.com:6543/orders?sslmode=verify-full"
                        "&sslrootcert=/etc/ca.pem&application_name=ops",
                        &error);
    QVERIFY2(config, qPrintable(error));
    QCOMPARE(config->host(), QString("db.example.com"));
    QCOMPARE(config->port(), QString("6543"));
    QCOMPARE(config->user(), QString("app@corp"));
    QCOMPARE(config->value("password"), QString("s:cret"));
    QCOMPARE(config->database(), QString("orders"));
    QCOMPARE(config->sslMode(), QString("verify-full"));
    QCOMPARE(config->value("sslrootcert"), QString("/etc/ca.pem"));
    QCOMPARE(config->value("application_name"), QString("ops"));
    QVERIFY(config->value("fallback_application_name").isEmpty());
    QCOMPARE(config->displayName(), QString("app@corp@db.example.com:6543/orders"));
    QVERIFY(!config->displayName().contains("s:cret"));

    const auto shortForm = PgConfig::parse("postgres://localhost");
    QVERIFY(shortForm);
    QCOMPARE(shortForm->host(), QString("localhost"));
    QVERIFY(shortForm->port().isEmpty());
}

void TestPgConfig::conninfo()
{
    const auto config = PgConfig::parse("host=10.0.0.5 port=5433 dbname='my db' user=ops connect_timeout=12");
    QVERIFY(config);
    QCOMPARE(config->host(), QString("10.0.0.5"));
    QCOMPARE(config->port(), QString("5433"));
    QCOMPARE(config->database(), QString("my db"));
    QCOMPARE(config->user(), QString("ops"));
    QCOMPARE(config->connectTimeoutSeconds(), 12);
    QVERIFY(!config->hasPassword());
    PgConfig withPassword = *config;
    withPassword.setPassword("from the keychain");
    QCOMPARE(withPassword.value("password"), QString("from the keychain"));
    QVERIFY(withPassword != *config);
}

void TestPgConfig::conninfoWithoutPasswordRoundTrips()
{
    const auto config = PgConfig::parse(
        "postgresql://ops:s3cret@db.example.com:5433/it's%5Cmine?sslmode=verify-full&application_name=a%20b");
    QVERIFY(config);
    QCOMPARE(config->database(), QString("it's\\mine"));
    const QString text = config->conninfoWithoutPassword();
    QVERIFY(!text.contains("s3cret"));
    const auto back = PgConfig::parse(text);
    QVERIFY(back);
    PgConfig expected = *config;
    expected.setPassword({});
    // The same parameters (Keyscope's defaults are appended after libpq's, so the order may differ).
    auto sorted = [](QList<QPair<QByteArray, QString>> parameters) {
        std::sort(parameters.begin(), parameters.end());
        return parameters;
    };
    QCOMPARE(sorted(back->parameters()), sorted(expected.parameters()));
}

void TestPgConfig::defaults()
{
    const auto config = PgConfig::parse("postgresql://db/app");
    QVERIFY(config);
    QCOMPARE(config->sslMode(), QString("prefer"));
    QCOMPARE(config->connectTimeoutSeconds(), 5);
    QCOMPARE(config->value("fallback_application_name"), QString("Keyscope"));
    QCOMPARE(config->statementTimeoutMs, 5000);
    QCOMPARE(config->queryTimeoutMs(), 7000);
    // libpq's 0 means "wait forever": Keyscope keeps its default instead.
    QCOMPARE(PgConfig::parse("host=db connect_timeout=0")->connectTimeoutSeconds(), 5);
}

void TestPgConfig::invalid()
{
    QString error;
    QVERIFY(!PgConfig::parse("postgresql://db/app?sslmode=sometimes", &error));
    QVERIFY2(error.contains("Unknown sslmode \"sometimes\""), qPrintable(error));
    QVERIFY(!PgConfig::parse("postgresql://db/app?nonsense=1", &error));
    QVERIFY2(error.contains("invalid URI query parameter: \"nonsense\""), qPrintable(error));
    QVERIFY(!PgConfig::parse("host=db port", &error));
    QVERIFY2(error.contains("Cannot read the connection string"), qPrintable(error));
    QVERIFY(!PgConfig::parse("host=db connect_timeout=soon", &error));
    QVERIFY2(error.contains("connect_timeout must be a number"), qPrintable(error));
}

void TestPgConfig::sslModesExplained()
{
    QStringList names;
    for (const PgConfig::SslMode &mode : PgConfig::sslModes()) {
        names << mode.name;
        QVERIFY(!mode.description.isEmpty());
    }
    QCOMPARE(names, (QStringList{"disable", "allow", "prefer", "require", "verify-ca", "verify-full"}));
    QVERIFY(PgConfig::sslModes().last().description.contains("right server"));
}

void TestPgConfig::connectFailures_data()
{
    QTest::addColumn<QString>("libpq");
    QTest::addColumn<bool>("usedPassword");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("says");
    const QString at = "connection to server at \"10.1.2.3\", port 5432 failed: ";
    QTest::newRow("53300") << at + "FATAL:  sorry, too many clients already" << true
                           << int(PgError::Kind::TooManyConnections) << "every connection slot is in use";
    QTest::newRow("53300 reserved") << at + "FATAL:  remaining connection slots are reserved for "
                                            "non-replication superuser connections"
                                    << true << int(PgError::Kind::TooManyConnections) << "SQLSTATE 53300";
    QTest::newRow("pg_hba") << at + "FATAL:  no pg_hba.conf entry for host \"10.9.9.9\", user \"app\", "
                                    "database \"app\", no encryption"
                            << false << int(PgError::Kind::Authentication) << "pg_hba.conf has no rule";
    QTest::newRow("role") << at + "FATAL:  role \"ghost\" does not exist" << false
                          << int(PgError::Kind::Authentication) << "no such role";
    QTest::newRow("database") << at + "FATAL:  database \"gone\" does not exist" << true
                              << int(PgError::Kind::InvalidConfig) << "database does not exist";
    QTest::newRow("hostname") << at + "server certificate for \"db.example.com\" does not match host name "
                                      "\"10.1.2.3\""
                              << false << int(PgError::Kind::Tls) << "certificate is for another host name";
    QTest::newRow("untrusted") << at + "SSL error: certificate verify failed" << false
                               << int(PgError::Kind::Tls) << "not signed by a trusted authority";
    QTest::newRow("root cert") << at + "root certificate file \"/root/.postgresql/root.crt\" does not exist"
                               << false << int(PgError::Kind::Tls) << "needs a root certificate";
    QTest::newRow("starting") << at + "FATAL:  the database system is starting up" << false
                              << int(PgError::Kind::Unavailable) << "cannot accept connections now";
}

void TestPgConfig::connectFailures()
{
    QFETCH(QString, libpq);
    QFETCH(bool, usedPassword);
    QFETCH(int, kind);
    QFETCH(QString, says);
    const PgError error = PgError::fromConnectFailure(libpq, false, usedPassword);
    QCOMPARE(int(error.kind), kind);
    QVERIFY2(error.message.contains(says), qPrintable(error.message));
    QCOMPARE(error.server, libpq);
}

QTEST_GUILESS_MAIN(TestPgConfig)
#include "tst_pgconfig.moc"
