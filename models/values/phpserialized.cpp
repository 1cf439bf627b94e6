#include "phpserialized.h"

#include "bytesescaper.h"

#include <QCoreApplication>

namespace {

// A recursive-descent reader over the bytes; every step checks what is left before it reads.
class Reader
{
public:
    explicit Reader(const QByteArray &bytes) : m_bytes(bytes) {}

    QString text;
    QString error;
    bool truncated = false;

    bool atEnd() const { return m_pos >= m_bytes.size(); }
    qsizetype position() const { return m_pos; }

    bool value(int depth)
    {
        if (depth > PhpSerialized::kMaxDepth)
            return fail(QCoreApplication::translate("PhpSerialized", "nested deeper than %1")
                            .arg(PhpSerialized::kMaxDepth));
        if (m_pos + 2 > m_bytes.size())
            return fail(endsEarly());
        const char type = m_bytes[m_pos];
        if (type == 'N') {
            m_pos += 1;
            return expect(';') && put(QStringLiteral("null"));
        }
        m_pos += 1;
        if (!expect(':'))
            return false;
        switch (type) {
        case 'b': {
            const QByteArray v = until(';');
            return (v == "0" || v == "1") ? put(v == "1" ? QStringLiteral("true") : QStringLiteral("false"))
                                          : fail(malformed());
        }
        case 'i': {
            bool ok = false;
            const QByteArray v = until(';');
            v.toLongLong(&ok);
            return ok ? put(QString::fromLatin1(v)) : fail(malformed());
        }
        case 'd': {
            const QByteArray v = until(';');
            bool ok = false;
            v.toDouble(&ok);
            return (ok || v == "INF" || v == "-INF" || v == "NAN") ? put(QString::fromLatin1(v))
                                                                   : fail(malformed());
        }
        case 's': {
            QByteArray bytes;
            return string(bytes) && expect(';') && put(BytesEscaper::quotedJson(bytes));
        }
        case 'r':
        case 'R': {
            const QByteArray v = until(';');
            bool ok = false;
            v.toLongLong(&ok);
            return ok ? put(QStringLiteral("<reference %1>").arg(QString::fromLatin1(v))) : fail(malformed());
        }
        case 'a':
            return entries(QByteArray(), depth);
        case 'O': {
            QByteArray name;
            if (!string(name) || !expect(':'))
                return false;
            return entries(name, depth);
        }
        case 'E': { // PHP 8.1 enum case: E:len:"Class:Case";
            QByteArray name;
            return string(name) && expect(';') &&
                   put(QStringLiteral("<enum %1>").arg(QString::fromUtf8(name)));
        }
        case 'C': { // a class with its own serializer: C:len:"Class":len:{payload}
            QByteArray name;
            if (!string(name) || !expect(':'))
                return false;
            const qint64 length = count();
            if (length < 0 || !expect('{') || length > m_bytes.size() - m_pos)
                return fail(length < 0 ? malformed() : endsEarly());
            const QByteArray payload = m_bytes.mid(m_pos, length);
            m_pos += length;
            return expect('}') && put(QStringLiteral("<%1, custom: %2>")
                                          .arg(QString::fromUtf8(name), BytesEscaper::quotedJson(payload)));
        }
        default:
            m_pos -= 2;
            return fail(malformed());
        }
    }

private:
    // a:N:{key;value;…}  or, for an object, N:{name;value;…} after the class name.
    bool entries(const QByteArray &className, int depth)
    {
        const qint64 n = count();
        if (n < 0 || !expect('{'))
            return fail(malformed());
        if (n > (m_bytes.size() - m_pos) / 4) // each entry needs at least "i:0;N;"
            return fail(endsEarly());
        if (!put(QStringLiteral("{")))
            return false;
        ++m_indent;
        bool first = true;
        if (!className.isEmpty()) {
            if (!newline() || !put(QStringLiteral("\"__class\": ") + BytesEscaper::quotedJson(className)))
                return false;
            first = false;
        }
        for (qint64 i = 0; i < n; ++i) {
            if ((!first && !put(QStringLiteral(","))) || !newline())
                return false;
            first = false;
            if (!key() || !put(QStringLiteral(": ")) || !value(depth + 1))
                return false;
        }
        --m_indent;
        if (!expect('}'))
            return false;
        return (n == 0 && className.isEmpty()) ? put(QStringLiteral("}"))
                                               : newline() && put(QStringLiteral("}"));
    }

    // An array key: i:N; or s:len:"…";  (objects name protected and private members "\0*\0x", "\0Class\0x").
    bool key()
    {
        if (m_pos + 2 > m_bytes.size())
            return fail(endsEarly());
        const char type = m_bytes[m_pos];
        m_pos += 1;
        if (!expect(':'))
            return false;
        if (type == 'i') {
            bool ok = false;
            const QByteArray v = until(';');
            v.toLongLong(&ok);
            return ok ? put(QLatin1Char('"') + QString::fromLatin1(v) + QLatin1Char('"')) : fail(malformed());
        }
        if (type == 's') {
            QByteArray bytes;
            return string(bytes) && expect(';') && put(BytesEscaper::quotedJson(bytes));
        }
        return fail(malformed());
    }

