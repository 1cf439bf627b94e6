#include "streamvalueeditor.h"

#include "bytesescaper.h"
#include "elementdialog.h"
#include "redisconnection.h"
#include "serverinfo.h"
#include "widgetstyle.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTableWidget>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace {

// "field value" per line, both escaped; a space inside a name is written \x20.
std::optional<StreamModel::Fields> parseFields(const QString &text, QString *error)
{
    StreamModel::Fields fields;
    for (const QString &line : text.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const qsizetype space = line.indexOf(QLatin1Char(' '));
        const auto name = BytesEscaper::unescape(space < 0 ? line : line.left(space));
        const auto value = BytesEscaper::unescape(space < 0 ? QString() : line.mid(space + 1));
        if (!name || !value || name->isEmpty()) {
            *error = StreamValueEditor::tr(
                         "Each line is a field name, a space, then the value (\\xHH for any byte): "
                         "“%1” is not.")
                         .arg(line);
            return std::nullopt;
        }
        fields.append({*name, *value});
    }
    return fields;
}

QString duration(qint64 ms)
{
    return ServerInfo::formatDuration(ms / 1000);
}

} // namespace

StreamValueEditor::StreamValueEditor(RedisConnection *connection, QByteArray key, QWidget *parent)
    : QWidget(parent), m_model(new StreamModel(connection, std::move(key), this)),
      m_writable(connection && !connection->config().readOnly)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *tabs = new QTabWidget(this);
    layout->addWidget(tabs, 1);

    auto *entries = new QWidget(tabs);
    auto *entriesLayout = new QVBoxLayout(entries);
    auto *bar = new QHBoxLayout;
    m_status = new QLabel(entries);
    m_status->setTextFormat(Qt::PlainText);
    bar->addWidget(m_status, 1);
    auto *reload = new QPushButton(tr("Reload"), entries);
    m_add = new QPushButton(tr("Add entry…"), entries);
    m_delete = new QPushButton(tr("Delete…"), entries);
    for (QPushButton *button : {reload, m_add, m_delete})
        bar->addWidget(button);
    entriesLayout->addLayout(bar);
    m_error = WidgetStyle::errorLabel(entries, QStringLiteral("streamError"));
    m_error->hide();
    entriesLayout->addWidget(m_error);
    m_view = new QTableView(entries);
    WidgetStyle::setAccessible(m_view, tr("Stream entries"), tr("A row is one entry: its ID and fields"));
    m_view->setModel(m_model);
    WidgetStyle::recordTable(m_view);
    m_view->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setStretchLastSection(true);
    entriesLayout->addWidget(m_view, 1);
    tabs->addTab(entries, tr("Entries"));

    auto *groupsPage = new QSplitter(Qt::Vertical, tabs);
    m_groups = new QTreeWidget(groupsPage);
    WidgetStyle::setAccessible(m_groups, tr("Consumer groups"),
                               tr("A row is one group, its consumers beneath it"));
    m_groups->setHeaderLabels({tr("Group / consumer"), tr("Pending"), tr("Consumers"), tr("Last delivered"),
                               tr("Lag"), tr("Idle")});
    m_groups->setRootIsDecorated(true);
    m_pending = new QTableWidget(0, 4, groupsPage);
    WidgetStyle::setAccessible(m_pending, tr("Pending entries"));
    m_pending->setHorizontalHeaderLabels({tr("Pending ID"), tr("Consumer"), tr("Idle"), tr("Deliveries")});
    m_pending->verticalHeader()->hide();
    m_pending->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_pending->horizontalHeader()->setStretchLastSection(true);
    tabs->addTab(groupsPage, tr("Consumer groups"));

    connect(reload, &QPushButton::clicked, this, [this] {
        setError({});
        m_model->reload();
        refreshGroups();
    });
    connect(m_add, &QPushButton::clicked, this, &StreamValueEditor::addEntry);
    connect(m_delete, &QPushButton::clicked, this, &StreamValueEditor::deleteCurrent);
    connect(m_model, &StreamModel::pageLoaded, this, &StreamValueEditor::updateStatus);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &StreamValueEditor::updateStatus);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &StreamValueEditor::updateStatus);
    connect(m_model, &StreamModel::loadFailed, this, &StreamValueEditor::setError);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this] { m_delete->setEnabled(m_writable && m_view->currentIndex().isValid()); });
    connect(m_groups, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        while (item && item->parent())
            item = item->parent();
        if (item)
            showPending(item->data(0, Qt::UserRole).toByteArray());
    });
    m_add->setEnabled(m_writable);
    m_delete->setEnabled(false);
    if (!m_writable)
        m_add->setToolTip(tr("This connection is read-only."));
    m_model->reload();
    refreshGroups();
}

QString StreamValueEditor::statusText() const
{
    return m_status->text();
}

void StreamValueEditor::setError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

