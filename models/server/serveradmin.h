#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QPair>
#include <QString>

class RedisReply;

// Parsers for the server-administration views: SLOWLOG GET, CLIENT LIST, CONFIG GET. Pure functions.
namespace ServerAdmin {
struct SlowlogEntry
{
    qint64 id = 0;
    qint64 timestamp = 0; // Unix seconds
    qint64 micros = 0;
    QList<QByteArray> args;
    QByteArray client;     // ip:port (Redis >= 4)
    QByteArray clientName; // (Redis >= 4)
};
QList<SlowlogEntry> parseSlowlog(const RedisReply &reply);

// One map per line of "id=3 addr=127.0.0.1:5000 name=web …". Values never contain spaces: the server
// refuses client names with spaces or bytes outside '!'..'~', and the other fields are its own.
QList<QHash<QString, QString>> parseClientList(const QByteArray &text);

// CONFIG GET's flat name, value, name, value … array, sorted by name.
QList<QPair<QString, QString>> parseConfig(const RedisReply &reply);
} // namespace ServerAdmin
