#pragma once

#include "keyarena.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPointer>

class RedisConnection;
class RedisReply;

// SCAN over one or more nodes (a standalone server, or every master of a cluster), one cursor each,
// into a de-duplicating KeyArena. Never KEYS. Each SCAN call asks for `count` keys (default 1000,
// at most 10000) so every call stays around a millisecond of server time, and each reply is a
// bounded slice of work on the connection's thread. loadPage() / loadMore() fetch about `pageSize`
// new keys, loadAll() runs to the end; cancel() stops after the call in flight.
class KeyScanner : public QObject
{
    Q_OBJECT
public:
    static constexpr int kDefaultCount = 1000;
    static constexpr int kMaxCount = 10000;

    struct Options
    {
        QByteArray pattern = "*"; // MATCH, glob syntax, bytes
        QByteArray type;          // TYPE filter (string, hash, ...); empty = all
        int count = kDefaultCount;
        qsizetype pageSize = 10000;
    };

    explicit KeyScanner(QList<RedisConnection *> nodes, Options options, QObject *parent = nullptr);

    const KeyArena &keys() const { return m_keys; }
    const Options &options() const { return m_options; }
    // Sum of DBSIZE over the nodes when the scan started (-1 until known).
    qint64 total() const { return m_total; }
    bool isRunning() const { return m_running; }
    bool isComplete() const;

    void loadPage(); // restart from cursor 0 and fetch one page
    void loadMore(); // one more page from where the cursors are
    void loadAll();  // continue to the end
    void cancel();
    // Adds a key the user created or went to, as if SCAN had returned it (keysAdded if new).
    void addKey(QByteArrayView key);

    // pattern with the glob characters * ? [ ] \ escaped: MATCH on it finds exactly that prefix/name.
    static QByteArray escapeGlob(QByteArrayView bytes);

signals:
    // loadPage() started over: keys() is empty again.
    void cleared();
    // Keys [first, first + count) of keys() are new.
    void keysAdded(qsizetype first, qsizetype count);
    void progress(qsizetype loaded, qint64 total);
    // The scan paused (page done, cancelled) or ended (isComplete()).
    void stopped();
    void failed(const QString &message);

private:
    struct Node
    {
        QPointer<RedisConnection> connection;
        QByteArray cursor = "0";
        bool done = false;
    };

    void start(qsizetype target);
    void requestTotal();
    bool wantsMore() const;
    void scanNext();
    void sendScan();
    void onReply(int node, quint64 generation, const RedisReply &reply);
    void stop();

    QList<Node> m_nodes;
    Options m_options;
    KeyArena m_keys;
    qint64 m_total = -1;
    bool m_totalRequested = false;
    qsizetype m_target = 0; // stop once this many keys are loaded (-1 = all)
    int m_next = 0;         // node whose turn it is
    quint64 m_generation = 0;
    bool m_running = false;
};
