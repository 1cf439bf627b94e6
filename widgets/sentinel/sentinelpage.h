#pragma once

#include "sessionpage.h"

#include <QPointer>

class QLabel;
class QTimer;
class SentinelView;

// The Sentinel tab: what the sentinels know of the followed master, its replicas and the other sentinels
// (SentinelClient::fetchState every 2 s into a SentinelView), and which master and sentinel are followed now.
// Made only for a session that follows sentinels.
class SentinelPage : public SessionPage
{
    Q_OBJECT
public:
    static constexpr int kIntervalMs = 2000;

    explicit SentinelPage(Session *session, QWidget *parent = nullptr);

    QString title() const override;

    SentinelView *view() const { return m_view; }

signals:
    void refreshed();

private:
    void refresh();

    SentinelView *m_view = nullptr;
    QLabel *m_following = nullptr;
    QTimer *m_timer = nullptr;
    bool m_inFlight = false;
};
