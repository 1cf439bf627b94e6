#include "pubsubdetailspanel.h"

#include "bytesescaper.h"
#include "messagepack.h"
#include "valuedecoder.h"
#include "widgetstyle.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QVBoxLayout>

PubSubDetailsPanel::PubSubDetailsPanel(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *bar = new QHBoxLayout;
    m_mode = new QComboBox(this);
    m_mode->addItems({tr("Auto"), tr("Text"), tr("JSON"), tr("MessagePack"), tr("Hex")});
    m_mode->setAccessibleName(tr("Show payload as"));
    m_mode->setToolTip(tr("Auto: JSON, or MessagePack (Socket.IO adapter packets), else text"));
    bar->addWidget(m_mode);
    m_note = WidgetStyle::plainLabel(this, {}, WidgetStyle::Wrap::None);
    m_note->setObjectName(QStringLiteral("detailsNode"));
    bar->addWidget(m_note, 1);
    layout->addLayout(bar);
    m_text = new QPlainTextEdit(this);
    m_text->setReadOnly(true);
    m_text->setWordWrapMode(QTextOption::WrapAnywhere);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setAccessibleName(tr("Selected message's payload"));
    layout->addWidget(m_text, 1);
    connect(m_mode, &QComboBox::currentIndexChanged, this, &PubSubDetailsPanel::render);
}

void PubSubDetailsPanel::showPayload(const QByteArray &payload, const QString &note)
{
    m_payload = payload;
    m_shown = true;
    m_note->setText(note);
    render();
}

void PubSubDetailsPanel::clear()
{
    m_payload.clear();
    m_shown = false;
    m_note->clear();
    m_autoChoice.clear();
    m_text->clear();
}

void PubSubDetailsPanel::setMode(Mode mode)
{
    m_mode->setCurrentIndex(int(mode));
}

QString PubSubDetailsPanel::text() const
{
    return m_text->toPlainText();
}

void PubSubDetailsPanel::render()
{
    if (!m_shown)
        return;
    const auto mode = Mode(m_mode->currentIndex());
    m_autoChoice.clear();
    switch (mode) {
    case Mode::Auto:
        if (const QString json = ValueDecoder::prettyJson(m_payload); !json.isEmpty()) {
            m_autoChoice = QStringLiteral("JSON");
            m_text->setPlainText(json);
            return;
        }
        if (MessagePack::startsLikeContainer(m_payload)) {
            if (const MessagePack::Reading reading = MessagePack::read(m_payload); reading.ok) {
                m_autoChoice = QStringLiteral("MessagePack");
                m_text->setPlainText(reading.truncated ? reading.text + tr("\n… (stopped here)")
                                                       : reading.text);
                return;
            }
        }
        m_autoChoice = QStringLiteral("Text");
        m_text->setPlainText(BytesEscaper::readable(m_payload, true));
        return;
    case Mode::Text:
        m_text->setPlainText(BytesEscaper::readable(m_payload, true));
        return;
    case Mode::Json: {
        const QString json = ValueDecoder::prettyJson(m_payload);
        m_text->setPlainText(json.isEmpty() ? tr("(not a JSON object or array)") : json);
        return;
    }
    case Mode::MessagePack: {
        const MessagePack::Reading reading = MessagePack::read(m_payload);
        m_text->setPlainText(reading.ok ? reading.text : tr("(not MessagePack: %1)").arg(reading.error));
        return;
    }
    case Mode::Hex:
        m_text->setPlainText(BytesEscaper::toHex(m_payload));
        return;
    }
}
