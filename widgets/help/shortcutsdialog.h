#pragma once

#include <QDialog>
#include <QKeySequence>
#include <QList>
#include <QString>

class QTreeWidget;

// The keyboard shortcuts of the window, by area (main window, then each page), as the actions and
// shortcuts really are: the caller collects them from the live widgets, so the list cannot go stale.
class ShortcutsDialog : public QDialog
{
    Q_OBJECT
public:
    struct Entry
    {
        QString action; // e.g. "Delete…" (mnemonic ampersands are removed)
        QKeySequence keys;
        bool operator==(const Entry &other) const = default;
    };
    struct Area
    {
        QString name;
        QList<Entry> entries;
    };

    // Every QAction (with its text) and QShortcut (with its whatsThis) under root that has keys.
    static QList<Entry> collect(const QObject *root,
                                Qt::FindChildOptions options = Qt::FindChildrenRecursively);

    explicit ShortcutsDialog(const QList<Area> &areas, QWidget *parent = nullptr);

    QTreeWidget *tree() const { return m_tree; }

private:
    QTreeWidget *m_tree = nullptr;
};
