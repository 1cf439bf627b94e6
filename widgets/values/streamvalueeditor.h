#pragma once

#include "streammodel.h"

#include <QByteArray>
#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;
class QTableWidget;
class QTreeWidget;
class RedisConnection;

// Shows a stream: its entries newest first (loaded as the table is scrolled) with add and delete,
// and its consumer groups with their consumers and, for the selected group, the pending entries.
class StreamValueEditor : public QWidget
{
    Q_OBJECT
public:
    StreamValueEditor(RedisConnection *connection, QByteArray key, QWidget *parent = nullptr);

    StreamModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QTreeWidget *groups() const { return m_groups; }
    QTableWidget *pending() const { return m_pending; }
    QString statusText() const;

    void addEntry();
    void deleteCurrent();
    void refreshGroups();

signals:
    void groupsRefreshed();

private:
    void updateStatus();
    void showPending(const QByteArray &group);
    void setError(const QString &message);

    StreamModel *m_model = nullptr;
    bool m_writable = false;
    QLabel *m_status = nullptr;
    QLabel *m_error = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_delete = nullptr;
    QTableView *m_view = nullptr;
    QTreeWidget *m_groups = nullptr;
    QTableWidget *m_pending = nullptr;
    quint64 m_groupsGeneration = 0;
};
