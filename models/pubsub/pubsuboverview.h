#pragma once

#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>

class Session;

// What is subscribed on a server, through a session: PUBSUB NUMPAT (summed over every node), CHANNELS
// (their union over every node, replicas too since a subscriber may be connected to any, then NUMSUB of it
// everywhere, summed) and SHARDCHANNELS of every master (then SHARDNUMSUB of each master's own on that
// master). A standalone server is one node: the same questions, one answer each.
class PubSubOverview : public QObject
{
    Q_OBJECT

public:
    struct Channel
    {
        QByteArray name;
        bool sharded = false;
        qint64 subscribers = 0;
        QStringList nodes; // endpoints with subscribers
    };

    explicit PubSubOverview(Session *session, QObject *parent = nullptr);

    void refresh();

signals:
    // Channels sorted by kind then name; errors: "endpoint: message" of the nodes that refused.
    void refreshed(const QList<PubSubOverview::Channel> &channels, qint64 patterns,
                   const QStringList &errors);

private:
    QPointer<Session> m_session;
};
