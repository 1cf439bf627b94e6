#include "pgconnection.h"

#include <algorithm>
#include <cctype>
#include <libpq-fe.h>
#include <QHostAddress>
#include <QHostInfo>
#include <QSocketNotifier>
#include <QTimer>
#include <vector>

namespace {

void ignoreNotice(void *, const char *) {}

bool retryable(PgError::Kind kind)
{
    return kind != PgError::Kind::Authentication && kind != PgError::Kind::Tls &&
           kind != PgError::Kind::InvalidConfig;
}

// An entry of the host list that libpq would have to look up itself (blocking): a name, not an address
// or a Unix socket directory.
bool isHostName(const QString &host)
{
    return !host.isEmpty() && !host.startsWith(QLatin1Char('/')) && !host.startsWith(QLatin1Char('@')) &&
           QHostAddress(host).isNull();
}

// libpq tries one address per hostaddr entry: prefer IPv4, as libpq's own lookup usually does.
QString preferredAddress(const QList<QHostAddress> &addresses)
{
    for (const QHostAddress &address : addresses) {
        if (address.protocol() == QAbstractSocket::IPv4Protocol)
            return address.toString();
    }
    return addresses.constFirst().toString();
}

// The first keyword of one statement, after blanks, comments and opening parentheses.
QByteArray firstKeyword(const QByteArray &sql)
{
    qsizetype i = 0;
    while (i < sql.size()) {
        const char c = sql[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '(') {
            ++i;
        } else if (sql.mid(i, 2) == "--") {
            const qsizetype end = sql.indexOf('\n', i);
            i = end < 0 ? sql.size() : end;
        } else if (sql.mid(i, 2) == "/*") {
            const qsizetype end = sql.indexOf("*/", i + 2);
            i = end < 0 ? sql.size() : end + 2;
        } else {
            break;
        }
    }
    qsizetype end = i;
    while (end < sql.size() && std::isalpha(static_cast<unsigned char>(sql[end])))
        ++end;
    return sql.mid(i, end - i).toUpper();
}

// Statements that only read. Each is sent on its own with the extended protocol, so the server itself
// refuses a second statement hidden after a semicolon.
bool isReadStatement(const QByteArray &sql)
{
    static const QList<QByteArray> kReads{"SELECT", "WITH", "VALUES", "TABLE", "SHOW"};
    return kReads.contains(firstKeyword(sql));
}

PgError queryError(const PGresult *result)
{
    PgError error;
    error.kind = PgError::Kind::Query;
    error.sqlState = QByteArray(PQresultErrorField(result, PG_DIAG_SQLSTATE));
    error.server = QString::fromUtf8(PQresultErrorMessage(result)).trimmed();
    const QString primary = QString::fromUtf8(PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY));
    if (error.sqlState == "57014") {
        error.kind = PgError::Kind::Timeout;
        error.message =
            PgConnection::tr("The server cancelled the query (statement_timeout): %1").arg(primary);
    } else if (error.sqlState == "25006") {
        error.message = PgConnection::tr("Refused: this connection is read-only (%1).").arg(primary);
    } else {
        error.message = PgConnection::tr("The query failed: %1 (SQLSTATE %2)")
                            .arg(primary, QString::fromLatin1(error.sqlState));
    }
    return error;
}

PgResult copyRows(const PGresult *result)
{
    const int rows = PQntuples(result);
    const int columns = PQnfields(result);
    QList<QByteArray> names;
    names.reserve(columns);
    for (int c = 0; c < columns; ++c)
        names.append(QByteArray(PQfname(result, c)));
    QList<QString> values;
    QList<bool> nulls;
    values.reserve(qsizetype(rows) * columns);
    nulls.reserve(qsizetype(rows) * columns);
    for (int r = 0; r < rows; ++r) {
        for (int c = 0; c < columns; ++c) {
            const bool null = PQgetisnull(result, r, c) != 0;
            nulls.append(null);
            values.append(null ? QString()
                               : QString::fromUtf8(PQgetvalue(result, r, c), PQgetlength(result, r, c)));
        }
    }
    return PgResult(std::move(names), std::move(values), std::move(nulls));
}

