#include "naturalorder.h"

#include <cstring>

namespace {
bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

int byteCompare(QByteArrayView a, QByteArrayView b)
{
    const qsizetype n = std::min(a.size(), b.size());
    if (n > 0) {
        if (const int c = std::memcmp(a.data(), b.data(), std::size_t(n)); c != 0)
            return c;
    }
    return a.size() < b.size() ? -1 : (a.size() > b.size() ? 1 : 0);
}
} // namespace

int NaturalOrder::compare(QByteArrayView a, QByteArrayView b)
{
    const char *pa = a.data();
    const char *pb = b.data();
    const qsizetype na = a.size();
    const qsizetype nb = b.size();
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < na && j < nb) {
        const char ca = pa[i];
        const char cb = pb[j];
        if (isDigit(ca) && isDigit(cb)) {
            qsizetype si = i;
            while (si < na && pa[si] == '0')
                ++si;
            qsizetype sj = j;
            while (sj < nb && pb[sj] == '0')
                ++sj;
            qsizetype ei = si;
            while (ei < na && isDigit(pa[ei]))
                ++ei;
            qsizetype ej = sj;
            while (ej < nb && isDigit(pb[ej]))
                ++ej;
            if (ei - si != ej - sj)
                return ei - si < ej - sj ? -1 : 1;
            if (ei > si) {
                if (const int c = std::memcmp(pa + si, pb + sj, std::size_t(ei - si)); c != 0)
                    return c;
            }
            i = ei;
            j = ej;
            continue;
        }
        if (ca != cb)
            return static_cast<unsigned char>(ca) < static_cast<unsigned char>(cb) ? -1 : 1;
        ++i;
        ++j;
    }
    if (i < na)
        return 1;
    if (j < nb)
        return -1;
    return byteCompare(a, b);
}
