#include "collectionvalueeditor.h"

#include "bytesescaper.h"
#include "elementdialog.h"
#include "redisconnection.h"
#include "widgetstyle.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QShortcut>
#include <QTableView>
#include <QVBoxLayout>

using Kind = CollectionModel::Kind;

CollectionValueEditor::CollectionValueEditor(RedisConnection *connection, QByteArray key, Kind kind,
                                             QWidget *parent)
    : QWidget(parent), m_model(new CollectionModel(connection, std::move(key), kind, this)),
      m_writable(connection && !connection->config().readOnly)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *bar = new QHBoxLayout;
    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("elementFilter"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setPlaceholderText(kind == Kind::List ? tr("Find an exact element (LPOS)")
                                                    : tr("Search: a glob such as user:* (MATCH)"));
    WidgetStyle::setAccessible(m_filter,
                               kind == Kind::List ? tr("Find element") : tr("Element filter (glob pattern)"));
    bar->addWidget(m_filter, 1);
    m_reload = new QPushButton(tr("Reload"), this);
    bar->addWidget(m_reload);
    layout->addLayout(bar);

    auto *actions = new QHBoxLayout;
    m_status = new QLabel(this);
    m_status->setTextFormat(Qt::PlainText);
    actions->addWidget(m_status, 1);
    m_add = new QPushButton(kind == Kind::List ? tr("Append…") : tr("Add…"), this);
    m_edit = new QPushButton(kind == Kind::Set ? tr("Rename…") : tr("Edit…"), this);
    m_delete = new QPushButton(tr("Delete…"), this);
    for (QPushButton *button : {m_add, m_edit, m_delete})
        actions->addWidget(button);
    if (kind == Kind::SortedSet) {
        m_increment = new QPushButton(tr("Increment…"), this);
        actions->addWidget(m_increment);
        connect(m_increment, &QPushButton::clicked, this, &CollectionValueEditor::incrementCurrent);
    }
    layout->addLayout(actions);
    m_error = WidgetStyle::errorLabel(this, QStringLiteral("elementError"));
    m_error->hide();
    layout->addWidget(m_error);

    m_view = new QTableView(this);
    WidgetStyle::setAccessible(
        m_view, tr("Elements"),
        tr("A row is one element of the value: field and value, member, or member and score"));
    m_view->setModel(m_model);
    WidgetStyle::recordTable(m_view);
    // The text column stretches; an index or a score takes what it needs.
    QHeaderView *header = m_view->horizontalHeader();
    if (kind == Kind::SortedSet) {
        header->setSectionResizeMode(0, QHeaderView::Stretch);
        header->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    } else {
        header->setStretchLastSection(true);
        if (kind == Kind::List)
            header->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    }
    layout->addWidget(m_view, 1);

    auto *deleteKey = new QShortcut(QKeySequence::Delete, m_view, nullptr, nullptr, Qt::WidgetShortcut);
    deleteKey->setWhatsThis(tr("Delete the selected element"));
    connect(deleteKey, &QShortcut::activated, this, &CollectionValueEditor::deleteCurrent);
    connect(m_view, &QTableView::doubleClicked, this, &CollectionValueEditor::editCurrent);
    connect(m_filter, &QLineEdit::returnPressed, this, [this] { search(m_filter->text()); });
    connect(m_reload, &QPushButton::clicked, this, [this] {
        m_error->hide();
        m_model->reload();
    });
    connect(m_add, &QPushButton::clicked, this, &CollectionValueEditor::addElement);
    connect(m_edit, &QPushButton::clicked, this, &CollectionValueEditor::editCurrent);
    connect(m_delete, &QPushButton::clicked, this, &CollectionValueEditor::deleteCurrent);
    connect(m_model, &CollectionModel::pageLoaded, this, &CollectionValueEditor::updateStatus);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &CollectionValueEditor::updateStatus);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &CollectionValueEditor::updateStatus);
    connect(m_model, &QAbstractItemModel::modelReset, this, &CollectionValueEditor::updateStatus);
    connect(m_model, &CollectionModel::loadFailed, this, [this](const QString &message) {
        m_error->setText(message);
        m_error->show();
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &CollectionValueEditor::updateActions);
    if (!m_writable) {
        for (QPushButton *button : {m_add, m_edit, m_delete, m_increment}) {
            if (button)
                button->setToolTip(tr("This connection is read-only."));
        }
    }
    m_model->reload();
    updateActions();
}

QString CollectionValueEditor::statusText() const
{
    return m_status->text();
}

void CollectionValueEditor::updateStatus()
{
    const QLocale locale;
    QString text;
    if (m_model->totalCount() < 0)
        text = tr("%1 elements loaded").arg(locale.toString(m_model->rowCount()));
    else if (!m_model->filter().isEmpty())
        text = tr("%1 matching elements loaded (the key holds %2)")
                   .arg(locale.toString(m_model->rowCount()), locale.toString(m_model->totalCount()));
    else
        text = tr("%1 of %2 elements loaded")
                   .arg(locale.toString(m_model->rowCount()), locale.toString(m_model->totalCount()));
    if (m_model->isComplete())
        text += tr(" — complete");
    else
        text += tr(" — scroll for more");
    m_status->setText(text);
    updateActions();
}

void CollectionValueEditor::updateActions()
{
    const bool row = m_view->currentIndex().isValid();
    m_add->setEnabled(m_writable);
    m_edit->setEnabled(m_writable && row);
    m_delete->setEnabled(m_writable && row);
    if (m_increment)
        m_increment->setEnabled(m_writable && row);
}

