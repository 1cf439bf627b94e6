#pragma once

#include "connectionconfig.h"
#include "connectionerror.h"
#include "redisreply.h"

#include <deque>
#include <functional>
#include <memory>
#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSslError>

class QSslSocket;
class QTimer;
class RespReader;

// One asynchronous connection to one Redis server (RESP2), living on the thread that owns it.
//
// Commands are lists of byte strings; they are pipelined on the socket and every callback gets its
// reply in the order the commands were sent. The socket is a QSslSocket (plain TCP unless
// config.tls). After the TCP/TLS handshake the connection authenticates (AUTH), selects the
// database and names itself (CLIENT SETNAME) before any queued command goes out.
//
// Failures never hang a caller: when the connection drops, times out or the parser fails, every
// pending callback receives a RedisReply::Failure with the reason, the socket is dropped and the
// connection reconnects with back-off (except after an authentication failure, which would only
// fail again).
class RedisConnection : public QObject
{
    Q_OBJECT
public:
    enum class State {
        Disconnected,       // idle: open() not called, close() called, or a fatal error
        Connecting,         // TCP connect / TLS handshake in progress
        Authenticating,     // AUTH / SELECT / CLIENT SETNAME in flight
        Ready,              // commands flow
        WaitingToReconnect, // back-off after a lost connection
    };
    Q_ENUM(State)

    using Callback = std::function<void(const RedisReply &)>;

    // A state as shown to people: "Connected", "Reconnecting…".
    static QString stateText(State state);

    explicit RedisConnection(ConnectionConfig config, QObject *parent = nullptr);
    ~RedisConnection() override;

    const ConnectionConfig &config() const { return m_config; }
    State state() const { return m_state; }
    bool isReady() const { return m_state == State::Ready; }
    ConnectionError lastError() const { return m_lastError; }
    int pendingCount() const;

    // Reconnect automatically after an unexpected drop (default on).
    void setAutoReconnect(bool enabled) { m_autoReconnect = enabled; }

    void open();
    // Drops the connection; pending callbacks get a Failure("connection closed").
    void close();

    // Queues a command. Commands issued while connecting wait for the handshake; while
    // disconnected or waiting to reconnect they fail at once. The callback is not called if
    // context is destroyed first (pass nullptr for none). timeoutMs: -1 = config's command
    // timeout, 0 = none (blocking commands).
    void command(const QList<QByteArray> &args, QObject *context, Callback callback, int timeoutMs = -1);

    // SELECT db; once the server accepts it, reconnects select it too (config().db follows). Commands
    // queued after this call run in the new database.
    void selectDatabase(int db, QObject *context, Callback callback);

    // For a subscriber connection: every reply is offered to the handler first, and one it consumes
    // (returns true) answers no command — pub/sub pushes such as ["message", channel, payload].
    using PushHandler = std::function<bool(const RedisReply &)>;
    void setPushHandler(PushHandler handler) { m_pushHandler = std::move(handler); }
    // Writes a command whose replies are pushes (SUBSCRIBE, UNSUBSCRIBE …): nothing waits for them.
    // Returns false (nothing sent) unless the connection is ready or refused by a read-only profile.
    bool send(const QList<QByteArray> &args);

    // Sends PING and reports the round trip in microseconds (queueing included).
    void ping(QObject *context, std::function<void(qint64 micros, const RedisReply &reply)> callback);

signals:
    void stateChanged(RedisConnection::State state);
    void databaseChanged(int db);
    void ready();
    void errorOccurred(const ConnectionError &error);

private:
    struct Pending;
    static constexpr int kReadSliceBytes = 16 * 1024; // hiredis's own read size
    void startConnect();
    bool configureTls();
    void onSocketConnected();
    void onReadyRead();
    // Hands parsed replies to the push handler or their callers; false once the connection was closed,
    // failed or deleted meanwhile.
    bool deliver(const QList<RedisReply> &replies, bool parsed);
    void onSocketError();
    void onSslErrors(const QList<QSslError> &errors);
    void onSocketDisconnected();
    void onConnectTimeout();
    void onTimeoutCheck();
    void sendHandshake();
    void onHandshakeReply(const QList<QByteArray> &args, const RedisReply &reply, bool last);
    std::shared_ptr<Pending> makePending(const QList<QByteArray> &args, QObject *context, Callback callback,
                                         int timeoutMs) const;
    void writePending(const std::shared_ptr<Pending> &pending);
    void fail(ConnectionError error, bool reconnect);
    void dropSocket();
    void failAll(const QString &message);
    void failLater(Callback callback, QObject *context, const QString &message);
    void setState(State state);
    void scheduleReconnect(int delayMs);

    ConnectionConfig m_config;
    State m_state = State::Disconnected;
    ConnectionError m_lastError;
    bool m_autoReconnect = true;
    bool m_wantOpen = false;
    int m_reconnectAttempt = 0;

    QSslSocket *m_socket = nullptr; // child of this; replaced on every connect
    quint64 m_generation = 0;       // bumped whenever the socket is dropped
    std::unique_ptr<RespReader> m_reader;
    QElapsedTimer m_clock;
    QTimer *m_connectTimer = nullptr;
    QTimer *m_reconnectTimer = nullptr;
    QTimer *m_timeoutTimer = nullptr;
    QList<QSslError> m_sslErrors;
    std::deque<std::shared_ptr<Pending>> m_sent;    // written, waiting for a reply (in order)
    std::deque<std::shared_ptr<Pending>> m_waiting; // queued until the handshake is done
    PushHandler m_pushHandler;
};
