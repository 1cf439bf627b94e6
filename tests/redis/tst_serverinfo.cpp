#include "serverinfo.h"

#include <QTest>

namespace {
// Captured from redis-server 7.0.15 (INFO everything, trimmed; a few counters changed).
const char capturedInfo[] = "# Server\r\n"
                            "redis_version:7.0.15\r\n"
                            "redis_git_sha1:00000000\r\n"
                            "redis_git_dirty:0\r\n"
                            "redis_build_id:ae4d7c971a948f0\r\n"
                            "redis_mode:standalone\r\n"
                            "os:Linux 6.18.44-fc-v669 x86_64\r\n"
                            "arch_bits:64\r\n"
                            "monotonic_clock:POSIX clock_gettime\r\n"
                            "multiplexing_api:epoll\r\n"
                            "gcc_version:12.2.0\r\n"
                            "process_id:5752\r\n"
                            "run_id:f3335c0a1a0d8702a5c8e5600bac18e7cdd14d08\r\n"
                            "tcp_port:6399\r\n"
                            "server_time_usec:1795381471280511\r\n"
                            "uptime_in_seconds:93784\r\n"
                            "uptime_in_days:1\r\n"
                            "executable:/tmp/redis-server\r\n"
                            "config_file:\r\n"
                            "\r\n"
                            "# Clients\r\n"
                            "connected_clients:7\r\n"
                            "cluster_connections:0\r\n"
                            "maxclients:10000\r\n"
                            "blocked_clients:0\r\n"
                            "\r\n"
                            "# Memory\r\n"
                            "used_memory:1015400\r\n"
                            "used_memory_human:991.60K\r\n"
                            "used_memory_rss:6692864\r\n"
                            "maxmemory:268435456\r\n"
                            "maxmemory_human:256.00M\r\n"
                            "maxmemory_policy:allkeys-lru\r\n"
                            "allocator_frag_ratio:1.08\r\n"
                            "\r\n"
                            "# Stats\r\n"
                            "total_connections_received:5\r\n"
                            "total_commands_processed:5\r\n"
                            "instantaneous_ops_per_sec:1234\r\n"
                            "instantaneous_input_kbps:0.00\r\n"
                            "keyspace_hits:3\r\n"
                            "keyspace_misses:1\r\n"
                            "\r\n"
                            "# Replication\r\n"
                            "role:master\r\n"
                            "connected_slaves:0\r\n"
                            "master_failover_state:no-failover\r\n"
                            "second_repl_offset:-1\r\n"
                            "\r\n"
                            "# Cluster\r\n"
                            "cluster_enabled:0\r\n"
                            "\r\n"
                            "# Keyspace\r\n"
                            "db0:keys=3120,expires=800,avg_ttl=1795000\r\n"
                            "db3:keys=1,expires=1,avg_ttl=0\r\n";
} // namespace

class TestServerInfo : public QObject
{
    Q_OBJECT
private slots:
    void sectionsInOrder()
    {
        const ServerInfo info = ServerInfo::parse(capturedInfo);
        QStringList names;
        for (const auto &section : info.sections())
            names << section.name;
        QCOMPARE(names,
                 (QStringList{"Server", "Clients", "Memory", "Stats", "Replication", "Cluster", "Keyspace"}));
        const auto &server = info.sections().first();
        QCOMPARE(server.fields.first().key, QStringLiteral("redis_version"));
        QCOMPARE(server.fields.first().value, QStringLiteral("7.0.15"));
        QCOMPARE(server.fields.last().key, QStringLiteral("config_file"));
        QCOMPARE(server.fields.last().value, QString());
    }

    void valuesKeepColonsAndSpaces()
    {
        const ServerInfo info =
            ServerInfo::parse("# Server\nos:Linux 6.1 x86_64\nexecutable:C:\\redis\\a:b\n");
        QCOMPARE(info.value("os"), QStringLiteral("Linux 6.1 x86_64"));
        QCOMPARE(info.value("executable"), QStringLiteral("C:\\redis\\a:b"));
    }

    void helpers()
    {
        const ServerInfo info = ServerInfo::parse(capturedInfo);
        QVERIFY(!info.isEmpty());
        QCOMPARE(info.version(), QStringLiteral("7.0.15"));
        QCOMPARE(info.mode(), QStringLiteral("standalone"));
        QCOMPARE(info.role(), QStringLiteral("master"));
        QCOMPARE(info.usedMemory(), std::optional<qint64>(1015400));
        QCOMPARE(info.maxMemory(), std::optional<qint64>(268435456));
        QCOMPARE(info.connectedClients(), std::optional<qint64>(7));
        QCOMPARE(info.opsPerSecond(), std::optional<qint64>(1234));
        QCOMPARE(info.uptimeSeconds(), std::optional<qint64>(93784));
        QCOMPARE(info.integer("second_repl_offset"), std::optional<qint64>(-1));
        QCOMPARE(info.real("allocator_frag_ratio"), std::optional<double>(1.08));
        QVERIFY(info.hitRatio().has_value());
        QCOMPARE(*info.hitRatio(), 0.75);
    }