    // len:"bytes"  — exactly len bytes between the quotes, whatever they are.
    bool string(QByteArray &out)
    {
        const qint64 length = count();
        if (length < 0 || !expect('"'))
            return fail(malformed());
        if (length > m_bytes.size() - m_pos)
            return fail(endsEarly());
        out = m_bytes.mid(m_pos, length);
        m_pos += length;
        return expect('"');
    }

    // Digits up to ':' (consumed); -1 when there are none or too many.
    qint64 count()
    {
        const QByteArray digits = until(':');
        bool ok = false;
        const qint64 n = digits.toLongLong(&ok);
        return ok && n >= 0 && digits.size() <= 12 ? n : -1;
    }

    QByteArray until(char stop)
    {
        const qsizetype end = m_bytes.indexOf(stop, m_pos);
        if (end < 0 || end - m_pos > 64) {
            m_pos = m_bytes.size();
            return {};
        }
        const QByteArray out = m_bytes.mid(m_pos, end - m_pos);
        m_pos = end + 1;
        return out;
    }

    bool expect(char c)
    {
        if (m_pos >= m_bytes.size())
            return fail(endsEarly());
        if (m_bytes[m_pos] != c)
            return fail(malformed());
        ++m_pos;
        return true;
    }

    bool newline() { return put(QLatin1Char('\n') + QString(2 * m_indent, QLatin1Char(' '))); }

    bool put(const QString &s)
    {
        if (text.size() + s.size() > PhpSerialized::kMaxTextChars) {
            text += s.left(PhpSerialized::kMaxTextChars - text.size());
            truncated = true;
            return false;
        }
        text += s;
        return true;
    }

    bool fail(const QString &message)
    {
        if (error.isEmpty())
            error = message;
        return false;
    }

    QString malformed() const
    {
        return QCoreApplication::translate("PhpSerialized", "malformed at byte %1").arg(m_pos);
    }
    QString endsEarly() const
    {
        return QCoreApplication::translate("PhpSerialized", "ends early, at byte %1").arg(m_pos);
    }

    const QByteArray m_bytes; // a shared copy: readers are made over temporaries (session entries)
    qsizetype m_pos = 0;
    int m_indent = 0;
};

bool isSessionName(const QByteArray &bytes, qsizetype bar)
{
    if (bar <= 0 || bar > 128)
        return false;
    for (qsizetype i = 0; i < bar; ++i) {
        const char c = bytes[i];
        if (!(std::isalnum(uchar(c)) || c == '_' || c == '-' || c == '.'))
            return false;
    }
    return true;
}

} // namespace

PhpSerialized::Reading PhpSerialized::read(const QByteArray &bytes)
{
    Reading reading;
    const qsizetype bar = bytes.indexOf('|');
    if (isSessionName(bytes, bar) && bar < bytes.indexOf(':')) {
        // A session: name|value name2|value2 … read as one object.
        QByteArray rest = bytes;
        QString text = QStringLiteral("{");
        bool first = true;
        while (!rest.isEmpty()) {
            const qsizetype at = rest.indexOf('|');
            if (!isSessionName(rest, at)) {
                reading.error = QCoreApplication::translate("PhpSerialized", "malformed session entry");
                return reading;
            }
            Reader reader(rest.mid(at + 1));
            const bool ok = reader.value(1);
            text += (first ? QStringLiteral("\n  ") : QStringLiteral(",\n  ")) +
                    BytesEscaper::quotedJson(rest.left(at)) + QStringLiteral(": ") +
                    QString(reader.text).replace(QLatin1Char('\n'), QStringLiteral("\n  "));
            first = false;
            if (reader.truncated || text.size() > kMaxTextChars) {
                reading.ok = reading.truncated = true;
                reading.text = text.left(kMaxTextChars);
                return reading;
            }
            if (!ok) {
                reading.error = reader.error;
                return reading;
            }
            rest = rest.mid(at + 1 + reader.position());
        }
        reading.ok = true;
        reading.text = text + QStringLiteral("\n}");
        return reading;
    }
    Reader reader(bytes);
    const bool ok = reader.value(0);
    reading.text = std::move(reader.text);
    if (reader.truncated) {
        reading.ok = reading.truncated = true;
        return reading;
    }
    if (!ok) {
        reading.text.clear();
        reading.error = reader.error;
        return reading;
    }
    if (!reader.atEnd()) {
        reading.text.clear();
        reading.error = QCoreApplication::translate("PhpSerialized", "%n byte(s) follow the value", nullptr,
                                                    int(bytes.size() - reader.position()));
        return reading;
    }
    reading.ok = true;
    return reading;
}

bool PhpSerialized::startsLikeSerialized(const QByteArray &bytes)
{
    if (bytes.startsWith("a:") || bytes.startsWith("O:") || bytes.startsWith("C:"))
        return true;
    const qsizetype bar = bytes.indexOf('|');
    return isSessionName(bytes, bar) && bytes.size() > bar + 2 && bytes[bar + 2] == ':';
}
