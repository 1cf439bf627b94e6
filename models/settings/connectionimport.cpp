#include "connectionimport.h"

#include "redisurl.h"

#include <optional>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <yaml-cpp/yaml.h>

namespace {

using Entry = ConnectionImport::Entry;

// The value at a dotted path ("sshOptions.host") of a JSON object.
QJsonValue at(const QJsonObject &object, const QString &path)
{
    QJsonValue value = object;
    for (const QString &part : path.split(QLatin1Char('.'))) {
        if (!value.isObject())
            return {};
        value = value.toObject().value(part);
    }
    return value;
}

// The first of paths that holds a non-empty string or a number, as text.
QString text(const QJsonObject &object, const QStringList &paths)
{
    for (const QString &path : paths) {
        const QJsonValue value = at(object, path);
        if (value.isString() && !value.toString().isEmpty())
            return value.toString();
        if (value.isDouble())
            return QString::number(value.toDouble(), 'g', 15);
    }
    return {};
}

int number(const QJsonObject &object, const QStringList &paths, int fallback)
{
    bool ok = false;
    const int value = text(object, paths).toInt(&ok);
    return ok ? value : fallback;
}

bool flag(const QJsonObject &object, const QString &path)
{
    const QJsonValue value = at(object, path);
    return value.isBool() ? value.toBool() : value.toString() == QLatin1String("true");
}

quint16 port(int value, quint16 fallback)
{
    return value > 0 && value <= 65535 ? quint16(value) : fallback;
}

QString sshText(const QString &user, const QString &host, int sshPort)
{
    const QString address = HostPort::format(host, port(sshPort, 22));
    return user.isEmpty() ? address : user + QLatin1Char('@') + address;
}

QString noSsh()
{
    return ConnectionImport::tr("SSH tunnel not taken over: Keyscope cannot tunnel yet, the profile connects "
                                "directly");
}

// The tunnel the file asks for, which Keyscope does not make yet: shown in the preview and said in the notes.
void askedForSsh(Entry &e, const QString &user, const QString &host, int sshPort)
{
    e.ssh = sshText(user, host, sshPort);
    e.notes.append(noSsh());
}

// What every JSON format has: host, port, name, user, and the password under passwordKey.
Entry basics(const QJsonObject &o, const QString &passwordKey)
{
    Entry e;
    e.config.host = text(o, {"host"});
    e.config.port = port(number(o, {"port"}, 6379), 6379);
    e.config.name = text(o, {"name", "connectionName"});
    e.config.username = text(o, {"username"});
    e.config.password = text(o, {passwordKey});
    return e;
}

// Host and port become the one sentinel; the master is reached with the profile's own auth.
void useSentinel(ConnectionConfig &config, const QString &master)
{
    config.sentinels = {HostPort{config.host, config.port}};
    config.sentinelMaster = master;
}

Entry fromRedisInsight(const QJsonObject &o)
{
    Entry e = basics(o, QStringLiteral("password"));
    ConnectionConfig &c = e.config;
    c.db = number(o, {"db"}, 0);
    c.tls = flag(o, "tls");
    c.serverName = text(o, {"tlsServername"});
    if (c.tls && o.contains("verifyServerCert") && !flag(o, "verifyServerCert")) {
        c.verifyPeer = false;
        e.notes.append(ConnectionImport::tr("the server's certificate is not verified, as in RedisInsight"));
    }
    if (!text(o, {"caCert.certificate", "clientCert.certificate"}).isEmpty())
        e.notes.append(
            ConnectionImport::tr("certificates inside the file not taken over: save them as PEM files "
                                 "and choose them in the profile"));
    const QString type = text(o, {"connectionType"}).toUpper();
    e.cluster = type == QLatin1String("CLUSTER");
    if (type == QLatin1String("SENTINEL") || !text(o, {"sentinelMaster.name"}).isEmpty()) {
        useSentinel(c, text(o, {"sentinelMaster.name"}));
        c.sentinelUsername = c.username;
        c.sentinelPassword = c.password;
        c.username = text(o, {"sentinelMaster.username"});
        c.password = text(o, {"sentinelMaster.password"});
    }
    if (flag(o, "ssh") || !text(o, {"sshOptions.host"}).isEmpty())
        askedForSsh(e, text(o, {"sshOptions.username"}), text(o, {"sshOptions.host"}),
                    number(o, {"sshOptions.port"}, 22));
    return e;
}

Entry fromAnotherRedisDesktopManager(const QJsonObject &o)
{
    Entry e = basics(o, QStringLiteral("auth"));
    ConnectionConfig &c = e.config;
    c.readOnly = flag(o, "connectionReadOnly");
    e.cluster = flag(o, "cluster");
    if (o.value("sslOptions").isObject()) {
        c.tls = true;
        c.caFile = text(o, {"sslOptions.ca"});
        c.certFile = text(o, {"sslOptions.cert"});
        c.keyFile = text(o, {"sslOptions.key"});
        c.serverName = text(o, {"sslOptions.servername"});
    }
    if (const QString master = text(o, {"sentinelOptions.masterName"}); !master.isEmpty()) {
        useSentinel(c, master);
        c.sentinelPassword = c.password; // "auth" is the sentinels' password there
        c.password = text(o, {"sentinelOptions.nodePassword"});
    }
    if (const QString host = text(o, {"sshOptions.host"}); !host.isEmpty())
        askedForSsh(e, text(o, {"sshOptions.username"}), host, number(o, {"sshOptions.port"}, 22));
    return e;
}

Entry fromRespApp(const QJsonObject &o)
{
    Entry e = basics(o, QStringLiteral("auth"));
    ConnectionConfig &c = e.config;
    c.tls = flag(o, "ssl");
    c.caFile = text(o, {"ssl_ca_cert_path"});
    c.certFile = text(o, {"ssl_local_cert_path"});
    c.keyFile = text(o, {"ssl_private_key_path"});
    if (c.tls && flag(o, "ssl_ignore_all_errors")) {
        c.verifyPeer = false;
        e.notes.append(ConnectionImport::tr("the server's certificate is not verified, as in RESP.app"));
    }
    c.connectTimeoutMs = number(o, {"timeout_connect"}, c.connectTimeoutMs);
    c.commandTimeoutMs = number(o, {"timeout_execute"}, c.commandTimeoutMs);
    if (const QString host = text(o, {"ssh_host"}); !host.isEmpty())
        askedForSsh(e, text(o, {"ssh_user"}), host, number(o, {"ssh_port"}, 22));
    return e;
}

Entry fromKeyscope(const QJsonObject &o)
{
    Entry e = basics(o, QStringLiteral("password"));
    ConnectionConfig &c = e.config;
    c.db = number(o, {"db"}, 0);
    c.colour = text(o, {"colour"});
    c.tls = flag(o, "tls");
    c.caFile = text(o, {"caFile"});
    c.certFile = text(o, {"certFile"});
    c.keyFile = text(o, {"keyFile"});
    c.serverName = text(o, {"serverName"});
    c.verifyPeer = !o.contains("verifyPeer") || flag(o, "verifyPeer");
    c.readOnly = flag(o, "readOnly");
    c.connectTimeoutMs = number(o, {"connectTimeoutMs"}, c.connectTimeoutMs);
    c.commandTimeoutMs = number(o, {"commandTimeoutMs"}, c.commandTimeoutMs);
    for (const QJsonValue &s : o.value("sentinels").toArray())
        c.sentinels.append(
            {text(s.toObject(), {"host"}), port(number(s.toObject(), {"port"}, 26379), 26379)});
    c.sentinelMaster = text(o, {"sentinelMaster"});
    c.sentinelUsername = text(o, {"sentinelUsername"});
    c.sentinelPassword = text(o, {"sentinelPassword"});
    return e;
}

// node[key] when node is a map and has it (yaml-cpp throws on a subscript of anything else), else an
// undefined node.
YAML::Node child(const YAML::Node &node, const char *key)
{
    // A missing key gives an invalid node that throws on every question but IsDefined().
    if (!node.IsDefined() || !node.IsMap())
        return YAML::Node(YAML::NodeType::Undefined);
    const YAML::Node value = node[key];
    return value.IsDefined() ? value : YAML::Node(YAML::NodeType::Undefined);
}

// YAML scalars as text (empty when absent or not a scalar).
QString yamlText(const YAML::Node &node, const char *key)
{
    const YAML::Node value = child(node, key);
    return value.IsDefined() && value.IsScalar() ? QString::fromStdString(value.Scalar()) : QString();
}

bool yamlFlag(const YAML::Node &node, const char *key)
{
    return yamlText(node, key) == QLatin1String("true");
}

void fromTinyRdm(const YAML::Node &list, QList<Entry> &out, QStringList &skipped, int depth)
{
    for (const YAML::Node &node : list) {
        if (!node.IsMap()) {
            skipped.append(ConnectionImport::tr("an entry that is not a connection"));
            continue;
        }
        if (yamlText(node, "type") == QLatin1String("group")) {
            if (const YAML::Node group = child(node, "connections"); depth < 8 && group.IsSequence())
                fromTinyRdm(group, out, skipped, depth + 1);
            continue;
        }
        Entry e;
        ConnectionConfig &c = e.config;
        c.name = yamlText(node, "name");
        c.host = yamlText(node, "addr");
        c.port = port(yamlText(node, "port").toInt(), 6379);
        c.username = yamlText(node, "username");
        c.password = yamlText(node, "password");
        c.db = yamlText(node, "last_db").toInt();
        c.colour = yamlText(node, "mark_color");
        if (yamlText(node, "network") == QLatin1String("unix"))
            e.notes.append(ConnectionImport::tr("Unix socket %1 not taken over: Keyscope connects over TCP")
                               .arg(yamlText(node, "sock")));
        if (const YAML::Node ssl = child(node, "ssl"); yamlFlag(ssl, "enable")) {
            c.tls = true;
            c.caFile = yamlText(ssl, "cafile");
            c.certFile = yamlText(ssl, "certfile");
            c.keyFile = yamlText(ssl, "keyfile");
            c.serverName = yamlText(ssl, "sni");
            if (yamlFlag(ssl, "allow_insecure")) {
                c.verifyPeer = false;
                e.notes.append(
                    ConnectionImport::tr("the server's certificate is not verified, as in Tiny RDM"));
            }
        }
        if (const YAML::Node sentinel = child(node, "sentinel"); yamlFlag(sentinel, "enable")) {
            useSentinel(c, yamlText(sentinel, "master"));
            c.sentinelUsername = yamlText(sentinel, "username");
            c.sentinelPassword = yamlText(sentinel, "password");
        }
        if (yamlFlag(child(node, "cluster"), "enable"))
            e.cluster = true;
        if (const YAML::Node ssh = child(node, "ssh"); yamlFlag(ssh, "enable"))
            askedForSsh(e, yamlText(ssh, "username"), yamlText(ssh, "addr"), yamlText(ssh, "port").toInt());
        out.append(e);
    }
}

bool isUrlList(const QList<QByteArray> &lines)
{
    bool any = false;
    for (const QByteArray &raw : lines) {
        const QByteArray line = raw.trimmed();
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        if (!line.startsWith("redis://") && !line.startsWith("rediss://") &&
            !line.startsWith("redis+sentinel://"))
            return false;
        any = true;
    }
    return any;
}

// Keys only one tool writes, to tell the JSON arrays apart.
ConnectionImport::Format jsonArrayFormat(const QJsonArray &array)
{
    for (const QJsonValue &value : array) {
        const QJsonObject o = value.toObject();
        for (const char *key : {"connectionType", "provider", "tlsServername", "sentinelMaster", "caCert",
                                "nameFromProvider", "verifyServerCert", "compressor"}) {
            if (o.contains(QLatin1String(key)))
                return ConnectionImport::Format::RedisInsight;
        }
        for (const char *key : {"timeout_connect", "namespace_separator", "ssh_host", "keys_pattern",
                                "ssl_ca_cert_path", "db_scan_limit", "timeout_execute"}) {
            if (o.contains(QLatin1String(key)))
                return ConnectionImport::Format::RespApp;
        }
        if (o.value("type").toString().compare(QLatin1String("group"), Qt::CaseInsensitive) == 0)
            return ConnectionImport::Format::RespApp;
        for (const char *key :
             {"sshOptions", "sslOptions", "sentinelOptions", "separator", "connectionReadOnly"}) {
            if (o.contains(QLatin1String(key)))
                return ConnectionImport::Format::AnotherRedisDesktopManager;
        }
    }
    // host, port, auth and nothing else: both RESP.app and ARDM write that; "auth" is the password in both.
    return ConnectionImport::Format::AnotherRedisDesktopManager;
}

void readJsonArray(const QJsonArray &array, ConnectionImport::Format format, ConnectionImport::Result &result,
                   int depth = 0)
{
    for (const QJsonValue &value : array) {
        if (!value.isObject()) {
            result.skipped.append(ConnectionImport::tr("an entry that is not a connection"));
            continue;
        }
        const QJsonObject o = value.toObject();
        if (format == ConnectionImport::Format::RespApp && o.value("connections").isArray()) {
            if (depth < 8)
                readJsonArray(o.value("connections").toArray(), format, result, depth + 1);
            continue;
        }
        switch (format) {
        case ConnectionImport::Format::RedisInsight:
            result.entries.append(fromRedisInsight(o));
            break;
        case ConnectionImport::Format::RespApp:
            result.entries.append(fromRespApp(o));
            break;
        case ConnectionImport::Format::Keyscope:
            result.entries.append(fromKeyscope(o));
            break;
        default:
            result.entries.append(fromAnotherRedisDesktopManager(o));
        }
    }
}

QString serverKey(const ConnectionConfig &c)
{
    QString where;
    if (c.usesSentinel()) {
        where = c.sentinelMaster;
        for (const HostPort &s : c.sentinels)
            where += QLatin1Char(' ') + s.endpoint().toLower();
    } else {
        where = HostPort::format(c.host.toLower(), c.port);
    }
    return where + QStringLiteral("/%1/%2").arg(c.db).arg(c.username);
}

} // namespace

