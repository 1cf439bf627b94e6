#pragma once

#include "redisreply.h"

#include <QByteArray>

// SENTINEL MASTERS / REPLICAS / SENTINELS replies recorded from redis-sentinel 7.0.15, for the parser and
// view tests.
namespace SentinelRecordings {
extern const QByteArray kHealthyMasters;
extern const QByteArray kHealthyReplicas;
extern const QByteArray kHealthySentinels;
extern const QByteArray kOdownMasters;
extern const QByteArray kAfterReplicas;
// The one reply in resp (a Failure if there is not exactly one).
RedisReply parse(const QByteArray &resp);
} // namespace SentinelRecordings
