#include "redisreply.h"

#include "bytesescaper.h"

#include <algorithm>

RedisReply RedisReply::status(QByteArray text)
{
    RedisReply r;
    r.m_type = Type::Status;
    r.m_bytes = std::move(text);
    return r;
}

RedisReply RedisReply::error(QByteArray text)
{
    RedisReply r;
    r.m_type = Type::Error;
    r.m_bytes = std::move(text);
    return r;
}

RedisReply RedisReply::integer(qint64 value)
{
    RedisReply r;
    r.m_type = Type::Integer;
    r.m_integer = value;
    return r;
}

RedisReply RedisReply::bulk(QByteArray bytes)
{
    RedisReply r;
    r.m_type = Type::Bulk;
    r.m_bytes = std::move(bytes);
    return r;
}

RedisReply RedisReply::array(QList<RedisReply> elements)
{
    RedisReply r;
    r.m_type = Type::Array;
    r.m_elements = std::move(elements);
    return r;
}

RedisReply RedisReply::failure(const QString &message)
{
    RedisReply r;
    r.m_type = Type::Failure;
    r.m_bytes = message.toUtf8();
    return r;
}

QString RedisReply::errorMessage() const
{
    if (!isError())
        return {};
    return QString::fromUtf8(m_bytes);
}

QString RedisReply::toDisplayString(int indent) const
{
    switch (m_type) {
    case Type::Nil:
        return QStringLiteral("(nil)");
    case Type::Status:
        return BytesEscaper::escape(m_bytes);
    case Type::Error:
        return QStringLiteral("(error) ") + BytesEscaper::escape(m_bytes);
    case Type::Failure:
        return QStringLiteral("(failure) ") + QString::fromUtf8(m_bytes);
    case Type::Integer:
        return QStringLiteral("(integer) %1").arg(m_integer);
    case Type::Bulk:
        return QLatin1Char('"') + BytesEscaper::escape(m_bytes) + QLatin1Char('"');
    case Type::Array: {
        if (m_elements.isEmpty())
            return QStringLiteral("(empty array)");
        QString out;
        const QString pad(indent, QLatin1Char(' '));
        for (qsizetype i = 0; i < m_elements.size(); ++i) {
            const QString prefix = QStringLiteral("%1) ").arg(i + 1);
            if (i > 0)
                out += QLatin1Char('\n') + pad;
            out += prefix + m_elements[i].toDisplayString(indent + int(prefix.size()));
        }
        return out;
    }
    }
    return {};
}

bool RedisReply::operator==(const RedisReply &other) const
{
    if (m_type != other.m_type || m_integer != other.m_integer || m_bytes != other.m_bytes ||
        m_elements.size() != other.m_elements.size())
        return false;
    return std::equal(m_elements.cbegin(), m_elements.cend(), other.m_elements.cbegin());
}