QString ConnectionImport::formatName(Format format)
{
    switch (format) {
    case Format::RedisInsight:
        return QStringLiteral("RedisInsight");
    case Format::AnotherRedisDesktopManager:
        return QStringLiteral("Another Redis Desktop Manager");
    case Format::RespApp:
        return QStringLiteral("RESP.app");
    case Format::TinyRdm:
        return QStringLiteral("Tiny RDM");
    case Format::UrlList:
        return tr("Redis URLs");
    case Format::Keyscope:
        return QStringLiteral("Keyscope");
    case Format::Unknown:
        break;
    }
    return tr("unknown");
}

ConnectionImport::Result ConnectionImport::read(const QByteArray &bytes,
                                                const QList<ConnectionConfig> &existing)
{
    Result result;
    if (bytes.size() > kMaxFileBytes) {
        result.error = tr("The file is larger than 16 MiB: not a connection file.");
        return result;
    }
    const QByteArray trimmed = bytes.trimmed();
    if (trimmed.isEmpty()) {
        result.error = tr("The file is empty.");
        return result;
    }
    // Another Redis Desktop Manager writes base64 of its JSON.
    QByteArray json = trimmed;
    bool base64 = false;
    if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) {
        const auto decoded = QByteArray::fromBase64Encoding(trimmed, QByteArray::AbortOnBase64DecodingErrors);
        const QByteArray inner = decoded ? decoded.decoded.trimmed() : QByteArray();
        if (inner.startsWith('{') || inner.startsWith('[')) {
            json = inner;
            base64 = true;
        }
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error == QJsonParseError::NoError) {
        if (document.isObject() && document.object().contains("keyscope")) {
            result.format = Format::Keyscope;
            readJsonArray(document.object().value("connections").toArray(), result.format, result);
        } else if (document.isObject() && document.object().value("connections").isArray()) {
            result.format = Format::AnotherRedisDesktopManager; // {connections: [...], groups: [...]}
            readJsonArray(document.object().value("connections").toArray(), result.format, result);
        } else if (document.isArray()) {
            result.format = base64 ? Format::AnotherRedisDesktopManager : jsonArrayFormat(document.array());
            readJsonArray(document.array(), result.format, result);
        } else {
            result.error = tr("This JSON holds no list of connections.");
            return result;
        }
    } else if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
        result.error =
            tr("The JSON is malformed at byte %1: %2.").arg(parseError.offset).arg(parseError.errorString());
        return result;
    } else if (const QList<QByteArray> lines = trimmed.split('\n'); isUrlList(lines)) {
        result.format = Format::UrlList;
        for (qsizetype i = 0; i < lines.size(); ++i) {
            const QString line = QString::fromUtf8(lines[i].trimmed());
            if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
                continue;
            const RedisUrl::Result url = RedisUrl::parse(line);
            if (!url.config) {
                result.skipped.append(tr("line %1: %2").arg(i + 1).arg(url.error));
                continue;
            }
            Entry e;
            e.config = *url.config;
            result.entries.append(e);
        }
    } else {
        try {
            const YAML::Node root = YAML::Load(trimmed.toStdString());
            if (!root.IsSequence()) {
                result.error = tr("Not a connection file Keyscope reads (RedisInsight, Another Redis Desktop "
                                  "Manager, RESP.app, Tiny RDM, Keyscope, or redis:// URLs one per line).");
                return result;
            }
            result.format = Format::TinyRdm;
            fromTinyRdm(root, result.entries, result.skipped, 0);
        } catch (const YAML::Exception &e) {
            result.entries.clear(); // all or nothing
            result.error = tr("The YAML is malformed: %1.").arg(QString::fromStdString(e.what()));
            return result;
        }
    }
    // Names for unnamed entries, and the duplicates of profiles already saved.
    QHash<QString, QString> known;
    for (const ConnectionConfig &c : existing)
        known.insert(serverKey(c), c.name);
    for (Entry &e : result.entries) {
        if (e.config.host.isEmpty() && !e.config.usesSentinel())
            e.config.host = QStringLiteral("127.0.0.1");
        if (e.config.name.isEmpty())
            e.config.name = e.config.usesSentinel() ? e.config.sentinelMaster
                                                    : HostPort::format(e.config.host, e.config.port);
        e.duplicateOf = known.value(serverKey(e.config));
    }
    if (result.entries.isEmpty() && result.error.isEmpty())
        result.error = tr("The file holds no connection.");
    return result;
}
