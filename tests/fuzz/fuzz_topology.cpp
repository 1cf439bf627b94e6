// What servers say about themselves, from arbitrary bytes: CLUSTER NODES text, INFO text, and, read as RESP
// replies, CLUSTER SHARDS, CLUSTER SLOTS and SENTINEL MASTERS/REPLICAS/SENTINELS. Never a crash, a hang or a
// leak; a topology that parses answers for every slot and only ever with one of its own masters.
#include "clusterslot.h"
#include "clustertopology.h"
#include "respreader.h"
#include "sentinelstate.h"
#include "serverinfo.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {

void check(const std::optional<ClusterTopology> &topology)
{
    if (!topology)
        return;
    const QList<const ClusterNode *> masters = topology->masters();
    for (int slot = 0; slot < ClusterSlot::kSlotCount; ++slot) {
        const ClusterNode *owner = topology->masterForSlot(slot);
        if (owner && !masters.contains(owner)) {
            std::fprintf(stderr, "fuzz_topology: slot %d belongs to a node that is not a master\n", slot);
            std::abort();
        }
    }
    topology->uncoveredSlots();
    topology->movingSlots();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    check(ClusterTopology::fromClusterNodes(input));
    ServerInfo::parse(input);
    RespReader reader;
    reader.feed(input);
    QList<RedisReply> replies;
    reader.takeReplies(replies);
    for (const RedisReply &reply : replies) {
        check(ClusterTopology::fromClusterShards(reply, true));
        check(ClusterTopology::fromClusterSlots(reply));
        SentinelState::parseNodes(reply);
        SentinelState::fromReplies("mymaster", reply, reply, reply);
    }
    return 0;
}