    void missingAndMalformed()
    {
        const ServerInfo info =
            ServerInfo::parse("# Server\nredis_version:7.2.4\nused_memory:lots\nnocolon\n");
        QCOMPARE(info.version(), QStringLiteral("7.2.4"));
        QVERIFY(!info.usedMemory().has_value());
        QVERIFY(!info.maxMemory().has_value());
        QVERIFY(!info.hitRatio().has_value());
        QVERIFY(!info.contains("nocolon"));
        QVERIFY(info.keyspace().isEmpty());
        QVERIFY(ServerInfo::parse({}).isEmpty());
    }

    void plainLineEnds()
    {
        QByteArray text(capturedInfo);
        text.replace("\r\n", "\n");
        const ServerInfo info = ServerInfo::parse(text);
        QCOMPARE(info.version(), QStringLiteral("7.0.15"));
        QCOMPARE(info.keyspace().size(), 2);
    }

    void keyspace()
    {
        const auto keyspace = ServerInfo::parse(capturedInfo).keyspace();
        QCOMPARE(keyspace.size(), 2);
        QCOMPARE(keyspace[0].db, 0);
        QCOMPARE(keyspace[0].keys, 3120);
        QCOMPARE(keyspace[0].expires, 800);
        QCOMPARE(keyspace[0].avgTtlMs, 1795000);
        QCOMPARE(keyspace[1].db, 3);
        QCOMPARE(keyspace[1].keys, 1);
        QCOMPARE(keyspace[1].expires, 1);
        QCOMPARE(keyspace[1].avgTtlMs, 0);
    }

    void sumKeyspaces()
    {
        // Three masters of a cluster: db0 everywhere, db3 on one; one master empty.
        const QList<ServerInfo::Keyspace> summed = ServerInfo::sumKeyspaces({
            ServerInfo::parse("# Keyspace\r\ndb0:keys=100,expires=10,avg_ttl=1000\r\n").keyspace(),
            ServerInfo::parse("# Keyspace\r\ndb3:keys=2,expires=0,avg_ttl=0\r\n"
                              "db0:keys=105,expires=30,avg_ttl=5000\r\n")
                .keyspace(),
            ServerInfo::parse("# Keyspace\r\n").keyspace(),
        });
        QCOMPARE(summed.size(), 2);
        QCOMPARE(summed[0].db, 0);
        QCOMPARE(summed[0].keys, 205);
        QCOMPARE(summed[0].expires, 40);
        QCOMPARE(summed[0].avgTtlMs, (1000 * 10 + 5000 * 30) / 40);
        QCOMPARE(summed[1].db, 3);
        QCOMPARE(summed[1].keys, 2);
        QCOMPARE(summed[1].avgTtlMs, 0);
        QVERIFY(ServerInfo::sumKeyspaces({}).isEmpty());
    }

    void modes()
    {
        QCOMPARE(ServerInfo::parse("# Server\r\nredis_mode:cluster\r\n").mode(), QStringLiteral("cluster"));
        QCOMPARE(ServerInfo::parse("# Server\r\nredis_mode:sentinel\r\n").mode(), QStringLiteral("sentinel"));
        QCOMPARE(ServerInfo::parse("# Replication\r\nrole:slave\r\n").role(), QStringLiteral("slave"));
    }

    void texts()
    {
        const ServerInfo info = ServerInfo::parse(capturedInfo);
        QCOMPARE(info.modeText(), QStringLiteral("Standalone"));
        QCOMPARE(info.roleText(), QStringLiteral("Primary"));
        QCOMPARE(ServerInfo::formatDuration(42), QStringLiteral("42 s"));
        QCOMPARE(ServerInfo::formatDuration(125), QStringLiteral("2 min 5 s"));
        QCOMPARE(ServerInfo::formatDuration(7500), QStringLiteral("2 h 5 min"));
        QCOMPARE(ServerInfo::formatDuration(93784), QStringLiteral("1 d 2 h"));
    }

    void notUtf8()
    {
        const ServerInfo info = ServerInfo::parse("# Server\nexecutable:/opt/\xff\xfe/redis\n");
        QVERIFY(info.value("executable").startsWith(QStringLiteral("/opt/")));
        QVERIFY(info.value("executable").endsWith(QStringLiteral("/redis")));
    }
};

QTEST_APPLESS_MAIN(TestServerInfo)
#include "tst_serverinfo.moc"
