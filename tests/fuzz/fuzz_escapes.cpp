// What Keyscope shows escaped must read back byte-exact: BytesEscaper::unescape(escape(b)) == b for any
// bytes, and the console's CommandLine::split(join(args)) == args for any arguments. Any typed line splits
// without crashing, and what it splits into survives a join and a split again.
#include "bytesescaper.h"
#include "commandline.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const std::optional<QByteArray> back = BytesEscaper::unescape(BytesEscaper::escape(bytes));
    if (!back || *back != bytes) {
        std::fprintf(stderr, "fuzz_escapes: escape/unescape is not the identity\n");
        std::abort();
    }
    // The input as arguments (split at NUL bytes), joined into a line and split back.
    const QList<QByteArray> args = bytes.isEmpty() ? QList<QByteArray>() : bytes.split('\0');
    const CommandLine::Result split = CommandLine::split(CommandLine::join(args));
    if (!split.ok() || split.args != args) {
        std::fprintf(stderr, "fuzz_escapes: join/split is not the identity (%s)\n", qPrintable(split.error));
        std::abort();
    }
    // The input as a typed line.
    const CommandLine::Result typed = CommandLine::split(QString::fromUtf8(bytes));
    if (typed.ok() && CommandLine::split(CommandLine::join(typed.args)).args != typed.args) {
        std::fprintf(stderr, "fuzz_escapes: a typed line does not survive join/split\n");
        std::abort();
    }
    return 0;
}
