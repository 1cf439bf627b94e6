#pragma once

#include "connectionconfig.h"

#include <QDialog>
#include <QPointer>

class QButtonGroup;
class QCheckBox;
class QDialogButtonBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QToolButton;
class RedisConnection;
class SentinelClient;

// Creates or edits a connection profile: a redis://, rediss:// or redis+sentinel:// URL fills the form,
// every field can then be changed, and "Test connection" tries the form's settings on a temporary
// connection (PING, then INFO server) without saving anything. "Through Sentinel" profiles name
// sentinels and a master; the test then asks the sentinels for the master (SentinelClient) and connects
// to it with the profile's own user, password, TLS and database.
class ProfileDialog : public QDialog
{
    Q_OBJECT
public:
    // keychainAvailable: false adds a notice that the password is kept for this session only.
    explicit ProfileDialog(bool keychainAvailable, QWidget *parent = nullptr);
    ~ProfileDialog() override;

    // Fills the form; fields the form does not show (id, timeouts, client name) are kept as given.
    void setConfig(const ConnectionConfig &config);
    ConnectionConfig config() const;
    // Sets the password field, e.g. once the keychain answered.
    void setPassword(const QString &password);
    // Sets the sentinels' password field (ProfileStore::sentinelPasswordId() in the keychain).
    void setSentinelPassword(const QString &password);
    // Why the form cannot be saved as it is, for people; empty when it can.
    QString validationError() const;

    // Starts a test of the form's settings; the result shows in the dialog and in connectionTested.
    void testConnection();

signals:
    void connectionTested(bool ok, const QString &message);

private:
    QLineEdit *addFileRow(QFormLayout *form, const QString &label, const QString &filter);
    void addColourButton(const QString &colour, const QString &toolTip);
    void setColour(const QString &colour);
    void chooseCustomColour();
    void onUrlChanged(const QString &text);
    void updateVerifyWarning();
    void updateOkButton();
    void finishTest(bool ok, const QString &message);
    void testThroughSentinel(const ConnectionConfig &config);
    void updateSentinelFields();

    ConnectionConfig m_base;
    QString m_colour;

    QLineEdit *m_url = nullptr;
    QLabel *m_urlError = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_host = nullptr;
    QSpinBox *m_port = nullptr;
    QLineEdit *m_username = nullptr;
    QLineEdit *m_password = nullptr;
    QSpinBox *m_db = nullptr;
    QButtonGroup *m_colourGroup = nullptr;
    QWidget *m_colourRow = nullptr;
    QToolButton *m_customColour = nullptr;
    QGroupBox *m_tls = nullptr;
    QLineEdit *m_caFile = nullptr;
    QLineEdit *m_certFile = nullptr;
    QLineEdit *m_keyFile = nullptr;
    QLineEdit *m_serverName = nullptr;
    QCheckBox *m_verify = nullptr;
    QLabel *m_verifyWarning = nullptr;
    QGroupBox *m_sentinel = nullptr;
    QLineEdit *m_sentinels = nullptr;
    QLineEdit *m_masterName = nullptr;
    QLineEdit *m_sentinelUsername = nullptr;
    QLineEdit *m_sentinelPassword = nullptr;
    QLabel *m_sentinelError = nullptr;
    QCheckBox *m_readOnly = nullptr;
    QPushButton *m_testButton = nullptr;
    QLabel *m_testResult = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPointer<RedisConnection> m_testConnection;
    QPointer<SentinelClient> m_testSentinel;
};
