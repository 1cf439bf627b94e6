#pragma once

#include "embeddedcluster.h"

class ClusterClient;

// An EmbeddedCluster for tests: start() waits until it is ready (tests may block, library code may not).
class TestCluster
{
public:
    // False (with the error and every node's log tail as qWarning) on failure.
    bool start(EmbeddedCluster::Options options);

    // Opens client and waits for its first topology (ready()); false (with the error as qWarning) if it
    // failed or did not answer within 10 s.
    static bool open(ClusterClient &client);

    EmbeddedCluster &cluster() { return m_cluster; }
    const EmbeddedCluster &cluster() const { return m_cluster; }

private:
    EmbeddedCluster m_cluster;
};
