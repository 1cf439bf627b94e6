#include "keybrowserpage.h"

#include "appsettings.h"
#include "bulkdeletedialog.h"
#include "bytesescaper.h"
#include "databaseselector.h"
#include "keydetailspanel.h"
#include "keyoperations.h"
#include "keyscanner.h"
#include "keytreemodel.h"
#include "newkeydialog.h"
#include "redisconnection.h"
#include "renamekeydialog.h"
#include "widgetstyle.h"

#include <QAction>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

namespace {
constexpr int kMaxMetadataRows = 200;
} // namespace

KeyBrowserPage::KeyBrowserPage(Session *session, QWidget *parent) : SessionPage(session, parent)
{
    auto *layout = new QVBoxLayout(this);

    auto *filterBar = new QHBoxLayout;
    m_database = new DatabaseSelector(session, this);
    filterBar->addWidget(m_database);
    m_pattern = new QLineEdit(this);
    m_pattern->setPlaceholderText(tr("Filter: a glob pattern such as app:user:* (empty: every key)"));
    m_pattern->setClearButtonEnabled(true);
    WidgetStyle::setAccessible(m_pattern, tr("Key filter (glob pattern)"));
    filterBar->addWidget(m_pattern, 3);
    m_type = new QComboBox(this);
    m_type->addItem(tr("All types"), QString());
    for (const char *type : {"string", "hash", "list", "set", "zset", "stream"})
        m_type->addItem(QString::fromLatin1(type), QString::fromLatin1(type));
    filterBar->addWidget(m_type);
    auto *scan = new QPushButton(tr("Scan"), this);
    scan->setToolTip(tr("Scan again with this filter (F5)"));
    filterBar->addWidget(scan);
    m_goTo = new QLineEdit(this);
    WidgetStyle::setAccessible(m_goTo, tr("Go to key"));
    m_goTo->setPlaceholderText(tr("Go to key…"));
    m_goTo->setToolTip(tr("Open one key by its exact name, without scanning"));
    filterBar->addWidget(m_goTo, 2);
    layout->addLayout(filterBar);

    auto *scanBar = new QHBoxLayout;
    m_status = WidgetStyle::plainLabel(this, {}, WidgetStyle::Wrap::None);
    scanBar->addWidget(m_status, 1);
    m_loadMore = new QPushButton(tr("Load more"), this);
    m_loadAll = new QPushButton(tr("Load all"), this);
    m_stop = new QPushButton(tr("Stop"), this);
    for (QPushButton *button : {m_loadMore, m_loadAll, m_stop})
        scanBar->addWidget(button);
    scanBar->addSpacing(12);
    auto *delimitersLabel = WidgetStyle::plainLabel(this, tr("Delimiters"), WidgetStyle::Wrap::None);
    scanBar->addWidget(delimitersLabel);
    m_delimiters = new QLineEdit(QStringLiteral(":"), this);
    m_delimiters->setToolTip(tr("Each character splits key names into folders, e.g. :/"));
    m_delimiters->setMaximumWidth(60);
    delimitersLabel->setBuddy(m_delimiters);
    scanBar->addWidget(m_delimiters);
    m_flat = new QCheckBox(tr("Flat list"), this);
    scanBar->addWidget(m_flat);
    m_hex = new QCheckBox(tr("Hex"), this);
    m_hex->setToolTip(tr("Show key names as hexadecimal bytes"));
    scanBar->addWidget(m_hex);
    layout->addLayout(scanBar);

    auto *splitter = new QSplitter(this);
    m_view = new QTreeView(splitter);
    WidgetStyle::setAccessible(m_view, tr("Keys"),
                               tr("A row is a folder of keys or one key: type, TTL, memory"));
    m_view->setUniformRowHeights(true);
    m_view->setAllColumnsShowFocus(true);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_details = new KeyDetailsPanel(nullptr, splitter);
    splitter->addWidget(m_view);
    splitter->addWidget(m_details);
    // The value editors need room as much as the tree does.
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    layout->addWidget(splitter, 1);

    m_metadataTimer = new QTimer(this);
    m_metadataTimer->setSingleShot(true);
    m_metadataTimer->setInterval(100);
    connect(m_metadataTimer, &QTimer::timeout, this, &KeyBrowserPage::requestVisibleMetadata);
    m_ttlTimer = new QTimer(this); // TTLs count down on screen
    m_ttlTimer->setInterval(1000);
    connect(m_ttlTimer, &QTimer::timeout, m_view->viewport(), qOverload<>(&QWidget::update));
    m_ttlTimer->start();

    connect(scan, &QPushButton::clicked, this, &KeyBrowserPage::rescan);
    connect(m_pattern, &QLineEdit::returnPressed, this, &KeyBrowserPage::rescan);
    connect(m_type, &QComboBox::activated, this, &KeyBrowserPage::rescan);
    connect(m_goTo, &QLineEdit::returnPressed, this, [this] { goToKey(m_goTo->text()); });
    connect(m_loadMore, &QPushButton::clicked, this, [this] { m_scanner->loadMore(); });
    connect(m_loadAll, &QPushButton::clicked, this, [this] { m_scanner->loadAll(); });
    connect(m_stop, &QPushButton::clicked, this, [this] { m_scanner->cancel(); });
    connect(m_delimiters, &QLineEdit::editingFinished, this, &KeyBrowserPage::applyDelimiters);
    connect(m_flat, &QCheckBox::toggled, this, &KeyBrowserPage::applyDelimiters);
    connect(m_hex, &QCheckBox::toggled, this, [this](bool hex) { m_model->setHexDisplay(hex); });
    connect(m_database, &DatabaseSelector::databaseSelected, this, &KeyBrowserPage::rescan);
    connect(m_database, &DatabaseSelector::selectFailed, this, [this](const QString &message) {
        m_error = message;
        onScanProgress();
    });
    connect(m_view, &QTreeView::customContextMenuRequested, this, &KeyBrowserPage::showContextMenu);
    connect(m_view, &QTreeView::expanded, m_metadataTimer, qOverload<>(&QTimer::start));
    connect(m_view->verticalScrollBar(), &QScrollBar::valueChanged, m_metadataTimer,
            qOverload<>(&QTimer::start));
    connect(m_details, &KeyDetailsPanel::keyMissing, this,
            [this](const QByteArray &key) { m_model->removeKey(key); });
    connect(session, &Session::ready, this, &KeyBrowserPage::onSessionReady);
    connect(session, &Session::mastersChanged, this, &KeyBrowserPage::rescan); // a failover: the new masters
    connect(session, &Session::errorOccurred, this, [this](const ConnectionError &error) {
        m_error = tr("not connected: %1").arg(error.message);
        onScanProgress();
    });
    createActions();
    rebuildScanner();
    if (session->isReady())
        onSessionReady();
}

