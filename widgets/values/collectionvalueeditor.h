#pragma once

#include "collectionmodel.h"
#include "writeresult.h"

#include <QByteArray>
#include <QPointer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class RedisConnection;

// Shows and edits the elements of a hash, list, set or sorted set: a table that loads a page at a
// time as it is scrolled (CollectionModel), a search box (a glob, or the exact element for lists),
// and add / edit / delete of single elements (plus increment for scores). Every write touches one
// element; a dialog stays open with the error when the server refused or the element had changed.
class CollectionValueEditor : public QWidget
{
    Q_OBJECT
public:
    CollectionValueEditor(RedisConnection *connection, QByteArray key, CollectionModel::Kind kind,
                          QWidget *parent = nullptr);

    CollectionModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QString statusText() const;

    void search(const QString &escapedFilter);
    void addElement();
    void editCurrent();
    void deleteCurrent();
    void incrementCurrent();

private:
    void updateStatus();
    void updateActions();
    void report(const WriteResult &result);

    CollectionModel *m_model = nullptr;
    bool m_writable = false;
    QLineEdit *m_filter = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_error = nullptr;
    QPushButton *m_reload = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_edit = nullptr;
    QPushButton *m_delete = nullptr;
    QPushButton *m_increment = nullptr;
    QTableView *m_view = nullptr;
};
