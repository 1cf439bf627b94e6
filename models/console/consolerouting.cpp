#include "consolerouting.h"

#include "clustercommand.h"
#include "consolepolicy.h"
#include "rediscommand.h"

#include <algorithm>

namespace {

using Decision = ConsoleRouting::Decision;
using Target = ConsoleRouting::Target;

Decision refuse(const QString &message)
{
    Decision decision;
    decision.route = Decision::Route::Refuse;
    decision.message = message;
    return decision;
}

bool isTransaction(const QByteArray &name)
{
    return name == "MULTI" || name == "EXEC" || name == "DISCARD" || name == "WATCH" || name == "UNWATCH";
}

} // namespace

ConsoleRouting::Decision ConsoleRouting::decide(const QList<QByteArray> &args, const Context &context)
{
    const QByteArray name = args.first().toUpper();
    const bool cluster = context.target != Target::Server;
    const ConsolePolicy::Verdict verdict = ConsolePolicy::check(args);
    if (verdict.action == ConsolePolicy::Verdict::Action::Refuse)
        return refuse(verdict.message);
    const ClusterCommand::Keys keys = ClusterCommand::keysOf(args);
    if (context.target == Target::Routed) {
        // Said before any question: a routed per-node command could never run anyway.
        if (keys.kind == ClusterCommand::Keys::Kind::PerNode ||
            keys.kind == ClusterCommand::Keys::Kind::Unsupported)
            return refuse(keys.reason);
        // A keyless command would run on whichever master answers first: not one that changes a server.
        if (keys.kind == ClusterCommand::Keys::Kind::Keyless &&
            verdict.action == ConsolePolicy::Verdict::Action::Ask)
            return refuse(tr("%1 has no key to route it by: choose the node it is for, or All masters.")
                              .arg(QString::fromLatin1(name)));
    }
    if (cluster && context.target != Target::Routed && isTransaction(name)) {
        // Routed, the cluster client refuses them itself.
        return refuse(tr("%1 is not available on a cluster in the console: a transaction needs a "
                         "connection of its own, and the console shares each node's connection with its "
                         "cluster map refreshes.")
                          .arg(QString::fromLatin1(name)));
    }
    // The map refreshes of the cluster client wait behind a blocking command on a node's connection:
    // it must end before their own timeout.
    const int clusterMaxBlockingMs =
        std::max(1000, context.commandTimeoutMs - ConsolePolicy::kBlockingMarginMs);
    if (cluster && verdict.blockingTimeoutMs - ConsolePolicy::kBlockingMarginMs > clusterMaxBlockingMs)
        return refuse(tr("On a cluster the console shares each node's connection with its cluster map "
                         "refreshes, so a blocking command waits %1 s at most here; give it a shorter "
                         "timeout.")
                          .arg(clusterMaxBlockingMs / 1000.0));
    if (!cluster && context.inTransaction && name == "SELECT")
        return refuse(tr("SELECT inside a transaction is not supported by the console: run EXEC or "
                         "DISCARD first."));

    Decision decision;
    decision.timeoutMs =
        verdict.blockingTimeoutMs > 0 ? std::max(verdict.blockingTimeoutMs, context.commandTimeoutMs) : -1;
    // A read-only connection refuses writes itself (and says so): no question for a command that
    // cannot run.
    const bool refusedAnyway = context.readOnly && !RedisCommand::isReadOnly(args);
    if (verdict.action == ConsolePolicy::Verdict::Action::Ask && !refusedAnyway) {
        decision.ask = true;
        decision.message = verdict.message;
    }
    // A whole read of a big key: sized first, asked when big (not inside a transaction, where the size
    // would only be queued; not on all masters, where a key lives on one).
    decision.sizeFirst = !decision.ask && ConsolePolicy::sizeProbe(args).has_value() &&
                         !context.inTransaction && context.target != Target::AllMasters;
    switch (context.target) {
    case Target::Server: {
        bool isNumber = false;
        if (name == "SELECT" && args.size() == 2)
            args.at(1).toInt(&isNumber);
        decision.route = isNumber ? Decision::Route::Select : Decision::Route::Server;
        break;
    }
    case Target::Routed:
        decision.route = keys.kind == ClusterCommand::Keys::Kind::Keyless ? Decision::Route::FirstMaster
                                                                          : Decision::Route::Routed;
        break;
    case Target::AllMasters:
        decision.route = Decision::Route::AllMasters;
        break;
    case Target::Node:
        decision.route = Decision::Route::Node;
        break;
    }
    return decision;
}
