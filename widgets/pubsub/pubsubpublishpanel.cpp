#include "pubsubpublishpanel.h"

#include "bytesescaper.h"
#include "publisher.h"
#include "session.h"
#include "widgetstyle.h"

#include <QCheckBox>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

PubSubPublishPanel::PubSubPublishPanel(Session *session, QWidget *parent)
    : QGroupBox(tr("Publish"), parent), m_session(session), m_publisher(new Publisher(session, this))
{
    const bool writable = !session->isReadOnly();
    auto *layout = new QVBoxLayout(this);
    auto *channelRow = new QHBoxLayout;
    m_channel = new QLineEdit(this);
    m_channel->setObjectName(QStringLiteral("publishChannel"));
    m_channel->setPlaceholderText(tr("Channel"));
    m_sharded = new QCheckBox(tr("Sharded (SPUBLISH)"), this);
    channelRow->addWidget(m_channel, 1);
    channelRow->addWidget(m_sharded);
    layout->addLayout(channelRow);
    m_payload = new QPlainTextEdit(this);
    m_payload->setTabChangesFocus(true); // Tab moves on, as in every other field: no keyboard trap
    m_payload->setPlaceholderText(tr("Payload (\\xHH for any byte)"));
    m_payload->setMaximumHeight(80);
    layout->addWidget(m_payload);
    auto *repeatRow = new QHBoxLayout;
    auto *fromFile = new QPushButton(tr("From file…"), this);
    m_repeat = new QSpinBox(this);
    m_repeat->setRange(1, 10'000'000);
    m_repeat->setPrefix(tr("× "));
    m_rate = new QSpinBox(this);
    m_rate->setRange(0, 1'000'000);
    m_rate->setSpecialValueText(tr("max rate"));
    m_rate->setSuffix(tr(" msg/s"));
    m_publish = new QPushButton(tr("Publish"), this);
    m_stop = new QPushButton(tr("Stop"), this);
    m_stop->setEnabled(false);
    for (QWidget *w : std::initializer_list<QWidget *>{fromFile, m_repeat, m_rate, m_publish, m_stop})
        repeatRow->addWidget(w);
    layout->addLayout(repeatRow);
    m_result = WidgetStyle::plainLabel(
        this, writable ? QString() : tr("This connection is read-only: publishing is off."),
        WidgetStyle::Wrap::None);
    m_result->setWordWrap(true);
    layout->addWidget(m_result);
    m_publish->setEnabled(writable);
    fromFile->setEnabled(writable);

    connect(m_payload, &QPlainTextEdit::textChanged, this, [this] { m_filePayload.clear(); });
    connect(fromFile, &QPushButton::clicked, this, &PubSubPublishPanel::loadFile);
    connect(m_publish, &QPushButton::clicked, this, &PubSubPublishPanel::publishTyped);
    connect(m_stop, &QPushButton::clicked, m_publisher, &Publisher::cancel);
    connect(m_publisher, &Publisher::progress, this, [this](qint64 answered, qint64 total) {
        m_result->setText(
            tr("Published %1 of %2…").arg(QLocale().toString(answered), QLocale().toString(total)));
    });
    connect(m_publisher, &Publisher::finished, this, &PubSubPublishPanel::showFinished);
}

void PubSubPublishPanel::publish(const QByteArray &channel, const QByteArray &payload, bool sharded,
                                 qint64 count, int perSecond)
{
    if (!m_session || m_session->isReadOnly())
        return;
    m_publishingSharded = sharded;
    m_publish->setEnabled(false);
    m_stop->setEnabled(true);
    m_result->setText(tr("Publishing…"));
    m_publisher->publish(channel, payload, sharded, count, perSecond);
}

QString PubSubPublishPanel::resultText() const
{
    return m_result->text();
}

void PubSubPublishPanel::publishTyped()
{
    QByteArray payload = m_filePayload;
    if (payload.isNull()) {
        const auto typed = BytesEscaper::unescape(m_payload->toPlainText());
        if (!typed) {
            m_result->setText(tr("The payload has a malformed escape: use \\xHH for a byte."));
            return;
        }
        payload = *typed;
    }
    const auto channel = BytesEscaper::unescape(m_channel->text());
    if (!channel || channel->isEmpty()) {
        m_result->setText(tr("Type the channel to publish on."));
        return;
    }
    publish(*channel, payload, m_sharded->isChecked(), m_repeat->value(), m_rate->value());
}

void PubSubPublishPanel::loadFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Payload from file"));
    if (path.isEmpty())
        return;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly) || file.size() > 64 * 1024 * 1024) {
        m_result->setText(tr("Cannot use %1 (unreadable, or larger than 64 MiB).").arg(path));
        return;
    }
    const QByteArray bytes = file.readAll();
    m_payload->setPlainText(tr("(%1 from %2)").arg(QLocale().formattedDataSize(bytes.size()), path));
    m_payload->setReadOnly(false);
    m_filePayload = bytes; // after setPlainText, which clears it
}

void PubSubPublishPanel::showFinished(qint64 answered, qint64 receivers, const QString &error)
{
    m_publish->setEnabled(true);
    m_stop->setEnabled(false);
    const QString done = answered == 1 ? tr("Delivered to %n subscriber(s).", nullptr, int(receivers))
                                       : tr("Published %1 messages; the last reached %n subscriber(s).",
                                            nullptr, int(receivers))
                                             .arg(QLocale().toString(answered));
    QString text = error.isEmpty() ? done : error;
    if (error.isEmpty() && m_session && m_session->nodes().size() > 1 && !m_publishingSharded)
        text += QLatin1Char(' ') + tr("(In a cluster PUBLISH counts the subscribers of the node that took "
                                      "it; every node forwards it to its own.)");
    m_result->setText(text);
    emit published();
}
