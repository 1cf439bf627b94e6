// RedisUrl::parse on arbitrary text; whatever it accepts must survive toUrl(config, true) and parse back
// equal.
#include "redisurl.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, size_t size)
{
    const QString input = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const RedisUrl::Result result = RedisUrl::parse(input);
    if (result.config.has_value() == !result.error.isEmpty()) {
        std::fprintf(stderr, "fuzz_url: a result needs exactly one of config and error\n");
        std::abort();
    }
    if (!result.config)
        return 0;
    const QString url = RedisUrl::toUrl(*result.config, true);
    const RedisUrl::Result again = RedisUrl::parse(url);
    if (!again.config || !(*again.config == *result.config)) {
        std::fprintf(stderr, "fuzz_url: %s does not parse back to the same config (%s)\n", qPrintable(url),
                     qPrintable(again.error));
        std::abort();
    }
    return 0;
}
