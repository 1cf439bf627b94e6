#include "keytreemodel.h"

#include "bytesescaper.h"
#include "keyarena.h"
#include "keyscanner.h"
#include "naturalorder.h"
#include "redisconnection.h"
#include "serverinfo.h"

#include <algorithm>
#include <QLocale>
#include <QTimer>
#include <unordered_map>
#include <unordered_set>

struct KeyTreeModel::Folder
{
    Folder *parent = nullptr;
    quint32 nameKey = 0;          // a key under this folder; its bytes up to prefixLength are the prefix
    quint32 prefixLength = 0;     // prefix bytes including the delimiter ("app:user:" = 9)
    int row = 0;                  // position among the parent's folders
    qint64 count = 0;             // keys below, at any depth
    bool built = false;           // split into folders and leaves (the root always is)
    std::vector<quint32> pending; // unbuilt: every key below, unsorted
    std::vector<std::unique_ptr<Folder>> folders; // built: sorted by name
    std::vector<quint32> leaves;                  // built: sorted keys
};

// New rows found while routing a batch of keys, merged into their parents at once by commit().
struct KeyTreeModel::Staging
{
    struct Children
    {
        std::vector<std::unique_ptr<Folder>> folders;
        QHash<QByteArrayView, Folder *> byName;
        std::vector<quint32> leaves;
    };
    std::unordered_map<Folder *, Children> byParent;
    std::unordered_set<Folder *> touched; // existing folders whose count changed
};

// A folder split into sub-folders and keys, both sorted; computed on the GUI thread or a worker.
struct KeyTreeModel::BuildResult
{
    struct Child
    {
        quint32 nameKey = 0;
        quint32 prefixLength = 0;
        std::vector<quint32> keys;
    };
    std::vector<Child> folders;
    std::vector<quint32> leaves;
    std::size_t consumed = 0; // how many of the folder's pending keys this covers
};

namespace {

qsizetype findIn(QByteArrayView key, qsizetype from, const std::array<bool, 256> &isDelimiter)
{
    const char *data = key.data();
    for (qsizetype i = from; i < key.size(); ++i) {
        if (isDelimiter[static_cast<unsigned char>(data[i])])
            return i;
    }
    return -1;
}

} // namespace

