#include "testcluster.h"

#include "clusterclient.h"
#include "embeddedserver.h"

#include <QDebug>
#include <QSignalSpy>
#include <QTest>

bool TestCluster::start(EmbeddedCluster::Options options)
{
    const int timeoutMs = options.formTimeoutMs;
    m_cluster.setOptions(std::move(options));
    QSignalSpy readySpy(&m_cluster, &EmbeddedCluster::ready);
    QSignalSpy failedSpy(&m_cluster, &EmbeddedCluster::failed);
    m_cluster.start();
    if (QTest::qWaitFor([&] { return !readySpy.isEmpty() || !failedSpy.isEmpty(); }, timeoutMs + 5000) &&
        !readySpy.isEmpty())
        return true;
    qWarning().noquote() << "embedded cluster did not form:"
                         << (failedSpy.isEmpty() ? QStringLiteral("no answer")
                                                 : failedSpy.first().first().toString());
    for (int i = 0; i < m_cluster.nodeCount(); ++i) {
        const QStringList log = m_cluster.node(i)->log();
        qWarning().noquote() << "node" << i + 1
                             << "log tail:\n" + log.mid(qMax(0, int(log.size()) - 10)).join('\n');
    }
    return false;
}

bool TestCluster::open(ClusterClient &client)
{
    QSignalSpy readySpy(&client, &ClusterClient::ready);
    QSignalSpy failedSpy(&client, &ClusterClient::failed);
    client.open();
    if (QTest::qWaitFor([&] { return !readySpy.isEmpty() || !failedSpy.isEmpty(); }, 10000) &&
        !readySpy.isEmpty())
        return true;
    qWarning().noquote() << "cluster client not ready:"
                         << (failedSpy.isEmpty() ? QStringLiteral("no answer within 10 s")
                                                 : failedSpy.first().first().toString());
    return false;
}