void StreamValueEditor::updateStatus()
{
    const QLocale locale;
    QString text =
        m_model->totalCount() < 0
            ? tr("%1 entries loaded").arg(locale.toString(m_model->rowCount()))
            : tr("%1 of %2 entries loaded, newest first")
                  .arg(locale.toString(m_model->rowCount()), locale.toString(m_model->totalCount()));
    m_status->setText(text);
}

void StreamValueEditor::addEntry()
{
    if (!m_writable)
        return;
    auto *dialog = new ElementDialog(
        tr("Add entry"), tr("ID:"), tr("Fields, one per line: name value"),
        [this](const QByteArray &id, const QByteArray &text, std::function<void(const QString &)> done) {
            QString error;
            const auto fields = parseFields(QString::fromUtf8(text), &error);
            if (!fields) {
                done(error);
                return;
            }
            m_model->addEntry(id, *fields, this, [done](const WriteResult &result) { done(result.error()); });
        },
        this);
    dialog->setSecondRaw(true);
    dialog->setValues("*", {});
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void StreamValueEditor::deleteCurrent()
{
    const int row = m_view->currentIndex().row();
    if (!m_writable || row < 0)
        return;
    const QByteArray id = m_model->entryId(row);
    QMessageBox *box =
        WidgetStyle::messageBox(this, QMessageBox::Question, tr("Delete entry"),
                                tr("Delete the entry %1 from “%2”?")
                                    .arg(QString::fromLatin1(id), BytesEscaper::escape(m_model->key())),
                                QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    box->setObjectName(QStringLiteral("deleteEntryQuestion"));
    connect(box, &QMessageBox::finished, this, [this, box, row, id] {
        if (box->standardButton(box->clickedButton()) != QMessageBox::Yes)
            return;
        if (m_model->entryId(row) != id) {
            setError(tr("The entries were reloaded meanwhile: select the entry again."));
            return;
        }
        m_model->deleteEntry(row, this, [this](const WriteResult &result) { setError(result.error()); });
    });
    box->open();
}

void StreamValueEditor::refreshGroups()
{
    const quint64 generation = ++m_groupsGeneration;
    m_model->readGroups(
        this, [this, generation](const QList<StreamModel::Group> &groups, const QString &error) {
            if (generation != m_groupsGeneration)
                return;
            m_groups->clear();
            m_pending->setRowCount(0);
            if (!error.isEmpty()) {
                setError(error);
                emit groupsRefreshed();
                return;
            }
            auto remaining = std::make_shared<int>(int(groups.size()));
            if (groups.isEmpty())
                emit groupsRefreshed();
            for (const StreamModel::Group &group : groups) {
                auto *item = new QTreeWidgetItem(m_groups);
                item->setText(0, BytesEscaper::escape(group.name));
                item->setData(0, Qt::UserRole, group.name);
                item->setText(1, QLocale().toString(group.pending));
                item->setText(2, QLocale().toString(group.consumers));
                item->setText(3, QString::fromLatin1(group.lastDeliveredId));
                item->setText(4, group.lag < 0 ? tr("unknown") : QLocale().toString(group.lag));
                m_model->readConsumers(group.name, this,
                                       [this, item, generation, remaining](
                                           const QList<StreamModel::Consumer> &consumers, const QString &e) {
                                           if (generation != m_groupsGeneration)
                                               return;
                                           if (!e.isEmpty())
                                               setError(e);
                                           for (const StreamModel::Consumer &consumer : consumers) {
                                               auto *child = new QTreeWidgetItem(item);
                                               child->setText(0, BytesEscaper::escape(consumer.name));
                                               child->setText(1, QLocale().toString(consumer.pending));
                                               child->setText(5, duration(consumer.idleMs));
                                           }
                                           item->setExpanded(true);
                                           if (--*remaining == 0)
                                               emit groupsRefreshed();
                                       });
            }
            for (int column = 0; column < m_groups->columnCount(); ++column)
                m_groups->resizeColumnToContents(column);
        });
}

void StreamValueEditor::showPending(const QByteArray &group)
{
    const quint64 generation = m_groupsGeneration;
    m_model->readPending(
        group, this, [this, generation](const QList<StreamModel::Pending> &pending, const QString &e) {
            if (generation != m_groupsGeneration)
                return;
            if (!e.isEmpty())
                setError(e);
            m_pending->setRowCount(int(pending.size()));
            for (int row = 0; row < pending.size(); ++row) {
                const StreamModel::Pending &p = pending.at(row);
                const QStringList cells{QString::fromLatin1(p.id), BytesEscaper::escape(p.consumer),
                                        duration(p.idleMs), QLocale().toString(p.deliveries)};
                for (int column = 0; column < cells.size(); ++column)
                    m_pending->setItem(row, column, new QTableWidgetItem(cells.at(column)));
            }
        });
}
