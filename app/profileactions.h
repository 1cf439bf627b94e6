#pragma once

#include "connectionconfig.h"

#include <functional>
#include <QHash>
#include <QObject>

class ProfileStore;
class QWidget;

// What the window does with saved profiles, apart from the window: new, edit and delete through their
// dialogs, and reading a profile with its passwords (the keychain may take its time or ask first; nothing
// waits for it). Passwords typed during this run are kept for it (remember()).
class ProfileActions : public QObject
{
    Q_OBJECT

public:
    ProfileActions(ProfileStore *store, QWidget *window);

    // The profile with its password (and the sentinels' own); found: a password was stored or typed.
    using Loaded = std::function<void(const ConnectionConfig &config, bool found)>;
    void load(const QString &id, Loaded loaded);
    void remember(const QString &id, const QString &password) { m_typed.insert(id, password); }
    void forget(const QString &id) { m_typed.remove(id); }

    void create();
    void edit(const QString &id);
    // Asks first, then deletes it (an open session of it closes with it).
    void remove(const QString &id);
    // File → Import connections: the preview dialog (ImportDialog) on a file the person chooses.
    void importFromFile();
    // File → Export connections: every profile to a JSON file; asks whether passwords go in (clear text).
    void exportToFile();
    // The export itself, once asked: passwords from the keychain first when includePasswords; done(ok).
    void exportTo(const QString &path, bool includePasswords, std::function<void(bool ok)> done = {});

signals:
    void created(const QString &id);
    // Profiles came from an import file.
    void imported(const QStringList &ids);
    // Saved after an edit: an open session of it should open again.
    void edited(const QString &id);

private:
    ProfileStore *m_store;
    QWidget *m_window;
    QHash<QString, QString> m_typed;
};