void CollectionValueEditor::report(const WriteResult &result)
{
    m_error->setText(result.error());
    m_error->setVisible(!m_error->text().isEmpty());
}

void CollectionValueEditor::search(const QString &escapedFilter)
{
    const auto filter = m_model->kind() == Kind::List ? BytesEscaper::unescape(escapedFilter)
                                                      : BytesEscaper::unescapePattern(escapedFilter);
    if (!filter) {
        m_error->setText(tr("Malformed escape: use \\xHH for a byte."));
        m_error->show();
        return;
    }
    m_error->hide();
    m_filter->setText(escapedFilter);
    m_model->setFilter(*filter);
}

void CollectionValueEditor::addElement()
{
    if (!m_writable)
        return;
    QString title, first, second;
    switch (m_model->kind()) {
    case Kind::Hash:
        title = tr("Add field"), first = tr("Field:"), second = tr("Value:");
        break;
    case Kind::List:
        title = tr("Append element"), second = tr("Element:");
        break;
    case Kind::Set:
        title = tr("Add member"), first = tr("Member:");
        break;
    case Kind::SortedSet:
        title = tr("Add member"), first = tr("Member:"), second = tr("Score:");
        break;
    }
    const Kind kind = m_model->kind();
    auto *dialog = new ElementDialog(
        title, first, second,
        [this, kind](const QByteArray &a, const QByteArray &b, std::function<void(const QString &)> done) {
            m_model->addElement(kind == Kind::List ? b : a, b, this,
                                [done](const WriteResult &result) { done(result.error()); });
        },
        this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void CollectionValueEditor::editCurrent()
{
    const int row = m_view->currentIndex().row();
    if (!m_writable || row < 0)
        return;
    const QByteArray a = m_model->first(row);
    const QByteArray b = m_model->second(row);
    const qint64 listIndex = m_model->listIndex(row);
    QString title, first, second;
    bool firstReadOnly = false;
    switch (m_model->kind()) {
    case Kind::Hash:
        title = tr("Edit value"), first = tr("Field:"), second = tr("Value:"), firstReadOnly = true;
        break;
    case Kind::List:
        title = tr("Edit element %1").arg(listIndex), second = tr("Element:");
        break;
    case Kind::Set:
        title = tr("Rename member"), first = tr("Member:");
        break;
    case Kind::SortedSet:
        title = tr("Edit score"), first = tr("Member:"), second = tr("Score:"), firstReadOnly = true;
        break;
    }
    const Kind kind = m_model->kind();
    auto *dialog = new ElementDialog(
        title, first, second,
        [this, kind, row, a, b, listIndex](const QByteArray &newFirst, const QByteArray &newSecond,
                                           std::function<void(const QString &)> done) {
            // The table may have been reloaded while the dialog was open.
            if (m_model->first(row) != a || m_model->second(row) != b ||
                m_model->listIndex(row) != listIndex) {
                done(tr("The elements were reloaded meanwhile: open this element again."));
                return;
            }
            const QByteArray value = kind == Kind::Set ? newFirst : newSecond;
            m_model->setElement(row, value, this,
                                [done](const WriteResult &result) { done(result.error()); });
        },
        this);
    dialog->setValues(a, kind == Kind::List ? a : b);
    dialog->setFirstReadOnly(firstReadOnly);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void CollectionValueEditor::deleteCurrent()
{
    const int row = m_view->currentIndex().row();
    if (!m_writable || row < 0)
        return;
    const QByteArray a = m_model->first(row);
    const QString what =
        m_model->kind() == Kind::List
            ? tr("element %1 (“%2”)").arg(m_model->listIndex(row)).arg(BytesEscaper::escape(a))
            : tr("“%1”").arg(BytesEscaper::escape(a));
    QMessageBox *box =
        WidgetStyle::messageBox(this, QMessageBox::Question, tr("Delete element"),
                                tr("Delete %1 from “%2”?").arg(what, BytesEscaper::escape(m_model->key())),
                                QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    box->setObjectName(QStringLiteral("deleteElementQuestion"));
    connect(box, &QMessageBox::finished, this, [this, box, row, a] {
        if (box->standardButton(box->clickedButton()) != QMessageBox::Yes)
            return;
        if (m_model->first(row) != a) {
            report({WriteResult::Outcome::Conflict,
                    tr("The elements were reloaded meanwhile: select the element again.")});
            return;
        }
        m_model->removeElement(row, this, [this](const WriteResult &result) { report(result); });
    });
    box->open();
}

void CollectionValueEditor::incrementCurrent()
{
    const int row = m_view->currentIndex().row();
    if (!m_writable || row < 0 || m_model->kind() != Kind::SortedSet)
        return;
    const QByteArray member = m_model->first(row);
    auto *dialog = new ElementDialog(
        tr("Increment score"), QString(), tr("By:"),
        [this, row, member](const QByteArray &, const QByteArray &by,
                            std::function<void(const QString &)> done) {
            bool ok = false;
            const double amount = by.trimmed().toDouble(&ok);
            if (!ok) {
                done(tr("Enter a number, e.g. 1 or -0.5."));
                return;
            }
            if (m_model->first(row) != member) {
                done(tr("The elements were reloaded meanwhile: select the element again."));
                return;
            }
            m_model->incrementScore(row, amount, this,
                                    [done](const WriteResult &result) { done(result.error()); });
        },
        this);
    dialog->setValues({}, "1");
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}
