#pragma once

#include "session.h"

#include <QByteArray>
#include <QDialog>
#include <QPointer>

class QComboBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

// Creates a key of any type with its first element (Redis has no empty keys) and an optional TTL.
// Names and values are typed escaped (\xHH for arbitrary bytes). An existing key is never
// overwritten: the dialog stays open and says the name is taken. The key is created on the
// connection that holds it (its slot's master in a cluster).
class NewKeyDialog : public QDialog
{
    Q_OBJECT
public:
    explicit NewKeyDialog(Session *session, QWidget *parent = nullptr);

    // Pre-fills the name (e.g. the current folder's prefix), escaped.
    void setInitialName(const QString &escapedName);
    // The key created, once the dialog was accepted.
    QByteArray createdKey() const { return m_created; }

    void accept() override;

private:
    void updateFields();
    void showError(const QString &message);

    QPointer<Session> m_session;
    QLineEdit *m_name = nullptr;
    QComboBox *m_type = nullptr;
    QLabel *m_fieldLabel = nullptr;
    QLineEdit *m_field = nullptr;
    QLabel *m_scoreLabel = nullptr;
    QDoubleSpinBox *m_score = nullptr;
    QLabel *m_valueLabel = nullptr;
    QPlainTextEdit *m_value = nullptr;
    QSpinBox *m_ttl = nullptr;
    QLabel *m_error = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QByteArray m_created;
    bool m_busy = false;
};
