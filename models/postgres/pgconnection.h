#pragma once

#include "pgconfig.h"
#include "pgerror.h"
#include "pgresult.h"

#include <deque>
#include <functional>
#include <memory>
#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QStringList>

class QSocketNotifier;
class QTimer;
struct pg_conn;

// One asynchronous, read-only connection to a PostgreSQL server over libpq, driven by the event loop of
// the thread that owns it: PQconnectStartParams/PQconnectPoll to connect and PQsendQueryParams (pipeline
// mode)/PQconsumeInput/PQisBusy/PQgetResult to query, each step when a QSocketNotifier on PQsocket says the
// socket is ready, so no libpq call ever waits. Host names (also in a host=a,b failover list) are resolved
// with QHostInfo first (libpq's own lookup would block) and passed as hostaddr, host staying for TLS
// verification.
//
// Read-only by construction: the session starts with default_transaction_read_only = on and the
// profile's statement_timeout; only single read statements are accepted (sent with the extended protocol,
// so the server refuses a second one after a semicolon), and they run inside BEGIN READ ONLY, whose
// snapshot is taken before them so that none can switch the transaction to read-write. (Functions with
// side effects that PostgreSQL allows in read-only transactions, such as pg_terminate_backend, are up to
// the role's privileges: the panel never calls them.)
//
// Queries run one at a time in the order issued. Failures never hang a caller: a failed connect, a
// query without an answer within config.queryTimeoutMs() or a lost connection gives every pending
// callback a reply with the error, errorOccurred fires, and the connection reconnects with back-off
// (250 ms doubling to 4 s) — except after authentication, TLS or configuration errors, which would only
// fail again (call open() to try again).
class PgConnection : public QObject
{
    Q_OBJECT
public:
    enum class State {
        Disconnected,       // open() not called, close() called, or a fatal error
        Resolving,          // host name lookup
        Connecting,         // TCP, TLS, authentication, session setup
        Ready,              // queries flow
        WaitingToReconnect, // back-off after a failure
    };
    Q_ENUM(State)

    static constexpr int kFirstBackoffMs = 250;
    static constexpr int kMaxBackoffMs = 4000;

    using Callback = std::function<void(const PgReply &)>;

    explicit PgConnection(PgConfig config, QObject *parent = nullptr);
    ~PgConnection() override;

    const PgConfig &config() const { return m_config; }
    State state() const { return m_state; }
    bool isReady() const { return m_state == State::Ready; }
    const PgError &lastError() const { return m_lastError; }

    // Connected session facts (0 / empty before the first connection).
    int backendPid() const { return m_backendPid; }
    int serverVersion() const { return m_serverVersion; } // e.g. 150004
    QString tlsProtocol() const { return m_tlsProtocol; } // empty without TLS

    void open();
    // Drops the connection; pending callbacks get an error.
    void close();

    // Queues statements, each a single SELECT, WITH, VALUES, TABLE or SHOW (anything else is refused), to
    // run in one read-only transaction, pipelined in one round trip; the reply holds each one's rows.
    // While connecting it waits; while disconnected it fails at once, asynchronously. The callback is
    // skipped if context dies first.
    void query(const QList<QByteArray> &statements, QObject *context, Callback callback);

signals:
    void stateChanged(PgConnection::State state);
    void ready();
    void errorOccurred(const PgError &error);

private:
    struct Pending
    {
        QList<QByteArray> statements;
        QPointer<QObject> context;
        bool hasContext = false;
        Callback callback;
        bool internal = false; // session setup, rollback after an error
    };
    struct ConnDeleter
    {
        void operator()(pg_conn *conn) const;
    };
    enum class Wait { Read, Write };

    void startConnect();
    void abortLookups();
    void startLibpq(const QString &hostaddr);
    void pollConnect();
    void watch(Wait wait);
    void dropSocket();
    void onReadable();
    void onWritable();
    void onConnectTimeout();
    void onQueryTimeout();
    void sendNext();
    void flush();
    void readResults();
    void finishQuery();
    void fail(PgError error);
    void failAll(const PgError &error);
    void scheduleReconnect();
    void setState(State state);

    PgConfig m_config;
    State m_state = State::Disconnected;
    PgError m_lastError;
    bool m_wantOpen = false;
    bool m_sessionReady = false; // setup done: user queries may go out
    int m_attempt = 0;
    quint64 m_lookupGeneration = 0; // answers of older lookups are ignored
    QList<int> m_lookupIds;
    QStringList m_addresses; // one hostaddr entry per host entry
    int m_unresolved = 0;
    int m_backendPid = 0;
    int m_serverVersion = 0;
    QString m_tlsProtocol;

    std::unique_ptr<pg_conn, ConnDeleter> m_conn;
    int m_fd = -1;
    QSocketNotifier *m_readNotifier = nullptr; // children, replaced when libpq changes sockets
    QSocketNotifier *m_writeNotifier = nullptr;
    QTimer *m_connectTimer = nullptr;
    QTimer *m_queryTimer = nullptr;
    QTimer *m_reconnectTimer = nullptr;

    std::deque<Pending> m_pending; // the head is in flight when m_inFlight
    bool m_inFlight = false;
    PgReply m_reply;          // being collected for the head
    int m_statement = 0;      // whose results are being read, in the pipeline sent
    int m_statementCount = 0; // in that pipeline
    int m_firstResult = 0;    // the caller's statements are [m_firstResult, m_resultEnd) of the pipeline
    int m_resultEnd = 0;
};
