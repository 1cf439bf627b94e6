#include "clusterpage.h"

#include "clusterclient.h"
#include "clusternodespoller.h"
#include "clustertopologyview.h"
#include "serverinfo.h"

#include <QLabel>
#include <QTimer>
#include <QVBoxLayout>

ClusterPage::ClusterPage(Session *session, QWidget *parent)
    : SessionPage(session, parent), m_poller(new ClusterNodesPoller(session->cluster(), this)),
      m_view(new ClusterTopologyView(this)), m_statsTimer(new QTimer(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_view, 1);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("clusterStatus"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    m_view->setConnectionConfig(session->serverConfig());

    connect(m_poller, &ClusterNodesPoller::updated, this, [this](const ClusterTopology &topology) {
        m_status->clear();
        const bool first = m_view->topology().nodes().isEmpty();
        m_view->setTopology(topology);
        if (first)
            pollStats();
    });
    connect(m_poller, &ClusterNodesPoller::failed, m_status, &QLabel::setText);
    connect(m_view, &ClusterTopologyView::failoverRequested, this, &ClusterPage::failover);
    m_statsTimer->setInterval(kStatsIntervalMs);
    connect(m_statsTimer, &QTimer::timeout, this, &ClusterPage::pollStats);
    m_statsTimer->start();
    m_poller->start();
}

QString ClusterPage::title() const
{
    return tr("Cluster");
}

void ClusterPage::pollStats()
{
    if (!session())
        return;
    for (const ClusterNode &node : m_view->topology().nodes()) {
        const QByteArray id = node.id;
        if (node.isFailed()) { // no figures rather than its last ones, which would look current
            m_view->setNodeStats(id, {});
            continue;
        }
        session()->commandOn(id, {"INFO"}, this, [this, id](const RedisReply &reply) {
            if (reply.isError()) {
                m_view->setNodeStats(id, {}); // the view shows the node's state
                return;
            }
            const ServerInfo info = ServerInfo::parse(reply.bytes());
            ClusterTopologyView::NodeStats stats;
            stats.usedMemoryBytes = info.usedMemory().value_or(-1);
            stats.opsPerSecond = double(info.opsPerSecond().value_or(-1));
            stats.keys = 0;
            for (const ServerInfo::Keyspace &db : info.keyspace())
                stats.keys += db.keys;
            m_view->setNodeStats(id, stats);
            emit statsShown(id);
        });
    }
}

void ClusterPage::failover(const QByteArray &replicaId)
{
    if (!session())
        return;
    session()->commandOn(
        replicaId, {"CLUSTER", "FAILOVER"}, this, [this, replicaId](const RedisReply &reply) {
            m_status->setText(reply.isError()
                                  ? tr("CLUSTER FAILOVER failed: %1").arg(reply.errorMessage())
                                  : tr("Failover asked of %1: the roles change within a few seconds.")
                                        .arg(QString::fromLatin1(replicaId.left(8))));
            m_poller->watchClosely(); // the roles change within a few seconds
        });
}
