#pragma once

#include <QByteArrayView>

// Orders key names the way people read them: runs of ASCII digits compare as numbers (user:9 before
// user:10), everything else byte by byte. Keys that compare equal that way (user:01, user:1) fall back
// to plain byte order, so this is a strict total order on distinct byte strings.
namespace NaturalOrder {
// < 0, 0, > 0 like memcmp.
int compare(QByteArrayView a, QByteArrayView b);
inline bool less(QByteArrayView a, QByteArrayView b)
{
    return compare(a, b) < 0;
}
} // namespace NaturalOrder
