#include "keyscanner.h"

#include "redisconnection.h"

#include <algorithm>

KeyScanner::KeyScanner(QList<RedisConnection *> nodes, Options options, QObject *parent)
    : QObject(parent), m_options(std::move(options))
{
    m_options.count = std::clamp(m_options.count, 1, kMaxCount);
    for (RedisConnection *connection : nodes)
        m_nodes.append(Node{connection});
}

bool KeyScanner::isComplete() const
{
    return std::all_of(m_nodes.cbegin(), m_nodes.cend(), [](const Node &n) { return n.done; });
}

void KeyScanner::loadPage()
{
    ++m_generation; // replies of an earlier scan are ignored
    m_running = false;
    m_keys.clear();
    m_total = -1;
    m_totalRequested = false;
    for (Node &node : m_nodes) {
        node.cursor = "0";
        node.done = false;
    }
    emit cleared();
    start(m_options.pageSize);
}

void KeyScanner::requestTotal()
{
    // DBSIZE per node for "loaded N of M", pipelined ahead of the first SCAN. It also sizes the
    // arena's index once, instead of rehashing millions of keys in one go halfway through.
    m_totalRequested = true;
    auto pending = std::make_shared<int>(int(std::count_if(
        m_nodes.cbegin(), m_nodes.cend(), [](const Node &n) { return !n.connection.isNull(); })));
    auto sum = std::make_shared<qint64>(0);
    const quint64 generation = m_generation;
    for (const Node &node : std::as_const(m_nodes)) {
        if (!node.connection)
            continue;
        node.connection->command({"DBSIZE"}, this, [this, pending, sum, generation](const RedisReply &reply) {
            if (generation != m_generation)
                return;
            if (reply.type() == RedisReply::Type::Integer)
                *sum += reply.toInteger();
            if (--*pending == 0) {
                m_total = *sum;
                // A quarter more for keys added while the scan runs.
                m_keys.reserve(qsizetype(std::min<qint64>(m_total + m_total / 4, 100'000'000)));
                emit progress(m_keys.size(), m_total);
            }
        });
    }
}

void KeyScanner::loadMore()
{
    if (m_running || isComplete())
        return;
    start(m_keys.size() + m_options.pageSize);
}

void KeyScanner::loadAll()
{
    if (isComplete())
        return;
    if (m_running) {
        m_target = -1;
        return;
    }
    start(-1);
}

void KeyScanner::cancel()
{
    if (!m_running)
        return;
    ++m_generation;
    stop();
}

void KeyScanner::addKey(QByteArrayView key)
{
    const qsizetype first = m_keys.size();
    if (!m_keys.insert(key))
        return;
    emit keysAdded(first, 1);
    emit progress(m_keys.size(), m_total);
}

QByteArray KeyScanner::escapeGlob(QByteArrayView bytes)
{
    QByteArray escaped;
    escaped.reserve(bytes.size());
    for (const char c : bytes) {
        if (c == '*' || c == '?' || c == '[' || c == ']' || c == '\\')
            escaped.append('\\');
        escaped.append(c);
    }
    return escaped;
}

void KeyScanner::start(qsizetype target)
{
    if (!m_totalRequested)
        requestTotal();
    m_target = target;
    m_running = true;
    scanNext();
}

void KeyScanner::stop()
{
    m_running = false;
    emit stopped();
}

bool KeyScanner::wantsMore() const
{
    return !isComplete() && (m_target < 0 || m_keys.size() < m_target);
}

void KeyScanner::scanNext()
{
    if (!wantsMore()) {
        stop();
        return;
    }
    sendScan();
}

void KeyScanner::sendScan()
{
    // Round-robin over the nodes that still have a cursor.
    while (m_nodes[m_next].done)
        m_next = (m_next + 1) % int(m_nodes.size());
    const int index = m_next;
    m_next = (m_next + 1) % int(m_nodes.size());
    Node &node = m_nodes[index];
    if (!node.connection) {
        emit failed(tr("The connection to a node was closed during the scan."));
        stop();
        return;
    }
    QList<QByteArray> args{
        "SCAN", node.cursor, "MATCH", m_options.pattern, "COUNT", QByteArray::number(m_options.count)};
    if (!m_options.type.isEmpty())
        args += {"TYPE", m_options.type};
    const quint64 generation = m_generation;
    node.connection->command(args, this, [this, index, generation](const RedisReply &reply) {
        onReply(index, generation, reply);
    });
}

void KeyScanner::onReply(int index, quint64 generation, const RedisReply &reply)
{
    if (generation != m_generation)
        return;
    Node &node = m_nodes[index];
    if (reply.isError() || !reply.isArray() || reply.elements().size() != 2 ||
        !reply.elements().at(1).isArray()) {
        emit failed(reply.isError() ? tr("SCAN failed: %1").arg(reply.errorMessage())
                                    : tr("SCAN returned an unexpected reply."));
        stop(); // the cursor is kept: loadMore() resumes where it failed
        return;
    }
    node.cursor = reply.elements().at(0).bytes();
    node.done = node.cursor == "0";
    const QList<RedisReply> &batch = reply.elements().at(1).elements();
    // Ask for the next batch before storing this one, so the server works while we do.
    const bool more = !isComplete() && (m_target < 0 || m_keys.size() + batch.size() < m_target);
    if (more)
        sendScan();
    const qsizetype first = m_keys.size();
    for (const RedisReply &key : batch)
        m_keys.insert(key.bytes());
    if (m_keys.size() > first)
        emit keysAdded(first, m_keys.size() - first);
    emit progress(m_keys.size(), m_total);
    if (m_running && generation == m_generation && !more) // a slot may have cancelled or restarted
        scanNext();
}