PgError libpqError(PgError::Kind kind, const QString &message, pg_conn *conn)
{
    PgError error;
    error.kind = kind;
    error.server = conn ? QString::fromUtf8(PQerrorMessage(conn)).trimmed() : QString();
    error.message = error.server.isEmpty() ? message : message + QLatin1Char(' ') + error.server;
    return error;
}

} // namespace

void PgConnection::ConnDeleter::operator()(pg_conn *conn) const
{
    PQfinish(conn);
}

PgConnection::PgConnection(PgConfig config, QObject *parent)
    : QObject(parent), m_config(std::move(config)), m_connectTimer(new QTimer(this)),
      m_queryTimer(new QTimer(this)), m_reconnectTimer(new QTimer(this))
{
    qRegisterMetaType<PgError>();
    for (QTimer *timer : {m_connectTimer, m_queryTimer, m_reconnectTimer})
        timer->setSingleShot(true);
    connect(m_connectTimer, &QTimer::timeout, this, &PgConnection::onConnectTimeout);
    connect(m_queryTimer, &QTimer::timeout, this, &PgConnection::onQueryTimeout);
    connect(m_reconnectTimer, &QTimer::timeout, this, &PgConnection::startConnect);
}

PgConnection::~PgConnection()
{
    abortLookups();
    m_pending.clear();
    dropSocket();
    m_conn.reset();
}

void PgConnection::open()
{
    if (m_state != State::Disconnected && m_state != State::WaitingToReconnect)
        return;
    m_wantOpen = true;
    m_reconnectTimer->stop();
    startConnect();
}

void PgConnection::close()
{
    m_wantOpen = false;
    abortLookups();
    m_connectTimer->stop();
    m_queryTimer->stop();
    m_reconnectTimer->stop();
    dropSocket();
    m_conn.reset();
    m_sessionReady = false;
    setState(State::Disconnected);
    failAll({PgError::Kind::Closed, tr("The connection was closed."), {}, {}});
}

void PgConnection::query(const QList<QByteArray> &statements, QObject *context, Callback callback)
{
    Pending pending{statements, context, context != nullptr, std::move(callback), false};
    const auto refused = std::find_if_not(statements.cbegin(), statements.cend(), isReadStatement);
    if (statements.isEmpty() || refused != statements.cend() || m_state == State::Disconnected ||
        m_state == State::WaitingToReconnect) {
        PgReply reply;
        if (statements.isEmpty() || refused != statements.cend()) {
            reply.error = {
                PgError::Kind::Query,
                tr("Refused: this read-only connection runs only SELECT, WITH, VALUES, TABLE and SHOW "
                   "statements, not \"%1\".")
                    .arg(statements.isEmpty() ? QString() : QString::fromUtf8(refused->left(60))),
                {},
                {}};
        } else {
            reply.error = m_lastError.isError()
                              ? m_lastError
                              : PgError{PgError::Kind::Closed, tr("Not connected."), {}, {}};
        }
        QTimer::singleShot(0, this, [pending = std::move(pending), reply] {
            if (!pending.hasContext || pending.context)
                pending.callback(reply);
        });
        return;
    }
    m_pending.push_back(std::move(pending));
    sendNext();
}

