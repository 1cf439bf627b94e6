#include "sentinelrecordings.h"

#include "respreader.h"

// Recorded from redis-sentinel 7.0.15 (master "mymaster" on 27001, replica 27002, sentinels 27011-27013):
// healthy; with the master stopped (SIGSTOP: s_down, o_down); after the failover (the old master,
// still stopped, listed as a replica that is s_down).
const QByteArray SentinelRecordings::kHealthyMasters = QByteArrayLiteral(
    "*1\r\n*40\r\n$4\r\nname\r\n$8\r\nmymaster\r\n$2\r\nip\r\n$9\r\n127.0.0.1\r\n$4\r\n"
    "port\r\n$5\r\n27001\r\n$5\r\nrunid\r\n$40\r\n29b73d585908e23f09543b3e9182aba898d524db\r\n"
    "$5\r\nflags\r\n$6\r\nmaster\r\n$21\r\nlink-pending-commands\r\n$1\r\n0\r\n$13\r\n"
    "link-refcount\r\n$1\r\n1\r\n$14\r\nlast-ping-sent\r\n$1\r\n0\r\n$18\r\nlast-ok-ping-reply\r\n"
    "$2\r\n20\r\n$15\r\nlast-ping-reply\r\n$2\r\n20\r\n$23\r\ndown-after-milliseconds\r\n"
    "$4\r\n1000\r\n$12\r\ninfo-refresh\r\n$4\r\n4099\r\n$13\r\nrole-reported\r\n$6\r\n"
    "master\r\n$18\r\nrole-reported-time\r\n$4\r\n4113\r\n$12\r\nconfig-epoch\r\n$1\r\n"
    "0\r\n$10\r\nnum-slaves\r\n$1\r\n1\r\n$19\r\nnum-other-sentinels\r\n$1\r\n2\r\n$6\r\n"
    "quorum\r\n$1\r\n2\r\n$16\r\nfailover-timeout\r\n$4\r\n3000\r\n$14\r\nparallel-syncs\r\n"
    "$1\r\n1\r\n");

const QByteArray SentinelRecordings::kHealthyReplicas = QByteArrayLiteral(
    "*1\r\n*42\r\n$4\r\nname\r\n$15\r\n127.0.0.1:27002\r\n$2\r\nip\r\n$9\r\n127.0.0.1\r\n"
    "$4\r\nport\r\n$5\r\n27002\r\n$5\r\nrunid\r\n$40\r\n47696d1d439284bc20ee82b20b373c51606c7355\r\n"
    "$5\r\nflags\r\n$5\r\nslave\r\n$21\r\nlink-pending-commands\r\n$1\r\n0\r\n$13\r\nlink-refcount\r\n"
    "$1\r\n1\r\n$14\r\nlast-ping-sent\r\n$1\r\n0\r\n$18\r\nlast-ok-ping-reply\r\n$3\r\n"
    "168\r\n$15\r\nlast-ping-reply\r\n$3\r\n168\r\n$23\r\ndown-after-milliseconds\r\n$4\r\n"
    "1000\r\n$12\r\ninfo-refresh\r\n$4\r\n4329\r\n$13\r\nrole-reported\r\n$5\r\nslave\r\n"
    "$18\r\nrole-reported-time\r\n$4\r\n4405\r\n$21\r\nmaster-link-down-time\r\n$1\r\n"
    "0\r\n$18\r\nmaster-link-status\r\n$2\r\nok\r\n$11\r\nmaster-host\r\n$9\r\n127.0.0.1\r\n"
    "$11\r\nmaster-port\r\n$5\r\n27001\r\n$14\r\nslave-priority\r\n$3\r\n100\r\n$17\r\n"
    "slave-repl-offset\r\n$1\r\n0\r\n$17\r\nreplica-announced\r\n$1\r\n1\r\n");

const QByteArray SentinelRecordings::kHealthySentinels = QByteArrayLiteral(
    "*2\r\n*28\r\n$4\r\nname\r\n$40\r\n0809ac21cb36324fb88ce707f47555b15a2e58db\r\n$2\r\n"
    "ip\r\n$9\r\n127.0.0.1\r\n$4\r\nport\r\n$5\r\n27013\r\n$5\r\nrunid\r\n$"
    "40\r\n0809ac21cb36324fb88ce707f47555b15a2e58db\r\n"
    "$5\r\nflags\r\n$8\r\nsentinel\r\n$21\r\nlink-pending-commands\r\n$1\r\n0\r\n$13\r\n"
    "link-refcount\r\n$1\r\n1\r\n$14\r\nlast-ping-sent\r\n$1\r\n0\r\n$18\r\nlast-ok-ping-reply\r\n"
    "$3\r\n623\r\n$15\r\nlast-ping-reply\r\n$3\r\n623\r\n$23\r\ndown-after-milliseconds\r\n"
    "$4\r\n1000\r\n$18\r\nlast-hello-message\r\n$3\r\n601\r\n$12\r\nvoted-leader\r\n$1\r\n"
    "?\r\n$18\r\nvoted-leader-epoch\r\n$1\r\n0\r\n*28\r\n$4\r\nname\r\n$"
    "40\r\n72d6c435596b11ca08c4ef5d23490596c1aa01d8\r\n"
    "$2\r\nip\r\n$9\r\n127.0.0.1\r\n$4\r\nport\r\n$5\r\n27012\r\n$5\r\nrunid\r\n$40\r\n"
    "72d6c435596b11ca08c4ef5d23490596c1aa01d8\r\n$5\r\nflags\r\n$8\r\nsentinel\r\n$21\r\n"
    "link-pending-commands\r\n$1\r\n0\r\n$13\r\nlink-refcount\r\n$1\r\n1\r\n$14\r\nlast-ping-sent\r\n"
    "$1\r\n0\r\n$18\r\nlast-ok-ping-reply\r\n$3\r\n617\r\n$15\r\nlast-ping-reply\r\n$3\r\n"
    "617\r\n$23\r\ndown-after-milliseconds\r\n$4\r\n1000\r\n$18\r\nlast-hello-message\r\n"
    "$3\r\n581\r\n$12\r\nvoted-leader\r\n$1\r\n?\r\n$18\r\nvoted-leader-epoch\r\n$1\r\n"
    "0\r\n");

