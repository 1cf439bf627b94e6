#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

// Where the console sends a checked command line, or why it refuses it: the rules of the console's
// target (one server, or on a cluster routed by key, every master, one node), on top of ConsolePolicy.
//
// On a cluster the console shares each node's connection with its cluster map refreshes, so
// transactions are refused off the routed target (routed, the cluster client refuses them itself) and
// a blocking command may wait at most the command timeout minus ConsolePolicy::kBlockingMarginMs
// (1 s at least). Routed, a per-node or unsupported command is refused with the reason, and a keyless
// command that would be asked first (it changes a server) is refused: it would run on whichever master
// answers. On one server SELECT inside a transaction is refused, and SELECT n moves the console's
// connection. A command a read-only connection refuses anyway is not asked about; a whole read of one
// key is sized first (ConsolePolicy::sizeProbe) except inside a transaction and on every master.
class ConsoleRouting
{
    Q_DECLARE_TR_FUNCTIONS(ConsoleRouting)
public:
    enum class Target { Server, Routed, AllMasters, Node };

    struct Context
    {
        Target target = Target::Server; // Server: the console's own connection to one server
        bool inTransaction = false;     // MULTI answered, EXEC / DISCARD not yet (one server)
        bool readOnly = false;
        int commandTimeoutMs = 15000;
    };

    struct Decision
    {
        enum class Route {
            Refuse,      // message says why
            Server,      // the console's connection
            Select,      // SELECT n on the console's connection (the prompt follows)
            Routed,      // by key slot to its master
            FirstMaster, // keyless, routed: the first master serving slots, named
            Node,        // the chosen node, as is
            AllMasters,  // every master, each reply under its node
        };
        Route route = Route::Server;
        QString message;        // Refuse: why; ask: the question
        bool ask = false;       // ask before sending
        bool sizeFirst = false; // send ConsolePolicy::sizeProbe first, ask when big
        int timeoutMs = -1;     // -1: the connection's command timeout
    };

    // args: a split, non-empty command line.
    static Decision decide(const QList<QByteArray> &args, const Context &context);
};
