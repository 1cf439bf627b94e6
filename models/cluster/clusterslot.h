#pragma once

#include <QByteArrayView>
#include <QtGlobal>

// Redis Cluster key hashing, exactly as redis-server does it (cluster.c keyHashSlot): CRC16-XMODEM
// (polynomial 0x1021, initial value 0, no reflection) of the key, or of its hash tag, modulo 16384.
//
// Hash tag: if the key contains '{', and a '}' follows it, and at least one byte lies between the
// first '{' and the first '}' after it, only those bytes are hashed ("{user:1}:cart" and
// "{user:1}:orders" share a slot). Otherwise the whole key is hashed ("{}a", "a{", "}{" ...).
// Keys are bytes: nothing is assumed about their encoding.
namespace ClusterSlot {
inline constexpr int kSlotCount = 16384;

quint16 crc16(QByteArrayView bytes);
// The bytes that are hashed: the hash tag if there is one, else the whole key.
QByteArrayView hashedPart(QByteArrayView key);
// 0 … 16383.
int slotOf(QByteArrayView key);
} // namespace ClusterSlot
