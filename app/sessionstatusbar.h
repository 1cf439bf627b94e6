#pragma once

#include <QObject>

class QLabel;
class QStatusBar;
class SessionView;

// The status bar's figures of the session shown: its colour tag, "name: state" (green when connected,
// red when not, the last error as tooltip), server version, mode, role, db and PING round trip.
class SessionStatusBar : public QObject
{
    Q_OBJECT

public:
    explicit SessionStatusBar(QStatusBar *bar);

    // nullptr: nothing open.
    void show(const SessionView *view);

private:
    QStatusBar *m_bar;
    QLabel *m_colour = nullptr;
    QLabel *m_state = nullptr;
    QLabel *m_version = nullptr;
    QLabel *m_mode = nullptr;
    QLabel *m_role = nullptr;
    QLabel *m_db = nullptr;
    QLabel *m_latency = nullptr;
};
