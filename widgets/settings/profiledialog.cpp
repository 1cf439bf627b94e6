#include "profiledialog.h"

#include "redisconnection.h"
#include "redisurl.h"
#include "sentinelclient.h"
#include "serverinfo.h"
#include "widgetstyle.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QColorDialog>
#include <QDialogButtonBox>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QFormLayout>
#include <QFrame>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPainter>
#include <QPushButton>
#include <QSpinBox>
#include <QStringList>
#include <QToolButton>
#include <QVBoxLayout>

namespace {
const char colourProperty[] = "keyscopeColour";

QIcon swatch(const QString &colour)
{
    QPixmap pixmap(16, 16);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(QColor(0, 0, 0, 90), 1));
    painter.setBrush(colour.isEmpty() ? QBrush(Qt::NoBrush) : QBrush(QColor(colour)));
    painter.drawEllipse(QRectF(1.5, 1.5, 13, 13));
    if (colour.isEmpty())
        painter.drawLine(QPointF(4, 12), QPointF(12, 4));
    return QIcon(pixmap);
}

QString formatLatency(qint64 micros)
{
    const double ms = double(micros) / 1000.0;
    return QCoreApplication::translate("ProfileDialog", "%1 ms")
        .arg(QLocale().toString(ms, 'f', ms < 10 ? 1 : 0));
}

} // namespace

