#pragma once

#include "sessionpage.h"

#include <QByteArray>
#include <QMessageBox>
#include <QPointer>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTabWidget;
class QTableView;
class RecordTableModel;
class RedisConnection;
class RedisReply;

// The server's own tables, each loaded when its tab is shown or refreshed (never polled): INFO fields
// (section, field, value) with search; CONFIG GET * with search and CONFIG SET after a confirmation;
// SLOWLOG GET (the latest 128) with command, duration and client, reset after a confirmation; CLIENT LIST
// with search and CLIENT KILL after a confirmation. Writes are disabled on a read-only connection (which
// would refuse them anyway). Everything the server sent is shown as plain text.
class ServerAdminPage : public SessionPage
{
    Q_OBJECT
public:
    enum Tab { Info, Config, Slowlog, Clients };
    static constexpr int kSlowlogEntries = 128;

    // A node chooser above the tables lists the session's nodes (kept current; one entry for a single
    // server); the tables and writes are for the node chosen, the session's default node first.
    explicit ServerAdminPage(Session *session, QWidget *parent = nullptr);

    QString title() const override;
    QComboBox *nodeChooser() const { return m_node; }
    // The connection to the node whose tables are shown (Session::connectionTo of the node chosen).
    RedisConnection *currentConnection() const;

    void showTab(Tab tab);
    // Reloads the current tab (loaded() when its reply is shown).
    void refresh();
    QTableView *table(Tab tab) const;
    QLineEdit *filter(Tab tab) const;
    QLabel *errorLabel() const { return m_error; }
    QLabel *slowlogSummary() const { return m_slowlogSummary; }
    // The confirmation asked before a write (nullptr when none is open).
    QMessageBox *question() const { return m_question; }

    // Each asks first, then writes and reloads its table.
    void setConfig(const QString &name, const QString &value);
    void editSelectedConfig();
    void resetSlowlog();
    void killClient(qint64 id);
    void killSelectedClient();

signals:
    void loaded(ServerAdminPage::Tab tab);
    // A confirmed write was answered (ok false: the error is in errorLabel()).
    void written(bool ok);

protected:
    void showEvent(QShowEvent *event) override;

private:
    struct View
    {
        QLineEdit *filter = nullptr;
        QTableView *table = nullptr;
        RecordTableModel *model = nullptr;
        QSortFilterProxyModel *proxy = nullptr;
    };
    View addView(QWidget *tab, const QString &name, const QStringList &headers, bool searchable);
    void load(Tab tab);
    void showInfo(const RedisReply &reply);
    void showConfig(const RedisReply &reply);
    void showSlowlog(const QList<RedisReply> &replies);
    void showClients(const RedisReply &reply);
    bool checkReply(const RedisReply &reply);
    void ask(const QString &title, const QString &text, const QList<QByteArray> &command, Tab reload);
    QVariantList selectedRecord(Tab tab) const;
    void updateActions();
    // Shows the tables of this connection's server (reloaded when it is ready).
    void watch(RedisConnection *connection);
    void fillNodes();
    void onNodeChosen(int index);

    QPointer<RedisConnection> m_connection;
    QMetaObject::Connection m_readyConnection;
    QByteArray m_nodeId; // the node chosen, among Session::nodes()
    QComboBox *m_node = nullptr;
    QTabWidget *m_tabs = nullptr;
    View m_views[4];
    QLabel *m_error = nullptr;
    QLabel *m_slowlogSummary = nullptr;
    QPushButton *m_editConfig = nullptr;
    QPushButton *m_resetSlowlog = nullptr;
    QPushButton *m_kill = nullptr;
    QPointer<QMessageBox> m_question;
    qint64 m_ownClientId = -1;
    bool m_loadedOnce[4] = {};
};
