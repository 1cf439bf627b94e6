#include "pubsuboverview.h"

#include "session.h"

#include <map>
#include <memory>

PubSubOverview::PubSubOverview(Session *session, QObject *parent) : QObject(parent), m_session(session) {}

void PubSubOverview::refresh()
{
    if (!m_session)
        return;
    struct Row
    {
        qint64 subscribers = 0;
        QStringList nodes;
    };
    struct Join
    {
        std::map<QByteArray, Row> channels, shards;
        qint64 patterns = 0;
        QStringList errors;
        int pending = 3;
    };
    auto join = std::make_shared<Join>();
    const auto noteError = [join](const Session::NodeReply &reply) {
        if (reply.reply.isError())
            join->errors.append(tr("%1: %2").arg(reply.endpoint, reply.reply.errorMessage()));
        return reply.reply.isError();
    };
    const auto finish = [this, join] {
        if (--join->pending > 0)
            return;
        QList<Channel> channels;
        for (const auto &[name, row] : join->channels)
            channels.append({name, false, row.subscribers, row.nodes});
        for (const auto &[name, row] : join->shards)
            channels.append({name, true, row.subscribers, row.nodes});
        emit refreshed(channels, join->patterns, join->errors);
    };
    m_session->commandOnNodes({"PUBSUB", "NUMPAT"}, this,
                              [join, noteError, finish](const QList<Session::NodeReply> &replies) {
                                  for (const Session::NodeReply &reply : replies) {
                                      if (!noteError(reply))
                                          join->patterns += reply.reply.toInteger();
                                  }
                                  finish();
                              });
    m_session->commandOnNodes({"PUBSUB", "CHANNELS"}, this,
                              [this, join, noteError, finish](const QList<Session::NodeReply> &replies) {
                                  QList<QByteArray> args{"PUBSUB", "NUMSUB"};
                                  for (const Session::NodeReply &reply : replies) {
                                      if (noteError(reply))
                                          continue;
                                      for (const RedisReply &channel : reply.reply.elements()) {
                                          if (!join->channels.count(channel.bytes())) {
                                              join->channels[channel.bytes()];
                                              args.append(channel.bytes());
                                          }
                                      }
                                  }
                                  if (args.size() == 2 || !m_session) {
                                      finish();
                                      return;
                                  }
                                  m_session->commandOnNodes(
                                      args, this, [join, finish](const QList<Session::NodeReply> &counts) {
                                          for (const Session::NodeReply &reply : counts) {
                                              const QList<RedisReply> &e = reply.reply.elements();
                                              for (qsizetype i = 0; i + 1 < e.size(); i += 2) {
                                                  Row &row = join->channels[e.at(i).bytes()];
                                                  const qint64 n = e.at(i + 1).toInteger();
                                                  row.subscribers += n;
                                                  if (n > 0)
                                                      row.nodes.append(reply.endpoint);
                                              }
                                          }
                                          finish();
                                      });
                              });
    m_session->commandOnMasters(
        {"PUBSUB", "SHARDCHANNELS"}, this, [this, join, finish](const QList<Session::NodeReply> &replies) {
            for (const Session::NodeReply &reply : replies) {
                // Redis < 7 has no shard channels: nothing to list, not an error worth showing.
                if (reply.reply.isError() || reply.reply.elements().isEmpty() || !m_session)
                    continue;
                QList<QByteArray> args{"PUBSUB", "SHARDNUMSUB"};
                for (const RedisReply &channel : reply.reply.elements())
                    args.append(channel.bytes());
                ++join->pending;
                m_session->commandOn(reply.nodeId, args, this,
                                     [join, finish, endpoint = reply.endpoint](const RedisReply &counts) {
                                         const QList<RedisReply> &e = counts.elements();
                                         for (qsizetype i = 0; i + 1 < e.size(); i += 2) {
                                             Row &row = join->shards[e.at(i).bytes()];
                                             row.subscribers += e.at(i + 1).toInteger();
                                             row.nodes.append(endpoint);
                                         }
                                         finish();
                                     });
            }
            finish();
        });
}
