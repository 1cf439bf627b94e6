#include "databasedock.h"

#include "pgconfig.h"
#include "postgrespage.h"
#include "profilestore.h"
#include "widgetstyle.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

namespace {
const QString settingsTarget = QStringLiteral("postgres/connection");
const QString settingsOpen = QStringLiteral("postgres/open");
} // namespace

DatabaseDock::DatabaseDock(ProfileStore *store, bool persist, QWidget *parent)
    : QWidget(parent), m_store(store), m_persist(persist)
{
    m_layout = new QVBoxLayout(this);
    auto *bar = new QHBoxLayout;
    m_target = new QLineEdit(this);
    m_target->setObjectName(QStringLiteral("pgTarget"));
    m_target->setPlaceholderText(
        tr("postgres://user@host:5432/database or host=… dbname=… sslmode=verify-full"));
    m_target->setClearButtonEnabled(true);
    WidgetStyle::setAccessible(m_target, tr("PostgreSQL URL"));
    bar->addWidget(m_target, 3);
    m_password = new QLineEdit(this);
    WidgetStyle::setAccessible(m_password, tr("PostgreSQL password"));
    m_password->setObjectName(QStringLiteral("pgPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("Password"));
    bar->addWidget(m_password, 1);
    m_open = new QPushButton(tr("Connect"), this);
    m_close = new QPushButton(tr("Disconnect"), this);
    bar->addWidget(m_open);
    bar->addWidget(m_close);
    m_layout->addLayout(bar);
    m_error = WidgetStyle::errorLabel(this, QStringLiteral("pgDockError"));
    m_layout->addWidget(m_error);
    m_layout->addStretch(1);

    connect(m_open, &QPushButton::clicked, this, &DatabaseDock::open);
    connect(m_target, &QLineEdit::returnPressed, this, &DatabaseDock::open);
    connect(m_password, &QLineEdit::returnPressed, this, &DatabaseDock::open);
    connect(m_close, &QPushButton::clicked, this, &DatabaseDock::close);
    connect(m_target, &QLineEdit::textChanged, this, &DatabaseDock::updateButtons);

    if (m_persist) {
        const QSettings settings;
        m_target->setText(settings.value(settingsTarget).toString());
        const bool wasOpen = settings.value(settingsOpen).toBool();
        if (!m_target->text().isEmpty())
            m_store->fetchPassword(QString::fromLatin1(kPasswordId), this,
                                   [this, wasOpen](bool found, const QString &password) {
                                       if (found && m_password->text().isEmpty())
                                           m_password->setText(password);
                                       if (wasOpen && !m_page)
                                           open();
                                   });
    }
    updateButtons();
}

DatabaseDock::~DatabaseDock() = default;

PostgresPage *DatabaseDock::page() const
{
    return m_page;
}

void DatabaseDock::open()
{
    QString error;
    std::optional<PgConfig> config = PgConfig::parse(m_target->text().trimmed(), &error);
    if (!config) {
        m_error->setText(error);
        return;
    }
    m_error->clear();
    // A password in the line wins over the field and moves to it (and so to the keychain, not the settings).
    if (config->hasPassword()) {
        m_password->setText(config->value("password"));
        m_target->setText(config->conninfoWithoutPassword());
        m_target->setCursorPosition(0); // the host and user at the start, not the tail of the line
    } else if (!m_password->text().isEmpty()) {
        config->setPassword(m_password->text());
    }
    if (m_persist) {
        QSettings settings;
        settings.setValue(settingsTarget, m_target->text().trimmed());
        settings.setValue(settingsOpen, true);
        m_store->setPassword(QString::fromLatin1(kPasswordId), m_password->text());
    }
    delete m_page;
    m_page = new PostgresPage(*config, this);
    m_layout->insertWidget(2, m_page, 100);
    updateButtons();
}

void DatabaseDock::close()
{
    delete m_page;
    if (m_persist)
        QSettings().setValue(settingsOpen, false);
    updateButtons();
}

void DatabaseDock::updateButtons()
{
    m_open->setEnabled(!m_target->text().trimmed().isEmpty());
    m_close->setEnabled(m_page);
}
