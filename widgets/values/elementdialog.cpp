#include "elementdialog.h"

#include "bytesescaper.h"
#include "widgetstyle.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QVBoxLayout>

ElementDialog::ElementDialog(const QString &title, const QString &firstLabel, const QString &secondLabel,
                             Submit submit, QWidget *parent)
    : QDialog(parent), m_submit(std::move(submit))
{
    setWindowTitle(title);
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    layout->addLayout(form);
    if (!firstLabel.isEmpty()) {
        m_first = new QLineEdit(this);
        m_first->setObjectName(QStringLiteral("firstEdit"));
        form->addRow(firstLabel, m_first);
    }
    if (!secondLabel.isEmpty()) {
        m_second = new QPlainTextEdit(this);
        m_second->setTabChangesFocus(true); // Tab moves on, as in every other field: no keyboard trap
        m_second->setObjectName(QStringLiteral("secondEdit"));
        m_second->setTabChangesFocus(true);
        m_second->setWordWrapMode(QTextOption::WrapAnywhere);
        form->addRow(secondLabel, m_second);
    }
    auto *hint = new QLabel(tr("Type \\xHH for any byte and \\\\ for a backslash."), this);
    hint->setTextFormat(Qt::PlainText);
    layout->addWidget(hint);
    m_error = WidgetStyle::errorLabel(this, QStringLiteral("errorLabel"));
    m_error->hide();
    layout->addWidget(m_error);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ElementDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ElementDialog::reject);
}

void ElementDialog::setValues(const QByteArray &first, const QByteArray &second)
{
    if (m_first)
        m_first->setText(BytesEscaper::escape(first));
    if (m_second)
        m_second->setPlainText(BytesEscaper::escape(second));
}

void ElementDialog::setFirstReadOnly(bool readOnly)
{
    if (m_first)
        m_first->setReadOnly(readOnly);
}

QString ElementDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void ElementDialog::accept()
{
    if (m_busy)
        return;
    const auto first = BytesEscaper::unescape(m_first ? m_first->text() : QString());
    const QString secondText = m_second ? m_second->toPlainText() : QString();
    const auto second =
        m_secondRaw ? std::optional<QByteArray>(secondText.toUtf8()) : BytesEscaper::unescape(secondText);
    if (!first || !second) {
        m_error->setText(tr("Malformed escape: use \\xHH for a byte and \\\\ for a backslash."));
        m_error->show();
        return;
    }
    m_busy = true;
    m_buttons->setEnabled(false);
    m_error->hide();
    QPointer<ElementDialog> self(this);
    m_submit(*first, *second, [self](const QString &error) {
        if (!self)
            return;
        self->m_busy = false;
        self->m_buttons->setEnabled(true);
        if (error.isEmpty()) {
            self->QDialog::accept();
            return;
        }
        self->m_error->setText(error);
        self->m_error->show();
    });
}
