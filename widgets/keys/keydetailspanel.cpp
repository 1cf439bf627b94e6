#include "keydetailspanel.h"

#include "bytesescaper.h"
#include "collectionvalueeditor.h"
#include "redisconnection.h"
#include "serverinfo.h"
#include "streamvalueeditor.h"
#include "stringvalueeditor.h"
#include "ttldialog.h"
#include "widgetstyle.h"

#include <limits>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QStackedWidget>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace {
// The command giving the number of elements of a type.
QByteArray lengthCommand(const QByteArray &type)
{
    if (type == "string")
        return "STRLEN";
    if (type == "hash")
        return "HLEN";
    if (type == "list")
        return "LLEN";
    if (type == "set")
        return "SCARD";
    if (type == "zset")
        return "ZCARD";
    if (type == "stream")
        return "XLEN";
    return {};
}
} // namespace

KeyDetailsPanel::KeyDetailsPanel(RedisConnection *connection, QWidget *parent)
    : QWidget(parent), m_connection(connection)
{
    auto *layout = new QVBoxLayout(this);
    m_stack = new QStackedWidget(this);
    layout->addWidget(m_stack);

    m_hint = WidgetStyle::plainLabel(m_stack);
    m_hint->setAlignment(Qt::AlignCenter);
    m_stack->addWidget(m_hint);

    auto *details = new QWidget(m_stack);
    auto *detailsLayout = new QVBoxLayout(details);
    detailsLayout->setContentsMargins(0, 0, 0, 0);
    auto *form = new QFormLayout;
    detailsLayout->addLayout(form);
    m_name = addRow(form, tr("Key"));
    m_type = addRow(form, tr("Type"));
    m_ttl = WidgetStyle::plainLabel(m_stack);
    m_ttlButton = new QToolButton(m_stack);
    m_ttlButton->setText(tr("Change…"));
    m_ttlButton->setObjectName(QStringLiteral("changeTtlButton"));
    auto *ttlRow = new QHBoxLayout;
    ttlRow->addWidget(m_ttl, 1);
    ttlRow->addWidget(m_ttlButton);
    auto *ttlCaption = WidgetStyle::plainLabel(m_stack);
    ttlCaption->setText(tr("TTL"));
    form->addRow(ttlCaption, ttlRow);
    m_ttlTimer = new QTimer(this);
    m_ttlTimer->setInterval(1000);
    connect(m_ttlTimer, &QTimer::timeout, this, &KeyDetailsPanel::showTtl);
    connect(m_ttlButton, &QToolButton::clicked, this, &KeyDetailsPanel::changeTtl);
    m_memory = addRow(form, tr("Memory"));
    m_encoding = addRow(form, tr("Encoding"));
    m_length = addRow(form, tr("Length"));
    m_error = WidgetStyle::plainLabel(details);
    m_error->setStyleSheet(QStringLiteral("color: %1").arg(WidgetStyle::errorColour(palette()).name()));
    form->addRow(m_error);
    m_valueArea = new QVBoxLayout;
    detailsLayout->addLayout(m_valueArea, 1);
    m_stack->addWidget(details);
    clear();
}

QLabel *KeyDetailsPanel::addRow(QFormLayout *form, const QString &caption)
{
    QLabel *value = WidgetStyle::plainLabel(m_stack);
    QLabel *captionLabel = WidgetStyle::plainLabel(m_stack);
    captionLabel->setText(caption);
    form->addRow(captionLabel, value);
    return value;
}

void KeyDetailsPanel::dropEditor()
{
    m_ttlTimer->stop();
    m_pttl = -3;
    delete m_valueEditor;
    m_valueEditor = nullptr;
}

StringValueEditor *KeyDetailsPanel::stringEditor() const
{
    return qobject_cast<StringValueEditor *>(m_valueEditor);
}

CollectionValueEditor *KeyDetailsPanel::collectionEditor() const
{
    return qobject_cast<CollectionValueEditor *>(m_valueEditor);
}

StreamValueEditor *KeyDetailsPanel::streamEditor() const
{
    return qobject_cast<StreamValueEditor *>(m_valueEditor);
}

void KeyDetailsPanel::clear()
{
    dropEditor();
    ++m_generation;
    m_key.clear();
    m_hint->setText(tr("Select a key to see its details."));
    m_stack->setCurrentIndex(0);
}

void KeyDetailsPanel::showFolder(const QByteArray &prefix, qint64 keys)
{
    ++m_generation;
    m_key.clear();
    dropEditor();
    m_hint->setText(tr("%1* — %2 keys loaded").arg(BytesEscaper::escape(prefix), QLocale().toString(keys)));
    m_stack->setCurrentIndex(0);
}

void KeyDetailsPanel::setConnection(RedisConnection *connection)
{
    m_connection = connection;
}

void KeyDetailsPanel::showKey(const QByteArray &key)
{
    const quint64 generation = ++m_generation;
    m_key = key;
    dropEditor();
    m_stack->setCurrentIndex(1);
    m_name->setText(BytesEscaper::escape(key));
    for (QLabel *label : {m_type, m_ttl, m_memory, m_encoding, m_length})
        label->setText(tr("…"));
    m_error->clear();
    m_ttlButton->setEnabled(m_connection && !m_connection->config().readOnly);
    m_ttlButton->setToolTip(m_ttlButton->isEnabled() ? tr("Set or remove the expiry (EXPIRE, PERSIST …)")
                                                     : tr("This connection is read-only."));
    if (!m_connection || !m_connection->isReady()) {
        m_error->setText(tr("Not connected."));
        return;
    }
    m_connection->command({"TYPE", key}, this, [this, key, generation](const RedisReply &reply) {
        onType(key, generation, reply);
    });
}