ProfileDialog::ProfileDialog(bool keychainAvailable, QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Connection profile"));
    // Word-wrapped labels go in the box layout: QFormLayout rows do not grow for a second line.
    auto *layout = new QVBoxLayout(this);
    m_url = new QLineEdit(this);
    m_url->setObjectName(QStringLiteral("urlEdit"));
    m_url->setPlaceholderText(tr("Paste a redis://, rediss:// or redis+sentinel:// URL"));
    m_url->setClearButtonEnabled(true);
    layout->addWidget(m_url);
    m_urlError = WidgetStyle::plainLabel(this);
    m_urlError->setObjectName(QStringLiteral("urlError"));
    WidgetStyle::setTextColour(m_urlError, WidgetStyle::errorColour(palette()));
    m_urlError->hide();
    layout->addWidget(m_urlError);
    auto *line = new QFrame(this);
    line->setFrameShape(QFrame::HLine);
    line->setFrameShadow(QFrame::Sunken);
    layout->addWidget(line);
    auto *form = new QFormLayout;
    layout->addLayout(form);

    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("nameEdit"));
    m_name->setPlaceholderText(tr("host:port"));
    form->addRow(tr("Name:"), m_name);
    m_host = new QLineEdit(this);
    m_host->setObjectName(QStringLiteral("hostEdit"));
    form->addRow(tr("Host:"), m_host);
    m_port = new QSpinBox(this);
    m_port->setObjectName(QStringLiteral("portSpin"));
    m_port->setRange(1, 65535);
    m_port->setGroupSeparatorShown(false);
    form->addRow(tr("Port:"), m_port);
    m_username = new QLineEdit(this);
    m_username->setObjectName(QStringLiteral("usernameEdit"));
    m_username->setPlaceholderText(tr("default"));
    form->addRow(tr("Username:"), m_username);
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("passwordEdit"));
    m_password->setEchoMode(QLineEdit::Password);
    form->addRow(tr("Password:"), m_password);
    if (!keychainAvailable) {
        QLabel *notice = WidgetStyle::plainLabel(this);
        notice->setObjectName(QStringLiteral("keychainNotice"));
        notice->setText(tr("No system keychain: the password is kept for this session only and will be asked "
                           "again next time"));
        notice->setForegroundRole(QPalette::PlaceholderText);
        layout->addWidget(notice);
    }
    m_db = new QSpinBox(this);
    m_db->setObjectName(QStringLiteral("dbSpin"));
    m_db->setRange(0, 9999);
    form->addRow(tr("Database:"), m_db);

    m_colourRow = new QWidget(this);
    auto *colourLayout = new QHBoxLayout(m_colourRow);
    colourLayout->setContentsMargins(0, 0, 0, 0);
    m_colourGroup = new QButtonGroup(this);
    addColourButton({}, tr("No colour"));
    addColourButton(QStringLiteral("#e53935"), tr("Red"));
    addColourButton(QStringLiteral("#fb8c00"), tr("Orange"));
    addColourButton(QStringLiteral("#fdd835"), tr("Yellow"));
    addColourButton(QStringLiteral("#43a047"), tr("Green"));
    addColourButton(QStringLiteral("#1e88e5"), tr("Blue"));
    addColourButton(QStringLiteral("#8e24aa"), tr("Purple"));
    m_customColour = new QToolButton(m_colourRow);
    m_customColour->setText(tr("Custom\u2026"));
    m_customColour->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_customColour->setCheckable(true);
    m_colourGroup->addButton(m_customColour);
    colourLayout->addWidget(m_customColour);
    colourLayout->addStretch();
    connect(m_customColour, &QToolButton::clicked, this, &ProfileDialog::chooseCustomColour);
    form->addRow(tr("Colour tag:"), m_colourRow);

    m_sentinel = new QGroupBox(tr("Through Sentinel"), this);
    m_sentinel->setObjectName(QStringLiteral("sentinelGroup"));
    m_sentinel->setCheckable(true);
    m_sentinel->setChecked(false);
    auto *sentinelLayout = new QVBoxLayout(m_sentinel);
    QLabel *sentinelHint = WidgetStyle::plainLabel(m_sentinel);
    sentinelHint->setText(tr("The sentinels name the current master, and the session follows its failovers. "
                             "The master is reached with the username, password, database and TLS "
                             "settings of this profile; host and port are not used."));
    sentinelHint->setForegroundRole(QPalette::PlaceholderText);
    sentinelLayout->addWidget(sentinelHint);
    auto *sentinelForm = new QFormLayout;
    sentinelLayout->addLayout(sentinelForm);
    m_sentinels = new QLineEdit(m_sentinel);
    m_sentinels->setObjectName(QStringLiteral("sentinelsEdit"));
    m_sentinels->setPlaceholderText(tr("10.0.0.1:26379, 10.0.0.2:26379, 10.0.0.3:26379"));
    sentinelForm->addRow(tr("Sentinels:"), m_sentinels);
    m_masterName = new QLineEdit(m_sentinel);
    m_masterName->setObjectName(QStringLiteral("masterNameEdit"));
    m_masterName->setPlaceholderText(tr("mymaster"));
    sentinelForm->addRow(tr("Master name:"), m_masterName);
    m_sentinelUsername = new QLineEdit(m_sentinel);
    m_sentinelUsername->setObjectName(QStringLiteral("sentinelUsernameEdit"));
    m_sentinelUsername->setPlaceholderText(tr("default"));
    sentinelForm->addRow(tr("Sentinel username:"), m_sentinelUsername);
    m_sentinelPassword = new QLineEdit(m_sentinel);
    m_sentinelPassword->setObjectName(QStringLiteral("sentinelPasswordEdit"));
    m_sentinelPassword->setEchoMode(QLineEdit::Password);
    m_sentinelPassword->setPlaceholderText(tr("None"));
    sentinelForm->addRow(tr("Sentinel password:"), m_sentinelPassword);
    m_sentinelError = WidgetStyle::plainLabel(m_sentinel);
    m_sentinelError->setObjectName(QStringLiteral("sentinelError"));
    WidgetStyle::setTextColour(m_sentinelError, WidgetStyle::errorColour(palette()));
    m_sentinelError->hide();
    sentinelLayout->addWidget(m_sentinelError);
    layout->addWidget(m_sentinel);
    connect(m_sentinel, &QGroupBox::toggled, this, &ProfileDialog::updateSentinelFields);
    connect(m_sentinels, &QLineEdit::textChanged, this, &ProfileDialog::updateOkButton);
    connect(m_masterName, &QLineEdit::textChanged, this, &ProfileDialog::updateOkButton);

    m_tls = new QGroupBox(tr("Use TLS"), this);
    m_tls->setObjectName(QStringLiteral("tlsGroup"));
    m_tls->setCheckable(true);
    auto *tlsLayout = new QVBoxLayout(m_tls);
    auto *tlsForm = new QFormLayout;
    tlsLayout->addLayout(tlsForm);
    const QString pemFilter = tr("PEM files (*.pem *.crt *.cer *.key);;All files (*)");
    m_caFile = addFileRow(tlsForm, tr("CA certificate:"), pemFilter);
    m_caFile->setPlaceholderText(tr("System certificates"));
    m_certFile = addFileRow(tlsForm, tr("Client certificate:"), pemFilter);
    m_certFile->setPlaceholderText(tr("None"));
    m_keyFile = addFileRow(tlsForm, tr("Client key:"), pemFilter);
    m_keyFile->setPlaceholderText(tr("None"));
    m_serverName = new QLineEdit(m_tls);
    m_serverName->setObjectName(QStringLiteral("serverNameEdit"));
    m_serverName->setPlaceholderText(tr("Same as host"));
    tlsForm->addRow(tr("Server name (SNI):"), m_serverName);
    m_verify = new QCheckBox(tr("Verify server certificate and hostname"), m_tls);
    m_verify->setObjectName(QStringLiteral("verifyCheck"));
    m_verify->setChecked(true);
    tlsLayout->addWidget(m_verify);
    m_verifyWarning = WidgetStyle::plainLabel(m_tls);
    m_verifyWarning->setObjectName(QStringLiteral("verifyWarning"));
    m_verifyWarning->setText(tr("Without verification anyone on the network path can pose as this server and "
                                "read the password and every value."));
    WidgetStyle::setTextColour(m_verifyWarning, WidgetStyle::errorColour(palette()));
    m_verifyWarning->hide();
    tlsLayout->addWidget(m_verifyWarning);
    layout->addWidget(m_tls);
    connect(m_verify, &QCheckBox::toggled, this, &ProfileDialog::updateVerifyWarning);
    connect(m_tls, &QGroupBox::toggled, this, &ProfileDialog::updateVerifyWarning);

    m_readOnly = new QCheckBox(tr("Read-only: send only commands that cannot change data"), this);
    m_readOnly->setObjectName(QStringLiteral("readOnlyCheck"));
    layout->addWidget(m_readOnly);

    auto *testRow = new QHBoxLayout;
    m_testButton = new QPushButton(tr("Test connection"), this);
    m_testButton->setObjectName(QStringLiteral("testButton"));
    m_testButton->setAutoDefault(false);
    testRow->addWidget(m_testButton);
    m_testResult = WidgetStyle::plainLabel(this);
    m_testResult->setObjectName(QStringLiteral("testResult"));
    testRow->addWidget(m_testResult, 1);
    layout->addLayout(testRow);
    connect(m_testButton, &QPushButton::clicked, this, &ProfileDialog::testConnection);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_host, &QLineEdit::textChanged, this, &ProfileDialog::updateOkButton);
    connect(m_url, &QLineEdit::textChanged, this, &ProfileDialog::onUrlChanged);

    setConfig({});
    setMinimumWidth(520);
}

