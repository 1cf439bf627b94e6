#include "serveradmin.h"

#include "redisreply.h"

#include <algorithm>

QList<ServerAdmin::SlowlogEntry> ServerAdmin::parseSlowlog(const RedisReply &reply)
{
    QList<SlowlogEntry> entries;
    for (const RedisReply &item : reply.elements()) {
        const QList<RedisReply> &e = item.elements();
        if (e.size() < 4)
            continue;
        SlowlogEntry entry{e.at(0).toInteger(), e.at(1).toInteger(), e.at(2).toInteger(), {}, {}, {}};
        for (const RedisReply &arg : e.at(3).elements())
            entry.args.append(arg.bytes());
        if (e.size() >= 6) {
            entry.client = e.at(4).bytes();
            entry.clientName = e.at(5).bytes();
        }
        entries.append(entry);
    }
    return entries;
}

QList<QHash<QString, QString>> ServerAdmin::parseClientList(const QByteArray &text)
{
    QList<QHash<QString, QString>> clients;
    for (const QByteArray &line : text.split('\n')) {
        const QByteArray trimmed = line.trimmed();
        if (trimmed.isEmpty())
            continue;
        QHash<QString, QString> fields;
        for (const QByteArray &pair : trimmed.split(' ')) {
            const qsizetype eq = pair.indexOf('=');
            if (eq > 0)
                fields.insert(QString::fromLatin1(pair.left(eq)), QString::fromLatin1(pair.mid(eq + 1)));
        }
        clients.append(fields);
    }
    return clients;
}

QList<QPair<QString, QString>> ServerAdmin::parseConfig(const RedisReply &reply)
{
    QList<QPair<QString, QString>> pairs;
    const QList<RedisReply> &e = reply.elements();
    for (qsizetype i = 0; i + 1 < e.size(); i += 2)
        pairs.append({QString::fromUtf8(e.at(i).bytes()), QString::fromUtf8(e.at(i + 1).bytes())});
    std::sort(pairs.begin(), pairs.end());
    return pairs;
}