KeyTreeModel::BuildResult KeyTreeModel::partition(std::vector<Item> items, qsizetype prefixLength,
                                                  const std::array<bool, 256> &isDelimiter)
{
    BuildResult result;
    QHash<QByteArrayView, std::size_t> byName;
    std::vector<QByteArrayView> names;
    std::vector<Item> leaves;
    for (const Item &item : items) {
        const qsizetype at = findIn(item.second, prefixLength, isDelimiter);
        if (at < 0) {
            leaves.push_back(item);
            continue;
        }
        const QByteArrayView name = item.second.sliced(prefixLength, at - prefixLength);
        auto it = byName.find(name);
        if (it == byName.end()) {
            it = byName.insert(name, result.folders.size());
            result.folders.push_back({item.first, quint32(at + 1), {}});
            names.push_back(name);
        }
        result.folders[*it].keys.push_back(item.first);
    }
    std::vector<std::size_t> order(result.folders.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::sort(order.begin(), order.end(),
              [&names](std::size_t a, std::size_t b) { return NaturalOrder::less(names[a], names[b]); });
    std::vector<BuildResult::Child> sorted;
    sorted.reserve(order.size());
    for (std::size_t i : order)
        sorted.push_back(std::move(result.folders[i]));
    result.folders = std::move(sorted);
    std::sort(leaves.begin(), leaves.end(),
              [](const Item &a, const Item &b) { return NaturalOrder::less(a.second, b.second); });
    result.leaves.reserve(leaves.size());
    for (const Item &leaf : leaves)
        result.leaves.push_back(leaf.first);
    return result;
}

KeyTreeModel::KeyTreeModel(KeyScanner *scanner, RedisConnection *connection, QObject *parent)
    : QAbstractItemModel(parent), m_scanner(scanner), m_connection(connection), m_arena(&scanner->keys()),
      m_root(std::make_unique<Folder>()), m_routeTimer(new QTimer(this))
{
    m_root->built = true;
    m_isDelimiter[':'] = true;
    m_pool.setMaxThreadCount(1);
    m_clock.start();
    m_routeTimer->setSingleShot(true);
    connect(m_routeTimer, &QTimer::timeout, this, &KeyTreeModel::routePending);
    connect(scanner, &KeyScanner::cleared, this, [this] {
        m_removed.clear();
        m_removedCount = 0;
        reset();
    });
    connect(scanner, &KeyScanner::keysAdded, this, &KeyTreeModel::onKeysAdded);
    // Once the scan pauses or ends, place what is left without waiting for the throttle.
    connect(scanner, &KeyScanner::stopped, this, [this] {
        if (m_routeTimer->isActive())
            m_routeTimer->start(0);
    });
    connect(scanner, &QObject::destroyed, this, [this] {
        beginResetModel();
        m_arena = nullptr;
        m_root = std::make_unique<Folder>();
        m_root->built = true;
        m_routed = 0;
        m_building.clear();
        m_metadata.clear();
        endResetModel();
    });
    if (!m_arena->isEmpty())
        m_routeTimer->start(0);
}

KeyTreeModel::~KeyTreeModel()
{
    // A split in progress posts its result to this object; wait for it (posted events die with us).
    m_pool.waitForDone();
}

void KeyTreeModel::setDelimiters(const QByteArray &delimiters)
{
    if (delimiters == m_delimiters)
        return;
    m_delimiters = delimiters;
    m_isDelimiter.fill(false);
    for (const char c : delimiters)
        m_isDelimiter[static_cast<unsigned char>(c)] = true;
    reset();
    if (m_arena && !m_arena->isEmpty())
        m_routeTimer->start(0);
}

void KeyTreeModel::setHexDisplay(bool hex)
{
    if (hex == m_hex)
        return;
    m_hex = hex;
    emitDataChanged(m_root.get());
}

qint64 KeyTreeModel::keyCount() const
{
    return m_root->count;
}

qsizetype KeyTreeModel::folderBytes(const Folder *folder)
{
    qsizetype bytes = qsizetype(sizeof(Folder) + folder->pending.capacity() * sizeof(quint32) +
                                folder->leaves.capacity() * sizeof(quint32) +
                                folder->folders.capacity() * sizeof(std::unique_ptr<Folder>));
    for (const auto &child : folder->folders)
        bytes += folderBytes(child.get());
    return bytes;
}

qsizetype KeyTreeModel::overheadBytes() const
{
    return folderBytes(m_root.get()) + qsizetype(m_removed.capacity() / 8);
}

bool KeyTreeModel::isBusy() const
{
    return (m_arena && m_routed < m_arena->size()) || !m_building.isEmpty();
}

void KeyTreeModel::reset()
{
    beginResetModel();
    m_root = std::make_unique<Folder>();
    m_root->built = true;
    m_routed = 0;
    m_building.clear(); // late results of splits are dropped
    m_metadata.clear();
    ++m_generation;
    endResetModel();
}

QByteArrayView KeyTreeModel::keyBytes(quint32 key) const
{
    return m_arena->at(qsizetype(key));
}

qsizetype KeyTreeModel::findDelimiter(QByteArrayView key, qsizetype from) const
{
    return findIn(key, from, m_isDelimiter);
}

QByteArrayView KeyTreeModel::folderName(const Folder *folder) const
{
    const qsizetype start = folder->parent->prefixLength;
    return keyBytes(folder->nameKey).sliced(start, qsizetype(folder->prefixLength) - 1 - start);
}

KeyTreeModel::Folder *KeyTreeModel::childFolder(const Folder *parent, QByteArrayView name) const
{
    const auto it = std::lower_bound(parent->folders.cbegin(), parent->folders.cend(), name,
                                     [this](const std::unique_ptr<Folder> &folder, QByteArrayView n) {
                                         return NaturalOrder::less(folderName(folder.get()), n);
                                     });
    if (it == parent->folders.cend() || folderName(it->get()) != name)
        return nullptr;
    return it->get();
}

KeyTreeModel::Folder *KeyTreeModel::folderOf(const QModelIndex &index) const
{
    if (!index.isValid())
        return m_root.get();
    const auto *parent = static_cast<Folder *>(index.internalPointer());
    const auto row = std::size_t(index.row());
    return row < parent->folders.size() ? parent->folders[row].get() : nullptr;
}

QModelIndex KeyTreeModel::indexOfFolder(const Folder *folder) const
{
    if (folder == m_root.get())
        return {};
    return createIndex(folder->row, 0, folder->parent);
}

QModelIndex KeyTreeModel::indexOfKey(quint32 key) const
{
    if (!m_arena)
        return {};
    const QByteArrayView bytes = keyBytes(key);
    const Folder *folder = m_root.get();
    while (folder->built) {
        const qsizetype at = findDelimiter(bytes, folder->prefixLength);
        if (at < 0) {
            const auto it = std::lower_bound(
                folder->leaves.cbegin(), folder->leaves.cend(), bytes,
                [this](quint32 leaf, QByteArrayView k) { return NaturalOrder::less(keyBytes(leaf), k); });
            if (it == folder->leaves.cend() || *it != key)
                return {};
            const int row = int(folder->folders.size() + std::size_t(it - folder->leaves.cbegin()));
            return createIndex(row, 0, const_cast<Folder *>(folder));
        }
        folder = childFolder(folder, bytes.sliced(folder->prefixLength, at - folder->prefixLength));
        if (!folder)
            return {};
    }
    return {};
}

// --- Placing keys -------------------------------------------------------------------------------

void KeyTreeModel::onKeysAdded()
{
    if (!m_routeTimer->isActive())
        m_routeTimer->start(kThrottleMs);
}

void KeyTreeModel::routePending()
{
    if (!m_arena)
        return;
    const qsizetype size = m_arena->size();
    if (m_removed.size() < std::size_t(size))
        m_removed.resize(std::size_t(size));
    const qsizetype end = std::min(size, m_routed + kSliceKeys);
    Staging staging;
    for (qsizetype i = m_routed; i < end; ++i) {
        if (m_removed[std::size_t(i)])
            continue;
        ++m_root->count;
        route(m_root.get(), quint32(i), staging);
    }
    m_routed = end;
    commit(staging);
    if (m_routed < size)
        m_routeTimer->start(0); // next slice after the events that queued up
    else
        checkIdle();
}

// Walks key down from `from` (whose count already includes it) through split folders; it stops in the
// pending list of an unsplit folder, or becomes a new row (staged).
void KeyTreeModel::route(Folder *from, quint32 key, Staging &staging)
{
    const QByteArrayView bytes = keyBytes(key);
    Folder *folder = from;
    while (folder->built) {
        const qsizetype at = findDelimiter(bytes, folder->prefixLength);
        if (at < 0) {
            staging.byParent[folder].leaves.push_back(key);
            return;
        }
        const QByteArrayView name = bytes.sliced(folder->prefixLength, at - folder->prefixLength);
        if (Folder *child = childFolder(folder, name)) {
            ++child->count;
            staging.touched.insert(child);
            folder = child;
            continue;
        }
        Staging::Children &children = staging.byParent[folder];
        Folder *&staged = children.byName[name];
        if (!staged) {
            auto created = std::make_unique<Folder>();
            created->parent = folder;
            created->nameKey = key;
            created->prefixLength = quint32(at + 1);
            staged = created.get();
            children.folders.push_back(std::move(created));
        }
        ++staged->count;
        staged->pending.push_back(key);
        return;
    }
    folder->pending.push_back(key);
}

// Merges staged rows into their parents in one layout change: sorted new rows are placed by binary
// search (k log n comparisons plus one pass of moves), and persistent indexes (selection, expanded
// folders) follow their rows.
void KeyTreeModel::commit(Staging &staging)
{
    if (!staging.byParent.empty()) {
        QList<QPersistentModelIndex> parents;
        for (const auto &entry : staging.byParent)
            parents.append(indexOfFolder(entry.first));
        emit layoutAboutToBeChanged(parents);

        struct Plan
        {
            std::size_t oldFolders = 0;
            std::size_t newFolders = 0;
            std::vector<std::size_t> folderAt; // old position each new folder goes before
            std::vector<std::size_t> leafAt;
        };
        std::unordered_map<Folder *, Plan> plans;
        for (auto &[parent, children] : staging.byParent) {
            Plan &plan = plans[parent];
            std::sort(children.folders.begin(), children.folders.end(),
                      [this](const std::unique_ptr<Folder> &a, const std::unique_ptr<Folder> &b) {
                          return NaturalOrder::less(folderName(a.get()), folderName(b.get()));
                      });
            std::sort(children.leaves.begin(), children.leaves.end(),
                      [this](quint32 a, quint32 b) { return NaturalOrder::less(keyBytes(a), keyBytes(b)); });
            for (const auto &folder : children.folders) {
                const QByteArrayView name = folderName(folder.get());
                plan.folderAt.push_back(
                    std::size_t(std::lower_bound(parent->folders.cbegin(), parent->folders.cend(), name,
                                                 [this](const std::unique_ptr<Folder> &f, QByteArrayView n) {
                                                     return NaturalOrder::less(folderName(f.get()), n);
                                                 }) -
                                parent->folders.cbegin()));
            }
            for (const quint32 leaf : children.leaves) {
                plan.leafAt.push_back(std::size_t(
                    std::lower_bound(
                        parent->leaves.cbegin(), parent->leaves.cend(), keyBytes(leaf),
                        [this](quint32 l, QByteArrayView k) { return NaturalOrder::less(keyBytes(l), k); }) -
                    parent->leaves.cbegin()));
            }
            plan.oldFolders = parent->folders.size();
            plan.newFolders = parent->folders.size() + children.folders.size();
        }

        const QModelIndexList before = persistentIndexList();
        QModelIndexList from;
        QModelIndexList to;
        for (const QModelIndex &index : before) {
            auto *parent = static_cast<Folder *>(index.internalPointer());
            const auto it = plans.find(parent);
            if (it == plans.end())
                continue;
            const Plan &plan = it->second;
            const auto row = std::size_t(index.row());
            std::size_t newRow = 0;
            if (row < plan.oldFolders) {
                newRow =
                    row + std::size_t(std::upper_bound(plan.folderAt.cbegin(), plan.folderAt.cend(), row) -
                                      plan.folderAt.cbegin());
            } else {
                const std::size_t leaf = row - plan.oldFolders;
                newRow = plan.newFolders + leaf +
                         std::size_t(std::upper_bound(plan.leafAt.cbegin(), plan.leafAt.cend(), leaf) -
                                     plan.leafAt.cbegin());
            }
            from.append(index);
            to.append(createIndex(int(newRow), index.column(), parent));
        }

        for (auto &[parent, children] : staging.byParent) {
            const Plan &plan = plans[parent];
            std::vector<std::unique_ptr<Folder>> folders;
            folders.reserve(plan.newFolders);
            std::size_t old = 0;
            for (std::size_t i = 0; i < children.folders.size(); ++i) {
                while (old < plan.folderAt[i])
                    folders.push_back(std::move(parent->folders[old++]));
                folders.push_back(std::move(children.folders[i]));
            }
            while (old < parent->folders.size())
                folders.push_back(std::move(parent->folders[old++]));
            for (std::size_t i = 0; i < folders.size(); ++i)
                folders[i]->row = int(i);
            parent->folders = std::move(folders);

            std::vector<quint32> leaves;
            leaves.reserve(parent->leaves.size() + children.leaves.size());
            old = 0;
            for (std::size_t i = 0; i < children.leaves.size(); ++i) {
                while (old < plan.leafAt[i])
                    leaves.push_back(parent->leaves[old++]);
                leaves.push_back(children.leaves[i]);
            }
            leaves.insert(leaves.end(), parent->leaves.cbegin() + qsizetype(old), parent->leaves.cend());
            parent->leaves = std::move(leaves);
        }
        changePersistentIndexList(from, to);
        emit layoutChanged(parents);
    }
    for (Folder *folder : staging.touched) {
        const QModelIndex index = indexOfFolder(folder);
        emit dataChanged(index, index, {Qt::DisplayRole, Qt::ToolTipRole, KeyCountRole});
    }
}

void KeyTreeModel::checkIdle()
{
    if (!isBusy())
        emit idle();
}

// --- Splitting folders ----------------------------------------------------------------------------

void KeyTreeModel::buildNow(Folder *folder)
{
    std::vector<Item> items;
    items.reserve(folder->pending.size());
    for (const quint32 key : folder->pending) {
        if (!m_removed[key])
            items.emplace_back(key, keyBytes(key));
    }
    BuildResult result = partition(std::move(items), folder->prefixLength, m_isDelimiter);
    result.consumed = folder->pending.size();
    install(folder, result, true);
}

struct KeyTreeModel::BuildInput
{
    std::vector<Item> items;
    // The arena's chunks as they were when each slice of views was taken: keeps the bytes the views point
    // into alive, whatever the arena does meanwhile.
    std::vector<std::vector<QByteArray>> chunks;
    qsizetype prefixLength = 0;
    std::array<bool, 256> isDelimiter{};
    std::size_t consumed = 0; // pending keys covered
    std::size_t gathered = 0;
};

void KeyTreeModel::buildAsync(Folder *folder, quint64 job)
{
    auto input = std::make_shared<BuildInput>();
    input->items.reserve(folder->pending.size());
    input->prefixLength = folder->prefixLength;
    input->isDelimiter = m_isDelimiter;
    input->consumed = folder->pending.size();
    emit folderBuilding(indexOfFolder(folder), true);
    gatherSlice(folder, job, input);
}

// The views are gathered on this thread in slices (millions of keys at once would stall the loop), then
// split and sorted on the worker. The destructor waits for the pool, and events posted to a deleted object
// are discarded.
void KeyTreeModel::gatherSlice(Folder *folder, quint64 job, std::shared_ptr<BuildInput> input)
{
    const auto it = m_building.constFind(folder);
    if (it == m_building.constEnd() || *it != job)
        return; // the folder went away
    const std::size_t end = std::min(input->consumed, input->gathered + std::size_t(kSliceKeys));
    for (std::size_t i = input->gathered; i < end; ++i) {
        const quint32 key = folder->pending[i];
        if (!m_removed[key])
            input->items.emplace_back(key, keyBytes(key));
    }
    input->gathered = end;
    input->chunks.push_back(m_arena->chunks());
    if (end < input->consumed) {
        QTimer::singleShot(0, this, [this, folder, job, input] { gatherSlice(folder, job, input); });
        return;
    }
    m_pool.start([this, folder, job, input] {
        auto result = std::make_shared<BuildResult>(
            partition(std::move(input->items), input->prefixLength, input->isDelimiter));
        result->consumed = input->consumed;
        QMetaObject::invokeMethod(
            this, [this, folder, job, result] { applyBuild(folder, job, std::move(*result)); },
            Qt::QueuedConnection);
    });
}

void KeyTreeModel::applyBuild(Folder *folder, quint64 job, BuildResult result)
{
    // The folder may be gone (reset, deleted keys): then it is no longer registered under this job.
    const auto it = m_building.constFind(folder);
    if (it == m_building.constEnd() || *it != job)
        return;
    install(folder, result, true);
    m_building.remove(folder);
    emit folderBuilding(indexOfFolder(folder), false);
    checkIdle();
}

void KeyTreeModel::install(Folder *folder, BuildResult &result, bool signalRows)
{
    std::vector<std::unique_ptr<Folder>> folders;
    folders.reserve(result.folders.size());
    for (BuildResult::Child &child : result.folders) {
        auto created = std::make_unique<Folder>();
        created->parent = folder;
        created->nameKey = child.nameKey;
        created->prefixLength = child.prefixLength;
        created->pending = std::move(child.keys);
        created->count = qint64(created->pending.size());
        if (m_removedCount > 0)
            created->count = std::count_if(created->pending.cbegin(), created->pending.cend(),
                                           [this](quint32 key) { return !m_removed[key]; });
        if (created->count == 0)
            continue;
        created->row = int(folders.size());
        folders.push_back(std::move(created));
    }
    if (m_removedCount > 0) {
        std::erase_if(result.leaves, [this](quint32 key) { return bool(m_removed[key]); });
    }
    // Keys that reached the folder while a worker split it.
    std::vector<quint32> later(folder->pending.cbegin() + qsizetype(result.consumed), folder->pending.cend());
    std::vector<quint32>().swap(folder->pending);

    const int rows = int(folders.size() + result.leaves.size());
    if (signalRows && rows > 0)
        beginInsertRows(indexOfFolder(folder), 0, rows - 1);
    folder->folders = std::move(folders);
    folder->leaves = std::move(result.leaves);
    folder->built = true;
    if (signalRows && rows > 0)
        endInsertRows();

    if (!later.empty()) {
        Staging staging;
        for (const quint32 key : later) {
            if (!m_removed[key])
                route(folder, key, staging);
        }
        commit(staging);
    }
}

// --- Queries and edits ----------------------------------------------------------------------------

bool KeyTreeModel::isFolder(const QModelIndex &index) const
{
    return index.isValid() && folderOf(index) != nullptr;
}

QByteArray KeyTreeModel::keyAt(const QModelIndex &index) const
{
    if (!index.isValid() || isFolder(index))
        return {};
    const auto *parent = static_cast<Folder *>(index.internalPointer());
    return keyBytes(parent->leaves[std::size_t(index.row()) - parent->folders.size()]).toByteArray();
}

QByteArray KeyTreeModel::folderPrefix(const QModelIndex &index) const
{
    const Folder *folder = index.isValid() ? folderOf(index) : nullptr;
    if (!folder)
        return {};
    return keyBytes(folder->nameKey).first(folder->prefixLength).toByteArray();
}

QModelIndex KeyTreeModel::indexForKey(QByteArrayView key) const
{
    if (!m_arena)
        return {};
    const qsizetype i = m_arena->indexOf(key);
    if (i < 0 || i >= m_routed || m_removed[std::size_t(i)])
        return {};
    return indexOfKey(quint32(i));
}

QModelIndex KeyTreeModel::revealKey(QByteArrayView key)
{
    if (!m_arena)
        return {};
    const qsizetype i = m_arena->indexOf(key);
    if (i < 0 || i >= m_routed || m_removed[std::size_t(i)])
        return {};
    Folder *folder = m_root.get();
    while (true) {
        if (!folder->built) {
            if (m_building.contains(folder) || qsizetype(folder->pending.size()) > m_asyncThreshold)
                return {};
            buildNow(folder);
        }
        const qsizetype at = findDelimiter(key, folder->prefixLength);
        if (at < 0)
            return indexOfKey(quint32(i));
        folder = childFolder(folder, key.sliced(folder->prefixLength, at - folder->prefixLength));
        if (!folder)
            return {};
    }
}

void KeyTreeModel::addKeys(const QList<QByteArray> &keys)
{
    if (!m_arena || !m_scanner)
        return;
    // New keys go into the arena first: routing holds views into it, so nothing may be appended then.
    bool added = false;
    for (const QByteArray &key : keys) {
        if (m_arena->indexOf(key) < 0) {
            m_scanner->addKey(key); // keysAdded
            added = true;
        }
    }
    if (m_removed.size() < std::size_t(m_arena->size()))
        m_removed.resize(std::size_t(m_arena->size()));
    Staging staging;
    for (const QByteArray &key : keys) {
        const auto i = std::size_t(m_arena->indexOf(key));
        if (!m_removed[i])
            continue;
        m_removed[i] = false;
        --m_removedCount;
        if (qsizetype(i) < m_routed) {
            ++m_root->count;
            route(m_root.get(), quint32(i), staging);
        }
    }
    commit(staging);
    if (added) {
        m_routeTimer->stop();
        routePending();
    }
}

void KeyTreeModel::removeKey(QByteArrayView key)
{
    if (!m_arena)
        return;
    const qsizetype i = m_arena->indexOf(key);
    if (i < 0)
        return;
    if (m_removed.size() < std::size_t(m_arena->size()))
        m_removed.resize(std::size_t(m_arena->size()));
    if (m_removed[std::size_t(i)])
        return;
    m_removed[std::size_t(i)] = true;
    ++m_removedCount;
    m_metadata.remove(quint32(i));
    if (i >= m_routed)
        return; // skipped when its turn comes

    // Down the path: counts drop; the key's row goes if its folder is split (else it sits in a pending
    // list, where m_removed hides it).
    std::vector<Folder *> path{m_root.get()};
    --m_root->count;
    Folder *folder = m_root.get();
    while (folder->built) {
        const qsizetype at = findDelimiter(key, folder->prefixLength);
        if (at < 0) {
            const auto it = std::lower_bound(
                folder->leaves.begin(), folder->leaves.end(), key,
                [this](quint32 leaf, QByteArrayView k) { return NaturalOrder::less(keyBytes(leaf), k); });
            if (it != folder->leaves.end() && *it == quint32(i)) {
                const int row = int(folder->folders.size() + std::size_t(it - folder->leaves.begin()));
                beginRemoveRows(indexOfFolder(folder), row, row);
                folder->leaves.erase(it);
                endRemoveRows();
            }
            break;
        }
        Folder *child = childFolder(folder, key.sliced(folder->prefixLength, at - folder->prefixLength));
        if (!child)
            break;
        --child->count;
        path.push_back(child);
        folder = child;
    }
    // The topmost folder left empty goes, with everything below it.
    for (std::size_t depth = 1; depth < path.size(); ++depth) {
        Folder *emptied = path[depth];
        if (emptied->count > 0)
            continue;
        for (std::size_t below = depth; below < path.size(); ++below)
            m_building.remove(path[below]);
        Folder *parent = emptied->parent;
        const int row = emptied->row;
        beginRemoveRows(indexOfFolder(parent), row, row);
        parent->folders.erase(parent->folders.begin() + row);
        for (std::size_t r = std::size_t(row); r < parent->folders.size(); ++r)
            parent->folders[r]->row = int(r);
        endRemoveRows();
        path.resize(depth);
        break;
    }
    for (std::size_t depth = 1; depth < path.size(); ++depth) {
        const QModelIndex index = indexOfFolder(path[depth]);
        emit dataChanged(index, index, {Qt::DisplayRole, Qt::ToolTipRole, KeyCountRole});
    }
    checkIdle();
}

void KeyTreeModel::collectKeys(const Folder *folder, std::vector<quint32> &keys) const
{
    for (const quint32 key : folder->pending) {
        if (!m_removed[key])
            keys.push_back(key);
    }
    keys.insert(keys.end(), folder->leaves.cbegin(), folder->leaves.cend());
    for (const auto &child : folder->folders)
        collectKeys(child.get(), keys);
}

QList<QByteArray> KeyTreeModel::keysUnder(const QModelIndex &folder) const
{
    const Folder *start = folder.isValid() ? folderOf(folder) : m_root.get();
    if (!start || !m_arena)
        return {};
    std::vector<quint32> keys;
    collectKeys(start, keys);
    QList<QByteArray> result;
    result.reserve(qsizetype(keys.size()));
    for (const quint32 key : keys)
        result.append(keyBytes(key).toByteArray());
    return result;
}

void KeyTreeModel::emitDataChanged(Folder *folder)
{
    if (!folder->built)
        return;
    const int rows = int(folder->folders.size() + folder->leaves.size());
    if (rows > 0) {
        const QModelIndex parent = indexOfFolder(folder);
        emit dataChanged(index(0, 0, parent), index(rows - 1, ColumnCount - 1, parent));
    }
    for (const auto &child : folder->folders)
        emitDataChanged(child.get());
}

// --- Metadata of visible rows -----------------------------------------------------------------------

void KeyTreeModel::requestMetadata(const QModelIndexList &rows)
{
    if (!m_connection || !m_connection->isReady() || !m_arena)
        return;
    if (m_metadata.size() > 50'000) { // bounded: forget what is not in flight
        for (auto it = m_metadata.begin(); it != m_metadata.end();)
            it = it->inFlight ? std::next(it) : m_metadata.erase(it);
    }
    const qint64 now = m_clock.elapsed();
    for (const QModelIndex &row : rows) {
        if (!row.isValid() || row.model() != this || isFolder(row))
            continue;
        const auto *parent = static_cast<Folder *>(row.internalPointer());
        const quint32 key = parent->leaves[std::size_t(row.row()) - parent->folders.size()];
        const auto it = m_metadata.constFind(key);
        if (it != m_metadata.constEnd() &&
            (it->inFlight || (it->fetchedAt >= 0 && now - it->fetchedAt < kMetadataMaxAgeMs)))
            continue;
        fetchMetadata(key);
    }
}

void KeyTreeModel::invalidateMetadata(QByteArrayView key)
{
    if (!m_arena)
        return;
    const qsizetype i = m_arena->indexOf(key);
    if (i >= 0)
        m_metadata.remove(quint32(i));
}

void KeyTreeModel::fetchMetadata(quint32 key)
{
    ++m_metadataRequests;
    m_metadata[key].inFlight = true;
    const QByteArray bytes = keyBytes(key).toByteArray();
    const quint64 generation = m_generation;
    auto alive = [this, generation, key] { return generation == m_generation && m_metadata.contains(key); };
    RedisConnection *holder = m_router ? m_router(bytes) : nullptr;
    if (!holder)
        holder = m_connection;
    holder->command({"TYPE", bytes}, this, [this, key, alive](const RedisReply &reply) {
        if (alive() && reply.type() == RedisReply::Type::Status)
            m_metadata[key].type = reply.bytes();
    });
    holder->command({"PTTL", bytes}, this, [this, key, alive](const RedisReply &reply) {
        if (alive() && reply.type() == RedisReply::Type::Integer)
            m_metadata[key].pttl = reply.toInteger();
    });
    holder->command({"MEMORY", "USAGE", bytes}, this, [this, key, alive](const RedisReply &reply) {
        if (!alive())
            return;
        Metadata &metadata = m_metadata[key];
        metadata.inFlight = false;
        metadata.fetchedAt = reply.isFailure() ? -1 : m_clock.elapsed();
        if (reply.type() == RedisReply::Type::Integer)
            metadata.memory = reply.toInteger();
        const QModelIndex name = indexOfKey(key);
        if (name.isValid())
            emit dataChanged(index(name.row(), TypeColumn, name.parent()),
                             index(name.row(), MemoryColumn, name.parent()));
    });
}

// --- QAbstractItemModel -----------------------------------------------------------------------------

QModelIndex KeyTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount || (parent.isValid() && parent.column() != 0))
        return {};
    Folder *folder = folderOf(parent);
    if (!folder || !folder->built || std::size_t(row) >= folder->folders.size() + folder->leaves.size())
        return {};
    return createIndex(row, column, folder);
}