QString KeyBrowserPage::title() const
{
    return tr("Keys");
}

void KeyBrowserPage::applySettings(const AppSettings &settings)
{
    setScanCount(settings.scanCount);
    m_details->setPreviewThreshold(settings.previewThreshold);
    const State fresh;
    if (state().pattern == fresh.pattern && state().delimiters == fresh.delimiters &&
        settings.delimiters != fresh.delimiters) {
        m_delimiters->setText(settings.delimiters);
        applyDelimiters();
    }
}

void KeyBrowserPage::onSessionReady()
{
    m_connection = session()->connection();
    updateActions();
    rescan();
}

KeyBrowserPage::~KeyBrowserPage()
{
    delete m_model; // before the scanner whose keys it shows
}

void KeyBrowserPage::createActions()
{
    const bool writable = !session()->isReadOnly();
    const auto make = [this](const QString &text, const QKeySequence &shortcut, QWidget *owner,
                             void (KeyBrowserPage::*slot)()) {
        auto *action = new QAction(text, this);
        action->setShortcut(shortcut);
        action->setShortcutContext(owner == this ? Qt::WidgetWithChildrenShortcut : Qt::WidgetShortcut);
        owner->addAction(action);
        connect(action, &QAction::triggered, this, slot);
        return action;
    };
    m_newAction = make(tr("New key…"), QKeySequence::New, this, &KeyBrowserPage::newKey);
    m_renameAction = make(tr("Rename…"), QKeySequence(Qt::Key_F2), m_view, &KeyBrowserPage::renameKey);
    m_deleteAction = make(tr("Delete…"), QKeySequence::Delete, m_view, &KeyBrowserPage::deleteCurrent);
    m_copyAction = make(tr("Copy name"), QKeySequence::Copy, m_view, &KeyBrowserPage::copyName);
    m_refreshFolderAction = make(tr("Refresh folder"), {}, m_view, &KeyBrowserPage::refreshFolder);
    m_rescanAction = make(tr("Scan again"), QKeySequence::Refresh, this, &KeyBrowserPage::rescan);
    m_bulkDeleteAction = new QAction(tr("Delete keys matching a pattern…"), this);
    connect(m_bulkDeleteAction, &QAction::triggered, this, [this] {
        const QByteArray prefix = currentFolderPrefix();
        bulkDelete(prefix.isEmpty() ? m_pattern->text()
                                    : BytesEscaper::escapePattern(KeyScanner::escapeGlob(prefix) + '*'));
    });
    for (QAction *action : {m_newAction, m_renameAction, m_deleteAction, m_bulkDeleteAction}) {
        if (!writable)
            action->setToolTip(tr("This connection is read-only."));
    }
    updateActions();
}