ProfileDialog::~ProfileDialog() = default;

QLineEdit *ProfileDialog::addFileRow(QFormLayout *form, const QString &label, const QString &filter)
{
    auto *row = new QWidget(m_tls);
    auto *rowLayout = new QHBoxLayout(row);
    rowLayout->setContentsMargins(0, 0, 0, 0);
    auto *edit = new QLineEdit(row);
    rowLayout->addWidget(edit, 1);
    auto *browse = new QToolButton(row);
    browse->setText(tr("Browse\u2026"));
    rowLayout->addWidget(browse);
    connect(browse, &QToolButton::clicked, this, [this, edit, label, filter] {
        const QString file = QFileDialog::getOpenFileName(this, label, edit->text(), filter);
        if (!file.isEmpty())
            edit->setText(file);
    });
    form->addRow(label, row);
    return edit;
}

void ProfileDialog::addColourButton(const QString &colour, const QString &toolTip)
{
    auto *button = new QToolButton(m_colourRow);
    button->setIcon(swatch(colour));
    button->setToolTip(toolTip);
    button->setCheckable(true);
    button->setAutoRaise(true);
    button->setProperty(colourProperty, colour);
    m_colourGroup->addButton(button);
    m_colourRow->layout()->addWidget(button);
    connect(button, &QToolButton::clicked, this, [this, colour] { m_colour = colour; });
}

void ProfileDialog::setColour(const QString &colour)
{
    m_colour = colour;
    const auto buttons = m_colourGroup->buttons();
    for (QAbstractButton *button : buttons) {
        if (button != m_customColour && button->property(colourProperty).toString() == colour) {
            button->setChecked(true);
            m_customColour->setIcon({});
            return;
        }
    }
    m_customColour->setIcon(swatch(colour));
    m_customColour->setChecked(true);
}

void ProfileDialog::chooseCustomColour()
{
    auto *dialog = new QColorDialog(m_colour.isEmpty() ? QColor(Qt::gray) : QColor(m_colour), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QColorDialog::colorSelected, this, [this](const QColor &colour) {
        if (colour.isValid())
            setColour(colour.name());
    });
    // Cancelled: keep the previous choice checked.
    connect(dialog, &QColorDialog::rejected, this, [this] { setColour(m_colour); });
    dialog->open();
}

