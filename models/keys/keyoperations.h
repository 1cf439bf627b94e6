#pragma once

#include <functional>
#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

class RedisConnection;
class RedisReply;

// The key-level writes of the key browser: create a key of any type without clobbering an existing
// one, rename (RENAMENX unless overwriting was confirmed), delete (UNLINK). Keys are bytes, used
// byte-exact. On a read-only connection every call fails with the connection's refusal.
class KeyOperations : public QObject
{
    Q_OBJECT
public:
    enum class Outcome {
        Done,
        AlreadyExists, // create / rename without overwrite: the target name is taken, nothing changed
        Failed,        // message says why (server error, connection lost, read-only)
    };
    struct Result
    {
        Outcome outcome = Outcome::Failed;
        QString message;
        qint64 count = 0; // remove(): keys the server actually deleted
    };
    using Callback = std::function<void(const Result &)>;

    enum class Type { String, List, Set, SortedSet, Hash, Stream };
    // The first element of a new key (Redis has no empty keys).
    struct NewKey
    {
        QByteArray name;
        Type type = Type::String;
        QByteArray field;      // hash field, stream field; ignored otherwise
        QByteArray value;      // string value, list/set/sorted-set member, hash/stream value
        double score = 0;      // sorted set
        qint64 ttlSeconds = 0; // 0 = no expiry
    };

    // A key's new time to live.
    struct Expiry
    {
        enum class Kind {
            Persist,   // PERSIST: never expires
            InSeconds, // EXPIRE
            InMs,      // PEXPIRE
            AtSeconds, // EXPIREAT (Unix time)
            AtMs,      // PEXPIREAT (Unix time in ms)
        };
        Kind kind = Kind::Persist;
        qint64 value = 0;
    };

    explicit KeyOperations(RedisConnection *connection, QObject *parent = nullptr);

    // Atomically (one script): nothing if the name exists (AlreadyExists), else the key with its
    // first element, and EXPIRE if ttlSeconds > 0.
    void create(const NewKey &key, QObject *context, Callback callback);
    // RENAMENX from to (AlreadyExists when `to` is taken), or RENAME when overwrite is true.
    void rename(const QByteArray &from, const QByteArray &to, bool overwrite, QObject *context,
                Callback callback);
    // UNLINK keys (DEL on servers older than 4.0); count = keys that existed.
    void remove(const QList<QByteArray> &keys, QObject *context, Callback callback);

    // Sets or removes the TTL; Failed when the key no longer exists. A TTL or time in the past makes
    // the server delete the key, so callers should not offer it.
    void setExpiry(const QByteArray &key, const Expiry &expiry, QObject *context, Callback callback);

    static QByteArray typeName(Type type);

private:
    void removeWith(const QByteArray &verb, const QList<QByteArray> &keys, QObject *context,
                    Callback callback);
    void send(const QList<QByteArray> &args, QObject *context,
              std::function<void(const RedisReply &)> callback);

    QPointer<RedisConnection> m_connection;
};
