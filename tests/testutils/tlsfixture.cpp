#include "tlsfixture.h"

#include <QDebug>
#include <QFile>
#include <QProcess>

bool TlsFixture::openssl(const QStringList &args) const
{
    QProcess process;
    process.setWorkingDirectory(m_dir.path());
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral("openssl"), args);
    if (!process.waitForFinished(30000) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0) {
        qWarning().noquote() << "openssl" << args.join(QLatin1Char(' ')) << "failed:" << process.errorString()
                             << process.readAll();
        return false;
    }
    return true;
}

bool TlsFixture::create()
{
    if (!m_dir.isValid())
        return false;
    QFile ext(path(QStringLiteral("server.ext")));
    if (!ext.open(QIODevice::WriteOnly))
        return false;
    ext.write("subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n");
    ext.close();
    QFile clientExt(path(QStringLiteral("client.ext")));
    if (!clientExt.open(QIODevice::WriteOnly))
        return false;
    clientExt.write("extendedKeyUsage=clientAuth\n");
    clientExt.close();

    const auto key = [](const QString &name) {
        return QStringList{QStringLiteral("genpkey"),
                           QStringLiteral("-algorithm"),
                           QStringLiteral("EC"),
                           QStringLiteral("-pkeyopt"),
                           QStringLiteral("ec_paramgen_curve:P-256"),
                           QStringLiteral("-out"),
                           name};
    };
    const auto signedCert = [](const QString &stem, const QString &subject) {
        return QList<QStringList>{
            {QStringLiteral("req"), QStringLiteral("-new"), QStringLiteral("-key"),
             stem + QStringLiteral(".key"), QStringLiteral("-subj"), subject, QStringLiteral("-out"),
             stem + QStringLiteral(".csr")},
            {QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
             stem + QStringLiteral(".csr"), QStringLiteral("-CA"), QStringLiteral("ca.crt"),
             QStringLiteral("-CAkey"), QStringLiteral("ca.key"), QStringLiteral("-CAcreateserial"),
             QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-extfile"),
             stem + QStringLiteral(".ext"), QStringLiteral("-out"), stem + QStringLiteral(".crt")}};
    };

    QList<QStringList> steps = {
        key(QStringLiteral("ca.key")),
        {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-new"), QStringLiteral("-key"),
         QStringLiteral("ca.key"), QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
         QStringLiteral("/CN=Keyscope Test CA"), QStringLiteral("-out"), QStringLiteral("ca.crt")},
        key(QStringLiteral("server.key")),
        key(QStringLiteral("client.key")),
    };
    steps += signedCert(QStringLiteral("server"), QStringLiteral("/CN=localhost"));
    steps += signedCert(QStringLiteral("client"), QStringLiteral("/CN=keyscope-client"));
    for (const QStringList &step : std::as_const(steps)) {
        if (!openssl(step))
            return false;
    }
    return true;
}

QStringList TlsFixture::serverArgs(quint16 tlsPort, bool requireClientCert) const
{
    return {QStringLiteral("--tls-port"),
            QString::number(tlsPort),
            QStringLiteral("--tls-cert-file"),
            serverCert(),
            QStringLiteral("--tls-key-file"),
            serverKey(),
            QStringLiteral("--tls-ca-cert-file"),
            caCert(),
            QStringLiteral("--tls-auth-clients"),
            requireClientCert ? QStringLiteral("yes") : QStringLiteral("no")};
}
