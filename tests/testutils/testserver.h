#pragma once

#include "connectionconfig.h"
#include "embeddedserver.h"

#include <QStringList>

// An EmbeddedServer for tests: start() waits until it is ready (tests may block, library code may not).
class TestServer
{
public:
    // Starts redis-server with extraArgs appended; false (with the error and log as qWarning) on failure.
    bool start(const QStringList &extraArgs = {});

    EmbeddedServer &server() { return m_server; }
    ConnectionConfig config() const { return m_server.connectionConfig(); }
    quint16 port() const { return m_server.port(); }

private:
    EmbeddedServer m_server;
};
