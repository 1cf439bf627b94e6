#pragma once

#include <QPointer>
#include <QWidget>

class QLabel;
class QTimer;
class SentinelClient;
class SentinelView;

// The Sentinel tab: what the sentinels know of the followed master, its replicas and the other sentinels
// (SentinelClient::fetchState every 2 s into a SentinelView), and which master and sentinel are followed now.
class SentinelPage : public QWidget
{
    Q_OBJECT
public:
    static constexpr int kIntervalMs = 2000;

    explicit SentinelPage(SentinelClient *client, QWidget *parent = nullptr);

    SentinelView *view() const { return m_view; }

signals:
    void refreshed();

private:
    void refresh();

    QPointer<SentinelClient> m_client;
    SentinelView *m_view = nullptr;
    QLabel *m_following = nullptr;
    QTimer *m_timer = nullptr;
    bool m_inFlight = false;
};
