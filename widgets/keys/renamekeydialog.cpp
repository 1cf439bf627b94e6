#include "renamekeydialog.h"

#include "bytesescaper.h"
#include "keyoperations.h"
#include "widgetstyle.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

RenameKeyDialog::RenameKeyDialog(RedisConnection *connection, QByteArray key, QWidget *parent)
    : QDialog(parent), m_key(std::move(key)), m_operations(new KeyOperations(connection, this))
{
    setWindowTitle(tr("Rename key"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    layout->addLayout(form);
    auto *current = new QLabel(BytesEscaper::escape(m_key), this);
    current->setTextFormat(Qt::PlainText);
    current->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(tr("Key:"), current);
    m_name = new QLineEdit(BytesEscaper::escape(m_key), this);
    m_name->setObjectName(QStringLiteral("nameEdit"));
    m_name->selectAll();
    form->addRow(tr("&New name:"), m_name);

    m_error = WidgetStyle::errorLabel(this, QStringLiteral("errorLabel"));
    m_error->hide();
    layout->addWidget(m_error);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Rename"));
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &RenameKeyDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &RenameKeyDialog::reject);
}

void RenameKeyDialog::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

void RenameKeyDialog::accept()
{
    if (m_busy)
        return;
    const auto to = BytesEscaper::unescape(m_name->text());
    if (!to || to->isEmpty()) {
        showError(to ? tr("Enter a key name.") : tr("The name has a malformed escape (use \\xHH)."));
        return;
    }
    if (*to == m_key) {
        showError(tr("The new name is the current name."));
        return;
    }
    rename(*to, false);
}

void RenameKeyDialog::rename(const QByteArray &to, bool overwrite)
{
    m_busy = true;
    m_buttons->setEnabled(false);
    showError({});
    m_operations->rename(m_key, to, overwrite, this, [this, to](const KeyOperations::Result &result) {
        m_busy = false;
        m_buttons->setEnabled(true);
        switch (result.outcome) {
        case KeyOperations::Outcome::Done:
            m_newName = to;
            QDialog::accept();
            return;
        case KeyOperations::Outcome::Failed:
            showError(result.message);
            return;
        case KeyOperations::Outcome::AlreadyExists:
            break;
        }
        m_question = WidgetStyle::messageBox(
            this, QMessageBox::Warning, tr("Overwrite key"),
            tr("A key named “%1” already exists. Overwrite it? Its current value will be lost.")
                .arg(BytesEscaper::escape(to)),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
        m_question->setObjectName(QStringLiteral("overwriteQuestion"));
        m_question->button(QMessageBox::Yes)->setText(tr("Overwrite"));
        connect(m_question, &QMessageBox::finished, this, [this, to, box = m_question.data()] {
            if (box->standardButton(box->clickedButton()) == QMessageBox::Yes)
                rename(to, true);
            else
                showError(tr("Not renamed: “%1” already exists.").arg(BytesEscaper::escape(to)));
        });
        m_question->open();
    });
}
