#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

// Read-only decodings of a string value, for display beside the raw bytes: gzip, zlib, base64,
// base64-wrapped gzip/zlib (a common cache format), pretty JSON of whichever of them is JSON, and
// MessagePack (a map or array spanning the bytes) and PHP serialize (an array, object or session) read as
// JSON-like text.
// Pure functions, safe on any thread. Decompressed output is capped (kMaxDecodedBytes) so that a
// compression bomb cannot exhaust memory.
namespace ValueDecoder {
inline constexpr qsizetype kMaxDecodedBytes = 16 * 1024 * 1024;

struct Decoding
{
    QString label;          // "gzip", "base64 → gzip", ...
    QByteArray bytes;       // the decoded bytes
    QString prettyJson;     // indented JSON when bytes are a JSON object or array, else empty
    bool truncated = false; // output stopped at kMaxDecodedBytes (or MessagePack::kMaxTextChars)
    QString reading;        // a MessagePack or PHP decoding's JSON-like text (bytes are what was decoded)
};

// Every decoding that applies, outermost first; empty when none does. The raw value itself is not
// listed, but its pretty JSON is (label "JSON") when it is JSON.
QList<Decoding> decode(const QByteArray &value);

// One line for a table cell, at most maxChars (then "…"): MessagePack read as JSON-like text when bytes are a
// MessagePack map or array (a Socket.IO adapter packet), else the text, or the bytes escaped as \xHH.
QString oneLine(const QByteArray &bytes, qsizetype maxChars);
// Indented JSON if bytes are a JSON object or array, else an empty string.
QString prettyJson(const QByteArray &bytes);
// Inflates a gzip (RFC 1952) or zlib (RFC 1950) stream, up to kMaxDecodedBytes (*truncated then).
// *ok is false, and the result empty, when the bytes are not a complete stream of that kind.
QByteArray inflate(const QByteArray &bytes, bool gzip, bool *ok, bool *truncated = nullptr);
} // namespace ValueDecoder
