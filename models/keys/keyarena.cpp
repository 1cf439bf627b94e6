#include "keyarena.h"

#include <new>
#include <QHashFunctions>

namespace {
constexpr qsizetype kChunkSize = 1 << 20;
} // namespace

QByteArrayView KeyArena::at(qsizetype i) const
{
    const Entry &e = m_entries[std::size_t(i)];
    return QByteArrayView(m_chunks[e.chunk].constData() + e.offset, qsizetype(e.length));
}

std::size_t KeyArena::find(QByteArrayView key, std::size_t hash) const
{
    const std::size_t mask = m_tableSize - 1;
    for (std::size_t slot = hash & mask;; slot = (slot + 1) & mask) {
        const Index stored = m_table[slot];
        if (stored == 0 || at(stored - 1) == key)
            return slot;
    }
}

qsizetype KeyArena::indexOf(QByteArrayView key) const
{
    if (m_tableSize == 0)
        return -1;
    return qsizetype(m_table[find(key, qHash(key))]) - 1;
}

bool KeyArena::insert(QByteArrayView key)
{
    if ((m_entries.size() + 1) * 10 > m_tableSize * 7)
        grow();
    const std::size_t slot = find(key, qHash(key));
    if (m_table[slot] != 0)
        return false;

    if (m_chunks.empty() || m_chunks.back().size() + key.size() > m_chunks.back().capacity()) {
        QByteArray chunk;
        chunk.reserve(std::max(kChunkSize, key.size()));
        m_chunks.push_back(std::move(chunk));
    }
    QByteArray &chunk = m_chunks.back();
    const auto offset = std::uint32_t(chunk.size());
    chunk.append(key.data(), key.size());
    m_entries.push_back({std::uint32_t(m_chunks.size() - 1), offset, std::uint32_t(key.size())});
    m_table[slot] = Index(m_entries.size());
    return true;
}

void KeyArena::reserve(qsizetype n)
{
    m_entries.reserve(std::size_t(n));
    std::size_t capacity = 64;
    while (capacity * 7 < std::size_t(n) * 10)
        capacity *= 2;
    if (capacity > m_tableSize)
        rehash(capacity);
}

void KeyArena::grow()
{
    rehash(std::max<std::size_t>(64, m_tableSize * 2));
}

void KeyArena::rehash(std::size_t capacity)
{
    auto *table = static_cast<Index *>(std::calloc(capacity, sizeof(Index)));
    if (!table)
        throw std::bad_alloc();
    m_table.reset(table);
    m_tableSize = capacity;
    const std::size_t mask = capacity - 1;
    for (std::size_t i = 0; i < m_entries.size(); ++i) {
        std::size_t slot = qHash(at(qsizetype(i))) & mask;
        while (m_table[slot] != 0)
            slot = (slot + 1) & mask;
        m_table[slot] = Index(i + 1);
    }
}

void KeyArena::clear()
{
    m_chunks.clear();
    m_entries.clear();
    m_table.reset();
    m_tableSize = 0;
}

qsizetype KeyArena::overheadBytes() const
{
    qsizetype unused = 0;
    for (const QByteArray &chunk : m_chunks)
        unused += chunk.capacity() - chunk.size();
    return qsizetype(m_entries.capacity() * sizeof(Entry) + m_tableSize * sizeof(Index)) + unused;
}
