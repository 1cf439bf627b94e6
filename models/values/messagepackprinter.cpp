#include "messagepackprinter.h"

#include "bytesescaper.h"

#include <msgpack.hpp>
#include <QDateTime>
#include <QLocale>

namespace {

QString hex(const char *data, uint32_t size)
{
    return BytesEscaper::toHex(QByteArray::fromRawData(data, qsizetype(size)));
}

// msgpack-c calls it for every token, in order; it writes the text as it goes.
class Visitor : public msgpack::null_visitor
{
public:
    Visitor(bool indented, qsizetype maxChars, int maxDepth)
        : m_indented(indented), m_maxChars(maxChars), m_maxDepth(maxDepth)
    {}

    QString text;
    bool truncated = false;
    MessagePackPrinter::Status failure = MessagePackPrinter::Status::Malformed;
    std::size_t failedAt = 0;

    bool visit_nil() { return put(QStringLiteral("null")); }
    bool visit_boolean(bool v) { return put(v ? QStringLiteral("true") : QStringLiteral("false")); }
    bool visit_positive_integer(uint64_t v) { return put(QString::number(v)); }
    bool visit_negative_integer(int64_t v) { return put(QString::number(v)); }
    bool visit_float32(float v) { return put(QString::number(v, 'g', QLocale::FloatingPointShortest)); }
    bool visit_float64(double v) { return put(QString::number(v, 'g', QLocale::FloatingPointShortest)); }
    // A string or bin larger than the text still allowed is read only as far as it can show.
    bool visit_str(const char *v, uint32_t size)
    {
        return put(BytesEscaper::quotedJson(QByteArray::fromRawData(v, shown(size, 4))));
    }
    bool visit_bin(const char *v, uint32_t size)
    {
        return put(QStringLiteral("<bin[%1]: %2>").arg(size).arg(hex(v, shown(size, 1))));
    }
    bool visit_ext(const char *v, uint32_t size)
    {
        // v is the type byte followed by the data; size counts both.
        const auto type = qint8(v[0]);
        const char *data = v + 1;
        const uint32_t length = size - 1;
        if (type == -1) {
            if (const QString date = timestamp(data, length); !date.isEmpty())
                return put(QStringLiteral("<timestamp %1>").arg(date));
        }
        return put(
            QStringLiteral("<ext %1 [%2]: %3>").arg(type).arg(length).arg(hex(data, shown(length, 1))));
    }
    bool start_array(uint32_t) { return open(QLatin1Char('[')); }
    bool start_array_item() { return item(); }
    bool end_array() { return close(QLatin1Char(']')); }
    bool start_map(uint32_t) { return open(QLatin1Char('{')); }
    bool start_map_key() { return item(); }
    bool end_map_key() { return put(QStringLiteral(": ")); }
    bool end_map() { return close(QLatin1Char('}')); }
    void parse_error(size_t offset, size_t)
    {
        failure = MessagePackPrinter::Status::Malformed;
        failedAt = offset;
    }
    void insufficient_bytes(size_t offset, size_t)
    {
        failure = MessagePackPrinter::Status::EndsEarly;
        failedAt = offset;
    }

private:
    uint32_t shown(uint32_t size, qsizetype bytesPerChar) const
    {
        return uint32_t(std::min<qsizetype>(size, (m_maxChars - text.size() + 1) * bytesPerChar));
    }
    static QString timestamp(const char *data, uint32_t length)
    {
        const auto be = [data](int from, int bytes) {
            quint64 v = 0;
            for (int i = 0; i < bytes; ++i)
                v = (v << 8) | uchar(data[from + i]);
            return v;
        };
        qint64 seconds = 0;
        quint64 nanos = 0;
        if (length == 4) {
            seconds = qint64(be(0, 4));
        } else if (length == 8) {
            const quint64 v = be(0, 8);
            nanos = v >> 34;
            seconds = qint64(v & 0x3ffffffffULL);
        } else if (length == 12) {
            nanos = be(0, 4);
            seconds = qint64(be(4, 8));
        } else {
            return {};
        }
        if (nanos > 999'999'999 || seconds < -62'135'596'800LL || seconds > 253'402'300'799LL)
            return {}; // not a date QDateTime can show: fall back to hex
        const QDateTime date = QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC);
        return date.toString(Qt::ISODate).chopped(1) +
               QStringLiteral(".%1Z").arg(nanos, 9, 10, QLatin1Char('0'));
    }

    bool open(QChar bracket)
    {
        if (m_depth >= m_maxDepth) {
            failure = MessagePackPrinter::Status::TooDeep;
            return false;
        }
        ++m_depth;
        m_first = true;
        return put(QString(bracket));
    }
    bool item()
    {
        if (!m_first && !put(m_indented ? QStringLiteral(",") : QStringLiteral(", ")))
            return false;
        m_first = false;
        return !m_indented || newline();
    }
    bool close(QChar bracket)
    {
        --m_depth;
        const bool empty = std::exchange(m_first, false);
        if (m_indented && !empty && !newline())
            return false;
        return put(QString(bracket));
    }
    bool newline() { return put(QLatin1Char('\n') + QString(2 * m_depth, QLatin1Char(' '))); }
    bool put(const QString &s)
    {
        if (text.size() + s.size() > m_maxChars) {
            text += s.left(m_maxChars - text.size());
            truncated = true;
            return false;
        }
        text += s;
        return true;
    }

    bool m_indented;
    qsizetype m_maxChars;
    int m_maxDepth;
    int m_depth = 0;
    bool m_first = true; // no item yet in the innermost open container
};

} // namespace

MessagePackPrinter::Outcome MessagePackPrinter::print(const QByteArray &bytes, bool indented,
                                                      qsizetype maxChars, int maxDepth)
{
    Visitor visitor(indented, maxChars, maxDepth);
    std::size_t offset = 0;
    bool parsed = false;
    try {
        parsed = msgpack::parse(bytes.constData(), std::size_t(bytes.size()), offset, visitor);
    } catch (const std::exception &) {
        // msgpack-c throws for sizes beyond its own limits; nothing was allocated for them.
        return {Status::Malformed, qsizetype(offset), {}};
    }
    if (visitor.truncated)
        return {Status::Truncated, qsizetype(offset), std::move(visitor.text)};
    if (!parsed)
        return {visitor.failure, qsizetype(visitor.failedAt), {}};
    if (offset != std::size_t(bytes.size()))
        return {Status::Trailing, qsizetype(offset), {}};
    return {Status::Complete, qsizetype(offset), std::move(visitor.text)};
}
