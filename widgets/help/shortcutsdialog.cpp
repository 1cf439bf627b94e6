#include "shortcutsdialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QRegularExpression>
#include <QShortcut>
#include <QTreeWidget>
#include <QVBoxLayout>

QList<ShortcutsDialog::Entry> ShortcutsDialog::collect(const QObject *root, Qt::FindChildOptions options)
{
    QList<Entry> entries;
    const auto add = [&entries](QString text, const QKeySequence &keys) {
        if (keys.isEmpty() || text.isEmpty())
            return;
        text.remove(QRegularExpression(QStringLiteral("&(?!&)")));
        for (const Entry &entry : std::as_const(entries))
            if (entry.action == text && entry.keys == keys)
                return;
        entries.append({text, keys});
    };
    for (const QAction *action : root->findChildren<QAction *>(QString(), options))
        for (const QKeySequence &keys : action->shortcuts())
            add(action->text(), keys);
    for (const QShortcut *shortcut : root->findChildren<QShortcut *>(QString(), options))
        add(shortcut->whatsThis(), shortcut->key());
    return entries;
}

ShortcutsDialog::ShortcutsDialog(const QList<Area> &areas, QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Keyboard shortcuts"));
    auto *layout = new QVBoxLayout(this);
    m_tree = new QTreeWidget(this);
    m_tree->setHeaderLabels({tr("Action"), tr("Shortcut")});
    m_tree->setRootIsDecorated(false);
    m_tree->setSelectionMode(QAbstractItemView::NoSelection);
    for (const Area &area : areas) {
        if (area.entries.isEmpty())
            continue;
        auto *group = new QTreeWidgetItem(m_tree, {area.name});
        QFont bold = group->font(0);
        bold.setBold(true);
        group->setFont(0, bold);
        group->setFirstColumnSpanned(true);
        for (const Entry &entry : area.entries)
            new QTreeWidgetItem(group, {entry.action, entry.keys.toString(QKeySequence::NativeText)});
    }
    m_tree->expandAll();
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    layout->addWidget(m_tree);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(460, 520);
}
