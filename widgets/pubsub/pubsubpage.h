#pragma once

#include "latencyprobe.h"
#include "pubsubmessage.h"
#include "sessionpage.h"

#include <memory>
#include <QPointer>

class ChannelGroupModel;
class PubSubDetailsPanel;
class PubSubMessageModel;
class PubSubSubscriber;
class QCheckBox;
class QComboBox;
class PubSubOverviewPanel;
class PubSubPublishPanel;
class PubSubRatePlot;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSortFilterProxyModel;
class QSpinBox;
class QTableView;
class QTableWidget;
class RedisConnection;
class ShardedSubscriber;

// The pub/sub console: subscribe to channels, patterns and shard channels on a dedicated subscriber
// connection (PubSubSubscriber, its own thread), watch messages in a bounded buffer (filter, pause,
// clear, export, payload as text / JSON / MessagePack / hex in PubSubDetailsPanel), messages grouped by
// channel prefix or Socket.IO room (ChannelGroupModel, with rates and last payload), publish (once, or N
// times at a rate), see the server's channels and subscriber counts (PUBSUB), messages per second per
// channel, and the round-trip latency.
//
// Through the session: SUBSCRIBE and PSUBSCRIBE stay on the one subscriber to the session's server (a
// cluster forwards every PUBLISH to every node); SSUBSCRIBE goes through a ShardedSubscriber, one
// connection per master that owns a subscribed channel's slot (the one server when standalone),
// following failovers and migrations; the subscription list names each shard channel's node. Publishing
// goes through Session::command (SPUBLISH to the channel's master; PubSubPublishPanel), and the PUBSUB
// overview (PubSubOverview, shown by PubSubOverviewPanel) asks every node and merges their answers, with
// the node(s) in a fourth column. PubSubRatePlot draws the messages per second.
class PubSubPage : public SessionPage
{
    Q_OBJECT
public:
    explicit PubSubPage(Session *session, QWidget *parent = nullptr);
    ~PubSubPage() override;

    QString title() const override;
    // The buffer's capacity.
    void applySettings(const AppSettings &settings) override;

    void subscribe(PubSubMessage::Kind kind, const QByteArray &name);
    void unsubscribe(PubSubMessage::Kind kind, const QByteArray &name);
    void publish(const QByteArray &channel, const QByteArray &payload, bool sharded, qint64 count,
                 int perSecond);
    void refreshOverview();
    void startProbe(int intervalMs = 200);
    bool exportTo(const QString &path, bool jsonLines);

    PubSubSubscriber *subscriber() const { return m_subscriber.get(); }
    // The shard channels' subscribers (nullptr before the first SSUBSCRIBE).
    ShardedSubscriber *shardedSubscriber() const { return m_shardSubscriber.get(); }
    PubSubMessageModel *messages() const { return m_messages; }
    QSortFilterProxyModel *filtered() const { return m_filtered; }
    ChannelGroupModel *groups() const { return m_groups; }
    PubSubDetailsPanel *details() const { return m_details; }
    QTableView *view() const { return m_view; }
    QTableWidget *overview() const;
    QString countersText() const;
    QString publishText() const;
    QString probeText() const;
    QString detailsText() const;
    QStringList subscriptionTexts() const;
    void setPaused(bool paused);
    void setFilter(const QString &text);
    // How many messages the buffer keeps (the spin box follows).
    void setCapacity(int messages);
    // Copies the selected message's payload (as shown: text, or escaped bytes).
    void copyPayload();

signals:
    void overviewRefreshed();
    void published();

private:
    void ensureSubscriber();
    void ensureSharded();
    void onMessages(const QList<PubSubMessage> &batch, qint64 dropped);
    void updateCounters();
    void updateSubscriptions();
    void showDetails();

    std::unique_ptr<PubSubSubscriber> m_subscriber;
    std::unique_ptr<ShardedSubscriber> m_shardSubscriber; // SSUBSCRIBE
    std::unique_ptr<LatencyProbe> m_probe;
    PubSubMessageModel *m_messages = nullptr;
    QSortFilterProxyModel *m_filtered = nullptr;
    ChannelGroupModel *m_groups = nullptr; // what was received, by channel prefix

    QComboBox *m_kind = nullptr;
    QLineEdit *m_name = nullptr;
    QListWidget *m_subscriptions = nullptr;
    QLabel *m_subscriberState = nullptr;
    QLineEdit *m_filter = nullptr;
    QCheckBox *m_pause = nullptr;
    QSpinBox *m_capacity = nullptr;
    QLabel *m_counters = nullptr;
    QTableView *m_view = nullptr;
    PubSubDetailsPanel *m_details = nullptr;
    QTableView *m_groupView = nullptr;

    PubSubPublishPanel *m_publishPanel = nullptr;
    PubSubOverviewPanel *m_overviewPanel = nullptr;
    QPushButton *m_probeButton = nullptr;
    QLabel *m_probeResult = nullptr;

    PubSubRatePlot *m_rates = nullptr;
};
