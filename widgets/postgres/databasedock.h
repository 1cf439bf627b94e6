#pragma once

#include <QPointer>
#include <QWidget>

class PostgresPage;
class ProfileStore;
class QLabel;
class QLineEdit;
class QPushButton;
class QVBoxLayout;

// The PostgreSQL behind the cache, beside whatever Redis connection is open: a connection line (postgres://
// URL or key=value conninfo) and a password, then the PostgresPage for it. The line is remembered without
// its password (QSettings "postgres/"); the password goes to the keychain through ProfileStore. Reopens by
// itself at start when it was open at exit.
class DatabaseDock : public QWidget
{
    Q_OBJECT
public:
    DatabaseDock(ProfileStore *store, bool persist, QWidget *parent = nullptr);
    ~DatabaseDock() override;

    static constexpr const char *kPasswordId = "postgres-panel";

    // Opens the panel for the line and password typed (an error under the line if it cannot be read).
    void open();
    void close();
    PostgresPage *page() const;
    QLineEdit *target() const { return m_target; }
    QLineEdit *password() const { return m_password; }
    QLabel *errorLabel() const { return m_error; }

private:
    void updateButtons();

    ProfileStore *m_store = nullptr;
    bool m_persist = true;
    QLineEdit *m_target = nullptr;
    QLineEdit *m_password = nullptr;
    QPushButton *m_open = nullptr;
    QPushButton *m_close = nullptr;
    QLabel *m_error = nullptr;
    QVBoxLayout *m_layout = nullptr;
    QPointer<PostgresPage> m_page;
};
