#include "sentinelstate.h"

namespace {

void setError(QString *error, const QString &message)
{
    if (error)
        *error = message;
}

qint64 toNumber(const QByteArray &value, qint64 fallback)
{
    bool ok = false;
    const qint64 number = value.toLongLong(&ok);
    return ok ? number : fallback;
}

} // namespace

SentinelState::Node::Role SentinelState::Node::role() const
{
    if (hasFlag("master"))
        return Role::Master;
    if (hasFlag("slave"))
        return Role::Replica;
    if (hasFlag("sentinel"))
        return Role::Sentinel;
    return Role::Unknown;
}

bool SentinelState::Node::hasFlag(QByteArrayView flag) const
{
    for (const QByteArray &f : flags) {
        if (f == flag)
            return true;
    }
    return false;
}

bool SentinelState::Node::isTroubled() const
{
    return isSubjectivelyDown() || isObjectivelyDown() || isDisconnected() || isFailoverInProgress();
}

QByteArray SentinelState::Node::field(QByteArrayView key) const
{
    for (const auto &[k, value] : fields) {
        if (k == key)
            return value;
    }
    return {};
}

const SentinelState::Node *SentinelState::master() const
{
    for (const Node &node : masters) {
        if (node.name == masterName)
            return &node;
    }
    return nullptr;
}

std::optional<SentinelState::Node> SentinelState::parseNode(const RedisReply &reply, QString *error)
{
    if (reply.isError()) {
        setError(error, reply.errorMessage());
        return std::nullopt;
    }
    const QList<RedisReply> &e = reply.elements();
    if (!reply.isArray() || e.size() % 2 != 0) {
        setError(error, tr("The sentinel's answer is not a list of fields and values."));
        return std::nullopt;
    }
    Node node;
    for (qsizetype i = 0; i < e.size(); i += 2)
        node.fields.append({e[i].bytes(), e[i + 1].bytes()});
    node.name = node.field("name");
    node.ip = node.field("ip");
    const qint64 port = toNumber(node.field("port"), -1);
    if (node.ip.isEmpty() || port < 1 || port > 65535) {
        setError(error, tr("The sentinel's answer has no valid address (ip %1, port %2).")
                            .arg(QString::fromUtf8(node.ip), QString::fromUtf8(node.field("port"))));
        return std::nullopt;
    }
    node.port = quint16(port);
    node.runId = node.field("runid");
    const QByteArray flags = node.field("flags");
    if (!flags.isEmpty())
        node.flags = flags.split(',');
    node.lastOkPingReplyMs = toNumber(node.field("last-ok-ping-reply"), -1);
    node.lastPingReplyMs = toNumber(node.field("last-ping-reply"), -1);
    node.numSlaves = int(toNumber(node.field("num-slaves"), -1));
    node.numOtherSentinels = int(toNumber(node.field("num-other-sentinels"), -1));
    node.quorum = int(toNumber(node.field("quorum"), -1));
    node.failoverState = node.field("failover-state");
    node.masterLinkStatus = node.field("master-link-status");
    node.masterHost = node.field("master-host");
    const qint64 masterPort = toNumber(node.field("master-port"), 0);
    node.masterPort = masterPort > 0 && masterPort <= 65535 ? quint16(masterPort) : 0;
    return node;
}

std::optional<QList<SentinelState::Node>> SentinelState::parseNodes(const RedisReply &reply, QString *error)
{
    if (reply.isError()) {
        setError(error, reply.errorMessage());
        return std::nullopt;
    }
    if (!reply.isArray()) {
        setError(error, tr("The sentinel's answer is not a list."));
        return std::nullopt;
    }
    QList<Node> nodes;
    for (const RedisReply &element : reply.elements()) {
        auto node = parseNode(element, error);
        if (!node)
            return std::nullopt;
        nodes.append(std::move(*node));
    }
    return nodes;
}

std::optional<SentinelState> SentinelState::fromReplies(const QByteArray &masterName,
                                                        const RedisReply &masters, const RedisReply &replicas,
                                                        const RedisReply &sentinels, QString *error)
{
    SentinelState state;
    state.masterName = masterName;
    QString reason;
    auto m = parseNodes(masters, &reason);
    if (!m) {
        setError(error, tr("SENTINEL MASTERS: %1").arg(reason));
        return std::nullopt;
    }
    auto r = parseNodes(replicas, &reason);
    if (!r) {
        setError(error, tr("SENTINEL REPLICAS: %1").arg(reason));
        return std::nullopt;
    }
    auto s = parseNodes(sentinels, &reason);
    if (!s) {
        setError(error, tr("SENTINEL SENTINELS: %1").arg(reason));
        return std::nullopt;
    }
    state.masters = std::move(*m);
    state.replicas = std::move(*r);
    state.sentinels = std::move(*s);
    return state;
}
