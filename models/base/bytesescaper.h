#pragma once

#include <optional>
#include <QByteArray>
#include <QString>

// Shows arbitrary bytes as text and reads that text back byte-exact.
// Printable ASCII and valid UTF-8 stay as they are; everything else becomes \xHH,
// with \\ \" \n \r \t \0 for the usual suspects (redis-cli's convention).
namespace BytesEscaper {
QString escape(const QByteArray &bytes);
// Inverse of escape(). Returns nullopt on a malformed escape (e.g. "\x4").
std::optional<QByteArray> unescape(const QString &text);
// For glob patterns (SCAN MATCH): \xHH is a byte; any other backslash pair is kept as typed, so
// glob escapes (\* \? \[ \] \\) reach the server unchanged. Returns nullopt on a malformed \xHH or a
// trailing lone backslash.
std::optional<QByteArray> unescapePattern(const QString &text);
// Inverse of unescapePattern() for a glob given as bytes.
QString escapePattern(const QByteArray &glob);
// For read-only display: the text itself when the bytes are valid UTF-8 without control characters
// (tab allowed; line breaks too when multiline), else escape(). Not for reading back.
QString readable(const QByteArray &bytes, bool multiline = false);
// A JSON string literal of the bytes when they are UTF-8 (quoted and escaped as JSON does), else the bytes
// escape()d between double quotes: for JSON-like readings of binary formats (MessagePack, PHP serialize).
QString quotedJson(const QByteArray &bytes);
// Value of one hex digit, or -1.
int hexValue(QChar c);
// Lower-case hex with a space between bytes ("de ad be ef").
QString toHex(const QByteArray &bytes);
} // namespace BytesEscaper