QModelIndex KeyTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    return indexOfFolder(static_cast<Folder *>(child.internalPointer()));
}

int KeyTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    const Folder *folder = folderOf(parent);
    if (!folder || !folder->built)
        return 0;
    return int(folder->folders.size() + folder->leaves.size());
}

int KeyTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

bool KeyTreeModel::hasChildren(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return false;
    const Folder *folder = folderOf(parent);
    if (!folder)
        return false;
    return folder->built ? !folder->folders.empty() || !folder->leaves.empty() : folder->count > 0;
}

bool KeyTreeModel::canFetchMore(const QModelIndex &parent) const
{
    if (!parent.isValid() || parent.column() != 0)
        return false;
    Folder *folder = folderOf(parent);
    return folder && !folder->built && !m_building.contains(folder);
}

// The split starts from the event loop, not inside the caller: views call fetchMore while they handle
// other signals of this model, and rows must not appear in the middle of that.
void KeyTreeModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    Folder *folder = folderOf(parent);
    const quint64 job = ++m_nextJob;
    m_building.insert(folder, job);
    QMetaObject::invokeMethod(
        this,
        [this, folder, job] {
            const auto it = m_building.constFind(folder);
            if (it == m_building.constEnd() || *it != job)
                return; // gone meanwhile
            if (qsizetype(folder->pending.size()) > m_asyncThreshold) {
                buildAsync(folder, job);
            } else {
                buildNow(folder); // still registered: views asking canFetchMore meanwhile get false
                m_building.remove(folder);
                checkIdle();
            }
        },
        Qt::QueuedConnection);
}

