#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

class Session;

// Writes the demo keyspace (DemoData) through a session: all commands pipelined at once, the replies
// counted as they come back; finished() once every one answered.
class DemoLoader : public QObject
{
    Q_OBJECT

public:
    explicit DemoLoader(Session *session, QObject *parent = nullptr);

    void start();
    bool isRunning() const { return m_running; }

signals:
    void finished(int total, int failed, const QString &firstError);

private:
    QPointer<Session> m_session;
    bool m_running = false;
};
