// MessagePack::read and readCompact on arbitrary bytes: never crash, never leak, output within its cap, and a
// value read as complete reads the same in both forms (indented and one line differ only in whitespace). Also
// PhpSerialized::read (output within its cap) and every decoding ValueDecoder offers.
#include "messagepack.h"
#include "phpserialized.h"
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
    const PhpSerialized::Reading php = PhpSerialized::read(input);
    if (php.text.size() > PhpSerialized::kMaxTextChars || php.ok == !php.error.isEmpty()) {
        std::fprintf(stderr, "fuzz_msgpack: PHP text over the cap, or ok and error disagree\n");
        std::abort();
    }
    ValueDecoder::decode(input); // every decoding of a string value, MessagePack and PHP among them
    return 0;
}