void KeyDetailsPanel::onType(const QByteArray &key, quint64 generation, const RedisReply &reply)
{
    if (generation != m_generation)
        return;
    if (reply.isError()) {
        m_error->setText(tr("Could not read the key: %1").arg(reply.errorMessage()));
        return;
    }
    const QByteArray type = reply.bytes();
    if (type == "none") {
        for (QLabel *label : {m_type, m_ttl, m_memory, m_encoding, m_length})
            label->clear();
        m_error->setText(tr("This key no longer exists (deleted or expired)."));
        emit keyMissing(key);
        return;
    }
    m_type->setText(QString::fromLatin1(type));
    if (type == "string")
        m_valueEditor = new StringValueEditor(m_connection, key, this, m_previewThreshold);
    else if (type == "stream")
        m_valueEditor = new StreamValueEditor(m_connection, key, this);
    else if (const auto kind = CollectionModel::kindOf(type))
        m_valueEditor = new CollectionValueEditor(m_connection, key, *kind, this);
    if (m_valueEditor)
        m_valueArea->addWidget(m_valueEditor);
    const auto show = [this, generation](QLabel *label, auto format) {
        return [this, generation, label, format](const RedisReply &r) {
            if (generation != m_generation)
                return;
            label->setText(r.isError() ? tr("unavailable (%1)").arg(r.errorMessage()) : format(r));
        };
    };
    requestTtl();
    m_connection->command({"MEMORY", "USAGE", key}, this, show(m_memory, [](const RedisReply &r) {
                              return QLocale().formattedDataSize(r.toInteger());
                          }));
    m_connection->command({"OBJECT", "ENCODING", key}, this, show(m_encoding, [](const RedisReply &r) {
                              return QString::fromLatin1(r.bytes());
                          }));
    const QByteArray length = lengthCommand(type);
    if (length.isEmpty()) {
        m_length->setText(tr("—"));
        return;
    }
    m_connection->command(
        {length, key}, this, show(m_length, [type](const RedisReply &r) {
            const int n = int(std::min<qint64>(r.toInteger(), std::numeric_limits<int>::max()));
            return type == "string" ? tr("%Ln byte(s)", nullptr, n) : tr("%Ln element(s)", nullptr, n);
        }));
}

void KeyDetailsPanel::requestTtl()
{
    if (!m_connection)
        return;
    const quint64 generation = m_generation;
    m_connection->command({"PTTL", m_key}, this, [this, generation](const RedisReply &reply) {
        if (generation != m_generation)
            return;
        if (reply.isError()) {
            m_ttl->setText(tr("unavailable (%1)").arg(reply.errorMessage()));
            return;
        }
        m_pttl = reply.toInteger();
        m_ttlClock.start();
        showTtl();
        if (m_pttl >= 0)
            m_ttlTimer->start();
    });
}

void KeyDetailsPanel::showTtl()
{
    if (m_pttl == -3) // not known yet
        return;
    if (m_pttl == -2) { // PTTL: the key is gone
        m_ttlTimer->stop();
        m_ttl->setText(tr("expired"));
        return;
    }
    if (m_pttl < 0) {
        m_ttlTimer->stop();
        m_ttl->setText(tr("no limit"));
        return;
    }
    const qint64 left = m_pttl - m_ttlClock.elapsed();
    if (left > 0) {
        m_ttl->setText(
            tr("%1 (%2 ms)").arg(ServerInfo::formatDuration((left + 999) / 1000), QLocale().toString(left)));
        return;
    }
    // Counted down: ask the server whether it is really gone (clocks and rounding differ).
    m_ttlTimer->stop();
    m_ttl->setText(tr("expired"));
    const QByteArray key = m_key;
    const quint64 generation = m_generation;
    m_connection->command({"EXISTS", key}, this, [this, key, generation](const RedisReply &reply) {
        if (generation != m_generation)
            return;
        if (reply.toInteger() == 0) {
            m_error->setText(tr("This key no longer exists (deleted or expired)."));
            emit keyMissing(key);
        } else {
            requestTtl();
        }
    });
}

void KeyDetailsPanel::changeTtl()
{
    if (m_key.isEmpty() || !m_connection || m_connection->config().readOnly)
        return;
    auto *dialog = new TtlDialog(m_connection, m_key, m_pttl, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QByteArray key = m_key;
    connect(dialog, &QDialog::accepted, this, [this, key] {
        if (key != m_key)
            return;
        requestTtl();
        emit ttlChanged(key);
    });
    dialog->open();
}

QString KeyDetailsPanel::nameText() const
{
    return m_stack->currentIndex() == 1 ? m_name->text() : m_hint->text();
}

QString KeyDetailsPanel::typeText() const
{
    return m_type->text();
}

QString KeyDetailsPanel::ttlText() const
{
    return m_ttl->text();
}

QString KeyDetailsPanel::lengthText() const
{
    return m_length->text();
}
