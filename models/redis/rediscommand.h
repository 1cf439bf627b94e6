#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

// Encoding of commands (lists of byte strings) into RESP, through hiredis's formatter.
namespace RedisCommand {
QByteArray encode(const QList<QByteArray> &args);
// Short, escaped description for messages: the command name and its first argument
// (never a password: AUTH and HELLO arguments are masked).
QString describe(const QList<QByteArray> &args);
// True when the command cannot change data or server state (allow-list, case-insensitive,
// subcommands checked for CONFIG, CLIENT, CLUSTER, ...). Read-only connections send only these.
bool isReadOnly(const QList<QByteArray> &args);
} // namespace RedisCommand
