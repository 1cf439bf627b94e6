#pragma once

#include "pubsubmessage.h"

#include <QAbstractTableModel>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <vector>

class QTimer;

// Received messages grouped by channel prefix, so a person sees at a glance which namespace or room is busy:
// a Socket.IO adapter channel is its own group (`socket.io#/#`, `socket.io#/#room1#`, `socket.io#/admin#`),
// any other channel groups up to its first ':' (`batch:` for `batch:123`), else stands alone. Per group:
// messages, messages per second (over the last second, updated every second) and the last payload (as one
// readable line: MessagePack decoded, else text or escaped bytes). Capped at kMaxGroups; later groups
// count as "(other)".
class ChannelGroupModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { GroupColumn, MessagesColumn, RateColumn, LastPayloadColumn, ColumnCount };
    enum Role { GroupBytesRole = Qt::UserRole + 1 };
    static constexpr int kMaxGroups = 500;
    static constexpr int kShownPayloadChars = 200;
    static constexpr qsizetype kMaxRememberedChannels = 10'000;

    explicit ChannelGroupModel(QObject *parent = nullptr);

    // The group a channel belongs to.
    static QByteArray groupOf(const QByteArray &channel);

    void add(const QList<PubSubMessage> &messages);
    void clear();
    // Recomputes the rates now (the model does it every second by itself once messages come).
    void updateRates();

    qint64 messages(int row) const { return m_groups.at(row).messages; }
    double rate(int row) const { return m_groups.at(row).rate; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Group
    {
        QByteArray name;
        qint64 messages = 0;
        qint64 atLastRate = 0; // messages when the rate was last computed
        double rate = 0;
        QByteArray lastPayload;
    };
    int rowOf(const QByteArray &channel);

    std::vector<Group> m_groups;
    QHash<QByteArray, int> m_rowOfGroup;
    QHash<QByteArray, int> m_rowOfChannel; // up to kMaxRememberedChannels
    QByteArray m_lastChannel;              // floods repeat a channel: the fastest path

    int m_lastRow = -1;
    QTimer *m_timer = nullptr;
    QElapsedTimer m_sinceRate;
};