void KeyBrowserPage::rebuildScanner()
{
    KeyScanner::Options options;
    const std::optional<QByteArray> pattern = BytesEscaper::unescapePattern(m_pattern->text());
    options.pattern = pattern && !pattern->isEmpty() ? *pattern : QByteArray("*");
    options.type = m_type->currentData().toString().toLatin1();
    options.count = m_scanCount;

    delete m_model;
    delete m_scanner;
    m_scanner = new KeyScanner(scanNodes(), options, this);
    m_model = new KeyTreeModel(m_scanner, m_connection, this);
    m_model->setKeyRouter(keyRouter());
    m_model->setHexDisplay(m_hex->isChecked());
    m_model->setDelimiters(m_flat->isChecked() ? QByteArray() : m_delimiters->text().toUtf8());

    QItemSelectionModel *oldSelection = m_view->selectionModel();
    m_view->setModel(m_model);
    delete oldSelection;
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(KeyTreeModel::NameColumn, QHeaderView::Stretch);
    for (int column : {KeyTreeModel::TypeColumn, KeyTreeModel::TtlColumn, KeyTreeModel::MemoryColumn})
        m_view->header()->setSectionResizeMode(column, QHeaderView::ResizeToContents);

    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &KeyBrowserPage::onCurrentChanged);
    connect(m_scanner, &KeyScanner::progress, this, &KeyBrowserPage::onScanProgress);
    connect(m_scanner, &KeyScanner::stopped, this, &KeyBrowserPage::onScanStopped);
    connect(m_scanner, &KeyScanner::failed, this, [this](const QString &message) {
        m_error = message;
        onScanProgress();
    });
    connect(m_model, &QAbstractItemModel::layoutChanged, m_metadataTimer, qOverload<>(&QTimer::start));
    connect(m_model, &QAbstractItemModel::modelReset, m_metadataTimer, qOverload<>(&QTimer::start));
    connect(m_model, &QAbstractItemModel::rowsInserted, m_metadataTimer, qOverload<>(&QTimer::start));
    connect(m_model, &KeyTreeModel::idle, this, &KeyBrowserPage::onScanProgress);
    m_details->clear();
    onScanProgress();
}

