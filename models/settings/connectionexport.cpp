#include "connectionexport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

QByteArray ConnectionExport::toJson(const QList<ConnectionConfig> &profiles, bool includePasswords)
{
    QJsonArray connections;
    for (const ConnectionConfig &p : profiles) {
        QJsonObject o{{"name", p.name},
                      {"host", p.host},
                      {"port", p.port},
                      {"username", p.username},
                      {"db", p.db},
                      {"colour", p.colour},
                      {"tls", p.tls},
                      {"caFile", p.caFile},
                      {"certFile", p.certFile},
                      {"keyFile", p.keyFile},
                      {"serverName", p.serverName},
                      {"verifyPeer", p.verifyPeer},
                      {"readOnly", p.readOnly},
                      {"connectTimeoutMs", p.connectTimeoutMs},
                      {"commandTimeoutMs", p.commandTimeoutMs}};
        if (p.usesSentinel()) {
            QJsonArray sentinels;
            for (const HostPort &s : p.sentinels)
                sentinels.append(QJsonObject{{"host", s.host}, {"port", s.port}});
            o.insert("sentinels", sentinels);
            o.insert("sentinelMaster", p.sentinelMaster);
            o.insert("sentinelUsername", p.sentinelUsername);
        }
        if (includePasswords) {
            o.insert("password", p.password);
            if (p.usesSentinel())
                o.insert("sentinelPassword", p.sentinelPassword);
        }
        connections.append(o);
    }
    return QJsonDocument(QJsonObject{{"keyscope", 1}, {"connections", connections}})
        .toJson(QJsonDocument::Indented);
}