void PgConnection::startConnect()
{
    m_connectTimer->stop();
    m_queryTimer->stop();
    dropSocket();
    m_conn.reset();
    m_sessionReady = false;
    m_connectTimer->start(m_config.connectTimeoutSeconds() * 1000);
    abortLookups();
    // host may be a list (host=a,b for failover): each name is looked up here, and libpq gets a hostaddr
    // entry for each host entry (empty for a socket directory, which needs no lookup).
    const QStringList hosts = m_config.host().split(QLatin1Char(','));
    const bool lookup =
        m_config.hostaddr().isEmpty() && std::any_of(hosts.cbegin(), hosts.cend(), isHostName);
    if (!lookup) {
        setState(State::Connecting);
        startLibpq({});
        return;
    }
    setState(State::Resolving);
    m_addresses = hosts;
    const quint64 generation = ++m_lookupGeneration;
    for (qsizetype i = 0; i < hosts.size(); ++i) {
        const QString host = hosts[i].trimmed();
        if (!isHostName(host)) {
            m_addresses[i] = QHostAddress(host).isNull() ? QString() : host;
            continue;
        }
        m_addresses[i].clear();
        ++m_unresolved;
        m_lookupIds << QHostInfo::lookupHost(host, this, [this, generation, i, host](const QHostInfo &info) {
            if (generation != m_lookupGeneration)
                return;
            m_lookupIds.removeOne(info.lookupId());
            if (info.error() != QHostInfo::NoError || info.addresses().isEmpty()) {
                abortLookups();
                fail({PgError::Kind::HostNotFound,
                      tr("Host %1 not found: %2").arg(host, info.errorString()),
                      {},
                      info.errorString()});
                return;
            }
            m_addresses[i] = preferredAddress(info.addresses());
            if (--m_unresolved == 0) {
                setState(State::Connecting);
                startLibpq(m_addresses.join(QLatin1Char(',')));
            }
        });
    }
}

void PgConnection::abortLookups()
{
    ++m_lookupGeneration;
    for (const int id : std::as_const(m_lookupIds))
        QHostInfo::abortHostLookup(id);
    m_lookupIds.clear();
    m_unresolved = 0;
}

void PgConnection::startLibpq(const QString &hostaddr)
{
    std::vector<QByteArray> storage;
    std::vector<const char *> keywords;
    std::vector<const char *> values;
    auto add = [&](const QByteArray &keyword, const QString &value) {
        storage.push_back(value.toUtf8());
        keywords.push_back(keyword.constData());
        values.push_back(storage.back().constData());
    };
    storage.reserve(size_t(m_config.parameters().size()) + 2);
    for (const auto &[keyword, value] : m_config.parameters())
        add(keyword, value);
    static const QByteArray kHostaddr("hostaddr");
    static const QByteArray kEncoding("client_encoding");
    if (!hostaddr.isEmpty())
        add(kHostaddr, hostaddr);
    if (m_config.value(kEncoding).isEmpty())
        add(kEncoding, QStringLiteral("UTF8"));
    keywords.push_back(nullptr);
    values.push_back(nullptr);

    m_conn.reset(PQconnectStartParams(keywords.data(), values.data(), 0));
    if (!m_conn) {
        fail({PgError::Kind::Other, tr("libpq is out of memory."), {}, {}});
        return;
    }
    PQsetNoticeProcessor(m_conn.get(), ignoreNotice, nullptr);
    if (PQstatus(m_conn.get()) == CONNECTION_BAD) {
        fail(PgError::fromConnectFailure(QString::fromUtf8(PQerrorMessage(m_conn.get())),
                                         PQconnectionNeedsPassword(m_conn.get()) != 0,
                                         PQconnectionUsedPassword(m_conn.get()) != 0));
        return;
    }
    // As the libpq manual says: start as if PQconnectPoll had asked to wait for writing.
    watch(Wait::Write);
}

void PgConnection::watch(Wait wait)
{
    const int fd = PQsocket(m_conn.get());
    if (fd < 0) {
        fail(libpqError(PgError::Kind::Other, tr("libpq has no socket."), m_conn.get()));
        return;
    }
    if (fd != m_fd) {
        dropSocket();
        m_fd = fd;
        m_readNotifier = new QSocketNotifier(qintptr(fd), QSocketNotifier::Read, this);
        m_writeNotifier = new QSocketNotifier(qintptr(fd), QSocketNotifier::Write, this);
        connect(m_readNotifier, &QSocketNotifier::activated, this, &PgConnection::onReadable);
        connect(m_writeNotifier, &QSocketNotifier::activated, this, &PgConnection::onWritable);
    }
    m_readNotifier->setEnabled(wait == Wait::Read);
    m_writeNotifier->setEnabled(wait == Wait::Write);
}

void PgConnection::dropSocket()
{
    // Deleted later: this may run inside one of their activated() signals.
    for (QSocketNotifier **notifier : {&m_readNotifier, &m_writeNotifier}) {
        if (*notifier) {
            (*notifier)->setEnabled(false);
            (*notifier)->deleteLater();
            *notifier = nullptr;
        }
    }
    m_fd = -1;
}

