#pragma once

#include <QString>
#include <QTemporaryDir>

// A throw-away PKI made with the openssl command line: a CA, a server certificate for
// localhost / 127.0.0.1 signed by it, and a client certificate signed by it.
class TlsFixture
{
public:
    // Runs openssl; false (with a qWarning saying why) when openssl is missing or fails.
    bool create();

    QString caCert() const { return path(QStringLiteral("ca.crt")); }
    QString serverCert() const { return path(QStringLiteral("server.crt")); }
    QString serverKey() const { return path(QStringLiteral("server.key")); }
    QString clientCert() const { return path(QStringLiteral("client.crt")); }
    QString clientKey() const { return path(QStringLiteral("client.key")); }

    // redis-server arguments for a TLS port using these files (the plain port stays for management).
    QStringList serverArgs(quint16 tlsPort, bool requireClientCert) const;

private:
    bool openssl(const QStringList &args) const;
    QString path(const QString &name) const { return m_dir.filePath(name); }
    QTemporaryDir m_dir;
};
