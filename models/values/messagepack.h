#pragma once

#include <QByteArray>
#include <QString>

// MessagePack (what Socket.IO's Redis adapter and many Node and Python apps store and publish) read into
// indented JSON-like text, for display only: maps and arrays as JSON, strings JSON-quoted (bytes that are
// not UTF-8 escaped as \xHH), bin and ext fields as hex (`<bin[5]: 00 01 02 ff fe>`, `<ext 5 [1]: 2a>`), the
// timestamp extension as an ISO date (`<timestamp 1970-01-01T00:00:00.000000000Z>`).
// Parsed with msgpack-c's SAX parser (nothing is allocated for a declared size, so a header announcing
// four billion elements costs nothing); nesting and output are capped. Pure functions, safe on any thread.
namespace MessagePack {
inline constexpr int kMaxDepth = 64;
inline constexpr qsizetype kMaxTextChars = 1024 * 1024;

struct Reading
{
    bool ok = false;        // bytes are exactly one complete MessagePack value
    bool truncated = false; // text stopped at kMaxTextChars (ok as far as it was read)
    QString text;           // indented JSON-like text when ok
    QString error;          // why not, when !ok
};

// Reads bytes as one MessagePack value that must span all of them.
Reading read(const QByteArray &bytes);
// One line instead of indented (a list cell, a group's last payload), at most maxChars.
Reading readCompact(const QByteArray &bytes, qsizetype maxChars);
// True when bytes start like a MessagePack map or array: the shapes worth offering as a decoding
// (any byte is some MessagePack scalar, so scalars would match plain text).
bool startsLikeContainer(const QByteArray &bytes);
} // namespace MessagePack
