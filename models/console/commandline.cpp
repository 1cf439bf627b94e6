#include "commandline.h"

#include "bytesescaper.h"

namespace {

bool isHex(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

int hex(char c)
{
    return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}

// sdssplitargs skips blanks with isspace() but ends an unquoted argument at these only. (A NUL
// character ends its C string; here it is one more blank.)
bool isBlank(char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\v' || c == '\f' || c == '\0';
}

bool endsArgument(char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\0';
}

} // namespace

CommandLine::Result CommandLine::split(const QString &line)
{
    const QByteArray bytes = line.toUtf8();
    const char *data = bytes.constData(); // NUL-terminated
    const qsizetype size = bytes.size();
    // Column (1-based, in characters) of a byte position, for messages.
    const auto column = [&bytes](qsizetype at) { return QString::fromUtf8(bytes.left(at)).size() + 1; };

    Result result;
    // An error drops the arguments read so far.
    const auto failed = [](const QString &message) {
        Result error;
        error.error = message;
        return error;
    };
    qsizetype p = 0;
    for (;;) {
        while (p < size && isBlank(data[p]))
            ++p;
        if (p >= size)
            return result;
        QByteArray current;
        bool inDouble = false;
        bool inSingle = false;
        qsizetype quoteAt = 0;
        for (bool done = false; !done;) {
            const char c = p < size ? data[p] : '\0';
            if (inDouble || inSingle) {
                const char quote = inDouble ? '"' : '\'';
                if (p >= size)
                    return failed(
                        inDouble ? tr("The double quote at column %1 is never closed.").arg(column(quoteAt))
                                 : tr("The single quote at column %1 is never closed.").arg(column(quoteAt)));
                if (c == quote) {
                    if (p + 1 < size && !isBlank(data[p + 1]))
                        return failed(
                            tr("The closing quote at column %1 must be followed by a space.").arg(column(p)));
                    done = true;
                } else if (inSingle) {
                    if (c == '\\' && p + 1 < size && data[p + 1] == '\'') {
                        ++p;
                        current += '\'';
                    } else {
                        current += c;
                    }
                } else if (c == '\\' && p + 3 < size + 1 && data[p + 1] == 'x' && isHex(data[p + 2]) &&
                           isHex(data[p + 3])) {
                    current += char((hex(data[p + 2]) << 4) | hex(data[p + 3]));
                    p += 3;
                } else if (c == '\\' && p + 1 < size) {
                    ++p;
                    switch (data[p]) {
                    case 'n':
                        current += '\n';
                        break;
                    case 'r':
                        current += '\r';
                        break;
                    case 't':
                        current += '\t';
                        break;
                    case 'b':
                        current += '\b';
                        break;
                    case 'a':
                        current += '\a';
                        break;
                    case '0':
                        current += '\0';
                        break;
                    default:
                        current += data[p];
                        break;
                    }
                } else {
                    current += c;
                }
            } else if (p >= size || endsArgument(c)) {
                done = true;
            } else if (c == '"') {
                inDouble = true;
                quoteAt = p;
            } else if (c == '\'') {
                inSingle = true;
                quoteAt = p;
            } else {
                current += c;
            }
            if (p < size)
                ++p;
        }
        result.args.append(current);
    }
}

QString CommandLine::join(const QList<QByteArray> &args)
{
    QStringList parts;
    for (const QByteArray &arg : args) {
        bool plain = !arg.isEmpty();
        for (const char c : arg) {
            const auto u = static_cast<unsigned char>(c);
            if (u <= 0x20 || u == 0x7f || c == '"' || c == '\'' || c == '\\') {
                plain = false;
                break;
            }
        }
        const QString escaped = BytesEscaper::escape(arg);
        // Bytes that are not valid UTF-8 come back escaped: those need quotes to be read back.
        if (plain && escaped.toUtf8() == arg)
            parts.append(escaped);
        else
            parts.append(QLatin1Char('"') + escaped + QLatin1Char('"'));
    }
    return parts.join(QLatin1Char(' '));
}
