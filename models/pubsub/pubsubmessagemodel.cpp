#include "pubsubmessagemodel.h"

#include "bytesescaper.h"
#include "valuedecoder.h"

#include <QDateTime>
#include <QIODevice>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

const char *kindName(PubSubMessage::Kind kind)
{
    switch (kind) {
    case PubSubMessage::Kind::Channel:
        return "message";
    case PubSubMessage::Kind::Pattern:
        return "pmessage";
    case PubSubMessage::Kind::Shard:
        return "smessage";
    }
    return "";
}

QByteArray csvField(const QString &text)
{
    QByteArray bytes = text.toUtf8();
    if (bytes.contains(',') || bytes.contains('"') || bytes.contains('\n') || bytes.contains('\r')) {
        bytes.replace("\"", "\"\"");
        bytes = '"' + bytes + '"';
    }
    return bytes;
}

bool isUtf8(const QByteArray &bytes)
{
    return QString::fromUtf8(bytes).toUtf8() == bytes;
}

// Text as it is when it is UTF-8 without NULs (CSV quoting copes with the rest), else escaped.
QString csvText(const QByteArray &bytes)
{
    return !bytes.contains('\0') && isUtf8(bytes) ? QString::fromUtf8(bytes) : BytesEscaper::escape(bytes);
}

} // namespace

PubSubMessageModel::PubSubMessageModel(qsizetype capacity, QObject *parent)
    : QAbstractTableModel(parent), m_capacity(std::max<qsizetype>(1, capacity))
{}

QString PubSubMessageModel::timeText(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("HH:mm:ss.zzz"));
}

void PubSubMessageModel::setCapacity(qsizetype capacity)
{
    capacity = std::max<qsizetype>(1, capacity);
    QList<PubSubMessage> keep = snapshot();
    beginResetModel();
    if (keep.size() > capacity) {
        m_dropped += keep.size() - capacity;
        keep = keep.mid(keep.size() - capacity);
    }
    m_capacity = capacity;
    m_ring.assign(keep.cbegin(), keep.cend());
    m_head = 0;
    m_count = qsizetype(m_ring.size());
    endResetModel();
    emit countersChanged();
}

void PubSubMessageModel::append(const QList<PubSubMessage> &messages, qint64 droppedUpstream)
{
    m_received += messages.size() + droppedUpstream;
    m_dropped += droppedUpstream;
    if (m_paused) {
        m_held += messages;
        if (m_held.size() > m_capacity) {
            m_dropped += m_held.size() - m_capacity;
            m_held = m_held.mid(m_held.size() - m_capacity);
        }
    } else {
        insert(messages);
    }
    emit countersChanged();
}

void PubSubMessageModel::insert(const QList<PubSubMessage> &messages)
{
    if (messages.isEmpty())
        return;
    // Only the newest that fit; the batch is read, not detached (its bytes are shared with the sender's).
    const qsizetype skipped = std::max<qsizetype>(0, messages.size() - m_capacity);
    m_dropped += skipped;
    const qsizetype incoming = messages.size() - skipped;
    // Evict the oldest rows that the new ones push out.
    const qsizetype evict = std::max<qsizetype>(0, m_count + incoming - m_capacity);
    if (evict > 0 && qsizetype(m_ring.size()) < m_capacity)
        m_ring.resize(size_t(m_capacity)); // full from now on: plain modulo indexing (head is still 0)
    if (evict > 0) {
        beginRemoveRows({}, 0, int(evict - 1));
        m_head = (m_head + evict) % qsizetype(m_ring.size());
        m_count -= evict;
        m_dropped += evict;
        endRemoveRows();
    }
    beginInsertRows({}, int(m_count), int(m_count + incoming - 1));
    for (auto it = messages.cbegin() + skipped; it != messages.cend(); ++it) {
        if (qsizetype(m_ring.size()) < m_capacity) {
            // Still growing: nothing was evicted yet, so head is 0 and the end is free.
            m_ring.push_back(*it);
        } else {
            m_ring[(m_head + m_count) % m_ring.size()] = *it;
        }
        ++m_count;
    }
    endInsertRows();
}

void PubSubMessageModel::setPaused(bool paused)
{
    if (paused == m_paused)
        return;
    m_paused = paused;
    if (!paused)
        insert(std::exchange(m_held, {}));
    emit countersChanged();
}

void PubSubMessageModel::clear()
{
    beginResetModel();
    m_ring.clear();
    m_head = 0;
    m_count = 0;
    m_held.clear();
    m_received = 0;
    m_dropped = 0;
    endResetModel();
    emit countersChanged();
}

const PubSubMessage &PubSubMessageModel::message(int row) const
{
    return at(row);
}

QList<PubSubMessage> PubSubMessageModel::snapshot() const
{
    QList<PubSubMessage> out;
    out.reserve(m_count);
    for (qsizetype i = 0; i < m_count; ++i)
        out.append(at(i));
    return out;
}

int PubSubMessageModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_count);
}

int PubSubMessageModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PubSubMessageModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_count)
        return {};
    const PubSubMessage &m = at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return timeText(m.receivedMs);
        case ChannelColumn:
            return BytesEscaper::readable(m.channel);
        case PatternColumn:
            return BytesEscaper::readable(m.pattern);
        case PayloadColumn:
            return ValueDecoder::oneLine(m.payload, kShownPayloadChars);
        }
        return {};
    case PayloadBytesRole:
        return m.payload;
    case ChannelBytesRole:
        return m.channel;
    default:
        return {};
    }
}

QVariant PubSubMessageModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole || orientation != Qt::Horizontal)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case ChannelColumn:
        return tr("Channel");
    case PatternColumn:
        return tr("Pattern");
    case PayloadColumn:
        return tr("Payload");
    }
    return {};
}

bool PubSubMessageModel::writeCsv(QIODevice &out, const QList<PubSubMessage> &messages)
{
    if (out.write("time,kind,channel,pattern,payload\r\n") < 0)
        return false;
    for (const PubSubMessage &m : messages) {
        QByteArray line =
            QDateTime::fromMSecsSinceEpoch(m.receivedMs, Qt::UTC).toString(Qt::ISODateWithMs).toLatin1();
        line += ',';
        line += kindName(m.kind);
        line += ',' + csvField(csvText(m.channel)) + ',' + csvField(csvText(m.pattern)) + ',' +
                csvField(csvText(m.payload)) + "\r\n";
        if (out.write(line) < 0)
            return false;
    }
    return true;
}

bool PubSubMessageModel::writeJsonLines(QIODevice &out, const QList<PubSubMessage> &messages)
{
    for (const PubSubMessage &m : messages) {
        QJsonObject object{
            {QStringLiteral("time"),
             QDateTime::fromMSecsSinceEpoch(m.receivedMs, Qt::UTC).toString(Qt::ISODateWithMs)},
            {QStringLiteral("kind"), QString::fromLatin1(kindName(m.kind))},
        };
        const auto put = [&object](const QString &name, const QByteArray &bytes) {
            if (isUtf8(bytes))
                object.insert(name, QString::fromUtf8(bytes));
            else
                object.insert(name + QStringLiteral("_base64"), QString::fromLatin1(bytes.toBase64()));
        };
        put(QStringLiteral("channel"), m.channel);
        if (m.kind == PubSubMessage::Kind::Pattern)
            put(QStringLiteral("pattern"), m.pattern);
        put(QStringLiteral("payload"), m.payload);
        if (out.write(QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n') < 0)
            return false;
    }
    return true;
}
