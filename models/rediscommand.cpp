#include "rediscommand.h"

#include "bytesescaper.h"

#include <hiredis/hiredis.h>

#include <vector>

QByteArray RedisCommand::encode(const QList<QByteArray> &args)
{
    std::vector<const char *> argv;
    std::vector<size_t> argvlen;
    argv.reserve(size_t(args.size()));
    argvlen.reserve(size_t(args.size()));
    for (const QByteArray &a : args) {
        argv.push_back(a.constData());
        argvlen.push_back(size_t(a.size()));
    }
    char *target = nullptr;
    const auto len = redisFormatCommandArgv(&target, int(args.size()), argv.data(), argvlen.data());
    if (len < 0 || !target)
        return {};
    QByteArray out(target, qsizetype(len));
    redisFreeCommand(target);
    return out;
}

QString RedisCommand::describe(const QList<QByteArray> &args)
{
    if (args.isEmpty())
        return {};
    QString text = BytesEscaper::escape(args.first().toUpper());
    if (args.size() > 1) {
        QString first = BytesEscaper::escape(args.at(1).left(64));
        text += QLatin1Char(' ') + first;
        if (args.size() > 2)
            text += QStringLiteral(" …");
    }
    return text;
}