void ProfileDialog::setConfig(const ConnectionConfig &config)
{
    m_base = config;
    m_name->setText(config.name);
    m_host->setText(config.host);
    m_port->setValue(config.port);
    m_username->setText(config.username);
    m_password->setText(config.password);
    m_db->setValue(config.db);
    setColour(config.colour);
    m_tls->setChecked(config.tls);
    m_caFile->setText(config.caFile);
    m_certFile->setText(config.certFile);
    m_keyFile->setText(config.keyFile);
    m_serverName->setText(config.serverName);
    m_verify->setChecked(config.verifyPeer);
    m_readOnly->setChecked(config.readOnly);
    QStringList sentinels;
    for (const HostPort &address : config.sentinels)
        sentinels.append(address.endpoint());
    m_sentinels->setText(sentinels.join(QStringLiteral(", ")));
    m_masterName->setText(config.sentinelMaster);
    m_sentinelUsername->setText(config.sentinelUsername);
    m_sentinelPassword->setText(config.sentinelPassword);
    m_sentinel->setChecked(config.usesSentinel());
    updateVerifyWarning();
    updateSentinelFields();
}

ConnectionConfig ProfileDialog::config() const
{
    ConnectionConfig config = m_base;
    config.name = m_name->text().trimmed();
    config.host = m_host->text().trimmed();
    config.port = quint16(m_port->value());
    config.username = m_username->text();
    config.password = m_password->text();
    config.db = m_db->value();
    config.colour = m_colour;
    config.tls = m_tls->isChecked();
    config.caFile = m_caFile->text().trimmed();
    config.certFile = m_certFile->text().trimmed();
    config.keyFile = m_keyFile->text().trimmed();
    config.serverName = m_serverName->text().trimmed();
    config.verifyPeer = m_verify->isChecked();
    config.readOnly = m_readOnly->isChecked();
    if (m_sentinel->isChecked()) {
        config.sentinels = RedisUrl::parseHostList(m_sentinels->text()).hosts;
        config.sentinelMaster = m_masterName->text().trimmed();
        config.sentinelUsername = m_sentinelUsername->text();
        config.sentinelPassword = m_sentinelPassword->text();
    } else {
        config.sentinels.clear();
        config.sentinelMaster.clear();
        config.sentinelUsername.clear();
        config.sentinelPassword.clear();
    }
    return config;
}

void ProfileDialog::setPassword(const QString &password)
{
    m_password->setText(password);
}

void ProfileDialog::setSentinelPassword(const QString &password)
{
    m_sentinelPassword->setText(password);
}

QString ProfileDialog::validationError() const
{
    if (!m_sentinel->isChecked())
        return m_host->text().trimmed().isEmpty() ? tr("Enter a host name or address.") : QString();
    const RedisUrl::HostList sentinels = RedisUrl::parseHostList(m_sentinels->text());
    if (!sentinels.error.isEmpty())
        return sentinels.error;
    if (sentinels.hosts.isEmpty())
        return tr("Enter at least one sentinel as host:port (port 26379 when left out), several separated by "
                  "commas.");
    if (m_masterName->text().trimmed().isEmpty())
        return tr("Enter the name of the master the sentinels monitor (the name in “sentinel monitor”).");
    return {};
}

void ProfileDialog::onUrlChanged(const QString &text)
{
    if (text.trimmed().isEmpty()) {
        m_urlError->clear();
        m_urlError->hide();
        return;
    }
    const RedisUrl::Result result = RedisUrl::parse(text.trimmed(), config());
    if (!result.config) {
        m_urlError->setText(result.error);
        m_urlError->show();
        return;
    }
    m_urlError->clear();
    m_urlError->hide();
    const QString id = m_base.id;
    setConfig(*result.config);
    m_base.id = id;
}

void ProfileDialog::updateVerifyWarning()
{
    m_verifyWarning->setVisible(m_tls->isChecked() && !m_verify->isChecked());
}

void ProfileDialog::updateOkButton()
{
    const QString error = validationError();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(error.isEmpty());
    // A direct profile without a host just cannot be saved yet; the Sentinel fields say what is wrong.
    m_sentinelError->setText(m_sentinel->isChecked() ? error : QString());
    m_sentinelError->setVisible(m_sentinel->isChecked() && !error.isEmpty());
}

void ProfileDialog::updateSentinelFields()
{
    const bool sentinel = m_sentinel->isChecked();
    m_host->setEnabled(!sentinel);
    m_port->setEnabled(!sentinel);
    updateOkButton();
}

