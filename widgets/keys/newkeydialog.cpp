#include "newkeydialog.h"

#include "bytesescaper.h"
#include "keyoperations.h"
#include "widgetstyle.h"

#include <limits>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

using Type = KeyOperations::Type;

NewKeyDialog::NewKeyDialog(Session *session, QWidget *parent) : QDialog(parent), m_session(session)
{
    setWindowTitle(tr("New key"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    layout->addLayout(form);

    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("nameEdit"));
    m_name->setPlaceholderText(tr("app:user:42 (\\xHH for any byte)"));
    form->addRow(tr("&Name:"), m_name);

    m_type = new QComboBox(this);
    m_type->setObjectName(QStringLiteral("typeCombo"));
    m_type->addItem(tr("String"), int(Type::String));
    m_type->addItem(tr("List"), int(Type::List));
    m_type->addItem(tr("Set"), int(Type::Set));
    m_type->addItem(tr("Sorted set"), int(Type::SortedSet));
    m_type->addItem(tr("Hash"), int(Type::Hash));
    m_type->addItem(tr("Stream"), int(Type::Stream));
    form->addRow(tr("&Type:"), m_type);

    m_field = new QLineEdit(this);
    m_field->setObjectName(QStringLiteral("fieldEdit"));
    m_fieldLabel = new QLabel(tr("&Field:"), this);
    m_fieldLabel->setBuddy(m_field);
    form->addRow(m_fieldLabel, m_field);

    m_score = new QDoubleSpinBox(this);
    m_score->setObjectName(QStringLiteral("scoreSpin"));
    m_score->setRange(std::numeric_limits<double>::lowest(), std::numeric_limits<double>::max());
    m_score->setDecimals(6);
    m_scoreLabel = new QLabel(tr("&Score:"), this);
    m_scoreLabel->setBuddy(m_score);
    form->addRow(m_scoreLabel, m_score);

    m_value = new QPlainTextEdit(this);
    m_value->setTabChangesFocus(true); // Tab moves on, as in every other field: no keyboard trap
    m_value->setObjectName(QStringLiteral("valueEdit"));
    m_value->setTabChangesFocus(true);
    m_valueLabel = new QLabel(this);
    m_valueLabel->setBuddy(m_value);
    form->addRow(m_valueLabel, m_value);

    m_ttl = new QSpinBox(this);
    m_ttl->setObjectName(QStringLiteral("ttlSpin"));
    m_ttl->setRange(0, std::numeric_limits<int>::max());
    m_ttl->setSuffix(tr(" s"));
    m_ttl->setSpecialValueText(tr("No expiry"));
    form->addRow(tr("T&TL:"), m_ttl);

    m_error = WidgetStyle::errorLabel(this, QStringLiteral("errorLabel"));
    m_error->hide();
    layout->addWidget(m_error);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Create"));
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &NewKeyDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &NewKeyDialog::reject);
    connect(m_type, &QComboBox::currentIndexChanged, this, &NewKeyDialog::updateFields);
    updateFields();
}

void NewKeyDialog::setInitialName(const QString &escapedName)
{
    m_name->setText(escapedName);
}

void NewKeyDialog::updateFields()
{
    const auto type = Type(m_type->currentData().toInt());
    const bool field = type == Type::Hash || type == Type::Stream;
    m_fieldLabel->setVisible(field);
    m_field->setVisible(field);
    m_scoreLabel->setVisible(type == Type::SortedSet);
    m_score->setVisible(type == Type::SortedSet);
    switch (type) {
    case Type::String:
    case Type::Hash:
    case Type::Stream:
        m_valueLabel->setText(tr("&Value:"));
        break;
    case Type::List:
        m_valueLabel->setText(tr("First &element:"));
        break;
    case Type::Set:
    case Type::SortedSet:
        m_valueLabel->setText(tr("First &member:"));
        break;
    }
}

void NewKeyDialog::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

void NewKeyDialog::accept()
{
    if (m_busy)
        return;
    const auto name = BytesEscaper::unescape(m_name->text());
    const auto field = BytesEscaper::unescape(m_field->text());
    const auto value = BytesEscaper::unescape(m_value->toPlainText());
    if (!name || name->isEmpty()) {
        showError(name ? tr("Enter a key name.") : tr("The name has a malformed escape (use \\xHH)."));
        return;
    }
    if (!field || !value) {
        showError(tr("The field or value has a malformed escape (use \\xHH)."));
        return;
    }
    const auto type = Type(m_type->currentData().toInt());
    if ((type == Type::Hash || type == Type::Stream) && field->isEmpty()) {
        showError(tr("Enter a field name."));
        return;
    }
    KeyOperations::NewKey key;
    key.name = *name;
    key.type = type;
    key.field = *field;
    key.value = *value;
    key.score = m_score->value();
    key.ttlSeconds = m_ttl->value();
    RedisConnection *holder = m_session ? m_session->connectionForKey(*name) : nullptr;
    if (!holder || !holder->isReady()) {
        showError(tr("Not connected."));
        return;
    }
    m_busy = true;
    m_buttons->setEnabled(false);
    showError({});
    auto *operations = new KeyOperations(holder, this);
    operations->create(key, this, [this, name = *name, operations](const KeyOperations::Result &result) {
        operations->deleteLater();
        m_busy = false;
        m_buttons->setEnabled(true);
        if (result.outcome != KeyOperations::Outcome::Done) {
            showError(result.message);
            return;
        }
        m_created = name;
        QDialog::accept();
    });
}
