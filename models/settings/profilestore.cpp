#include "profilestore.h"

#include "redisurl.h"

#include <algorithm>
#include <QMetaObject>
#include <QSettings>
#include <QStringList>
#include <qt6keychain/keychain.h>
#include <QUuid>
#include <utility>

namespace {

const QString keychainService = QStringLiteral("Keyscope");
const QString profilesArray = QStringLiteral("profiles");

bool isFailure(QKeychain::Error error)
{
    return error != QKeychain::NoError && error != QKeychain::EntryNotFound;
}

} // namespace

ProfileStore::ProfileStore(QObject *parent) : QObject(parent)
{
    load();
}

ProfileStore::~ProfileStore() = default;

std::optional<ConnectionConfig> ProfileStore::profile(const QString &id) const
{
    for (const ConnectionConfig &config : m_profiles) {
        if (config.id == id)
            return config;
    }
    return std::nullopt;
}

QString ProfileStore::save(ConnectionConfig config)
{
    if (config.id.isEmpty())
        config.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString password = std::exchange(config.password, QString());
    const QString sentinelPassword = std::exchange(config.sentinelPassword, QString());
    const auto existing = std::find_if(m_profiles.begin(), m_profiles.end(),
                                       [&config](const ConnectionConfig &c) { return c.id == config.id; });
    const bool isNew = existing == m_profiles.end();
    const bool wasSentinel = !isNew && existing->usesSentinel();
    if (isNew)
        m_profiles.append(config);
    else
        *existing = config;
    persist();
    if (!password.isEmpty() || !isNew)
        setPassword(config.id, password);
    if (!sentinelPassword.isEmpty() || wasSentinel)
        setPassword(sentinelPasswordId(config.id), config.usesSentinel() ? sentinelPassword : QString());
    emit profilesChanged();
    return config.id;
}

void ProfileStore::setPassword(const QString &id, const QString &password)
{
    if (password.isEmpty()) {
        m_sessionPasswords.remove(id);
        deleteKeychainPassword(id);
        return;
    }
    // Kept for this session as well: reads do not wait for the keychain, and survive its failure.
    m_sessionPasswords.insert(id, password);
    if (m_keychainAvailable) {
        auto *job = new QKeychain::WritePasswordJob(keychainService, this);
        job->setAutoDelete(true);
        job->setKey(id);
        job->setTextData(password);
        connect(job, &QKeychain::Job::finished, this, [this](QKeychain::Job *finished) {
            if (isFailure(finished->error()))
                markKeychainUnavailable(finished->errorString());
        });
        job->start();
    }
}

void ProfileStore::remove(const QString &id)
{
    const auto found = profile(id);
    const auto removed = m_profiles.removeIf([&id](const ConnectionConfig &c) { return c.id == id; });
    m_sessionPasswords.remove(id);
    m_sessionPasswords.remove(sentinelPasswordId(id));
    if (removed == 0)
        return;
    persist();
    deleteKeychainPassword(id);
    if (found->usesSentinel())
        deleteKeychainPassword(sentinelPasswordId(id));
    emit profilesChanged();
}

QString ProfileStore::sentinelPasswordId(const QString &profileId)
{
    return profileId + QStringLiteral("/sentinel");
}

void ProfileStore::fetchPassword(const QString &id, QObject *context,
                                 std::function<void(bool found, const QString &password)> callback)
{
    QObject *receiver = context ? context : this;
    const auto session = m_sessionPasswords.constFind(id);
    if (session != m_sessionPasswords.cend() || !m_keychainAvailable) {
        const bool found = session != m_sessionPasswords.cend();
        const QString password = found ? *session : QString();
        QMetaObject::invokeMethod(
            receiver, [callback = std::move(callback), found, password] { callback(found, password); },
            Qt::QueuedConnection);
        return;
    }
    auto *job = new QKeychain::ReadPasswordJob(keychainService, this);
    job->setAutoDelete(true);
    job->setKey(id);
    // The job is a child of this store, and the connection dies with receiver: the callback never sees
    // either destroyed.
    connect(job, &QKeychain::Job::finished, receiver,
            [this, callback = std::move(callback)](QKeychain::Job *finished) {
                const auto *read = static_cast<QKeychain::ReadPasswordJob *>(finished);
                if (read->error() == QKeychain::NoError) {
                    callback(true, read->textData());
                    return;
                }
                if (isFailure(read->error()))
                    markKeychainUnavailable(read->errorString());
                callback(false, QString());
            });
    job->start();
}

void ProfileStore::deleteKeychainPassword(const QString &id)
{
    if (!m_keychainAvailable)
        return;
    auto *job = new QKeychain::DeletePasswordJob(keychainService, this);
    job->setAutoDelete(true);
    job->setKey(id);
    connect(job, &QKeychain::Job::finished, this, [this](QKeychain::Job *finished) {
        if (isFailure(finished->error()))
            markKeychainUnavailable(finished->errorString());
    });
    job->start();
}

