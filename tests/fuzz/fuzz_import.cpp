// ConnectionImport::read on arbitrary bytes (a connection file from another tool): never crash, hang or leak;
// either an error or entries, and every entry has a name and somewhere to connect.
#include "connectionimport.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    const ConnectionImport::Result result = ConnectionImport::read(input);
    if (result.error.isEmpty() == result.entries.isEmpty()) {
        std::fprintf(stderr, "fuzz_import: a result needs exactly one of entries and an error\n");
        std::abort();
    }
    for (const ConnectionImport::Entry &entry : result.entries) {
        if (entry.config.name.isEmpty() || (entry.config.host.isEmpty() && !entry.config.usesSentinel())) {
            std::fprintf(stderr, "fuzz_import: an entry without a name or a host\n");
            std::abort();
        }
    }
    return 0;
}
