#include "ttldialog.h"

#include "bytesescaper.h"
#include "keyoperations.h"
#include "widgetstyle.h"

#include <limits>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QGridLayout>
#include <QLabel>
#include <QRadioButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace {
enum Unit { Milliseconds, Seconds, Minutes, Hours, Days };
constexpr qint64 kUnitSeconds[] = {0, 1, 60, 3600, 86400};
} // namespace

TtlDialog::TtlDialog(RedisConnection *connection, QByteArray key, qint64 currentTtlMs, QWidget *parent)
    : QDialog(parent), m_key(std::move(key)), m_operations(new KeyOperations(connection, this))
{
    setWindowTitle(tr("Change TTL"));
    auto *layout = new QVBoxLayout(this);
    auto *name = new QLabel(tr("Key: %1").arg(BytesEscaper::escape(m_key)), this);
    name->setTextFormat(Qt::PlainText);
    layout->addWidget(name);

    auto *grid = new QGridLayout;
    m_persist = new QRadioButton(tr("Never expires (PERSIST)"), this);
    m_persist->setObjectName(QStringLiteral("persistRadio"));
    m_in = new QRadioButton(tr("Expires in"), this);
    m_in->setObjectName(QStringLiteral("inRadio"));
    m_amount = new QSpinBox(this);
    m_amount->setObjectName(QStringLiteral("amountSpin"));
    m_amount->setRange(1, std::numeric_limits<int>::max());
    m_unit = new QComboBox(this);
    m_unit->setObjectName(QStringLiteral("unitCombo"));
    m_unit->addItem(tr("milliseconds (PEXPIRE)"), Milliseconds);
    m_unit->addItem(tr("seconds (EXPIRE)"), Seconds);
    m_unit->addItem(tr("minutes"), Minutes);
    m_unit->addItem(tr("hours"), Hours);
    m_unit->addItem(tr("days"), Days);
    m_at = new QRadioButton(tr("Expires at (EXPIREAT)"), this);
    m_at->setObjectName(QStringLiteral("atRadio"));
    m_when = new QDateTimeEdit(QDateTime::currentDateTime().addSecs(3600), this);
    m_when->setObjectName(QStringLiteral("whenEdit"));
    m_when->setCalendarPopup(true);
    m_when->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    grid->addWidget(m_persist, 0, 0, 1, 3);
    grid->addWidget(m_in, 1, 0);
    grid->addWidget(m_amount, 1, 1);
    grid->addWidget(m_unit, 1, 2);
    grid->addWidget(m_at, 2, 0);
    grid->addWidget(m_when, 2, 1, 1, 2);
    layout->addLayout(grid);

    // Start from the current TTL, in the largest unit that keeps it exact.
    if (currentTtlMs < 0) {
        m_persist->setChecked(true);
        m_amount->setValue(60);
        m_unit->setCurrentIndex(Seconds);
    } else {
        m_in->setChecked(true);
        const qint64 seconds = (currentTtlMs + 999) / 1000;
        int unit = Seconds;
        for (int candidate : {Days, Hours, Minutes}) {
            if (seconds % kUnitSeconds[candidate] == 0) {
                unit = candidate;
                break;
            }
        }
        m_unit->setCurrentIndex(unit);
        m_amount->setValue(
            int(std::clamp<qint64>(seconds / kUnitSeconds[unit], 1, std::numeric_limits<int>::max())));
    }

    m_error = WidgetStyle::errorLabel(this, QStringLiteral("errorLabel"));
    m_error->hide();
    layout->addWidget(m_error);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &TtlDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &TtlDialog::reject);
    for (QRadioButton *radio : {m_persist, m_in, m_at})
        connect(radio, &QRadioButton::toggled, this, &TtlDialog::updateEnabled);
    updateEnabled();
}

void TtlDialog::updateEnabled()
{
    m_amount->setEnabled(m_in->isChecked());
    m_unit->setEnabled(m_in->isChecked());
    m_when->setEnabled(m_at->isChecked());
}

void TtlDialog::accept()
{
    if (m_busy)
        return;
    using Kind = KeyOperations::Expiry::Kind;
    KeyOperations::Expiry expiry;
    if (m_in->isChecked()) {
        const int unit = m_unit->currentData().toInt();
        expiry = unit == Milliseconds
                     ? KeyOperations::Expiry{Kind::InMs, m_amount->value()}
                     : KeyOperations::Expiry{Kind::InSeconds, m_amount->value() * kUnitSeconds[unit]};
    } else if (m_at->isChecked()) {
        const qint64 at = m_when->dateTime().toSecsSinceEpoch();
        if (at <= QDateTime::currentSecsSinceEpoch()) {
            // The server would delete the key at once.
            m_error->setText(tr("Choose a time in the future (a past time deletes the key)."));
            m_error->show();
            return;
        }
        expiry = {Kind::AtSeconds, at};
    }
    m_busy = true;
    m_buttons->setEnabled(false);
    m_error->hide();
    m_operations->setExpiry(m_key, expiry, this, [this](const KeyOperations::Result &result) {
        m_busy = false;
        m_buttons->setEnabled(true);
        if (result.outcome == KeyOperations::Outcome::Done) {
            QDialog::accept();
            return;
        }
        m_error->setText(result.message);
        m_error->show();
    });
}
