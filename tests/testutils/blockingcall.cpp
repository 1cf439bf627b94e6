#include "blockingcall.h"

#include "redisconnection.h"

#include <memory>
#include <optional>
#include <QTest>

RedisReply blockingCall(RedisConnection &connection, const QList<QByteArray> &args, int timeoutMs)
{
    // Shared with the callback: it may still run after a timed-out wait returned.
    auto result = std::make_shared<std::optional<RedisReply>>();
    connection.command(
        args, nullptr, [result](const RedisReply &reply) { *result = reply; }, timeoutMs);
    if (!QTest::qWaitFor([&] { return result->has_value(); }, 20000))
        return RedisReply::failure(QStringLiteral("test: no callback within 20 s"));
    return **result;
}
