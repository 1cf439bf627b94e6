#include "testserver.h"

#include <QDebug>
#include <QSignalSpy>
#include <QTest>

bool TestServer::start(const QStringList &extraArgs)
{
    EmbeddedServer::Options options = m_server.options();
    options.extraArgs = extraArgs;
    m_server.setOptions(options);

    QSignalSpy readySpy(&m_server, &EmbeddedServer::ready);
    QSignalSpy failedSpy(&m_server, &EmbeddedServer::failed);
    m_server.start();
    const bool answered = QTest::qWaitFor([&] { return !readySpy.isEmpty() || !failedSpy.isEmpty(); },
                                          options.startTimeoutMs + 5000);
    if (answered && !readySpy.isEmpty())
        return true;
    qWarning().noquote() << "embedded redis-server did not start:"
                         << (m_server.errorString().isEmpty() ? QStringLiteral("no answer")
                                                              : m_server.errorString());
    qWarning().noquote() << "server log:\n" + m_server.log().join(QLatin1Char('\n'));
    return false;
}

std::unique_ptr<RedisConnection> TestServer::connect(const ConnectionConfig &config)
{
    auto connection = std::make_unique<RedisConnection>(config);
    connection->open();
    if (!QTest::qWaitFor([&connection] { return connection->isReady(); }, 10000)) {
        qWarning().noquote() << "no connection to" << config.endpoint() << connection->lastError().message;
        return nullptr;
    }
    return connection;
}
