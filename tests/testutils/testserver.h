#pragma once

#include "connectionconfig.h"
#include "embeddedserver.h"
#include "redisconnection.h"

#include <memory>
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
    // A connection to it (or with config, e.g. read-only), opened and ready; nullptr after 10 s without.
    std::unique_ptr<RedisConnection> connect() const { return connect(config()); }
    static std::unique_ptr<RedisConnection> connect(const ConnectionConfig &config);

private:
    EmbeddedServer m_server;
};
