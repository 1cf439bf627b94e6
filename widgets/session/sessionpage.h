#pragma once

#include "session.h"

#include <QPointer>
#include <QWidget>

struct AppSettings;

// One page of an open session (Keys, Pub/Sub, Health …): the window holds a list of them per session and
// knows nothing else about a page. A page talks to its session only (routed commands, the nodes to scan,
// the nodes with roles), never to "standalone or cluster".
class SessionPage : public QWidget
{
    Q_OBJECT

public:
    explicit SessionPage(Session *session, QWidget *parent = nullptr);

    Session *session() const { return m_session; }
    // The tab's text ("Keys").
    virtual QString title() const = 0;
    // The user's preferences changed (or the page was just made): take what concerns this page.
    virtual void applySettings(const AppSettings &settings);

private:
    QPointer<Session> m_session;
};