void ProfileStore::markKeychainUnavailable(const QString &reason)
{
    if (!m_keychainAvailable)
        return;
    m_keychainAvailable = false;
    emit keychainError(tr("The system keychain cannot be used (%1). Passwords are kept for this session only "
                          "and will be asked for again next time.")
                           .arg(reason));
}

void ProfileStore::load()
{
    const ConnectionConfig defaults;
    QSettings settings;
    const int count = settings.beginReadArray(profilesArray);
    for (int i = 0; i < count; ++i) {
        settings.setArrayIndex(i);
        ConnectionConfig c;
        c.id = settings.value(QStringLiteral("id")).toString();
        if (c.id.isEmpty() || profile(c.id))
            continue;
        c.name = settings.value(QStringLiteral("name"), defaults.name).toString();
        c.host = settings.value(QStringLiteral("host"), defaults.host).toString();
        const uint port = settings.value(QStringLiteral("port"), defaults.port).toUInt();
        c.port = port >= 1 && port <= 65535 ? quint16(port) : defaults.port;
        c.username = settings.value(QStringLiteral("username"), defaults.username).toString();
        c.db = qMax(0, settings.value(QStringLiteral("db"), defaults.db).toInt());
        c.colour = settings.value(QStringLiteral("colour"), defaults.colour).toString();
        c.tls = settings.value(QStringLiteral("tls"), defaults.tls).toBool();
        c.caFile = settings.value(QStringLiteral("caFile"), defaults.caFile).toString();
        c.certFile = settings.value(QStringLiteral("certFile"), defaults.certFile).toString();
        c.keyFile = settings.value(QStringLiteral("keyFile"), defaults.keyFile).toString();
        c.serverName = settings.value(QStringLiteral("serverName"), defaults.serverName).toString();
        c.verifyPeer = settings.value(QStringLiteral("verifyPeer"), defaults.verifyPeer).toBool();
        c.clientName = settings.value(QStringLiteral("clientName"), defaults.clientName).toString();
        c.connectTimeoutMs =
            settings.value(QStringLiteral("connectTimeoutMs"), defaults.connectTimeoutMs).toInt();
        c.commandTimeoutMs =
            settings.value(QStringLiteral("commandTimeoutMs"), defaults.commandTimeoutMs).toInt();
        c.readOnly = settings.value(QStringLiteral("readOnly"), defaults.readOnly).toBool();
        const QStringList sentinels = settings.value(QStringLiteral("sentinels")).toStringList();
        for (const QString &sentinel : sentinels) {
            const RedisUrl::HostList parsed = RedisUrl::parseHostList(sentinel);
            c.sentinels.append(parsed.hosts); // a damaged entry is left out
        }
        c.sentinelMaster = settings.value(QStringLiteral("sentinelMaster")).toString();
        c.sentinelUsername = settings.value(QStringLiteral("sentinelUsername")).toString();
        m_profiles.append(c);
    }
    settings.endArray();
}

void ProfileStore::persist() const
{
    QSettings settings;
    settings.remove(profilesArray);
    settings.beginWriteArray(profilesArray, int(m_profiles.size()));
    for (int i = 0; i < m_profiles.size(); ++i) {
        const ConnectionConfig &c = m_profiles.at(i);
        settings.setArrayIndex(i);
        // Every field but the password, which only ever goes to the keychain.
        settings.setValue(QStringLiteral("id"), c.id);
        settings.setValue(QStringLiteral("name"), c.name);
        settings.setValue(QStringLiteral("host"), c.host);
        settings.setValue(QStringLiteral("port"), c.port);
        settings.setValue(QStringLiteral("username"), c.username);
        settings.setValue(QStringLiteral("db"), c.db);
        settings.setValue(QStringLiteral("colour"), c.colour);
        settings.setValue(QStringLiteral("tls"), c.tls);
        settings.setValue(QStringLiteral("caFile"), c.caFile);
        settings.setValue(QStringLiteral("certFile"), c.certFile);
        settings.setValue(QStringLiteral("keyFile"), c.keyFile);
        settings.setValue(QStringLiteral("serverName"), c.serverName);
        settings.setValue(QStringLiteral("verifyPeer"), c.verifyPeer);
        settings.setValue(QStringLiteral("clientName"), c.clientName);
        settings.setValue(QStringLiteral("connectTimeoutMs"), c.connectTimeoutMs);
        settings.setValue(QStringLiteral("commandTimeoutMs"), c.commandTimeoutMs);
        settings.setValue(QStringLiteral("readOnly"), c.readOnly);
        if (c.usesSentinel()) { // the sentinels' password goes to the keychain as well
            QStringList sentinels;
            for (const HostPort &address : c.sentinels)
                sentinels.append(address.endpoint());
            settings.setValue(QStringLiteral("sentinels"), sentinels);
            settings.setValue(QStringLiteral("sentinelMaster"), c.sentinelMaster);
            settings.setValue(QStringLiteral("sentinelUsername"), c.sentinelUsername);
        }
    }
    settings.endArray();
}
