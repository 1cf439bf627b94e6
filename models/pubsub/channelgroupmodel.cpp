#include "channelgroupmodel.h"

#include "bytesescaper.h"
#include "valuedecoder.h"

#include <QLocale>
#include <QTimer>

namespace {

constexpr QByteArrayView kOther = "(other)";

} // namespace

ChannelGroupModel::ChannelGroupModel(QObject *parent) : QAbstractTableModel(parent), m_timer(new QTimer(this))
{
    m_timer->setInterval(1000);
    connect(m_timer, &QTimer::timeout, this, &ChannelGroupModel::updateRates);
}

QByteArray ChannelGroupModel::groupOf(const QByteArray &channel)
{
    // Socket.IO adapter: <prefix>#<namespace>#[<room>#] — the namespace or the room is what is busy.
    if (channel.endsWith('#') && channel.contains("#/"))
        return channel;
    const qsizetype colon = channel.indexOf(':');
    return colon > 0 ? channel.left(colon + 1) : channel;
}

int ChannelGroupModel::rowOf(const QByteArray &channel)
{
    if (m_lastRow >= 0 && channel == m_lastChannel)
        return m_lastRow;
    int row = m_rowOfChannel.value(channel, -1);
    if (row < 0) {
        QByteArray name = groupOf(channel);
        if (!m_rowOfGroup.contains(name) && int(m_groups.size()) >= kMaxGroups)
            name = kOther.toByteArray();
        row = m_rowOfGroup.value(name, -1);
        if (row < 0) {
            row = int(m_groups.size());
            beginInsertRows({}, row, row);
            m_rowOfGroup.insert(name, row);
            Group group;
            group.name = std::move(name);
            m_groups.push_back(std::move(group));
            endInsertRows();
        }
        if (m_rowOfChannel.size() >= kMaxRememberedChannels)
            m_rowOfChannel.clear(); // a channel per message (ids in names): forget, look up again
        m_rowOfChannel.insert(channel, row);
    }
    m_lastChannel = channel;
    m_lastRow = row;
    return row;
}

void ChannelGroupModel::add(const QList<PubSubMessage> &messages)
{
    if (messages.isEmpty())
        return;
    int first = rowCount();
    int last = -1;
    for (const PubSubMessage &message : messages) {
        const int row = rowOf(message.channel);
        ++m_groups[size_t(row)].messages;
        m_groups[size_t(row)].lastPayload = message.payload;
        first = std::min(first, row);
        last = std::max(last, row);
    }
    emit dataChanged(index(first, MessagesColumn), index(last, LastPayloadColumn));
    if (!m_timer->isActive()) {
        m_sinceRate.start();
        m_timer->start();
    }
}

void ChannelGroupModel::clear()
{
    beginResetModel();
    m_groups.clear();
    m_rowOfGroup.clear();
    m_rowOfChannel.clear();
    m_lastChannel.clear();
    m_lastRow = -1;
    endResetModel();
    m_timer->stop();
}

void ChannelGroupModel::updateRates()
{
    if (m_groups.empty())
        return;
    const double seconds = std::max<qint64>(1, m_sinceRate.restart()) / 1000.0;
    for (Group &group : m_groups) {
        group.rate = double(group.messages - group.atLastRate) / seconds;
        group.atLastRate = group.messages;
    }
    emit dataChanged(index(0, RateColumn), index(rowCount() - 1, RateColumn));
}

int ChannelGroupModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_groups.size());
}

int ChannelGroupModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ChannelGroupModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Group &group = m_groups[size_t(index.row())];
    if (role == GroupBytesRole)
        return group.name;
    if (role == Qt::TextAlignmentRole && (index.column() == MessagesColumn || index.column() == RateColumn))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case GroupColumn:
        return group.name == kOther ? tr("(other)") : BytesEscaper::escape(group.name);
    case MessagesColumn:
        return QLocale().toString(group.messages);
    case RateColumn:
        return QLocale().toString(group.rate, 'f', group.rate < 10 ? 1 : 0);
    case LastPayloadColumn:
        return ValueDecoder::oneLine(group.lastPayload, kShownPayloadChars);
    default:
        return {};
    }
}

QVariant ChannelGroupModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case GroupColumn:
        return tr("Group");
    case MessagesColumn:
        return tr("Messages");
    case RateColumn:
        return tr("Per second");
    case LastPayloadColumn:
        return tr("Last payload");
    default:
        return {};
    }
}
