#pragma once

#include "connectionconfig.h"

#include <functional>
#include <optional>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>

// Saved connection profiles. Everything but the password goes to QSettings (group "profiles");
// passwords go to the system keychain through QtKeychain when one answers. Without a keychain
// (CI, headless Linux) passwords live in memory for this session only, and keychainAvailable()
// says so, so the profile dialog can tell the user the password will be asked again.
class ProfileStore : public QObject
{
    Q_OBJECT
public:
    explicit ProfileStore(QObject *parent = nullptr);
    ~ProfileStore() override;

    // Profiles as stored, passwords (and Sentinel passwords) not filled in (see fetchPassword()).
    QList<ConnectionConfig> profiles() const { return m_profiles; }
    std::optional<ConnectionConfig> profile(const QString &id) const;

    // Adds (empty id: a new id is assigned and returned) or replaces a profile and stores its password
    // (and its sentinels' password under sentinelPasswordId()).
    QString save(ConnectionConfig config);
    void remove(const QString &id);

    // Stores (empty: forgets) the password kept under id: a profile's id, or another secret's name such as
    // the PostgreSQL panel's connection.
    void setPassword(const QString &id, const QString &password);
    // The keychain entry of the sentinels' password of Sentinel profile profileId (see fetchPassword()).
    static QString sentinelPasswordId(const QString &profileId);

    // Asynchronously reads the password of profile id from the keychain (or this session's memory).
    // found is false when no password is stored or the keychain cannot be used.
    void fetchPassword(const QString &id, QObject *context,
                       std::function<void(bool found, const QString &password)> callback);

    bool keychainAvailable() const { return m_keychainAvailable; }

signals:
    void profilesChanged();
    // The keychain failed (once per session, e.g. no secret service): passwords are kept for this session
    // only.
    void keychainError(const QString &message);

private:
    void load();
    void persist() const;
    void deleteKeychainPassword(const QString &id);
    void markKeychainUnavailable(const QString &reason);

    QList<ConnectionConfig> m_profiles;
    QHash<QString, QString> m_sessionPasswords;
    bool m_keychainAvailable = true;
};