void ProfileDialog::testConnection()
{
    if (m_testConnection || m_testSentinel)
        return;
    ConnectionConfig config = this->config();
    if (const QString error = validationError(); !error.isEmpty()) {
        finishTest(false, error);
        return;
    }
    if (config.usesSentinel()) {
        testThroughSentinel(config);
        return;
    }
    m_testButton->setEnabled(false);
    WidgetStyle::setTextColour(m_testResult, palette().color(QPalette::WindowText));
    m_testResult->setText(tr("Connecting to %1\u2026").arg(config.endpoint()));

    auto *connection = new RedisConnection(config, this);
    m_testConnection = connection;
    connection->setAutoReconnect(false);
    // After a result, late failures of the same connection (callbacks failed on close) are ignored.
    connect(connection, &RedisConnection::errorOccurred, this,
            [this](const ConnectionError &error) { finishTest(false, error.message); });
    connect(connection, &RedisConnection::ready, this, [this, connection] {
        connection->ping(this, [this, connection](qint64 micros, const RedisReply &pong) {
            if (m_testConnection != connection)
                return;
            if (pong.isError()) {
                finishTest(false, pong.errorMessage());
                return;
            }
            connection->command(
                {"INFO", "server"}, this, [this, connection, micros](const RedisReply &reply) {
                    if (m_testConnection != connection)
                        return;
                    if (reply.isError()) {
                        finishTest(false, reply.errorMessage());
                        return;
                    }
                    const ServerInfo info = ServerInfo::parse(reply.bytes());
                    finishTest(true, tr("Connected: Redis %1 (%2), %3")
                                         .arg(info.version(), info.mode(), formatLatency(micros)));
                });
        });
    });
    connection->open();
}

void ProfileDialog::testThroughSentinel(const ConnectionConfig &config)
{
    m_testButton->setEnabled(false);
    WidgetStyle::setTextColour(m_testResult, palette().color(QPalette::WindowText));
    m_testResult->setText(tr("Asking the sentinels for master “%1”\u2026").arg(config.sentinelMaster));

    auto *client = new SentinelClient(config.sentinelConfigs(), config.sentinelMaster.toUtf8(), config, this);
    m_testSentinel = client;
    client->setRecheckInterval(0);
    // The first problem is the answer: the client would keep trying.
    const auto failed = [this, client](const QString &message) {
        if (m_testSentinel == client)
            finishTest(false, message);
    };
    connect(client, &SentinelClient::problem, this, failed);
    connect(client, &SentinelClient::masterRefused, this, failed); // a wrong master password
    connect(client, &SentinelClient::masterChanged, this, [this, client] {
        if (m_testSentinel != client || !client->connection())
            return;
        const QString master = client->masterConfig().endpoint();
        m_testResult->setText(tr("Connecting to master %1\u2026").arg(master));
        RedisConnection *connection = client->connection();
        connection->ping(this, [this, client, connection, master](qint64 micros, const RedisReply &pong) {
            if (m_testSentinel != client)
                return;
            if (pong.isError()) {
                finishTest(false, tr("master %1: %2").arg(master, pong.errorMessage()));
                return;
            }
            connection->command(
                {"INFO", "server"}, this, [this, client, master, micros](const RedisReply &reply) {
                    if (m_testSentinel != client)
                        return;
                    if (reply.isError()) {
                        finishTest(false, tr("master %1: %2").arg(master, reply.errorMessage()));
                        return;
                    }
                    const ServerInfo info = ServerInfo::parse(reply.bytes());
                    finishTest(true, tr("Connected through Sentinel to master %1: Redis %2 (%3), %4")
                                         .arg(master, info.version(), info.mode(), formatLatency(micros)));
                });
        });
    });
    client->start();
}

void ProfileDialog::finishTest(bool ok, const QString &message)
{
    if (m_testConnection) {
        m_testConnection->disconnect(this);
        m_testConnection->deleteLater();
        m_testConnection = nullptr;
    }
    if (m_testSentinel) {
        m_testSentinel->disconnect(this);
        m_testSentinel->stop();
        m_testSentinel->deleteLater();
        m_testSentinel = nullptr;
    }
    m_testButton->setEnabled(true);
    WidgetStyle::setTextColour(m_testResult,
                               ok ? WidgetStyle::okColour(palette()) : WidgetStyle::errorColour(palette()));
    m_testResult->setText(ok ? message : tr("Failed: %1").arg(message));
    emit connectionTested(ok, message);
}