void KeyBrowserPage::setScanCount(int count)
{
    if (count == m_scanCount)
        return;
    m_scanCount = count;
    if (!m_scanner->isRunning() && m_scanner->keys().size() == 0)
        rebuildScanner();
}

void KeyBrowserPage::rescan()
{
    if (!BytesEscaper::unescapePattern(m_pattern->text())) {
        m_status->setText(tr("The filter is not valid: \\xHH needs two hex digits, and a \\ must be followed "
                             "by a character."));
        return;
    }
    m_error.clear();
    rebuildScanner();
    if (m_connection && m_connection->isReady())
        m_scanner->loadPage();
    updateActions();
}

void KeyBrowserPage::applyDelimiters()
{
    m_model->setDelimiters(m_flat->isChecked() ? QByteArray() : m_delimiters->text().toUtf8());
}

void KeyBrowserPage::onScanProgress()
{
    m_status->setText(statusText());
    updateActions();
}

QString KeyBrowserPage::statusText() const
{
    const QLocale locale;
    const qsizetype loaded = m_scanner->keys().size();
    QString text;
    const bool filtered = m_scanner->options().pattern != "*" || !m_scanner->options().type.isEmpty();
    if (m_scanner->total() < 0)
        text = tr("%1 keys loaded").arg(locale.toString(loaded));
    else if (filtered)
        text = tr("%1 matching keys loaded (the database holds %2)")
                   .arg(locale.toString(loaded), locale.toString(m_scanner->total()));
    else
        text = tr("%1 of %2 keys loaded").arg(locale.toString(loaded), locale.toString(m_scanner->total()));
    if (m_scanner->isRunning())
        text += tr(" — scanning…");
    else if (m_scanner->isComplete())
        text += tr(" — complete");
    if (m_model->isBusy())
        text += tr(" — building the tree…");
    if (!m_error.isEmpty())
        text += QStringLiteral(" — ") + m_error;
    return text;
}

void KeyBrowserPage::onScanStopped()
{
    m_database->refreshKeyspace();
    onScanProgress();
    m_metadataTimer->start();
    emit scanStopped();
}

void KeyBrowserPage::updateActions()
{
    const bool ready = m_connection && m_connection->isReady();
    const bool writable = ready && !session()->isReadOnly();
    const bool running = m_scanner && m_scanner->isRunning();
    const bool complete = m_scanner && m_scanner->isComplete();
    m_loadMore->setEnabled(ready && !running && !complete);
    m_loadAll->setEnabled(ready && !complete);
    m_stop->setEnabled(running);
    const QModelIndex current = m_view->currentIndex();
    const bool isKey = current.isValid() && !m_model->isFolder(current);
    const bool isFolder = current.isValid() && m_model->isFolder(current);
    m_newAction->setEnabled(writable);
    m_renameAction->setEnabled(writable && isKey);
    m_deleteAction->setEnabled(writable && (isKey || isFolder));
    m_bulkDeleteAction->setEnabled(writable);
    m_copyAction->setEnabled(current.isValid());
    m_refreshFolderAction->setEnabled(ready && isFolder);
}

void KeyBrowserPage::onCurrentChanged()
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid())
        m_details->clear();
    else if (m_model->isFolder(current))
        m_details->showFolder(m_model->folderPrefix(current),
                              current.data(KeyTreeModel::KeyCountRole).toLongLong());
    else
        showKey(m_model->keyAt(current));
    updateActions();
}

void KeyBrowserPage::requestVisibleMetadata()
{
    QModelIndexList rows;
    const int bottom = m_view->viewport()->height();
    for (QModelIndex index = m_view->indexAt(QPoint(0, 0));
         index.isValid() && m_view->visualRect(index).top() < bottom && rows.size() < kMaxMetadataRows;
         index = m_view->indexBelow(index))
        rows.append(index);
    m_model->requestMetadata(rows);
}

void KeyBrowserPage::setKeyspace(const QList<ServerInfo::Keyspace> &keyspace)
{
    m_database->setKeyspace(keyspace);
}

