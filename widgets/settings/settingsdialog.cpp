#include "settingsdialog.h"

#include <cmath>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace {
constexpr double kMiB = 1024.0 * 1024.0;
} // namespace

SettingsDialog::SettingsDialog(const AppSettings &settings, QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Settings"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    layout->addLayout(form);

    m_scanCount = new QSpinBox(this);
    m_scanCount->setObjectName(QStringLiteral("scanCount"));
    m_scanCount->setRange(10, 10'000);
    m_scanCount->setSingleStep(100);
    m_scanCount->setToolTip(
        tr("Keys asked per SCAN call: larger is faster over the network, smaller keeps each "
           "call shorter on a busy server"));
    form->addRow(tr("SCAN COUNT"), m_scanCount);

    m_delimiters = new QLineEdit(this);
    m_delimiters->setObjectName(QStringLiteral("delimiters"));
    m_delimiters->setToolTip(
        tr("Characters that split key names into folders (\":/\" for both), for connections "
           "opened from now on; empty for a flat list"));
    form->addRow(tr("Namespace delimiters"), m_delimiters);

    m_interval = new QDoubleSpinBox(this);
    m_interval->setObjectName(QStringLiteral("healthInterval"));
    m_interval->setRange(0.5, 60);
    m_interval->setDecimals(1);
    m_interval->setSingleStep(0.5);
    m_interval->setSuffix(tr(" s"));
    form->addRow(tr("Health poll interval"), m_interval);

    m_buffer = new QSpinBox(this);
    m_buffer->setObjectName(QStringLiteral("pubsubBuffer"));
    m_buffer->setRange(1000, 10'000'000);
    m_buffer->setSingleStep(10'000);
    m_buffer->setSuffix(tr(" messages"));
    form->addRow(tr("Pub/Sub buffer"), m_buffer);

    m_preview = new QDoubleSpinBox(this);
    m_preview->setObjectName(QStringLiteral("previewThreshold"));
    m_preview->setRange(0.0625, 512);
    m_preview->setDecimals(4);
    m_preview->setSuffix(tr(" MiB"));
    m_preview->setToolTip(
        tr("Strings longer than this show a 64 KiB preview; Save to file gets the whole value"));
    form->addRow(tr("String preview above"), m_preview);

    m_language = new QComboBox(this);
    m_language->setObjectName(QStringLiteral("language"));
    m_language->addItem(tr("System language"), QString());
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("Français"), QStringLiteral("fr"));
    form->addRow(tr("Language"), m_language);

    m_theme = new QComboBox(this);
    m_theme->setObjectName(QStringLiteral("theme"));
    m_theme->addItem(tr("System"), AppSettings::themeName(AppSettings::Theme::System));
    m_theme->addItem(tr("Light"), AppSettings::themeName(AppSettings::Theme::Light));
    m_theme->addItem(tr("Dark"), AppSettings::themeName(AppSettings::Theme::Dark));
    form->addRow(tr("Theme"), m_theme);

    auto *note = new QLabel(tr("The language changes at the next start."), this);
    note->setTextFormat(Qt::PlainText);
    note->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(note);

    auto *buttons = new QDialogButtonBox(
        QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::RestoreDefaults, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this,
            [this] { setValues(AppSettings{}); });
    layout->addWidget(buttons);
    setValues(settings);
}

void SettingsDialog::setValues(const AppSettings &settings)
{
    m_scanCount->setValue(settings.scanCount);
    m_delimiters->setText(settings.delimiters);
    m_interval->setValue(settings.healthIntervalMs / 1000.0);
    m_buffer->setValue(settings.pubsubBuffer);
    m_preview->setValue(double(settings.previewThreshold) / kMiB);
    m_language->setCurrentIndex(std::max(0, m_language->findData(settings.language)));
    m_theme->setCurrentIndex(std::max(0, m_theme->findData(AppSettings::themeName(settings.theme))));
}

AppSettings SettingsDialog::settings() const
{
    AppSettings s;
    s.scanCount = m_scanCount->value();
    s.delimiters = m_delimiters->text();
    s.healthIntervalMs = int(std::lround(m_interval->value() * 1000));
    s.pubsubBuffer = m_buffer->value();
    s.previewThreshold = qint64(std::llround(m_preview->value() * kMiB));
    s.language = m_language->currentData().toString();
    s.theme = AppSettings::themeFromName(m_theme->currentData().toString());
    return s;
}
