#pragma once

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QString>

// One reply from a Redis server (RESP2), or the client-side failure that stands in for it.
// A value type: copy freely. Bulk strings are bytes and never assumed to be UTF-8.
class RedisReply
{
public:
    enum class Type {
        Nil,     // null bulk string or null array
        Status,  // +OK
        Error,   // -ERR ... sent by the server
        Integer, // :42
        Bulk,    // $n bytes
        Array,   // *n elements
        Failure, // no reply: connection lost, timeout, protocol error (see text())
    };

    RedisReply() = default;
    static RedisReply nil() { return {}; }
    static RedisReply status(QByteArray text);
    static RedisReply error(QByteArray text);
    static RedisReply integer(qint64 value);
    static RedisReply bulk(QByteArray bytes);
    static RedisReply array(QList<RedisReply> elements);
    static RedisReply failure(const QString &message);

    Type type() const { return m_type; }
    bool isNil() const { return m_type == Type::Nil; }
    bool isError() const { return m_type == Type::Error || m_type == Type::Failure; }
    bool isFailure() const { return m_type == Type::Failure; }
    bool isArray() const { return m_type == Type::Array; }

    // Status text, error text, bulk bytes, or the failure message (UTF-8).
    const QByteArray &bytes() const { return m_bytes; }
    qint64 toInteger() const { return m_integer; }
    const QList<RedisReply> &elements() const { return m_elements; }
    // A message for people: the server's error text or the client-side failure.
    QString errorMessage() const;

    // Debug/console rendering in redis-cli style; non-printable bytes escaped.
    QString toDisplayString(int indent = 0) const;

    bool operator==(const RedisReply &other) const;

private:
    friend struct RespReplyBuilder; // the parser fills replies in place
    Type m_type = Type::Nil;
    qint64 m_integer = 0;
    QByteArray m_bytes;
    QList<RedisReply> m_elements;
};

// Its members are relocatable, so QList moves replies with memmove instead of one by one.
Q_DECLARE_TYPEINFO(RedisReply, Q_RELOCATABLE_TYPE);
Q_DECLARE_METATYPE(RedisReply)