QByteArray KeyBrowserPage::currentKey() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? m_model->keyAt(current) : QByteArray();
}

QByteArray KeyBrowserPage::currentFolderPrefix() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? m_model->folderPrefix(current) : QByteArray();
}

void KeyBrowserPage::selectKey(const QByteArray &key)
{
    const QModelIndex index = m_model->revealKey(key);
    if (!index.isValid()) {
        showKey(key);
        return;
    }
    for (QModelIndex parent = index.parent(); parent.isValid(); parent = parent.parent())
        m_view->expand(parent);
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index);
}

void KeyBrowserPage::goToKey(const QString &escapedName)
{
    const std::optional<QByteArray> key = BytesEscaper::unescape(escapedName);
    if (!key || key->isEmpty()) {
        m_status->setText(tr("Type a key name (\\xHH for bytes that are not text)."));
        return;
    }
    RedisConnection *holder = connectionFor(*key);
    if (!holder || !holder->isReady())
        return;
    holder->command({"TYPE", *key}, this, [this, name = *key](const RedisReply &reply) {
        if (reply.isError()) {
            m_status->setText(tr("Could not look up the key: %1").arg(reply.errorMessage()));
            return;
        }
        if (reply.bytes() == "none") {
            m_status->setText(
                tr("No key named “%1” in db%2.").arg(BytesEscaper::escape(name)).arg(m_database->database()));
            return;
        }
        m_model->addKey(name);
        selectKey(name);
        showKey(name);
    });
}

QList<RedisConnection *> KeyBrowserPage::scanNodes() const
{
    return session() ? session()->scanConnections() : QList<RedisConnection *>();
}

RedisConnection *KeyBrowserPage::connectionFor(const QByteArray &key) const
{
    RedisConnection *holder = session() ? session()->connectionForKey(key) : nullptr;
    return holder ? holder : m_connection.data();
}

std::function<RedisConnection *(const QByteArray &key)> KeyBrowserPage::keyRouter() const
{
    return [page = QPointer<const KeyBrowserPage>(this)](const QByteArray &key) -> RedisConnection * {
        return page ? page->connectionFor(key) : nullptr;
    };
}

void KeyBrowserPage::showKey(const QByteArray &key)
{
    m_details->setConnection(connectionFor(key));
    m_details->showKey(key);
}

void KeyBrowserPage::showContextMenu(const QPoint &pos)
{
    const QModelIndex index = m_view->indexAt(pos);
    if (index.isValid())
        m_view->setCurrentIndex(index);
    updateActions();
    QMenu menu(this);
    menu.addAction(m_newAction);
    if (index.isValid()) {
        menu.addAction(m_renameAction);
        menu.addAction(m_deleteAction);
        menu.addAction(m_copyAction);
        if (m_model->isFolder(index))
            menu.addAction(m_refreshFolderAction);
    }
    menu.addSeparator();
    menu.addAction(m_bulkDeleteAction);
    menu.addAction(m_rescanAction);
    menu.exec(m_view->viewport()->mapToGlobal(pos));
}

void KeyBrowserPage::newKey()
{
    if (!m_newAction->isEnabled())
        return;
    auto *dialog = new NewKeyDialog(session(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QModelIndex current = m_view->currentIndex();
    QByteArray prefix = currentFolderPrefix();
    if (prefix.isEmpty() && current.parent().isValid())
        prefix = m_model->folderPrefix(current.parent());
    dialog->setInitialName(BytesEscaper::escape(prefix));
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const QByteArray key = dialog->createdKey();
        m_model->addKey(key);
        selectKey(key);
    });
    dialog->open();
}

void KeyBrowserPage::renameKey()
{
    const QByteArray key = currentKey();
    if (key.isEmpty() || !m_renameAction->isEnabled())
        return;
    auto *dialog = new RenameKeyDialog(connectionFor(key), key, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, key] {
        const QByteArray renamed = dialog->newName();
        m_model->removeKey(key);
        m_model->addKey(renamed);
        selectKey(renamed);
    });
    dialog->open();
}

