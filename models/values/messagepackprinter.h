#pragma once

#include <QByteArray>
#include <QString>

// msgpack-c's SAX parser writing MessagePack out as JSON-like text, for MessagePack (which says what the
// outcome means to a person). Kept apart, with no user-visible words, because lupdate follows includes and
// reading msgpack-c's headers (and Boost's beyond them) takes it minutes: translations/ leaves this file out.
class MessagePackPrinter
{
public:
    enum class Status { Complete, Truncated, TooDeep, Malformed, EndsEarly, Trailing };
    struct Outcome
    {
        Status status;
        qsizetype offset; // where parsing stopped (the failure, or the end of the value)
        QString text;     // when Complete or Truncated
    };

    // One value spanning all of bytes, indented by two spaces per level or on one line, at most maxChars.
    static Outcome print(const QByteArray &bytes, bool indented, qsizetype maxChars, int maxDepth);
};
