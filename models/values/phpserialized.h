#pragma once

#include <QByteArray>
#include <QString>

// PHP's serialize() format (Laravel and Symfony caches, PHP sessions) read into indented JSON-like text, for
// display only: arrays as {key: value} (PHP arrays are ordered maps), objects as {"__class": name, …},
// strings JSON-quoted (bytes that are not UTF-8 escaped as \xHH), references as <reference N>. Also the
// session format `name|value name2|value2`. A parser of the text: nothing is instantiated, no class is looked
// up, no
// __wakeup runs. Declared lengths and counts are checked against the bytes left; nesting and output are
// capped.
namespace PhpSerialized {
inline constexpr int kMaxDepth = 64;
inline constexpr qsizetype kMaxTextChars = 1024 * 1024;

struct Reading
{
    bool ok = false;
    bool truncated = false;
    QString text;
    QString error;
};

// bytes must be exactly one serialized value (or a session: one or more name|value pairs).
Reading read(const QByteArray &bytes);
// True when bytes start like a serialized array, object or session entry: the shapes worth offering.
bool startsLikeSerialized(const QByteArray &bytes);
} // namespace PhpSerialized