void PgConnection::pollConnect()
{
    switch (PQconnectPoll(m_conn.get())) {
    case PGRES_POLLING_READING:
        watch(Wait::Read);
        return;
    case PGRES_POLLING_WRITING:
        watch(Wait::Write);
        return;
    case PGRES_POLLING_FAILED:
        fail(PgError::fromConnectFailure(QString::fromUtf8(PQerrorMessage(m_conn.get())),
                                         PQconnectionNeedsPassword(m_conn.get()) != 0,
                                         PQconnectionUsedPassword(m_conn.get()) != 0));
        return;
    case PGRES_POLLING_OK:
    case PGRES_POLLING_ACTIVE:
        break;
    }
    if (PQstatus(m_conn.get()) != CONNECTION_OK)
        return;
    // Connected: from now on libpq must never wait to write either; a query's statements go out in one
    // pipeline (one round trip).
    if (PQsetnonblocking(m_conn.get(), 1) != 0 || PQenterPipelineMode(m_conn.get()) != 1) {
        fail(libpqError(PgError::Kind::Other, tr("libpq cannot pipeline queries."), m_conn.get()));
        return;
    }
    m_backendPid = PQbackendPID(m_conn.get());
    m_serverVersion = PQserverVersion(m_conn.get());
    m_tlsProtocol =
        PQsslInUse(m_conn.get()) ? QString::fromUtf8(PQsslAttribute(m_conn.get(), "protocol")) : QString();
    watch(Wait::Read);
    const QList<QByteArray> setup{"SET default_transaction_read_only = on",
                                  "SET statement_timeout = " +
                                      QByteArray::number(std::max(0, m_config.statementTimeoutMs))};
    m_pending.push_front({setup, nullptr, false, {}, true});
    sendNext();
}

void PgConnection::onReadable()
{
    if (!m_conn)
        return;
    if (!m_sessionReady && !m_inFlight) {
        pollConnect();
        return;
    }
    if (!PQconsumeInput(m_conn.get())) {
        fail(libpqError(PgError::Kind::Closed, tr("The connection to the server was lost."), m_conn.get()));
        return;
    }
    while (PGnotify *notify = PQnotifies(m_conn.get()))
        PQfreemem(notify);
    if (m_inFlight)
        readResults();
    else if (PQstatus(m_conn.get()) == CONNECTION_BAD)
        fail(libpqError(PgError::Kind::Closed, tr("The connection to the server was lost."), m_conn.get()));
}

void PgConnection::onWritable()
{
    if (!m_conn)
        return;
    if (!m_sessionReady && !m_inFlight)
        pollConnect();
    else
        flush();
}

void PgConnection::onConnectTimeout()
{
    if (m_state != State::Resolving && m_state != State::Connecting)
        return;
    abortLookups();
    fail({PgError::Kind::Timeout,
          tr("No connection within %1 s (connect_timeout).").arg(m_config.connectTimeoutSeconds()),
          {},
          {}});
}

void PgConnection::onQueryTimeout()
{
    fail({PgError::Kind::Timeout,
          tr("No answer from the server within %1 s: the connection is dropped and opened again.")
              .arg(m_config.queryTimeoutMs() / 1000.0),
          {},
          {}});
}

void PgConnection::sendNext()
{
    if (!m_conn || m_inFlight || m_pending.empty())
        return;
    const Pending &head = m_pending.front();
    if (!head.internal && !m_sessionReady)
        return;
    // A read-only transaction whose snapshot is taken first ("SELECT"), so that no statement can make it
    // read-write (SET TRANSACTION READ WRITE must come before any query).
    QList<QByteArray> statements = head.statements;
    m_firstResult = 0;
    if (!head.internal) {
        statements =
            QList<QByteArray>{"BEGIN READ ONLY", "SELECT"} + statements + QList<QByteArray>{"COMMIT"};
        m_firstResult = 2;
    }
    m_resultEnd = m_firstResult + int(head.statements.size());
    m_statement = 0;
    for (const QByteArray &statement : std::as_const(statements)) {
        if (!PQsendQueryParams(m_conn.get(), statement.constData(), 0, nullptr, nullptr, nullptr, nullptr,
                               0)) {
            fail(libpqError(PgError::Kind::Closed, tr("Cannot send the query."), m_conn.get()));
            return;
        }
    }
    if (!PQpipelineSync(m_conn.get())) {
        fail(libpqError(PgError::Kind::Closed, tr("Cannot send the query."), m_conn.get()));
        return;
    }
    m_statementCount = int(statements.size());
    m_inFlight = true;
    m_reply = {};
    m_queryTimer->start(m_config.queryTimeoutMs());
    flush();
}

