#include "bytesescaper.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QStringDecoder>

namespace {

// Length of the valid UTF-8 sequence starting at data[i] (>= 2), or 0 when invalid.
int utf8SequenceLength(const QByteArray &data, qsizetype i)
{
    const auto c = static_cast<unsigned char>(data[i]);
    int len = 0;
    char32_t min = 0;
    char32_t cp = 0;
    if ((c & 0xE0) == 0xC0) {
        len = 2, min = 0x80, cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
        len = 3, min = 0x800, cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
        len = 4, min = 0x10000, cp = c & 0x07;
    } else {
        return 0;
    }
    if (i + len > data.size())
        return 0;
    for (int k = 1; k < len; ++k) {
        const auto cc = static_cast<unsigned char>(data[i + k]);
        if ((cc & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (cc & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    // Keep invisible and direction-changing code points visible as escapes.
    if ((cp >= 0x80 && cp < 0xA0) || cp == 0x200B || (cp >= 0x202A && cp <= 0x202E) ||
        (cp >= 0x2066 && cp <= 0x2069) || cp == 0xFEFF)
        return 0;
    return len;
}

} // namespace

int BytesEscaper::hexValue(QChar c)
{
    const char16_t u = c.unicode();
    if (u >= '0' && u <= '9')
        return u - '0';
    if (u >= 'a' && u <= 'f')
        return u - 'a' + 10;
    if (u >= 'A' && u <= 'F')
        return u - 'A' + 10;
    return -1;
}

QString BytesEscaper::escape(const QByteArray &bytes)
{
    QString out;
    out.reserve(bytes.size());
    static const char hex[] = "0123456789abcdef";
    for (qsizetype i = 0; i < bytes.size();) {
        const auto c = static_cast<unsigned char>(bytes[i]);
        if (c >= 0x80) {
            if (const int len = utf8SequenceLength(bytes, i)) {
                out += QString::fromUtf8(bytes.constData() + i, len);
                i += len;
                continue;
            }
        }
        switch (c) {
        case '\\':
            out += QLatin1String("\\\\");
            break;
        case '"':
            out += QLatin1String("\\\"");
            break;
        case '\n':
            out += QLatin1String("\\n");
            break;
        case '\r':
            out += QLatin1String("\\r");
            break;
        case '\t':
            out += QLatin1String("\\t");
            break;
        case '\0':
            out += QLatin1String("\\0");
            break;
        default:
            if (c >= 0x20 && c < 0x7F) {
                out += QLatin1Char(char(c));
            } else {
                out += QLatin1String("\\x");
                out += QLatin1Char(hex[c >> 4]);
                out += QLatin1Char(hex[c & 0xF]);
            }
        }
        ++i;
    }
    return out;
}

std::optional<QByteArray> BytesEscaper::unescape(const QString &text)
{
    QByteArray out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c != QLatin1Char('\\')) {
            qsizetype j = i;
            while (j < text.size() && text[j] != QLatin1Char('\\'))
                ++j;
            out += QStringView(text).mid(i, j - i).toUtf8();
            i = j - 1;
            continue;
        }
        if (++i >= text.size())
            return std::nullopt;
        switch (text[i].unicode()) {
        case '\\':
            out += '\\';
            break;
        case '"':
            out += '"';
            break;
        case 'n':
            out += '\n';
            break;
        case 'r':
            out += '\r';
            break;
        case 't':
            out += '\t';
            break;
        case '0':
            out += '\0';
            break;
        case 'x': {
            const int hi = i + 1 < text.size() ? hexValue(text[i + 1]) : -1;
            const int lo = i + 2 < text.size() ? hexValue(text[i + 2]) : -1;
            if (hi < 0 || lo < 0)
                return std::nullopt;
            out += char((hi << 4) | lo);
            i += 2;
            break;
        }
        default:
            return std::nullopt;
        }
    }
    return out;
}

std::optional<QByteArray> BytesEscaper::unescapePattern(const QString &text)
{
    QByteArray out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] != QLatin1Char('\\')) {
            qsizetype j = i;
            while (j < text.size() && text[j] != QLatin1Char('\\'))
                ++j;
            out += QStringView(text).mid(i, j - i).toUtf8();
            i = j - 1;
            continue;
        }
        if (i + 1 >= text.size())
            return std::nullopt;
        if (text[i + 1] == QLatin1Char('x')) {
            const int hi = i + 2 < text.size() ? hexValue(text[i + 2]) : -1;
            const int lo = i + 3 < text.size() ? hexValue(text[i + 3]) : -1;
            if (hi < 0 || lo < 0)
                return std::nullopt;
            out += char((hi << 4) | lo);
            i += 3;
            continue;
        }
        out += '\\';
        out += QStringView(text).mid(i + 1, 1).toUtf8();
        ++i;
    }
    return out;
}

QString BytesEscaper::escapePattern(const QByteArray &glob)
{
    QString out;
    out.reserve(glob.size());
    static const char hex[] = "0123456789abcdef";
    const auto hexByte = [&out](unsigned char c) {
        out += QLatin1String("\\x");
        out += QLatin1Char(hex[c >> 4]);
        out += QLatin1Char(hex[c & 0xF]);
    };
    for (qsizetype i = 0; i < glob.size();) {
        const auto c = static_cast<unsigned char>(glob[i]);
        if (c == '\\') {
            // A glob escape of a printable character reads back as the same pair; anything else
            // (the backslash before 'x', a control byte, or at the end) is spelt as a byte.
            const auto next = i + 1 < glob.size() ? static_cast<unsigned char>(glob[i + 1]) : 0;
            if (next >= 0x20 && next < 0x7F && next != 'x') {
                out += QLatin1Char('\\');
                out += QLatin1Char(char(next));
                i += 2;
            } else {
                hexByte(c);
                ++i;
            }
            continue;
        }
        if (c >= 0x80) {
            if (const int len = utf8SequenceLength(glob, i)) {
                out += QString::fromUtf8(glob.constData() + i, len);
                i += len;
                continue;
            }
        }
        if (c >= 0x20 && c < 0x7F)
            out += QLatin1Char(char(c));
        else
            hexByte(c);
        ++i;
    }
    return out;
}

QString BytesEscaper::readable(const QByteArray &bytes, bool multiline)
{
    for (const char c : bytes) {
        const auto u = static_cast<unsigned char>(c);
        const bool lineBreak = c == '\n' || c == '\r';
        if ((u < 0x20 && c != '\t' && !(multiline && lineBreak)) || u == 0x7f)
            return escape(bytes);
    }
    const QString text = QString::fromUtf8(bytes);
    return text.toUtf8() == bytes ? text : escape(bytes);
}

QString BytesEscaper::toHex(const QByteArray &bytes)
{
    return QString::fromLatin1(bytes.toHex(' '));
}

QString BytesEscaper::quotedJson(const QByteArray &bytes)
{
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = utf8(bytes);
    if (utf8.hasError())
        return QLatin1Char('"') + escape(bytes) + QLatin1Char('"');
    // Quoted and escaped by Qt's own JSON writer.
    const QByteArray json = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(json.mid(1, json.size() - 2));
}
