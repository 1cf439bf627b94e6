#pragma once

#include "redisreply.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <memory>

struct redisReader;

// Incremental RESP2 parser over hiredis's redisReader. Feed it bytes as they arrive, then take
// complete replies. After a protocol error (including hiredis's nesting limit) the reader is
// poisoned: hasError() stays true until reset(), and the stream must be dropped.
class RespReader
{
public:
    RespReader();
    ~RespReader();
    RespReader(const RespReader &) = delete;
    RespReader &operator=(const RespReader &) = delete;

    void feed(const char *data, qsizetype size);
    void feed(const QByteArray &data) { feed(data.constData(), data.size()); }

    // Appends every complete reply to out. Returns false on a protocol error.
    bool takeReplies(QList<RedisReply> &out);

    bool hasError() const { return !m_error.isEmpty(); }
    QString errorString() const { return m_error; }
    void reset();

private:
    struct ReaderDeleter {
        void operator()(redisReader *reader) const;
    };
    std::unique_ptr<redisReader, ReaderDeleter> m_reader;
    QString m_error;
};