void PgConnection::flush()
{
    if (!m_conn || !m_writeNotifier)
        return;
    const int result = PQflush(m_conn.get());
    if (result < 0) {
        fail(libpqError(PgError::Kind::Closed, tr("Cannot send the query."), m_conn.get()));
        return;
    }
    m_writeNotifier->setEnabled(result == 1);
}

void PgConnection::readResults()
{
    // Pipeline mode: each statement's results, then a null; after the last one, the sync.
    while (m_conn && !PQisBusy(m_conn.get())) {
        PGresult *result = PQgetResult(m_conn.get());
        if (!result) {
            if (++m_statement > m_statementCount)
                return; // nothing more was sent
            continue;
        }
        const ExecStatusType status = PQresultStatus(result);
        if (status == PGRES_PIPELINE_SYNC) {
            PQclear(result);
            finishQuery();
            return;
        }
        if (status == PGRES_TUPLES_OK && m_statement >= m_firstResult && m_statement < m_resultEnd) {
            m_reply.results.append(copyRows(result));
        } else if (status == PGRES_FATAL_ERROR && !m_reply.error.isError()) {
            m_reply.error = queryError(result);
        }
        PQclear(result);
    }
}

void PgConnection::finishQuery()
{
    m_queryTimer->stop();
    Pending done = std::move(m_pending.front());
    m_pending.pop_front();
    m_inFlight = false;
    PgReply reply = std::move(m_reply);
    m_reply = {};
    // A statement that failed mid-string leaves the transaction open and aborted: end it first.
    const PGTransactionStatusType transaction = PQtransactionStatus(m_conn.get());
    if (transaction == PQTRANS_INERROR || transaction == PQTRANS_INTRANS)
        m_pending.push_front({{"ROLLBACK"}, nullptr, false, {}, true});
    if (done.internal && !m_sessionReady) {
        if (reply.isError()) {
            fail(reply.error);
            return;
        }
        m_sessionReady = true;
        m_attempt = 0;
        m_connectTimer->stop();
        m_lastError = {};
        setState(State::Ready);
        sendNext();
        emit ready();
        return;
    }
    sendNext();
    if (!done.internal && (!done.hasContext || done.context))
        done.callback(reply);
}

void PgConnection::fail(PgError error)
{
    m_connectTimer->stop();
    m_queryTimer->stop();
    dropSocket();
    m_conn.reset();
    m_sessionReady = false;
    m_lastError = error;
    const QPointer<PgConnection> self(this);
    if (m_wantOpen && retryable(error.kind)) {
        scheduleReconnect();
    } else {
        m_wantOpen = false;
        setState(State::Disconnected);
    }
    emit errorOccurred(error);
    if (self)
        failAll(error);
}

void PgConnection::failAll(const PgError &error)
{
    std::deque<Pending> pending;
    pending.swap(m_pending);
    m_inFlight = false;
    m_reply = {};
    PgReply reply;
    reply.error = error;
    const QPointer<PgConnection> self(this);
    for (const Pending &p : pending) {
        if (!self)
            return;
        if (!p.internal && (!p.hasContext || p.context))
            p.callback(reply);
    }
}

void PgConnection::scheduleReconnect()
{
    const int delay = std::min(kMaxBackoffMs, kFirstBackoffMs << std::min(m_attempt, 8));
    ++m_attempt;
    setState(State::WaitingToReconnect);
    m_reconnectTimer->start(delay);
}

void PgConnection::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}
