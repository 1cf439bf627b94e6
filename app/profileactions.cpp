#include "profileactions.h"

#include "connectionexport.h"
#include "importdialog.h"
#include "profiledialog.h"
#include "profilestore.h"
#include "widgetstyle.h"

#include <memory>
#include <optional>
#include <QFileDialog>
#include <QPointer>
#include <QPushButton>
#include <QSaveFile>

ProfileActions::ProfileActions(ProfileStore *store, QWidget *window)
    : QObject(window), m_store(store), m_window(window)
{}

void ProfileActions::load(const QString &id, Loaded loaded)
{
    const auto profile = m_store->profile(id);
    if (!profile)
        return;
    const auto withSentinelPassword = [this, id, loaded](ConnectionConfig config, bool found) {
        if (!config.usesSentinel()) {
            loaded(config, found);
            return;
        }
        m_store->fetchPassword(ProfileStore::sentinelPasswordId(id), this,
                               [config, found, loaded](bool sentinelFound, const QString &password) mutable {
                                   if (sentinelFound)
                                       config.sentinelPassword = password;
                                   loaded(config, found);
                               });
    };
    if (const auto typed = m_typed.constFind(id); typed != m_typed.constEnd()) {
        ConnectionConfig config = *profile;
        config.password = *typed;
        withSentinelPassword(config, true);
        return;
    }
    m_store->fetchPassword(
        id, this, [config = *profile, withSentinelPassword](bool found, const QString &password) mutable {
            if (found)
                config.password = password;
            withSentinelPassword(config, found);
        });
}

void ProfileActions::create()
{
    auto *dialog = new ProfileDialog(m_store->keychainAvailable(), m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("New connection profile"));
    connect(dialog, &QDialog::accepted, this,
            [this, dialog] { emit created(m_store->save(dialog->config())); });
    dialog->open();
}

void ProfileActions::edit(const QString &id)
{
    const auto profile = m_store->profile(id);
    if (!profile)
        return;
    auto *dialog = new ProfileDialog(m_store->keychainAvailable(), m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Edit connection profile"));
    dialog->setConfig(*profile);
    // The stored passwords arrive later (the keychain may even ask first). Saving before they did would
    // save empty ones, which erases them: a save waits for both, and an empty field gets the stored one.
    struct Edit
    {
        bool mainPending = true;
        bool sentinelPending = false;
        std::optional<ConnectionConfig> accepted;
    };
    auto state = std::make_shared<Edit>();
    state->sentinelPending = profile->usesSentinel();
    const auto saveWhenLoaded = [this, state, id] {
        if (!state->accepted || state->mainPending || state->sentinelPending)
            return;
        m_store->save(*state->accepted);
        state->accepted.reset();
        m_typed.remove(id);
        emit edited(id);
    };
    const QPointer<ProfileDialog> shown = dialog;
    m_store->fetchPassword(id, this, [shown, state, saveWhenLoaded](bool found, const QString &password) {
        state->mainPending = false;
        if (found && shown && shown->config().password.isEmpty())
            shown->setPassword(password);
        if (found && state->accepted && state->accepted->password.isEmpty())
            state->accepted->password = password;
        saveWhenLoaded();
    });
    if (state->sentinelPending)
        m_store->fetchPassword(ProfileStore::sentinelPasswordId(id), this,
                               [shown, state, saveWhenLoaded](bool found, const QString &password) {
                                   state->sentinelPending = false;
                                   if (found && shown && shown->config().sentinelPassword.isEmpty())
                                       shown->setSentinelPassword(password);
                                   if (found && state->accepted &&
                                       state->accepted->sentinelPassword.isEmpty())
                                       state->accepted->sentinelPassword = password;
                                   saveWhenLoaded();
                               });
    connect(dialog, &QDialog::accepted, this, [dialog, state, saveWhenLoaded] {
        state->accepted = dialog->config();
        saveWhenLoaded();
    });
    dialog->open();
}

void ProfileActions::remove(const QString &id)
{
    const auto profile = m_store->profile(id);
    if (!profile)
        return;
    QMessageBox *box = WidgetStyle::messageBox(
        m_window, QMessageBox::Question, tr("Delete profile"),
        tr("Delete the profile “%1”? Its saved password is deleted too.").arg(profile->displayName()),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    connect(box, &QMessageBox::finished, this, [this, box, id] {
        if (box->clickedButton() != box->button(QMessageBox::Yes))
            return;
        m_typed.remove(id);
        m_store->remove(id);
    });
    box->open();
}

void ProfileActions::importFromFile()
{
    const QString path = QFileDialog::getOpenFileName(
        m_window, tr("Import connections"), QString(),
        tr("Connection files (*.json *.yaml *.yml *.txt *.ardm);;All files (*)"));
    if (path.isEmpty())
        return;
    auto *dialog = new ImportDialog(m_store, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ImportDialog::imported, this, &ProfileActions::imported);
    dialog->load(path);
    dialog->open();
}

void ProfileActions::exportToFile()
{
    const QString path = QFileDialog::getSaveFileName(
        m_window, tr("Export connections"), QStringLiteral("keyscope-connections.json"), tr("JSON (*.json)"));
    if (path.isEmpty())
        return;
    QMessageBox *box = WidgetStyle::messageBox(
        m_window, QMessageBox::Question, tr("Export connections"),
        tr("Write the passwords into the file too? They would be stored there in clear text."),
        QMessageBox::Cancel);
    QPushButton *without = box->addButton(tr("Leave passwords out"), QMessageBox::AcceptRole);
    QPushButton *with = box->addButton(tr("Include passwords"), QMessageBox::DestructiveRole);
    box->setDefaultButton(without);
    connect(box, &QMessageBox::finished, this, [this, box, path, without, with] {
        if (box->clickedButton() == without || box->clickedButton() == with)
            exportTo(path, box->clickedButton() == with, [this, path](bool ok) {
                if (!ok)
                    WidgetStyle::messageBox(m_window, QMessageBox::Warning, tr("Export connections"),
                                            tr("Cannot write %1.").arg(path), QMessageBox::Ok)
                        ->open();
            });
    });
    box->open();
}

void ProfileActions::exportTo(const QString &path, bool includePasswords, std::function<void(bool ok)> done)
{
    const QList<ConnectionConfig> profiles = m_store->profiles();
    const auto write = [path, includePasswords, done](const QList<ConnectionConfig> &withSecrets) {
        QSaveFile file(path);
        const bool ok = file.open(QIODevice::WriteOnly) &&
                        file.write(ConnectionExport::toJson(withSecrets, includePasswords)) >= 0 &&
                        file.commit();
        if (done)
            done(ok);
    };
    if (!includePasswords || profiles.isEmpty()) {
        write(profiles);
        return;
    }
    // The keychain answers one profile at a time; the file is written once all have.
    auto loaded = std::make_shared<QList<ConnectionConfig>>(profiles);
    auto pending = std::make_shared<qsizetype>(profiles.size());
    for (qsizetype i = 0; i < profiles.size(); ++i) {
        load(profiles[i].id, [loaded, pending, i, write](const ConnectionConfig &config, bool) {
            (*loaded)[i] = config;
            if (--*pending == 0)
                write(*loaded);
        });
    }
}
