#include "keyoperations.h"

#include "bytesescaper.h"
#include "redisconnection.h"
#include "redisreply.h"

namespace {

// KEYS[1] = the new key; ARGV[1] = TTL in seconds (0 = none); ARGV[2..] = the command that creates
// it, without the key (e.g. HSET field value). Checked and written in one step, so a key created
// concurrently is never overwritten.
constexpr char kCreateScript[] = R"lua(
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
local args = {}
for i = 3, #ARGV do args[#args + 1] = ARGV[i] end
redis.call(ARGV[2], KEYS[1], unpack(args))
local ttl = tonumber(ARGV[1])
if ttl > 0 then redis.call('EXPIRE', KEYS[1], ttl) end
return 1
)lua";

KeyOperations::Result failed(const QString &message)
{
    return {KeyOperations::Outcome::Failed, message, 0};
}

} // namespace

KeyOperations::KeyOperations(RedisConnection *connection, QObject *parent)
    : QObject(parent), m_connection(connection)
{}

QByteArray KeyOperations::typeName(Type type)
{
    switch (type) {
    case Type::String:
        return "string";
    case Type::List:
        return "list";
    case Type::Set:
        return "set";
    case Type::SortedSet:
        return "zset";
    case Type::Hash:
        return "hash";
    case Type::Stream:
        return "stream";
    }
    return {};
}

void KeyOperations::send(const QList<QByteArray> &args, QObject *context,
                         std::function<void(const RedisReply &)> callback)
{
    if (!m_connection) {
        callback(RedisReply::failure(tr("Not connected.")));
        return;
    }
    m_connection->command(args, context, std::move(callback));
}

void KeyOperations::create(const NewKey &key, QObject *context, Callback callback)
{
    QList<QByteArray> command;
    switch (key.type) {
    case Type::String:
        command = {"SET", key.value};
        break;
    case Type::List:
        command = {"RPUSH", key.value};
        break;
    case Type::Set:
        command = {"SADD", key.value};
        break;
    case Type::SortedSet:
        command = {"ZADD", QByteArray::number(key.score, 'g', 17), key.value};
        break;
    case Type::Hash:
        command = {"HSET", key.field, key.value};
        break;
    case Type::Stream:
        command = {"XADD", "*", key.field, key.value};
        break;
    }
    QList<QByteArray> args{"EVAL", kCreateScript, "1", key.name,
                           QByteArray::number(std::max<qint64>(0, key.ttlSeconds))};
    args += command;
    const QString name = BytesEscaper::escape(key.name);
    send(args, context, [callback = std::move(callback), name](const RedisReply &reply) {
        if (reply.isError())
            callback(failed(tr("Could not create “%1”: %2").arg(name, reply.errorMessage())));
        else if (reply.toInteger() == 0)
            callback({Outcome::AlreadyExists, tr("A key named “%1” already exists.").arg(name), 0});
        else
            callback({Outcome::Done, {}, 1});
    });
}

void KeyOperations::rename(const QByteArray &from, const QByteArray &to, bool overwrite, QObject *context,
                           Callback callback)
{
    const QList<QByteArray> args{overwrite ? QByteArray("RENAME") : QByteArray("RENAMENX"), from, to};
    const QString fromName = BytesEscaper::escape(from);
    const QString toName = BytesEscaper::escape(to);
    send(args, context,
         [callback = std::move(callback), fromName, toName, overwrite](const RedisReply &reply) {
             if (reply.isError()) {
                 const QString reason = reply.bytes().startsWith("ERR no such key")
                                            ? tr("“%1” no longer exists.").arg(fromName)
                                            : reply.errorMessage();
                 callback(failed(tr("Could not rename “%1”: %2").arg(fromName, reason)));
             } else if (!overwrite && reply.toInteger() == 0) {
                 callback({Outcome::AlreadyExists, tr("A key named “%1” already exists.").arg(toName), 0});
             } else {
                 callback({Outcome::Done, {}, 1});
             }
         });
}

void KeyOperations::setExpiry(const QByteArray &key, const Expiry &expiry, QObject *context,
                              Callback callback)
{
    static constexpr const char *verbs[] = {"PERSIST", "EXPIRE", "PEXPIRE", "EXPIREAT", "PEXPIREAT"};
    QList<QByteArray> args{verbs[int(expiry.kind)], key};
    if (expiry.kind != Expiry::Kind::Persist)
        args.append(QByteArray::number(expiry.value));
    const bool persist = expiry.kind == Expiry::Kind::Persist;
    const QString name = BytesEscaper::escape(key);
    send(args, context, [callback = std::move(callback), name, persist](const RedisReply &reply) {
        if (reply.isError())
            callback(failed(tr("Could not change the TTL of “%1”: %2").arg(name, reply.errorMessage())));
        else if (reply.toInteger() == 1 || persist) // PERSIST answers 0 when there was no TTL: nothing to do
            callback({Outcome::Done, {}, reply.toInteger()});
        else
            callback(failed(tr("Could not change the TTL: “%1” no longer exists.").arg(name)));
    });
}

void KeyOperations::remove(const QList<QByteArray> &keys, QObject *context, Callback callback)
{
    if (keys.isEmpty()) {
        callback({Outcome::Done, {}, 0});
        return;
    }
    removeWith("UNLINK", keys, context, std::move(callback));
}

void KeyOperations::removeWith(const QByteArray &verb, const QList<QByteArray> &keys, QObject *context,
                               Callback callback)
{
    QList<QByteArray> args{verb};
    args += keys;
    QPointer<QObject> guard(context);
    send(args, context,
         [this, verb, keys, guard, callback = std::move(callback)](const RedisReply &reply) mutable {
             if (verb == "UNLINK" && reply.type() == RedisReply::Type::Error &&
                 reply.bytes().startsWith("ERR unknown command")) {
                 // Redis < 4.0 has no UNLINK.
                 if (guard)
                     removeWith("DEL", keys, guard, std::move(callback));
                 return;
             }
             if (reply.isError())
                 callback(failed(tr("Could not delete: %1").arg(reply.errorMessage())));
             else
                 callback({Outcome::Done, {}, reply.toInteger()});
         });
}