QString KeyTreeModel::displayName(QByteArrayView bytes) const
{
    const QByteArray copy = bytes.toByteArray();
    return m_hex ? BytesEscaper::toHex(copy) : BytesEscaper::escape(copy);
}

QVariant KeyTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !m_arena)
        return {};
    const auto *parent = static_cast<Folder *>(index.internalPointer());
    if (const Folder *folder = folderOf(index)) {
        switch (role) {
        case Qt::DisplayRole:
            if (index.column() != NameColumn)
                return {};
            return tr("%1 (%2)").arg(folderName(folder).isEmpty() ? tr("(empty)")
                                                                  : displayName(folderName(folder)),
                                     QLocale().toString(folder->count));
        case Qt::ToolTipRole:
            return tr("%1* — %n key(s)", nullptr, int(std::min<qint64>(folder->count, INT_MAX)))
                .arg(displayName(keyBytes(folder->nameKey).first(folder->prefixLength)));
        case KeyRole:
            return keyBytes(folder->nameKey).first(folder->prefixLength).toByteArray();
        case IsFolderRole:
            return true;
        case KeyCountRole:
            return folder->count;
        default:
            return {};
        }
    }
    const quint32 key = parent->leaves[std::size_t(index.row()) - parent->folders.size()];
    const QByteArrayView bytes = keyBytes(key);
    const auto metadata = m_metadata.constFind(key);
    const bool known = metadata != m_metadata.constEnd() && metadata->fetchedAt >= 0;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn: {
            const QByteArrayView relative = bytes.sliced(parent->prefixLength);
            return displayName(relative.isEmpty() ? bytes : relative);
        }
        case TypeColumn:
            if (!known)
                return {};
            return metadata->type == "none" ? tr("(deleted)") : QString::fromLatin1(metadata->type);
        case TtlColumn: {
            if (!known || metadata->type == "none")
                return {};
            if (metadata->pttl < 0)
                return tr("no limit");
            const qint64 left = metadata->pttl - (m_clock.elapsed() - metadata->fetchedAt);
            return left <= 0 ? tr("expired") : ServerInfo::formatDuration((left + 999) / 1000);
        }
        case MemoryColumn:
            if (!known || metadata->memory < 0)
                return {};
            return QLocale().formattedDataSize(metadata->memory);
        default:
            return {};
        }
    case Qt::ToolTipRole:
        return displayName(bytes);
    case Qt::TextAlignmentRole:
        if (index.column() == TtlColumn || index.column() == MemoryColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case KeyRole:
        return bytes.toByteArray();
    case IsFolderRole:
        return false;
    case KeyCountRole:
        return qint64(1);
    case TypeRole:
        return known ? metadata->type : QByteArray();
    default:
        return {};
    }
}

QVariant KeyTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Key");
    case TypeColumn:
        return tr("Type");
    case TtlColumn:
        return tr("TTL");
    case MemoryColumn:
        return tr("Memory");
    default:
        return {};
    }
}

Qt::ItemFlags KeyTreeModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable;
}
