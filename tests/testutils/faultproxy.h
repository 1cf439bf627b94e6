#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTcpServer>

class QTcpSocket;

// A TCP proxy between Keyscope and a real server that misbehaves on purpose (a small Qt class rather than
// Debian's tc/netem or toxiproxy: it runs unprivileged, in the test's own event loop, and can cut at an exact
// byte). Client bytes go to the server as they come; what the server answers goes back according to the mode:
// - Pass: unchanged;
// - Latency: each chunk held latencyMs;
// - SplitEveryByte: one byte at a time, each in its own write and event-loop turn;
// - CutAfter: after cutAfterBytes of reply (counted per connection) both sides are closed, mid-reply;
// - Stall: connections are accepted and the client's bytes read, but nothing is ever sent back;
// - Truncate: the first cutAfterBytes of reply are sent, then nothing more (the connection stays open).
// The mode applies to the connections accepted after it is set. Listens on 127.0.0.1, a free port.
class FaultProxy : public QObject
{
    Q_OBJECT
public:
    enum class Mode { Pass, Latency, SplitEveryByte, CutAfter, Stall, Truncate };

    FaultProxy(quint16 targetPort, QObject *parent = nullptr);
    ~FaultProxy() override;

    bool listen();
    quint16 port() const { return m_server.serverPort(); }
    void setMode(Mode mode) { m_mode = mode; }
    void setLatencyMs(int ms) { m_latencyMs = ms; }
    void setCutAfterBytes(qint64 bytes) { m_cutAfter = bytes; }
    // Closes every proxied connection now (a network drop).
    void dropAll();

    int acceptedCount() const { return m_accepted; }
    qint64 bytesToClient() const { return m_toClient; }

private:
    struct Link;
    void onNewConnection();
    void fromServer(Link *link);
    void sendToClient(Link *link, const QByteArray &bytes);

    QTcpServer m_server;
    quint16 m_targetPort;
    Mode m_mode = Mode::Pass;
    int m_latencyMs = 0;
    qint64 m_cutAfter = 0;
    int m_accepted = 0;
    qint64 m_toClient = 0;
    QList<Link *> m_links;
};