const QByteArray SentinelRecordings::kOdownMasters = QByteArrayLiteral(
    "*1\r\n*44\r\n$4\r\nname\r\n$8\r\nmymaster\r\n$2\r\nip\r\n$9\r\n127.0.0.1\r\n$4\r\n"
    "port\r\n$5\r\n27001\r\n$5\r\nrunid\r\n$40\r\n29b73d585908e23f09543b3e9182aba898d524db\r\n"
    "$5\r\nflags\r\n$20\r\ns_down,o_down,master\r\n$21\r\nlink-pending-commands\r\n$2\r\n"
    "18\r\n$13\r\nlink-refcount\r\n$1\r\n1\r\n$14\r\nlast-ping-sent\r\n$4\r\n1261\r\n$18\r\n"
    "last-ok-ping-reply\r\n$4\r\n2271\r\n$15\r\nlast-ping-reply\r\n$4\r\n2271\r\n$11\r\n"
    "s-down-time\r\n$3\r\n222\r\n$11\r\no-down-time\r\n$3\r\n160\r\n$23\r\ndown-after-milliseconds\r\n"
    "$4\r\n1000\r\n$12\r\ninfo-refresh\r\n$5\r\n10520\r\n$13\r\nrole-reported\r\n$6\r\n"
    "master\r\n$18\r\nrole-reported-time\r\n$5\r\n10534\r\n$12\r\nconfig-epoch\r\n$1\r\n"
    "0\r\n$10\r\nnum-slaves\r\n$1\r\n1\r\n$19\r\nnum-other-sentinels\r\n$1\r\n2\r\n$6\r\n"
    "quorum\r\n$1\r\n2\r\n$16\r\nfailover-timeout\r\n$4\r\n3000\r\n$14\r\nparallel-syncs\r\n"
    "$1\r\n1\r\n");

const QByteArray SentinelRecordings::kAfterReplicas = QByteArrayLiteral(
    "*1\r\n*44\r\n$4\r\nname\r\n$15\r\n127.0.0.1:27001\r\n$2\r\nip\r\n$9\r\n127.0.0.1\r\n"
    "$4\r\nport\r\n$5\r\n27001\r\n$5\r\nrunid\r\n$0\r\n\r\n$5\r\nflags\r\n$12\r\ns_down,slave\r\n"
    "$21\r\nlink-pending-commands\r\n$3\r\n101\r\n$13\r\nlink-refcount\r\n$1\r\n1\r\n$14\r\n"
    "last-ping-sent\r\n$4\r\n6325\r\n$18\r\nlast-ok-ping-reply\r\n$4\r\n6325\r\n$15\r\n"
    "last-ping-reply\r\n$4\r\n6325\r\n$11\r\ns-down-time\r\n$4\r\n5291\r\n$23\r\ndown-after-milliseconds\r\n"
    "$4\r\n1000\r\n$12\r\ninfo-refresh\r\n$1\r\n0\r\n$13\r\nrole-reported\r\n$5\r\nslave\r\n"
    "$18\r\nrole-reported-time\r\n$4\r\n6325\r\n$21\r\nmaster-link-down-time\r\n$1\r\n"
    "0\r\n$18\r\nmaster-link-status\r\n$3\r\nerr\r\n$11\r\nmaster-host\r\n$1\r\n?\r\n$11\r\n"
    "master-port\r\n$1\r\n0\r\n$14\r\nslave-priority\r\n$3\r\n100\r\n$17\r\nslave-repl-offset\r\n"
    "$1\r\n0\r\n$17\r\nreplica-announced\r\n$1\r\n1\r\n");

RedisReply SentinelRecordings::parse(const QByteArray &resp)
{
    RespReader reader;
    reader.feed(resp);
    QList<RedisReply> replies;
    if (!reader.takeReplies(replies) || replies.size() != 1)
        return RedisReply::failure(QStringLiteral("test: not one reply"));
    return replies.first();
}
