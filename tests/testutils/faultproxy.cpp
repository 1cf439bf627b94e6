#include "faultproxy.h"

#include <QTcpSocket>
#include <QTimer>

struct FaultProxy::Link
{
    QPointer<QTcpSocket> client;
    QPointer<QTcpSocket> server;
    Mode mode = Mode::Pass;
    qint64 sent = 0;    // reply bytes sent to the client on this link
    QByteArray pending; // SplitEveryByte: what is still to go, a byte per turn
};

FaultProxy::FaultProxy(quint16 targetPort, QObject *parent) : QObject(parent), m_targetPort(targetPort)
{
    connect(&m_server, &QTcpServer::newConnection, this, &FaultProxy::onNewConnection);
}

FaultProxy::~FaultProxy()
{
    dropAll();
}

bool FaultProxy::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

void FaultProxy::dropAll()
{
    for (Link *link : std::as_const(m_links)) {
        if (link->client)
            link->client->abort();
        if (link->server)
            link->server->abort();
        delete link->client;
        delete link->server;
        delete link;
    }
    m_links.clear();
}

void FaultProxy::onNewConnection()
{
    while (QTcpSocket *client = m_server.nextPendingConnection()) {
        ++m_accepted;
        auto *link = new Link;
        link->client = client;
        link->mode = m_mode;
        link->server = new QTcpSocket(this);
        client->setParent(this);
        m_links.append(link);
        connect(client, &QTcpSocket::readyRead, this, [link] {
            const QByteArray bytes = link->client->readAll();
            if (link->server && link->mode != Mode::Stall)
                link->server->write(bytes);
        });
        connect(client, &QTcpSocket::disconnected, this, [link] {
            if (link->server)
                link->server->disconnectFromHost();
        });
        connect(link->server, &QTcpSocket::readyRead, this, [this, link] { fromServer(link); });
        connect(link->server, &QTcpSocket::disconnected, this, [link] {
            if (link->client)
                link->client->disconnectFromHost();
        });
        link->server->connectToHost(QHostAddress::LocalHost, m_targetPort);
    }
}

void FaultProxy::fromServer(Link *link)
{
    QByteArray bytes = link->server->readAll();
    switch (link->mode) {
    case Mode::Pass:
        sendToClient(link, bytes);
        return;
    case Mode::Latency:
        QTimer::singleShot(m_latencyMs, this, [this, link, bytes] {
            if (m_links.contains(link))
                sendToClient(link, bytes);
        });
        return;
    case Mode::Stall:
        return;
    case Mode::CutAfter:
    case Mode::Truncate: {
        const qint64 room = std::max<qint64>(0, m_cutAfter - link->sent);
        sendToClient(link, bytes.left(room));
        if (bytes.size() > room && link->mode == Mode::CutAfter && link->client) {
            link->client
                ->disconnectFromHost(); // after what was written: the client sees half a reply, then EOF
            if (link->server)
                link->server->abort();
        }
        return;
    }
    case Mode::SplitEveryByte: {
        const bool idle = link->pending.isEmpty();
        link->pending += bytes;
        if (!idle)
            return;
        // One byte per event-loop turn until the backlog is gone.
        auto *timer = new QTimer(this);
        timer->setInterval(0);
        connect(timer, &QTimer::timeout, this, [this, link, timer] {
            if (!m_links.contains(link) || link->pending.isEmpty()) {
                timer->deleteLater();
                return;
            }
            sendToClient(link, link->pending.left(1));
            link->pending.remove(0, 1);
            if (link->client)
                link->client->flush();
        });
        timer->start();
        return;
    }
    }
}

void FaultProxy::sendToClient(Link *link, const QByteArray &bytes)
{
    if (!link->client || bytes.isEmpty())
        return;
    link->client->write(bytes);
    link->sent += bytes.size();
    m_toClient += bytes.size();
}
