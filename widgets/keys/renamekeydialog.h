#pragma once

#include <QByteArray>
#include <QDialog>
#include <QMessageBox>
#include <QPointer>

class KeyOperations;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class RedisConnection;

// Renames a key with RENAMENX. When the new name is taken, a second question asks before
// overwriting it (RENAME); answering no leaves both keys untouched and the dialog open.
class RenameKeyDialog : public QDialog
{
    Q_OBJECT
public:
    RenameKeyDialog(RedisConnection *connection, QByteArray key, QWidget *parent = nullptr);

    QByteArray key() const { return m_key; }
    // The new name, once the dialog was accepted.
    QByteArray newName() const { return m_newName; }
    // The overwrite question while it is open (tests answer it).
    QMessageBox *overwriteQuestion() const { return m_question; }

    void accept() override;

private:
    void rename(const QByteArray &to, bool overwrite);
    void showError(const QString &message);

    QByteArray m_key;
    QByteArray m_newName;
    KeyOperations *m_operations = nullptr;
    QLineEdit *m_name = nullptr;
    QLabel *m_error = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPointer<QMessageBox> m_question;
    bool m_busy = false;
};
