#include "nodepollers.h"

#include "redisconnection.h"
#include "session.h"

#include <algorithm>

namespace {

// Masters in slot order, each followed by its replicas, then whatever else has an address (the one node of
// a single server).
QList<ClusterNode> ordered(const QList<ClusterNode> &all)
{
    QList<const ClusterNode *> masters;
    for (const ClusterNode &n : all)
        if (n.isMaster() && n.slotCount() > 0)
            masters.append(&n);
    std::sort(masters.begin(), masters.end(), [](const ClusterNode *a, const ClusterNode *b) {
        return a->slotRanges.value(0).first < b->slotRanges.value(0).first;
    });
    QList<const ClusterNode *> wanted;
    for (const ClusterNode *master : std::as_const(masters)) {
        wanted.append(master);
        for (const ClusterNode &n : all)
            if (n.masterId == master->id)
                wanted.append(&n);
    }
    for (const ClusterNode &n : all) {
        if (!wanted.contains(&n))
            wanted.append(&n);
    }
    QList<ClusterNode> nodes;
    for (const ClusterNode *n : std::as_const(wanted)) {
        if (n->port != 0 && !n->flags.testAnyFlags(ClusterNode::NoAddress | ClusterNode::Handshake))
            nodes.append(*n);
    }
    return nodes;
}

} // namespace

NodePollers::NodePollers(Session *session, QObject *parent) : QObject(parent), m_session(session)
{
    connect(session, &Session::ready, this, &NodePollers::sync);
    connect(session, &Session::topologyChanged, this, &NodePollers::sync);
    if (session->isReady())
        sync();
}

NodePollers::~NodePollers() = default;

const NodePollers::Node *NodePollers::node(const QByteArray &id) const
{
    const auto it =
        std::find_if(m_nodes.cbegin(), m_nodes.cend(), [&id](const Node &n) { return n.id == id; });
    return it == m_nodes.cend() ? nullptr : &*it;
}

InfoPoller *NodePollers::poller(const QByteArray &id) const
{
    const Node *n = node(id);
    return n ? n->poller.get() : nullptr;
}

HealthAdvisor *NodePollers::advisor(const QByteArray &id) const
{
    const Node *n = node(id);
    return n ? n->advisor.get() : nullptr;
}

void NodePollers::setInterval(int ms)
{
    m_intervalMs = std::clamp(ms, InfoPoller::kMinIntervalMs, InfoPoller::kMaxIntervalMs);
    for (const Node &n : m_nodes)
        n.poller->setInterval(m_intervalMs);
}

void NodePollers::runChecks()
{
    for (const Node &n : m_nodes)
        n.advisor->run(n.poller->lastInfo());
}

void NodePollers::sync()
{
    const QList<ClusterNode> wanted = m_session ? ordered(m_session->nodes()) : QList<ClusterNode>();
    bool added = false;
    std::vector<Node> next;
    for (const ClusterNode &clusterNode : wanted) {
        RedisConnection *connection = m_session->connectionTo(clusterNode.id);
        if (!connection)
            continue;
        Node entry;
        const auto it = std::find_if(m_nodes.begin(), m_nodes.end(),
                                     [&clusterNode](const Node &n) { return n.id == clusterNode.id; });
        if (it != m_nodes.end()) {
            entry = std::move(*it);
            m_nodes.erase(it);
        } else {
            entry.id = clusterNode.id;
            added = true;
        }
        entry.address = clusterNode.endpoint();
        entry.label = clusterNode.label();
        attach(entry, connection);
        next.push_back(std::move(entry));
    }
    // The nodes that left the topology go with their pollers and advisors.
    m_nodes = std::move(next);
    // The nodes' polls in step (setInterval restarts a timer), so that their samples arrive together.
    if (added)
        setInterval(m_intervalMs);
    emit nodesChanged();
}

void NodePollers::attach(Node &entry, RedisConnection *connection)
{
    const QByteArray id = entry.id;
    if (entry.poller && entry.poller->connection() != connection) {
        // The node is reached on another connection: the history stays, the advisor asks the new one.
        entry.poller->setConnection(connection);
        entry.advisor.reset();
    }
    if (!entry.poller) {
        entry.poller = std::make_unique<InfoPoller>(connection);
        InfoPoller *poller = entry.poller.get();
        poller->setInterval(m_intervalMs);
        connect(poller, &InfoPoller::sampled, this, [this, id] { emit sampled(id); });
        connect(poller, &InfoPoller::failed, this,
                [this, id](const QString &message) { emit failed(id, message); });
        poller->start();
    }
    if (!entry.advisor) {
        entry.advisor = std::make_unique<HealthAdvisor>(connection);
        HealthAdvisor *advisor = entry.advisor.get();
        connect(advisor, &HealthAdvisor::finished, this, [this, id] { emit checked(id); });
        connect(advisor, &HealthAdvisor::failed, this,
                [this, id](const QString &message) { emit failed(id, message); });
        // After each (re)connection.
        connect(connection, &RedisConnection::ready, advisor, [advisor] { advisor->run(); });
        if (connection->isReady())
            advisor->run();
    }
}
