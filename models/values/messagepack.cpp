#include "messagepack.h"

#include "messagepackprinter.h"

#include <QCoreApplication>

namespace {

MessagePack::Reading readWith(const QByteArray &bytes, bool indented, qsizetype maxChars)
{
    MessagePack::Reading reading;
    if (bytes.isEmpty()) {
        reading.error = QCoreApplication::translate("MessagePack", "empty");
        return reading;
    }
    using Status = MessagePackPrinter::Status;
    MessagePackPrinter::Outcome outcome =
        MessagePackPrinter::print(bytes, indented, maxChars, MessagePack::kMaxDepth);
    switch (outcome.status) {
    case Status::Complete:
    case Status::Truncated:
        reading.ok = true;
        reading.truncated = outcome.status == Status::Truncated;
        reading.text = std::move(outcome.text);
        break;
    case Status::TooDeep:
        reading.error =
            QCoreApplication::translate("MessagePack", "nested deeper than %1").arg(MessagePack::kMaxDepth);
        break;
    case Status::Malformed:
        reading.error =
            QCoreApplication::translate("MessagePack", "malformed at byte %1").arg(outcome.offset);
        break;
    case Status::EndsEarly:
        reading.error =
            QCoreApplication::translate("MessagePack", "ends early, at byte %1").arg(outcome.offset);
        break;
    case Status::Trailing:
        reading.error = QCoreApplication::translate("MessagePack", "%n byte(s) follow the value", nullptr,
                                                    int(bytes.size() - outcome.offset));
        break;
    }
    return reading;
}

} // namespace

MessagePack::Reading MessagePack::read(const QByteArray &bytes)
{
    return readWith(bytes, true, kMaxTextChars);
}

MessagePack::Reading MessagePack::readCompact(const QByteArray &bytes, qsizetype maxChars)
{
    return readWith(bytes, false, maxChars);
}

bool MessagePack::startsLikeContainer(const QByteArray &bytes)
{
    if (bytes.size() < 1)
        return false;
    const uchar b = uchar(bytes[0]);
    return (b >= 0x80 && b <= 0x9f) || (b >= 0xdc && b <= 0xdf);
}
