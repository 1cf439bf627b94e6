#include "testsentinel.h"

#include "embeddedserver.h"

#include <QDebug>
#include <QSignalSpy>
#include <QTest>

namespace {

void warnLogTail(const char *which, const EmbeddedServer *server)
{
    if (!server)
        return;
    const QStringList log = server->log();
    qWarning().noquote() << which << "log tail:\n" + log.mid(qMax(0, int(log.size()) - 10)).join('\n');
}

} // namespace

bool TestSentinel::start(EmbeddedSentinel::Options options)
{
    const int timeoutMs = options.formTimeoutMs;
    m_setup.setOptions(std::move(options));
    QSignalSpy readySpy(&m_setup, &EmbeddedSentinel::ready);
    QSignalSpy failedSpy(&m_setup, &EmbeddedSentinel::failed);
    m_setup.start();
    if (QTest::qWaitFor([&] { return !readySpy.isEmpty() || !failedSpy.isEmpty(); }, timeoutMs + 5000) &&
        !readySpy.isEmpty())
        return true;
    qWarning().noquote() << "embedded sentinel setup did not form:"
                         << (failedSpy.isEmpty() ? QStringLiteral("no answer")
                                                 : failedSpy.first().first().toString());
    warnLogTail("master", m_setup.master());
    warnLogTail("replica", m_setup.replica());
    for (int i = 0; i < m_setup.sentinelCount(); ++i)
        warnLogTail("sentinel", m_setup.sentinel(i));
    return false;
}
