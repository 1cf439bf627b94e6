#include "respreader.h"

#include <QCoreApplication>

#include <hiredis/hiredis.h>

namespace {

RedisReply convert(const redisReply *r)
{
    switch (r->type) {
    case REDIS_REPLY_STRING:
        return RedisReply::bulk(QByteArray(r->str, qsizetype(r->len)));
    case REDIS_REPLY_STATUS:
        return RedisReply::status(QByteArray(r->str, qsizetype(r->len)));
    case REDIS_REPLY_ERROR:
        return RedisReply::error(QByteArray(r->str, qsizetype(r->len)));
    case REDIS_REPLY_INTEGER:
        return RedisReply::integer(r->integer);
    case REDIS_REPLY_ARRAY: {
        QList<RedisReply> elements;
        elements.reserve(qsizetype(r->elements));
        for (size_t i = 0; i < r->elements; ++i)
            elements.append(convert(r->element[i]));
        return RedisReply::array(std::move(elements));
    }
    case REDIS_REPLY_NIL:
    default:
        return RedisReply::nil();
    }
}

} // namespace

void RespReader::ReaderDeleter::operator()(redisReader *reader) const
{
    redisReaderFree(reader);
}

RespReader::RespReader()
{
    reset();
}

RespReader::~RespReader() = default;

void RespReader::reset()
{
    m_reader.reset(redisReaderCreate());
    m_error.clear();
}

void RespReader::feed(const char *data, qsizetype size)
{
    if (hasError() || size <= 0)
        return;
    if (redisReaderFeed(m_reader.get(), data, size_t(size)) != REDIS_OK)
        m_error = QString::fromUtf8(m_reader->errstr);
}

bool RespReader::takeReplies(QList<RedisReply> &out)
{
    while (!hasError()) {
        void *raw = nullptr;
        if (redisReaderGetReply(m_reader.get(), &raw) != REDIS_OK) {
            const QString detail = QString::fromUtf8(m_reader->errstr);
            m_error = detail.contains(QLatin1String("nested"))
                          ? QCoreApplication::translate(
                                "RespReader",
                                "The reply is nested deeper than the RESP parser supports (%1). "
                                "Ask for a narrower reply, e.g. COMMAND DOCS <command>.")
                                .arg(detail)
                          : QCoreApplication::translate("RespReader", "Protocol error: %1").arg(detail);
            return false;
        }
        if (!raw)
            return true;
        auto *reply = static_cast<redisReply *>(raw);
        out.append(convert(reply));
        freeReplyObject(reply);
    }
    return false;
}
