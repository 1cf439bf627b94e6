#include "valuedecoder.h"

#include "bytesescaper.h"
#include "messagepack.h"
#include "phpserialized.h"

#include <QJsonDocument>
#include <zlib.h>

namespace {

bool looksGzip(const QByteArray &b)
{
    return b.size() >= 18 && uchar(b[0]) == 0x1f && uchar(b[1]) == 0x8b;
}

bool looksZlib(const QByteArray &b)
{
    // CMF: deflate with a window of at most 32K; FCHECK makes CMF*256+FLG a multiple of 31.
    return b.size() >= 6 && (uchar(b[0]) & 0x0f) == 8 && (uchar(b[0]) >> 4) <= 7 &&
           ((uchar(b[0]) << 8) | uchar(b[1])) % 31 == 0;
}

// Standard or URL-safe base64, padded or not, long enough not to match ordinary words.
bool looksBase64(const QByteArray &b)
{
    if (b.size() < 16 || b.size() % 4 == 1)
        return false;
    qsizetype end = b.size();
    while (end > 0 && b[end - 1] == '=')
        --end;
    if (b.size() - end > 2)
        return false;
    for (qsizetype i = 0; i < end; ++i) {
        const char c = b[i];
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' ||
              c == '/' || c == '-' || c == '_'))
            return false;
    }
    return true;
}

void addCompressed(QList<ValueDecoder::Decoding> &out, const QString &prefix, const QByteArray &bytes)
{
    for (const bool gzip : {true, false}) {
        if (gzip ? !looksGzip(bytes) : !looksZlib(bytes))
            continue;
        bool ok = false;
        bool truncated = false;
        const QByteArray inflated = ValueDecoder::inflate(bytes, gzip, &ok, &truncated);
        if (!ok)
            continue;
        const QString label = prefix + (gzip ? QStringLiteral("gzip") : QStringLiteral("zlib"));
        out.append({label, inflated, ValueDecoder::prettyJson(inflated), truncated, {}});
    }
}

} // namespace

QByteArray ValueDecoder::inflate(const QByteArray &bytes, bool gzip, bool *ok, bool *truncated)
{
    *ok = false;
    if (truncated)
        *truncated = false;
    z_stream stream{};
    if (inflateInit2(&stream, gzip ? 15 + 16 : 15) != Z_OK)
        return {};
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(bytes.constData()));
    stream.avail_in = uInt(bytes.size());
    QByteArray out;
    int result = Z_OK;
    while (result == Z_OK) {
        if (out.size() >= kMaxDecodedBytes) {
            if (truncated)
                *truncated = true;
            break;
        }
        const qsizetype chunk = std::min<qsizetype>(std::max<qsizetype>(bytes.size() * 4, 64 * 1024),
                                                    kMaxDecodedBytes - out.size());
        const qsizetype before = out.size();
        out.resize(before + chunk);
        stream.next_out = reinterpret_cast<Bytef *>(out.data() + before);
        stream.avail_out = uInt(chunk);
        result = ::inflate(&stream, Z_NO_FLUSH);
        out.resize(before + chunk - stream.avail_out);
        if (result == Z_BUF_ERROR && stream.avail_in == 0)
            break; // input ended before the stream did
    }
    inflateEnd(&stream);
    *ok = result == Z_STREAM_END || (truncated && *truncated);
    return *ok ? out : QByteArray();
}

QString ValueDecoder::oneLine(const QByteArray &bytes, qsizetype maxChars)
{
    if (MessagePack::startsLikeContainer(bytes)) {
        const MessagePack::Reading reading = MessagePack::readCompact(bytes, maxChars);
        if (reading.ok)
            return reading.truncated ? reading.text + QStringLiteral("…") : reading.text;
    }
    QString text = BytesEscaper::readable(bytes.left(maxChars * 4));
    if (text.size() > maxChars || bytes.size() > maxChars * 4) {
        text.truncate(maxChars);
        text += QStringLiteral("…");
    }
    return text;
}

QString ValueDecoder::prettyJson(const QByteArray &bytes)
{
    const QByteArray trimmed = bytes.trimmed();
    if (trimmed.isEmpty() || (trimmed.front() != '{' && trimmed.front() != '['))
        return {};
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(trimmed, &error);
    if (error.error != QJsonParseError::NoError || document.isNull())
        return {};
    return QString::fromUtf8(document.toJson(QJsonDocument::Indented));
}

QList<ValueDecoder::Decoding> ValueDecoder::decode(const QByteArray &value)
{
    QList<Decoding> out;
    if (const QString json = prettyJson(value); !json.isEmpty())
        out.append({QStringLiteral("JSON"), value, json, false, {}});
    addCompressed(out, QString(), value);
    if (looksBase64(value)) {
        const auto decoded = QByteArray::fromBase64Encoding(
            value, QByteArray::AbortOnBase64DecodingErrors |
                       (value.contains('-') || value.contains('_') ? QByteArray::Base64UrlEncoding
                                                                   : QByteArray::Base64Encoding));
        if (decoded) {
            out.append({QStringLiteral("base64"), *decoded, prettyJson(*decoded), false, {}});
            addCompressed(out, QStringLiteral("base64 → "), *decoded);
        }
    }
    // MessagePack and PHP serialize in the value itself or in what it inflates or decodes to (JSON is
    // neither).
    const qsizetype layers = out.size();
    const auto addStructured = [&out](const QString &prefix, const QByteArray &bytes) {
        if (MessagePack::startsLikeContainer(bytes)) {
            if (MessagePack::Reading r = MessagePack::read(bytes); r.ok)
                out.append(
                    {prefix + QStringLiteral("MessagePack"), bytes, {}, r.truncated, std::move(r.text)});
        } else if (PhpSerialized::startsLikeSerialized(bytes)) {
            if (PhpSerialized::Reading r = PhpSerialized::read(bytes); r.ok)
                out.append(
                    {prefix + QStringLiteral("PHP serialize"), bytes, {}, r.truncated, std::move(r.text)});
        }
    };
    addStructured(QString(), value);
    for (qsizetype i = 0; i < layers; ++i) {
        if (out[i].prettyJson.isEmpty() && !out[i].truncated)
            addStructured(out[i].label + QStringLiteral(" → "), out[i].bytes);
    }
    return out;
}
