#pragma once

#include "pubsubmessage.h"

#include <QAbstractTableModel>
#include <QList>
#include <vector>

class QIODevice;

// The console's message buffer: a ring of at most capacity() messages (100,000 by default) shown as a
// table, newest last. When full, each new message evicts the oldest and the dropped counter grows;
// messages the subscriber dropped upstream count too. While paused, new messages are held (bounded by
// the capacity, the overflow counted as dropped) and the view stays still; resuming appends them.
class PubSubMessageModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { TimeColumn, ChannelColumn, PatternColumn, PayloadColumn, ColumnCount };
    enum Role { PayloadBytesRole = Qt::UserRole + 1, ChannelBytesRole };
    static constexpr qsizetype kDefaultCapacity = 100'000;
    static constexpr int kShownPayloadChars = 300; // the table cell; the whole payload is in the role

    explicit PubSubMessageModel(qsizetype capacity = kDefaultCapacity, QObject *parent = nullptr);

    qsizetype capacity() const { return m_capacity; }
    // Keeps the newest messages that fit.
    void setCapacity(qsizetype capacity);
    void append(const QList<PubSubMessage> &messages, qint64 droppedUpstream = 0);
    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }
    void clear();

    qint64 receivedCount() const { return m_received; }
    qint64 droppedCount() const { return m_dropped; }
    qsizetype heldCount() const { return m_held.size(); }
    const PubSubMessage &message(int row) const;
    // The buffer's messages, oldest first (cheap: the bytes are shared).
    QList<PubSubMessage> snapshot() const;

    // CSV (RFC 4180; bytes that are not UTF-8 text escaped as \xHH) and JSON Lines (payload as a string when
    // it is UTF-8, else payload_base64). Safe on any thread.
    static bool writeCsv(QIODevice &out, const QList<PubSubMessage> &messages);
    static bool writeJsonLines(QIODevice &out, const QList<PubSubMessage> &messages);
    static QString timeText(qint64 ms);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    void countersChanged();

private:
    void insert(const QList<PubSubMessage> &messages);
    const PubSubMessage &at(qsizetype i) const { return m_ring[(m_head + i) % m_ring.size()]; }

    qsizetype m_capacity;
    std::vector<PubSubMessage> m_ring; // grows up to m_capacity, then wraps
    qsizetype m_head = 0;              // index of the oldest message once wrapped
    qsizetype m_count = 0;
    QList<PubSubMessage> m_held; // while paused
    bool m_paused = false;
    qint64 m_received = 0;
    qint64 m_dropped = 0;
};
