#pragma once

#include "connectionimport.h"

#include <QDialog>

class ProfileStore;
class QLabel;
class QPushButton;
class QTableWidget;

// File → Import connections: a file from RedisInsight, Another Redis Desktop Manager, RESP.app or Tiny RDM, a
// list of redis:// URLs or a Keyscope export, read by ConnectionImport and shown as a preview (name, server,
// kind, TLS, SSH, password, duplicate, notes) before anything is saved. Duplicates of saved profiles start
// unticked. Import saves the ticked ones through ProfileStore (passwords to the keychain). Everything read
// from the file is plain text.
class ImportDialog : public QDialog
{
    Q_OBJECT
public:
    enum Column {
        ImportColumn,
        ServerColumn,
        KindColumn,
        TlsColumn,
        SshColumn,
        PasswordColumn,
        DuplicateColumn,
        NotesColumn,
        ColumnCount
    };

    explicit ImportDialog(ProfileStore *store, QWidget *parent = nullptr);

    // Reads path (File → Import asks for it first; "Choose file…" asks again).
    void load(const QString &path);
    void loadBytes(const QByteArray &bytes, const QString &source);
    // Saves the ticked entries; their new profile ids.
    QStringList importTicked();

    QTableWidget *preview() const { return m_preview; }
    QString statusText() const;

signals:
    void imported(const QStringList &ids);

private:
    void chooseFile();
    void updateButton();

    ProfileStore *m_store;
    ConnectionImport::Result m_result;
    QLabel *m_status = nullptr;
    QTableWidget *m_preview = nullptr;
    QPushButton *m_import = nullptr;
};
