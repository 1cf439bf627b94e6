#pragma once

#include <array>
#include <functional>
#include <memory>
#include <QAbstractItemModel>
#include <QByteArray>
#include <QByteArrayView>
#include <QElapsedTimer>
#include <QHash>
#include <QPointer>
#include <QThreadPool>
#include <utility>
#include <vector>

class KeyArena;
class KeyScanner;
class QTimer;
class RedisConnection;
class RedisReply;

// The keys a KeyScanner loaded, as a namespace tree: "app:user:42:session" sits in folders app > user >
// 42. Built for 10M keys:
// - Keys stay in the scanner's KeyArena; the tree holds 4-byte key numbers, never a QString per key.
// - Only the root is partitioned as keys arrive (in slices of at most kSliceKeys per event-loop turn,
//   at most every kThrottleMs while a scan streams in). A folder keeps its keys as an unsorted list
//   until it is expanded (fetchMore); then it is split into sub-folders and keys, sorted in natural
//   order. Folders larger than asyncBuildThreshold() are split and sorted on a worker thread.
// - Folders come first, then keys; folder rows show how many keys they hold.
// - Several delimiters at once (each byte of delimiters() is one); none at all gives a flat list.
// - Names are shown escaped (BytesEscaper) or in hex; KeyRole always gives the exact bytes.
// - TYPE, TTL and MEMORY USAGE are fetched for the rows a view asks for (requestMetadata), pipelined,
//   never for the whole keyspace.
class KeyTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, TypeColumn, TtlColumn, MemoryColumn, ColumnCount };
    enum Role {
        KeyRole = Qt::UserRole + 1, // key bytes (keys) or prefix bytes including the delimiter (folders)
        IsFolderRole,
        KeyCountRole, // keys under a folder, 1 for a key
        TypeRole,     // Redis TYPE bytes once fetched
    };
    static constexpr qsizetype kSliceKeys = 100'000;
    static constexpr int kThrottleMs = 50;

    // connection: where metadata is fetched (may be null: no metadata).
    explicit KeyTreeModel(KeyScanner *scanner, RedisConnection *connection, QObject *parent = nullptr);
    ~KeyTreeModel() override;

    QByteArray delimiters() const { return m_delimiters; }
    // Rebuilds the tree (in slices) with other delimiters; "" = flat list.
    void setDelimiters(const QByteArray &delimiters);
    bool hexDisplay() const { return m_hex; }
    void setHexDisplay(bool hex);
    qsizetype asyncBuildThreshold() const { return m_asyncThreshold; }
    void setAsyncBuildThreshold(qsizetype keys) { m_asyncThreshold = keys; }

    // Keys in the tree (loaded and not deleted).
    qint64 keyCount() const;
    // Bytes the tree holds (folders, key-number lists, the deleted-key bits), for benchmarks.
    qsizetype overheadBytes() const;
    // True while loaded keys are still being placed in the tree or a folder is being split.
    bool isBusy() const;

    bool isFolder(const QModelIndex &index) const;
    // Exact bytes of a key row; empty for folders.
    QByteArray keyAt(const QModelIndex &index) const;
    // "app:user:" for folder app > user.
    QByteArray folderPrefix(const QModelIndex &index) const;
    // The row of key if every folder on its path is already split; else invalid.
    QModelIndex indexForKey(QByteArrayView key) const;
    // Like indexForKey, splitting folders on the path first (those below the async threshold).
    QModelIndex revealKey(QByteArrayView key);

    // Keys the user created or went to, or a folder refresh found: shown in the tree (deleted ones come
    // back), placed in one batch.
    void addKeys(const QList<QByteArray> &keys);
    void addKey(const QByteArray &key) { addKeys({key}); }
    // A key the user deleted (or renamed away): its row goes, and folders left empty go too.
    void removeKey(QByteArrayView key);
    // Every key under a folder (or the whole tree for an invalid index), exact bytes.
    QList<QByteArray> keysUnder(const QModelIndex &folder) const;

    // Fetches TYPE, TTL and MEMORY USAGE for these rows (keys only) unless fetched in the last
    // kMetadataMaxAgeMs or already in flight. Views call it for their visible rows.
    void requestMetadata(const QModelIndexList &rows);
    // In a cluster: the connection that holds a key (its slot's master); nullptr or unset = the model's.
    using KeyRouter = std::function<RedisConnection *(const QByteArray &key)>;
    void setKeyRouter(KeyRouter router) { m_router = std::move(router); }
    // Forgets fetched metadata (e.g. after an edit), so the next request fetches again.
    void invalidateMetadata(QByteArrayView key);
    static constexpr qint64 kMetadataMaxAgeMs = 10'000;
    // Metadata requests sent so far (for tests: only what was asked is fetched).
    qint64 metadataRequests() const { return m_metadataRequests; }

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

