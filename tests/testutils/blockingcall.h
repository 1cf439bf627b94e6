#pragma once

#include "redisreply.h"

#include <QByteArray>
#include <QList>

class RedisConnection;

// Sends one command and spins the event loop until its reply (tests only; library code never waits).
// timeoutMs as in RedisConnection::command(); a Failure after 20 s without any callback.
RedisReply blockingCall(RedisConnection &connection, const QList<QByteArray> &args, int timeoutMs = -1);
