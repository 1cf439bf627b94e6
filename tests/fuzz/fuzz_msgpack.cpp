// MessagePack::read and readCompact on arbitrary bytes: never crash, never leak, output within its cap, and a
// value read as complete reads the same in both forms (indented and one line differ only in whitespace).
#include "messagepack.h"
#include "valuedecoder.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, size_t size)
{
    const QByteArray input = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    const MessagePack::Reading indented = MessagePack::read(input);
    const MessagePack::Reading compact = MessagePack::readCompact(input, MessagePack::kMaxTextChars);
    if (indented.text.size() > MessagePack::kMaxTextChars || indented.ok == !indented.error.isEmpty()) {
        std::fprintf(stderr, "fuzz_msgpack: text over the cap, or ok and error disagree\n");
        std::abort();
    }
    if (!indented.truncated && !compact.truncated && indented.ok != compact.ok) {
        std::fprintf(stderr, "fuzz_msgpack: indented and compact readings disagree\n");
        std::abort();
    }
    ValueDecoder::decode(input); // every decoding of a string value, MessagePack among them
    return 0;
}
