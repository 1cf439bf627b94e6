#include "demoloader.h"

#include "demodata.h"
#include "session.h"

#include <memory>

DemoLoader::DemoLoader(Session *session, QObject *parent) : QObject(parent), m_session(session) {}

void DemoLoader::start()
{
    if (!m_session || m_running)
        return;
    const QList<QList<QByteArray>> commands = DemoData::commands();
    struct Progress
    {
        int total = 0;
        int done = 0;
        int failed = 0;
        QString firstError;
    };
    auto progress = std::make_shared<Progress>();
    progress->total = int(commands.size());
    m_running = true;
    for (const auto &command : commands) {
        m_session->command(command, this, [this, progress](const RedisReply &reply) {
            ++progress->done;
            if (reply.isError()) {
                ++progress->failed;
                if (progress->firstError.isEmpty())
                    progress->firstError = reply.errorMessage();
            }
            if (progress->done == progress->total) {
                m_running = false;
                emit finished(progress->total, progress->failed, progress->firstError);
            }
        });
    }
    if (commands.isEmpty()) {
        m_running = false;
        emit finished(0, 0, {});
    }
}
