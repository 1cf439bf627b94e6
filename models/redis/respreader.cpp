#include "respreader.h"

#include <algorithm>
#include <hiredis/hiredis.h>
#include <memory>
#include <QCoreApplication>

namespace {

// hiredis allocates an array's element table as soon as it reads the count, so a 12-byte
// "*300000000\r\n" would reserve gigabytes. Arrays above this cap are refused as a protocol error.
constexpr long long kMaxArrayElements = 1 << 24;

thread_local long long refusedArrayCount = -1;

} // namespace

// Builds RedisReply values straight from hiredis's parser callbacks: no intermediate redisReply tree
// to convert and free. A child is appended to its parent array; the pointer to it is what hiredis
// keeps as the child's object while the child (if an array) is being filled.
struct RespReplyBuilder
{
    static RedisReply *place(const redisReadTask *task, RedisReply &&value)
    {
        if (task->parent) {
            // Children arrive in order. Appending may move earlier siblings, but hiredis only keeps
            // pointers to the unfinished chain (this parent and its ancestors), never to a finished
            // sibling, and the parent itself does not move while it is being filled.
            QList<RedisReply> &siblings = static_cast<RedisReply *>(task->parent->obj)->m_elements;
            siblings.append(std::move(value));
            return &siblings.last();
        }
        return new RedisReply(std::move(value)); // the root; owned by hiredis until taken
    }

    static void *createString(const redisReadTask *task, char *str, size_t len)
    {
        QByteArray bytes(str, qsizetype(len));
        switch (task->type) {
        case REDIS_REPLY_STATUS:
            return place(task, RedisReply::status(std::move(bytes)));
        case REDIS_REPLY_ERROR:
            return place(task, RedisReply::error(std::move(bytes)));
        default:
            return place(task, RedisReply::bulk(std::move(bytes)));
        }
    }

    template <typename Count> static void *createArray(const redisReadTask *task, Count elements)
    {
        if (static_cast<long long>(elements) > kMaxArrayElements) {
            refusedArrayCount = static_cast<long long>(elements);
            return nullptr;
        }
        RedisReply array = RedisReply::array({});
        // Trust the announced count only so far: the elements have to arrive to take memory.
        array.m_elements.reserve(qsizetype(std::min<long long>(static_cast<long long>(elements), 4096)));
        return place(task, std::move(array));
    }

    static void *createInteger(const redisReadTask *task, long long value)
    {
        return place(task, RedisReply::integer(value));
    }

    static void *createNil(const redisReadTask *task) { return place(task, RedisReply::nil()); }

    // hiredis frees only the root object; children live inside it.
    static void freeObject(void *reply) { delete static_cast<RedisReply *>(reply); }

    // hiredis 0.14 passes the array count as int, 1.x as size_t.
    template <typename Count>
    static auto pickCreateArray(void *(*)(const redisReadTask *, Count))
        -> void *(*)(const redisReadTask *, Count)
    {
        return &createArray<Count>;
    }

    static redisReplyObjectFunctions *functions()
    {
        static redisReplyObjectFunctions fns = [] {
            redisReplyObjectFunctions f{};
            f.createString = &createString;
            f.createArray = pickCreateArray(f.createArray);
            f.createInteger = &createInteger;
            f.createNil = &createNil;
            f.freeObject = &freeObject;
            return f;
        }();
        return &fns;
    }
};

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
    m_reader.reset(redisReaderCreateWithFunctions(RespReplyBuilder::functions()));
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
        const std::unique_ptr<RedisReply> reply(static_cast<RedisReply *>(raw));
        out.append(std::move(*reply));
    }
    return false;
}
