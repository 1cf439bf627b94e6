#pragma once

#include <cstdint>
#include <cstdlib>
#include <memory>
#include <QByteArray>
#include <QByteArrayView>
#include <vector>

// Keys as bytes, stored compactly: one growing byte buffer, an (offset, length) pair per key and an
// open-addressing index for de-duplication (SCAN may return a key more than once). About 18 bytes per
// key beyond the key bytes themselves; no QString or QByteArray per key.
class KeyArena
{
public:
    using Index = std::uint32_t;

    // Adds key unless it is already there; returns true if it was added.
    bool insert(QByteArrayView key);
    bool contains(QByteArrayView key) const { return indexOf(key) >= 0; }
    // Position of key, or -1.
    qsizetype indexOf(QByteArrayView key) const;
    qsizetype size() const { return qsizetype(m_entries.size()); }
    bool isEmpty() const { return m_entries.empty(); }
    QByteArrayView at(qsizetype i) const;
    QByteArray copyAt(qsizetype i) const { return at(i).toByteArray(); }
    void clear();
    // Sizes the index for n keys (avoids rehashing while a scan of known size loads).
    void reserve(qsizetype n);
    // The chunks holding the key bytes. A copy shares them (QByteArray is implicitly shared), so a worker
    // thread can keep reading views into them while the arena goes on growing.
    const std::vector<QByteArray> &chunks() const { return m_chunks; }
    // Bytes held beyond the key bytes themselves (index and table), for benchmarks.
    qsizetype overheadBytes() const;

private:
    struct Entry
    {
        std::uint32_t chunk;
        std::uint32_t offset; // within the chunk
        std::uint32_t length;
    };
    // Slots hold entry index + 1; 0 is a free slot, so a fresh table is calloc'd memory that the
    // kernel zero-fills lazily: sizing the index for 10M keys costs no up-front pass over it.
    struct FreeDeleter
    {
        void operator()(Index *table) const { std::free(table); }
    };

    std::size_t find(QByteArrayView key, std::size_t hash) const; // slot of key or of the empty slot
    void grow();
    void rehash(std::size_t capacity);

    // Keys are appended to chunks; a key never straddles two chunks, so views stay contiguous.
    std::vector<QByteArray> m_chunks;
    std::vector<Entry> m_entries;
    std::unique_ptr<Index[], FreeDeleter> m_table;
    std::size_t m_tableSize = 0; // a power of two
};