void KeyBrowserPage::deleteCurrent()
{
    if (!m_deleteAction->isEnabled())
        return;
    const QByteArray prefix = currentFolderPrefix();
    if (!prefix.isEmpty()) {
        bulkDelete(BytesEscaper::escapePattern(KeyScanner::escapeGlob(prefix) + '*'));
        return;
    }
    const QByteArray key = currentKey();
    if (key.isEmpty())
        return;
    QMessageBox *box = WidgetStyle::messageBox(
        this, QMessageBox::Question, tr("Delete key"),
        tr("Delete the key “%1”? This cannot be undone.").arg(BytesEscaper::escape(key)),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    connect(box, &QMessageBox::finished, this, [this, box, key] {
        if (box->standardButton(box->clickedButton()) != QMessageBox::Yes)
            return;
        // On the key's own master in a cluster.
        auto *operations = new KeyOperations(connectionFor(key), this);
        operations->remove({key}, this, [this, key, operations](const KeyOperations::Result &result) {
            operations->deleteLater();
            if (result.outcome == KeyOperations::Outcome::Failed) {
                m_status->setText(result.message);
                return;
            }
            m_model->removeKey(key);
            m_details->clear();
            m_status->setText(tr("Deleted “%1”.").arg(BytesEscaper::escape(key)));
        });
    });
    box->open();
}

void KeyBrowserPage::copyName()
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid())
        return;
    const QByteArray bytes =
        m_model->isFolder(current) ? m_model->folderPrefix(current) : m_model->keyAt(current);
    QGuiApplication::clipboard()->setText(BytesEscaper::escape(bytes));
}

void KeyBrowserPage::bulkDelete(const QString &pattern)
{
    if (!m_bulkDeleteAction->isEnabled())
        return;
    auto *dialog = new BulkDeleteDialog(session(), pattern, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &BulkDeleteDialog::keysDeleted, this, &KeyBrowserPage::rescan);
    dialog->open();
}

void KeyBrowserPage::refreshFolder()
{
    const QModelIndex folder = m_view->currentIndex();
    const QByteArray prefix = currentFolderPrefix();
    if (prefix.isEmpty() || !m_connection)
        return;
    // Rescans just this prefix, then reconciles: keys gone are removed, new ones added.
    const QList<QByteArray> before = m_model->keysUnder(folder);
    KeyScanner::Options options = m_scanner->options();
    options.pattern = KeyScanner::escapeGlob(prefix) + '*';
    auto *refresh = new KeyScanner(scanNodes(), options, this);
    connect(refresh, &KeyScanner::stopped, this, [this, refresh, before] {
        refresh->deleteLater();
        if (!refresh->isComplete())
            return;
        QList<QByteArray> found;
        found.reserve(refresh->keys().size());
        for (qsizetype i = 0; i < refresh->keys().size(); ++i)
            found.append(refresh->keys().copyAt(i));
        for (const QByteArray &key : before) {
            if (!refresh->keys().contains(key))
                m_model->removeKey(key);
        }
        m_model->addKeys(found);
        onScanProgress();
    });
    connect(refresh, &KeyScanner::failed, this, [this](const QString &message) {
        m_error = message;
        onScanProgress();
    });
    refresh->loadAll();
}

KeyBrowserPage::State KeyBrowserPage::state() const
{
    return {m_pattern->text(), m_type->currentData().toString(), m_delimiters->text(), m_flat->isChecked(),
            m_hex->isChecked()};
}

void KeyBrowserPage::setState(const State &state)
{
    m_pattern->setText(state.pattern);
    m_type->setCurrentIndex(std::max(0, m_type->findData(state.type)));
    m_delimiters->setText(state.delimiters);
    {
        const QSignalBlocker flat(m_flat);
        const QSignalBlocker hex(m_hex);
        m_flat->setChecked(state.flat);
        m_hex->setChecked(state.hex);
    }
    rescan();
}
