// Feeds arbitrary bytes to RespReader in chunks chosen by the first byte and checks that the chunking does
// not change what is parsed; renders every reply and checks unescape(escape(x)) == x on every byte string
// seen.
#include "bytesescaper.h"
#include "redisreply.h"
#include "respreader.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {

void check(bool condition, const char *what)
{
    if (!condition) {
        std::fprintf(stderr, "fuzz_resp: %s\n", what);
        std::abort();
    }
}

void checkEscaper(const QByteArray &bytes)
{
    const std::optional<QByteArray> back = BytesEscaper::unescape(BytesEscaper::escape(bytes));
    check(back && *back == bytes, "unescape(escape(x)) != x");
}

void checkReply(const RedisReply &reply)
{
    checkEscaper(reply.bytes());
    for (const RedisReply &element : reply.elements())
        checkReply(element);
}

struct Parsed
{
    QList<RedisReply> replies;
    bool ok = true;
};

// seed 0 feeds everything at once; any other seed picks chunk sizes of 1..64 bytes.
Parsed parse(const char *data, size_t size, std::uint8_t seed)
{
    RespReader reader;
    Parsed parsed;
    std::uint32_t state = seed;
    for (size_t offset = 0; offset < size && parsed.ok;) {
        size_t chunk = size - offset;
        if (seed != 0) {
            state = state * 1103515245u + 12345u;
            chunk = std::min<size_t>(chunk, 1 + (state >> 16) % 64);
        }
        reader.feed(data + offset, qsizetype(chunk));
        offset += chunk;
        parsed.ok = reader.takeReplies(parsed.replies);
    }
    check(parsed.ok != reader.hasError(), "takeReplies() and hasError() disagree");
    return parsed;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const char *bytes = reinterpret_cast<const char *>(data);
    const Parsed chunked = parse(bytes + 1, size - 1, data[0]);
    const Parsed whole = parse(bytes + 1, size - 1, 0);
    check(chunked.ok == whole.ok, "chunking changed whether the stream is valid");
    check(chunked.replies == whole.replies, "chunking changed the replies");
    for (const RedisReply &reply : chunked.replies) {
        check(!reply.toDisplayString().isNull(), "toDisplayString() returned a null string");
        checkReply(reply);
    }
    checkEscaper(QByteArray(bytes, qsizetype(size)));
    return 0;
}
