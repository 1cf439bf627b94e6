#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

// Encoding of commands (lists of byte strings) into RESP, through hiredis's formatter.
namespace RedisCommand {
QByteArray encode(const QList<QByteArray> &args);
// Short, escaped description for messages: the command name and its first argument.
QString describe(const QList<QByteArray> &args);
} // namespace RedisCommand
