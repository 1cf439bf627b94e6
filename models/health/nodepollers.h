#pragma once

#include "healthadvisor.h"
#include "infopoller.h"

#include <memory>
#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QString>
#include <vector>

class Session;

// One InfoPoller and one HealthAdvisor per node of a session: the one node of a single server, a
// cluster's masters and replicas. It follows Session::ready (a reconnect, a Sentinel failover: the
// connections are fetched again) and topologyChanged: a new node gets a poller and an advisor, a node
// gone is dropped with them, a node keeps its poller and history (by id) when its role changes, and a
// node reached on another connection keeps its history while its advisor starts again. The pollers and
// advisors are owned by their node's entry.
class NodePollers : public QObject
{
    Q_OBJECT
public:
    struct Node
    {
        QByteArray id;
        QString address; // ClusterNode::endpoint()
        QString label;   // ClusterNode::label(), as of the last topology
        std::unique_ptr<InfoPoller> poller;
        std::unique_ptr<HealthAdvisor> advisor;
    };

    explicit NodePollers(Session *session, QObject *parent = nullptr);
    ~NodePollers() override;

    // Masters in slot order, each followed by its replicas, then the others with an address.
    const std::vector<Node> &nodes() const { return m_nodes; }
    const Node *node(const QByteArray &id) const;
    InfoPoller *poller(const QByteArray &id) const;
    HealthAdvisor *advisor(const QByteArray &id) const;

    // Every poller's interval (polls in step, so that their samples arrive together).
    void setInterval(int ms);
    int interval() const { return m_intervalMs; }
    // Runs every node's advisor again, with its poller's last INFO as the earlier one.
    void runChecks();

signals:
    // The nodes, their order or labels changed (after every sync with the session).
    void nodesChanged();
    void sampled(const QByteArray &nodeId);
    // A node's advisor finished.
    void checked(const QByteArray &nodeId);
    void failed(const QByteArray &nodeId, const QString &message);

private:
    void sync();
    void attach(Node &node, RedisConnection *connection);

    QPointer<Session> m_session;
    std::vector<Node> m_nodes;
    int m_intervalMs = InfoPoller::kDefaultIntervalMs;
};
