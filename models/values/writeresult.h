#pragma once

#include <functional>
#include <QByteArray>
#include <QString>

// How one write to a value went (a string, an element of a collection, a stream entry), handed to
// the caller's callback. Unless Done, message says why, for the user, and nothing was written.
struct WriteResult
{
    enum class Outcome {
        Done,
        AlreadyExists, // the field, member or element to add is there already
        Conflict,      // changed on the server since it was loaded
        Missing,       // no longer exists on the server
        Failed,        // refused, or not sent
    };
    using Callback = std::function<void(const WriteResult &)>;

    Outcome outcome = Outcome::Failed;
    QString message{};
    // Strings (StringValue) tell what the server holds now: after Done the written value, after a
    // Conflict the value someone else left (a preview when large), or that they deleted the key.
    bool currentExists = true;
    QByteArray current{};
    qint64 currentLength = 0; // the full length of `current`

    // The message to show for this result, or an empty string when it went through.
    QString error() const { return outcome == Outcome::Done ? QString() : message; }
};
