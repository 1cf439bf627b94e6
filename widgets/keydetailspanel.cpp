#include "keydetailspanel.h"

#include "bytesescaper.h"
#include "collectionvalueeditor.h"
#include "redisconnection.h"
#include "serverinfo.h"
#include "stringvalueeditor.h"

#include <limits>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QStackedWidget>
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

QLabel *plainLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setWordWrap(true);
    return label;
}
} // namespace

KeyDetailsPanel::KeyDetailsPanel(RedisConnection *connection, QWidget *parent)
    : QWidget(parent), m_connection(connection)
{
    auto *layout = new QVBoxLayout(this);
    m_stack = new QStackedWidget(this);
    layout->addWidget(m_stack);

    m_hint = plainLabel(m_stack);
    m_hint->setAlignment(Qt::AlignCenter);
    m_stack->addWidget(m_hint);

    auto *details = new QWidget(m_stack);
    auto *detailsLayout = new QVBoxLayout(details);
    detailsLayout->setContentsMargins(0, 0, 0, 0);
    auto *form = new QFormLayout;
    detailsLayout->addLayout(form);
    m_name = addRow(form, tr("Key"));
    m_type = addRow(form, tr("Type"));
    m_ttl = addRow(form, tr("TTL"));
    m_memory = addRow(form, tr("Memory"));
    m_encoding = addRow(form, tr("Encoding"));
    m_length = addRow(form, tr("Length"));
    m_error = plainLabel(details);
    m_error->setStyleSheet(QStringLiteral("color: #b00020"));
    form->addRow(m_error);
    m_valueArea = new QVBoxLayout;
    detailsLayout->addLayout(m_valueArea, 1);
    m_stack->addWidget(details);
    clear();
}

QLabel *KeyDetailsPanel::addRow(QFormLayout *form, const QString &caption)
{
    QLabel *value = plainLabel(m_stack);
    QLabel *captionLabel = plainLabel(m_stack);
    captionLabel->setText(caption);
    form->addRow(captionLabel, value);
    return value;
}

void KeyDetailsPanel::dropEditor()
{
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
        m_valueEditor = new StringValueEditor(m_connection, key, this);
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
    m_connection->command({"PTTL", key}, this, show(m_ttl, [](const RedisReply &r) {
                              const qint64 ms = r.toInteger();
                              return ms < 0 ? tr("no limit")
                                            : tr("%1 (%2 ms)")
                                                  .arg(ServerInfo::formatDuration((ms + 999) / 1000),
                                                       QLocale().toString(ms));
                          }));
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
