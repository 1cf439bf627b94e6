#pragma once

#include <QByteArray>
#include <QDialog>

class KeyOperations;
class QComboBox;
class QDateTimeEdit;
class QDialogButtonBox;
class QLabel;
class QRadioButton;
class QSpinBox;
class RedisConnection;

// Changes one key's expiry: never (PERSIST), in N seconds / milliseconds / minutes / hours / days
// (EXPIRE, or PEXPIRE for milliseconds), or at a date and time (EXPIREAT). Stays open with the error
// when the server refuses or the key is gone.
class TtlDialog : public QDialog
{
    Q_OBJECT
public:
    TtlDialog(RedisConnection *connection, QByteArray key, qint64 currentTtlMs, QWidget *parent = nullptr);

    void accept() override;

private:
    void updateEnabled();

    QByteArray m_key;
    KeyOperations *m_operations = nullptr;
    QRadioButton *m_persist = nullptr;
    QRadioButton *m_in = nullptr;
    QRadioButton *m_at = nullptr;
    QSpinBox *m_amount = nullptr;
    QComboBox *m_unit = nullptr;
    QDateTimeEdit *m_when = nullptr;
    QLabel *m_error = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    bool m_busy = false;
};
