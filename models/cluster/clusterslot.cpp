#include "clusterslot.h"

#include <array>

namespace {

// The 256-entry table of CRC16-XMODEM, computed at compile time.
constexpr std::array<quint16, 256> makeTable()
{
    std::array<quint16, 256> table{};
    for (int byte = 0; byte < 256; ++byte) {
        quint16 crc = quint16(byte << 8);
        for (int bit = 0; bit < 8; ++bit)
            crc = (crc & 0x8000) ? quint16((crc << 1) ^ 0x1021) : quint16(crc << 1);
        table[size_t(byte)] = crc;
    }
    return table;
}

constexpr std::array<quint16, 256> kTable = makeTable();

} // namespace

namespace ClusterSlot {

quint16 crc16(QByteArrayView bytes)
{
    quint16 crc = 0;
    for (const char c : bytes)
        crc = quint16((crc << 8) ^ kTable[size_t(((crc >> 8) ^ quint8(c)) & 0xff)]);
    return crc;
}

QByteArrayView hashedPart(QByteArrayView key)
{
    const qsizetype open = key.indexOf('{');
    if (open < 0)
        return key;
    const qsizetype close = key.indexOf('}', open + 1);
    if (close < 0 || close == open + 1)
        return key;
    return key.sliced(open + 1, close - open - 1);
}

int slotOf(QByteArrayView key)
{
    return crc16(hashedPart(key)) & (kSlotCount - 1);
}

} // namespace ClusterSlot
