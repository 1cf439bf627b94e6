#pragma once

#include "serverinfo.h"
#include "sessionpage.h"

#include <functional>
#include <QByteArray>
#include <QList>
#include <QPointer>

class DatabaseSelector;
class KeyDetailsPanel;
class KeyOperations;
class KeyScanner;
class KeyTreeModel;
class QAction;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTimer;
class QTreeView;
class RedisConnection;

// The key browser: a filter bar (database, MATCH pattern, TYPE), the namespace tree of what SCAN
// found (KeyTreeModel), and the details of the current key. Loads one page of keys at first; "Load
// more" / "Load all" / "Stop" drive the scan. Metadata columns are fetched for the rows on screen
// only. Keyboard: type-ahead in the tree, Delete, F2 (rename), F5 (rescan), Ctrl+N (new key).
class KeyBrowserPage : public SessionPage
{
    Q_OBJECT
public:
    // What the page remembers per connection.
    struct State
    {
        QString pattern; // escaped text, as typed
        QString type;    // "" = every type
        QString delimiters = QStringLiteral(":");
        bool flat = false;
        bool hex = false;
    };

    explicit KeyBrowserPage(Session *session, QWidget *parent = nullptr);
    ~KeyBrowserPage() override;

    QString title() const override;
    // Scan count, delimiters (of a page still in its fresh state), preview threshold of the values.
    void applySettings(const AppSettings &settings) override;

    State state() const;
    void setState(const State &state);

    // Key counts per database, from INFO keyspace summed over the masters (asked when the session is
    // ready and after every scan).
    void setKeyspace(const QList<ServerInfo::Keyspace> &keyspace);
    // SCAN … COUNT of the scan not started yet, else of the next one (F5 or a new filter).
    void setScanCount(int count);
    // Starts over: a fresh SCAN with the current filter (F5).
    void rescan();
    // Goes to one key by name, without scanning: TYPE tells whether it exists.
    void goToKey(const QString &escapedName);

    KeyTreeModel *model() const { return m_model; }
    KeyScanner *scanner() const { return m_scanner; }
    QTreeView *view() const { return m_view; }
    KeyDetailsPanel *details() const { return m_details; }
    QString statusText() const;

signals:
    // The scan stopped (page loaded, all loaded, cancelled or failed) and the tree holds what it found.
    void scanStopped();

private:
    void createActions();
    void onSessionReady();
    void rebuildScanner();
    void applyDelimiters();
    void onScanProgress();
    void onScanStopped();
    void onCurrentChanged();
    void requestVisibleMetadata();
    void updateActions();
    void showContextMenu(const QPoint &pos);
    QByteArray currentKey() const;
    // The nodes to SCAN: every master of a cluster, or the one server.
    QList<RedisConnection *> scanNodes() const;
    // The connection that holds key (its slot's master in a cluster).
    RedisConnection *connectionFor(const QByteArray &key) const;
    std::function<RedisConnection *(const QByteArray &key)> keyRouter() const;
    void showKey(const QByteArray &key);
    QByteArray currentFolderPrefix() const;
    void selectKey(const QByteArray &key);

    void newKey();
    void renameKey();
    void deleteCurrent();
    void copyName();
    void bulkDelete(const QString &pattern);
    void refreshFolder();

    QPointer<RedisConnection> m_connection; // the session's default node, taken again on ready()
    int m_scanCount = 1000;
    KeyScanner *m_scanner = nullptr; // replaced when the filter changes
    KeyTreeModel *m_model = nullptr;
    QString m_error;

    DatabaseSelector *m_database = nullptr;
    QLineEdit *m_pattern = nullptr;
    QComboBox *m_type = nullptr;
    QLineEdit *m_goTo = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_loadMore = nullptr;
    QPushButton *m_loadAll = nullptr;
    QPushButton *m_stop = nullptr;
    QLineEdit *m_delimiters = nullptr;
    QCheckBox *m_flat = nullptr;
    QCheckBox *m_hex = nullptr;
    QTreeView *m_view = nullptr;
    KeyDetailsPanel *m_details = nullptr;
    QTimer *m_metadataTimer = nullptr;
    QTimer *m_ttlTimer = nullptr;

    QAction *m_newAction = nullptr;
    QAction *m_renameAction = nullptr;
    QAction *m_deleteAction = nullptr;
    QAction *m_copyAction = nullptr;
    QAction *m_bulkDeleteAction = nullptr;
    QAction *m_refreshFolderAction = nullptr;
    QAction *m_rescanAction = nullptr;
};
