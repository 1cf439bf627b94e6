#include "replyformatter.h"

#include "bytesescaper.h"
#include "redisreply.h"

namespace {

struct Budget
{
    qsizetype elements = 0;
    qsizetype bytes = 0;
};

// The length of the longest prefix of bytes, at most limit, that does not end inside a UTF-8
// sequence (so that a cut string does not show its last character as \xHH escapes).
qsizetype cutAt(const QByteArray &bytes, qsizetype limit)
{
    if (limit >= bytes.size())
        return bytes.size();
    qsizetype cut = limit;
    for (int back = 0; back < 3 && cut > 0 && (static_cast<unsigned char>(bytes[cut]) & 0xC0) == 0x80; ++back)
        --cut;
    return cut > 0 ? cut : limit;
}

class Writer
{
    Q_DECLARE_TR_FUNCTIONS(ReplyFormatter)
public:
    Writer(const ReplyFormatter::Limits &limits, bool raw)
        : m_limits(limits), m_raw(raw), m_budget{limits.maxElements, limits.maxTotalBytes}
    {}

    void write(const RedisReply &reply, int indent)
    {
        switch (reply.type()) {
        case RedisReply::Type::Nil:
            m_out += QLatin1String("(nil)");
            return;
        case RedisReply::Type::Status:
            m_out += BytesEscaper::escape(reply.bytes());
            return;
        case RedisReply::Type::Error:
            m_out += QLatin1String("(error) ") + BytesEscaper::escape(reply.bytes());
            return;
        case RedisReply::Type::Failure:
            // A message of Keyscope's own (UTF-8 text, no server bytes in it unescaped).
            m_out += QLatin1String("(error) ") + reply.errorMessage();
            return;
        case RedisReply::Type::Integer:
            m_out += QStringLiteral("(integer) %1").arg(reply.toInteger());
            return;
        case RedisReply::Type::Bulk:
            writeBulk(reply.bytes());
            return;
        case RedisReply::Type::Array:
            writeArray(reply.elements(), indent);
            return;
        }
    }

    QString take() { return std::move(m_out); }

private:
    void writeBulk(const QByteArray &bytes)
    {
        const qsizetype allowed = std::min(m_limits.maxBulkBytes, m_budget.bytes);
        const qsizetype shown = cutAt(bytes, std::max<qsizetype>(allowed, 0));
        m_budget.bytes -= shown;
        const QByteArray part = shown == bytes.size() ? bytes : bytes.left(shown);
        if (m_raw) {
            QString text = BytesEscaper::readable(part, true);
            text.replace(QLatin1String("\r\n"), QLatin1String("\n"));
            while (text.endsWith(QLatin1Char('\n')))
                text.chop(1);
            m_out += text;
        } else {
            m_out += QLatin1Char('"') + BytesEscaper::escape(part) + QLatin1Char('"');
        }
        if (const qsizetype rest = bytes.size() - shown; rest > 0) {
            m_out += m_raw ? QStringLiteral("\n") : QStringLiteral(" ");
            m_out +=
                rest == 1 ? tr("… (1 more byte not shown)") : tr("… (%1 more bytes not shown)").arg(rest);
        }
    }

    void writeArray(const QList<RedisReply> &elements, int indent)
    {
        if (elements.isEmpty()) {
            m_out += QLatin1String("(empty array)");
            return;
        }
        const int width = int(QString::number(elements.size()).size());
        const QString pad(indent, QLatin1Char(' '));
        qsizetype i = 0;
        for (; i < elements.size() && m_budget.elements > 0; ++i) {
            --m_budget.elements;
            if (i > 0)
                m_out += QLatin1Char('\n') + pad;
            const QString prefix = QStringLiteral("%1) ").arg(i + 1, width);
            m_out += prefix;
            write(elements[i], indent + int(prefix.size()));
        }
        if (const qsizetype rest = elements.size() - i; rest > 0) {
            if (i > 0)
                m_out += QLatin1Char('\n') + pad;
            m_out +=
                rest == 1 ? tr("… 1 more element not shown") : tr("… %1 more elements not shown").arg(rest);
        }
    }

    const ReplyFormatter::Limits m_limits;
    const bool m_raw;
    Budget m_budget;
    QString m_out;
};

} // namespace

QString ReplyFormatter::format(const RedisReply &reply, const Limits &limits, bool raw)
{
    Writer writer(limits, raw);
    writer.write(reply, 0);
    return writer.take();
}

bool ReplyFormatter::prefersRaw(const QList<QByteArray> &args)
{
    if (args.isEmpty())
        return false;
    const QByteArray name = args.first().toUpper();
    const QByteArray sub = args.size() > 1 ? args.at(1).toUpper() : QByteArray();
    return name == "INFO" || name == "LOLWUT" || (name == "CLIENT" && (sub == "LIST" || sub == "INFO")) ||
           (name == "CLUSTER" && (sub == "NODES" || sub == "INFO")) ||
           (name == "MEMORY" && sub == "DOCTOR") || (name == "LATENCY" && sub == "DOCTOR");
}
