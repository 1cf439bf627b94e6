#include "respreader.h"

#include <hiredis/hiredis.h>
#include <QCoreApplication>

namespace {

// hiredis allocates an array's element table as soon as it reads the count, so a 12-byte
// "*300000000\r\n" would reserve gigabytes. Arrays above this cap are refused as a protocol error.
constexpr long long kMaxArrayElements = 1 << 24;

using CreateArray = decltype(redisReplyObjectFunctions::createArray);
CreateArray defaultCreateArray = nullptr;
thread_local long long refusedArrayCount = -1;

// Wraps hiredis's own createArray (0.14 passes an int count, 1.x a size_t).
template <typename Count> void *cappedCreateArray(const redisReadTask *task, Count elements)
{
    if (static_cast<long long>(elements) > kMaxArrayElements) {
        refusedArrayCount = static_cast<long long>(elements);
        return nullptr;
    }
    return defaultCreateArray(task, elements);
}

template <typename Count> CreateArray pickCapped(void *(*)(const redisReadTask *, Count))
{
    return &cappedCreateArray<Count>;
}

// hiredis's default reply functions with createArray capped; shared by every reader.
redisReplyObjectFunctions *cappedFunctions()
{
    static redisReplyObjectFunctions functions = [] {
        redisReader *probe = redisReaderCreate();
        redisReplyObjectFunctions copy = *probe->fn;
        redisReaderFree(probe);
        defaultCreateArray = copy.createArray;
        copy.createArray = pickCapped(copy.createArray);
        return copy;
    }();
    return &functions;
}

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
    m_reader.reset(redisReaderCreateWithFunctions(cappedFunctions()));
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
        refusedArrayCount = -1;
        if (redisReaderGetReply(m_reader.get(), &raw) != REDIS_OK) {
            const QString detail = QString::fromUtf8(m_reader->errstr);
            if (refusedArrayCount >= 0) {
                m_error = QCoreApplication::translate(
                              "RespReader", "Protocol error: a reply array of %1 elements is larger "
                                            "than Keyscope accepts (%2).")
                              .arg(refusedArrayCount)
                              .arg(kMaxArrayElements);
                return false;
            }
            m_error =
                detail.contains(QLatin1String("nested"))
                    ? QCoreApplication::translate(
                          "RespReader", "The reply is nested deeper than the RESP parser supports (%1). "
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