signals:
    // A folder bigger than the async threshold is being split (false when done).
    void folderBuilding(const QModelIndex &folder, bool building);
    // Every loaded key is placed (after a scan's batches, a delimiter change or a folder split).
    void idle();

private:
    struct Folder;
    struct Staging;
    struct BuildResult;
    struct BuildInput;
    struct Metadata
    {
        QByteArray type;
        qint64 pttl = -1;   // -1 none, -2 missing key, else ms remaining when fetched
        qint64 memory = -1; // bytes, -1 unknown
        qint64 fetchedAt = -1;
        bool inFlight = false;
    };

    using Item = std::pair<quint32, QByteArrayView>; // key number and its bytes

    // Splits the keys of one folder (their bytes share a prefix of prefixLength bytes) into sorted
    // sub-folders and keys. Pure: runs on a worker thread for big folders.
    static BuildResult partition(std::vector<Item> items, qsizetype prefixLength,
                                 const std::array<bool, 256> &isDelimiter);
    QByteArrayView keyBytes(quint32 key) const;
    qsizetype findDelimiter(QByteArrayView key, qsizetype from) const;
    QByteArrayView folderName(const Folder *folder) const;
    Folder *folderOf(const QModelIndex &index) const; // the folder a row *is*, or null for a key row
    Folder *childFolder(const Folder *parent, QByteArrayView name) const;
    QModelIndex indexOfFolder(const Folder *folder) const;
    QModelIndex indexOfKey(quint32 key) const;
    void reset();
    void onKeysAdded();
    void routePending();
    void route(Folder *from, quint32 key, Staging &staging);
    void commit(Staging &staging);
    void buildNow(Folder *folder);
    void buildAsync(Folder *folder, quint64 job);
    void gatherSlice(Folder *folder, quint64 job, std::shared_ptr<BuildInput> input);
    void applyBuild(Folder *folder, quint64 job, BuildResult result);
    void install(Folder *folder, BuildResult &result, bool signalRows);
    void collectKeys(const Folder *folder, std::vector<quint32> &keys) const;
    static qsizetype folderBytes(const Folder *folder);
    void emitDataChanged(Folder *folder);
    void fetchMetadata(quint32 key);
    void checkIdle();
    QString displayName(QByteArrayView bytes) const;

    QPointer<KeyScanner> m_scanner;
    QPointer<RedisConnection> m_connection;
    KeyRouter m_router;
    const KeyArena *m_arena = nullptr;
    QByteArray m_delimiters = ":";
    std::array<bool, 256> m_isDelimiter{};
    bool m_hex = false;
    qsizetype m_asyncThreshold = 50'000;

    std::unique_ptr<Folder> m_root;
    qsizetype m_routed = 0;      // arena keys [0, m_routed) are in the tree
    std::vector<bool> m_removed; // by arena index: deleted by the user
    qint64 m_removedCount = 0;
    QTimer *m_routeTimer = nullptr;

    QThreadPool m_pool; // folder splits; waited for in the destructor
    quint64 m_nextJob = 0;
    QHash<Folder *, quint64> m_building; // folder -> split (queued or on the worker) it waits for

    QHash<quint32, Metadata> m_metadata;
    QElapsedTimer m_clock;
    quint64 m_generation = 0; // bumped on reset: late metadata replies are dropped
    qint64 m_metadataRequests = 0;
};
