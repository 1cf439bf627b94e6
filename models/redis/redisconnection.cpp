#include "redisconnection.h"

#include "calllater.h"
#include "rediscommand.h"
#include "respreader.h"

#include <algorithm>
#include <QFile>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslSocket>
#include <QTimer>

struct RedisConnection::Pending
{
    QList<QByteArray> args;
    QPointer<QObject> context;
    bool hasContext = false;
    Callback callback;
    qint64 deadlineMs = 0; // on m_clock; 0 = none
};

namespace {
constexpr int kMaxReconnectDelayMs = 10000;
constexpr int kFirstReconnectDelayMs = 250;
constexpr int kTimeoutCheckMs = 100;
} // namespace

RedisConnection::RedisConnection(ConnectionConfig config, QObject *parent)
    : QObject(parent), m_config(std::move(config)), m_reader(std::make_unique<RespReader>()),
      m_connectTimer(new QTimer(this)), m_reconnectTimer(new QTimer(this)), m_timeoutTimer(new QTimer(this))
{
    m_clock.start();
    m_connectTimer->setSingleShot(true);
    m_reconnectTimer->setSingleShot(true);
    m_timeoutTimer->setInterval(kTimeoutCheckMs);
    connect(m_connectTimer, &QTimer::timeout, this, &RedisConnection::onConnectTimeout);
    connect(m_reconnectTimer, &QTimer::timeout, this, &RedisConnection::startConnect);
    connect(m_timeoutTimer, &QTimer::timeout, this, &RedisConnection::onTimeoutCheck);
}

RedisConnection::~RedisConnection()
{
    // No callbacks from a dying connection: their owners may be half-destroyed too.
    m_sent.clear();
    m_waiting.clear();
    dropSocket();
}

QString RedisConnection::stateText(State state)
{
    switch (state) {
    case State::Disconnected:
        return tr("Disconnected");
    case State::Connecting:
        return tr("Connecting…");
    case State::Authenticating:
        return tr("Authenticating…");
    case State::Ready:
        return tr("Connected");
    case State::WaitingToReconnect:
        return tr("Reconnecting…");
    }
    return {};
}

int RedisConnection::pendingCount() const
{
    return int(m_sent.size() + m_waiting.size());
}

void RedisConnection::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

void RedisConnection::open()
{
    m_wantOpen = true;
    if (m_state == State::Disconnected || m_state == State::WaitingToReconnect) {
        m_reconnectTimer->stop();
        startConnect();
    }
}

void RedisConnection::close()
{
    m_wantOpen = false;
    m_reconnectTimer->stop();
    m_connectTimer->stop();
    dropSocket();
    setState(State::Disconnected);
    failAll(tr("The connection to %1 was closed.").arg(m_config.endpoint()));
}

void RedisConnection::startConnect()
{
    dropSocket();
    m_reader->reset();
    m_sslErrors.clear();
    m_socket = new QSslSocket(this);
    connect(m_socket, &QSslSocket::readyRead, this, &RedisConnection::onReadyRead);
    connect(m_socket, &QSslSocket::errorOccurred, this, &RedisConnection::onSocketError);
    connect(m_socket, &QSslSocket::disconnected, this, &RedisConnection::onSocketDisconnected);
    setState(State::Connecting);
    m_connectTimer->start(std::max(1, m_config.connectTimeoutMs));
    m_timeoutTimer->start();

    if (!m_config.tls) {
        connect(m_socket, &QSslSocket::connected, this, &RedisConnection::onSocketConnected);
        m_socket->connectToHost(m_config.host, m_config.port);
        return;
    }
    if (!configureTls())
        return;
    connect(m_socket, &QSslSocket::encrypted, this, &RedisConnection::onSocketConnected);
    connect(m_socket, &QSslSocket::sslErrors, this, &RedisConnection::onSslErrors);
    const QString peerName = m_config.serverName.isEmpty() ? m_config.host : m_config.serverName;
    m_socket->connectToHostEncrypted(m_config.host, m_config.port, peerName);
}

bool RedisConnection::configureTls()
{
    if (!QSslSocket::supportsSsl()) {
        fail({ConnectionError::Kind::TlsHandshake, tr("TLS is not available: Qt found no TLS backend (%1).")
                                                       .arg(QSslSocket::sslLibraryBuildVersionString())},
             false);
        return false;
    }
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setPeerVerifyMode(m_config.verifyPeer ? QSslSocket::VerifyPeer : QSslSocket::VerifyNone);
    if (!m_config.caFile.isEmpty()) {
        const auto cas = QSslCertificate::fromPath(m_config.caFile, QSsl::Pem);
        if (cas.isEmpty()) {
            fail({ConnectionError::Kind::TlsHandshake,
                  tr("Cannot read a PEM certificate from the CA file %1.").arg(m_config.caFile)},
                 false);
            return false;
        }
        tls.setCaCertificates(cas);
    }
    if (!m_config.certFile.isEmpty() || !m_config.keyFile.isEmpty()) {
        const auto certs = QSslCertificate::fromPath(m_config.certFile, QSsl::Pem);
        QFile keyFile(m_config.keyFile);
        QSslKey key;
        if (keyFile.open(QIODevice::ReadOnly)) {
            const QByteArray pem = keyFile.readAll();
            for (const auto algorithm : {QSsl::Rsa, QSsl::Ec, QSsl::Dsa}) {
                key = QSslKey(pem, algorithm, QSsl::Pem);
                if (!key.isNull())
                    break;
            }
        }
        if (certs.isEmpty() || key.isNull()) {
            fail({ConnectionError::Kind::TlsHandshake,
                  certs.isEmpty()
                      ? tr("Cannot read the client certificate %1 (PEM expected).").arg(m_config.certFile)
                      : tr("Cannot read the client key %1 (unencrypted PEM, RSA or EC, expected).")
                            .arg(m_config.keyFile)},
                 false);
            return false;
        }
        tls.setLocalCertificate(certs.first());
        tls.setPrivateKey(key);
    }
    m_socket->setSslConfiguration(tls);
    if (!m_config.serverName.isEmpty())
        m_socket->setPeerVerifyName(m_config.serverName);
    return true;
}

void RedisConnection::onSslErrors(const QList<QSslError> &errors)
{
    // Not ignored: verification failures abort the handshake; keep them to explain why.
    m_sslErrors = errors;
}

void RedisConnection::onSocketConnected()
{
    m_connectTimer->stop();
    setState(State::Authenticating);
    sendHandshake();
}

void RedisConnection::sendHandshake()
{
    QList<QList<QByteArray>> steps;
    if (!m_config.password.isEmpty()) {
        if (m_config.username.isEmpty())
            steps.append({"AUTH", m_config.password.toUtf8()});
        else
            steps.append({"AUTH", m_config.username.toUtf8(), m_config.password.toUtf8()});
    }
    if (m_config.db != 0)
        steps.append({"SELECT", QByteArray::number(m_config.db)});
    // Always end with a command that needs authentication, so NOAUTH shows up here and not later.
    if (!m_config.clientName.isEmpty())
        steps.append({"CLIENT", "SETNAME", m_config.clientName.toUtf8()});
    else
        steps.append({"PING"});

    const quint64 generation = m_generation;
    for (qsizetype i = 0; i < steps.size(); ++i) {
        const bool last = i + 1 == steps.size();
        const auto args = steps[i];
        writePending(makePending(
            args, this,
            [this, args, last, generation](const RedisReply &reply) {
                if (generation == m_generation)
                    onHandshakeReply(args, reply, last);
            },
            m_config.connectTimeoutMs));
    }
}

void RedisConnection::onHandshakeReply(const QList<QByteArray> &args, const RedisReply &reply, bool last)
{
    if (reply.isFailure())
        return; // the connection failure is being reported already
    const QByteArray name = args.first();
    if (reply.isError()) {
        const QByteArray text = reply.bytes();
        if (text.startsWith("WRONGPASS") || text.startsWith("NOAUTH") || text.contains("invalid password") ||
            text.contains("invalid username")) {
            const QString who =
                m_config.username.isEmpty() ? tr("the default user") : tr("user “%1”").arg(m_config.username);
            const QString message =
                text.startsWith("NOAUTH")
                    ? tr("%1 requires a password (NOAUTH): set one in the connection profile.")
                          .arg(m_config.endpoint())
                    : tr("Authentication as %1 failed: wrong user name or password (%2).")
                          .arg(who, reply.errorMessage());
            fail({ConnectionError::Kind::AuthFailed, message}, false);
            return;
        }
        if (name == "AUTH" && text.contains("without any password configured")) {
            // The server has no password: carry on, the profile's password is simply unused.
        } else if (name == "SELECT") {
            fail({ConnectionError::Kind::Protocol,
                  tr("Cannot select database %1: %2").arg(m_config.db).arg(reply.errorMessage())},
                 false);
            return;
        }
        // CLIENT SETNAME may be refused by proxies; that is not worth failing over.
    }
    if (!last)
        return;
    setState(State::Ready);
    m_reconnectAttempt = 0;
    m_lastError = {};
    emit ready();
    if (m_state != State::Ready)
        return; // a slot closed the connection
    auto waiting = std::move(m_waiting);
    m_waiting.clear();
    for (auto &pending : waiting)
        writePending(pending);
}

std::shared_ptr<RedisConnection::Pending> RedisConnection::makePending(const QList<QByteArray> &args,
                                                                       QObject *context, Callback callback,
                                                                       int timeoutMs) const
{
    auto pending = std::make_shared<Pending>();
    pending->args = args;
    pending->context = context;
    pending->hasContext = context != nullptr;
    pending->callback = std::move(callback);
    const int timeout = timeoutMs < 0 ? m_config.commandTimeoutMs : timeoutMs;
    pending->deadlineMs = timeout > 0 ? m_clock.elapsed() + timeout : 0;
    return pending;
}

void RedisConnection::writePending(const std::shared_ptr<Pending> &pending)
{
    const bool idle = m_sent.empty();
    m_sent.push_back(pending);
    m_socket->write(RedisCommand::encode(pending->args));
    // The first command after a quiet spell goes out now (a SCAN issued from a reply callback should
    // reach the server while we process that reply); the rest of a burst is flushed by the event loop.
    if (idle)
        m_socket->flush();
    if (!m_timeoutTimer->isActive())
        m_timeoutTimer->start();
}

bool RedisConnection::send(const QList<QByteArray> &args)
{
    if (args.isEmpty() || m_state != State::Ready || (m_config.readOnly && !RedisCommand::isReadOnly(args)))
        return false;
    m_socket->write(RedisCommand::encode(args));
    m_socket->flush();
    return true;
}

void RedisConnection::command(const QList<QByteArray> &args, QObject *context, Callback callback,
                              int timeoutMs)
{
    if (args.isEmpty()) {
        failLater(std::move(callback), context, tr("Empty command."));
        return;
    }
    if (m_config.readOnly && !RedisCommand::isReadOnly(args)) {
        failLater(std::move(callback), context,
                  tr("%1 is refused: this connection is read-only.").arg(RedisCommand::describe(args)));
        return;
    }
    switch (m_state) {
    case State::Disconnected:
    case State::WaitingToReconnect: {
        QString message = tr("Not connected to %1.").arg(m_config.endpoint());
        if (m_lastError.isError())
            message += QLatin1Char(' ') + m_lastError.message;
        failLater(std::move(callback), context, message);
        return;
    }
    case State::Connecting:
    case State::Authenticating:
        m_waiting.push_back(makePending(args, context, std::move(callback), timeoutMs));
        if (!m_timeoutTimer->isActive())
            m_timeoutTimer->start();
        return;
    case State::Ready:
        writePending(makePending(args, context, std::move(callback), timeoutMs));
        return;
    }
}

void RedisConnection::selectDatabase(int db, QObject *context, Callback callback)
{
    // The connection itself is the context: the database must follow even if the caller is gone.
    command({"SELECT", QByteArray::number(db)}, this,
            [this, db, guard = QPointer<QObject>(context), hasContext = context != nullptr,
             callback = std::move(callback)](const RedisReply &reply) {
                if (reply == RedisReply::status("OK") && m_config.db != db) {
                    m_config.db = db;
                    emit databaseChanged(db);
                }
                if (!hasContext || guard)
                    callback(reply);
            });
}

void RedisConnection::ping(QObject *context, std::function<void(qint64, const RedisReply &)> callback)
{
    QElapsedTimer timer;
    timer.start();
    command({"PING"}, context, [timer, callback = std::move(callback)](const RedisReply &reply) {
        callback(timer.nsecsElapsed() / 1000, reply);
    });
}

void RedisConnection::failLater(Callback callback, QObject *context, const QString &message)
{
    callLater(this, context,
              [callback = std::move(callback), message] { callback(RedisReply::failure(message)); });
}

void RedisConnection::onReadyRead()
{
    // Parsed a slice at a time: hiredis moves the unparsed rest of its buffer down after every KiB it
    // consumes, so feeding it everything a flood left in the socket at once (megabytes) costs time
    // quadratic in the backlog, and the slower the reader gets the bigger the backlog grows. A slice also
    // bounds the replies held before they are handed on.
    char slice[kReadSliceBytes];
    const quint64 generation = m_generation;
    while (m_socket && generation == m_generation && m_socket->bytesAvailable() > 0) {
        const qint64 size = m_socket->read(slice, sizeof slice);
        if (size <= 0)
            return;
        m_reader->feed(slice, size);
        QList<RedisReply> replies;
        const bool ok = m_reader->takeReplies(replies);
        if (!deliver(replies, ok))
            return;
    }
}

bool RedisConnection::deliver(const QList<RedisReply> &replies, bool parsed)
{
    QPointer<RedisConnection> self(this);
    const quint64 generation = m_generation;
    for (const RedisReply &reply : replies) {
        if (m_pushHandler && m_state == State::Ready) {
            const bool consumed = m_pushHandler(reply);
            if (!self || generation != m_generation)
                return false;
            if (consumed)
                continue;
        }
        if (m_sent.empty()) {
            fail({ConnectionError::Kind::Protocol,
                  tr("Protocol error: %1 sent a reply nobody asked for.").arg(m_config.endpoint())},
                 true);
            return false;
        }
        const auto pending = std::move(m_sent.front());
        m_sent.pop_front();
        if (!pending->hasContext || pending->context)
            pending->callback(reply);
        if (!self || generation != m_generation)
            return false; // the callback closed or deleted the connection
    }
    if (!parsed) {
        // Typically hiredis's nesting limit (e.g. COMMAND DOCS without arguments): the stream
        // cannot be resynchronised, so drop it and reconnect at once.
        QString message = m_reader->errorString();
        if (!m_sent.empty())
            message = tr("%1 failed: %2").arg(RedisCommand::describe(m_sent.front()->args), message);
        fail({ConnectionError::Kind::Protocol, message}, true);
        return false;
    }
    return true;
}

void RedisConnection::onConnectTimeout()
{
    if (m_config.tls && m_socket && m_socket->state() == QAbstractSocket::ConnectedState &&
        !m_socket->isEncrypted()) {
        fail({ConnectionError::Kind::TlsHandshake,
              tr("TLS handshake with %1 timed out: the server does not seem to speak TLS on this port "
                 "(use a redis:// URL for a plain connection).")
                  .arg(m_config.endpoint())},
             true);
        return;
    }
    fail({ConnectionError::Kind::Timeout, tr("Could not connect to %1 within %2 s.")
                                              .arg(m_config.endpoint())
                                              .arg(m_config.connectTimeoutMs / 1000.0)},
         true);
}

void RedisConnection::onTimeoutCheck()
{
    if (m_sent.empty() && m_waiting.empty()) {
        if (m_state != State::Connecting && m_state != State::Authenticating)
            m_timeoutTimer->stop();
        return;
    }
    const qint64 now = m_clock.elapsed();
    // Commands that were never written can time out alone.
    for (auto it = m_waiting.begin(); it != m_waiting.end();) {
        if ((*it)->deadlineMs && (*it)->deadlineMs <= now) {
            const auto pending = *it;
            it = m_waiting.erase(it);
            failLater(pending->callback, pending->hasContext ? pending->context.data() : nullptr,
                      tr("%1 timed out while connecting to %2.")
                          .arg(RedisCommand::describe(pending->args), m_config.endpoint()));
        } else {
            ++it;
        }
    }
    // A written command that times out leaves the stream out of step: reset the connection.
    for (const auto &pending : m_sent) {
        if (pending->deadlineMs && pending->deadlineMs <= now) {
            fail({ConnectionError::Kind::Timeout,
                  tr("%1 got no reply from %2 in time; the connection was reset.")
                      .arg(RedisCommand::describe(pending->args), m_config.endpoint())},
                 true);
            return;
        }
    }
}

void RedisConnection::onSocketError()
{
    if (!m_socket)
        return;
    const auto socketError = m_socket->error();
    const QString detail = m_socket->errorString();
    ConnectionError error;
    bool reconnect = true;
    switch (socketError) {
    case QAbstractSocket::ConnectionRefusedError:
        error = {ConnectionError::Kind::Refused,
                 tr("Connection refused by %1: is Redis running there, and is the port right?")
                     .arg(m_config.endpoint())};
        break;
    case QAbstractSocket::HostNotFoundError:
        error = {ConnectionError::Kind::HostNotFound,
                 tr("Host “%1” not found (DNS lookup failed): check the host name.").arg(m_config.host)};
        break;
    case QAbstractSocket::SocketTimeoutError:
        error = {ConnectionError::Kind::Timeout,
                 tr("Network timeout talking to %1.").arg(m_config.endpoint())};
        break;
    case QAbstractSocket::RemoteHostClosedError:
        onSocketDisconnected();
        return;
    case QAbstractSocket::SslHandshakeFailedError:
    case QAbstractSocket::SslInternalError:
    case QAbstractSocket::SslInvalidUserDataError:
        reconnect = false; // the same certificates fail the same way
        if (!m_sslErrors.isEmpty()) {
            QStringList reasons;
            for (const QSslError &e : std::as_const(m_sslErrors))
                reasons.append(e.errorString());
            reasons.removeDuplicates();
            error = {ConnectionError::Kind::TlsVerification,
                     tr("TLS certificate verification of %1 failed: %2. Check the CA file and server name, "
                        "or (only for testing) turn verification off in the profile.")
                         .arg(m_config.endpoint(), reasons.join(QStringLiteral("; ")))};
        } else {
            error = {
                ConnectionError::Kind::TlsHandshake,
                tr("TLS handshake with %1 failed: %2. Does the server speak TLS on this port, and does it "
                   "require a client certificate?")
                    .arg(m_config.endpoint(), detail)};
        }
        break;
    default:
        error = {ConnectionError::Kind::Network,
                 tr("Network error with %1: %2").arg(m_config.endpoint(), detail)};
        break;
    }
    fail(error, reconnect);
}

void RedisConnection::onSocketDisconnected()
{
    if (!m_socket)
        return;
    QString message;
    if (m_state == State::Connecting || m_state == State::Authenticating) {
        message = m_config.tls
                      ? tr("%1 closed the connection during the TLS session set-up: it may require a "
                           "client certificate, or not speak TLS on this port.")
                            .arg(m_config.endpoint())
                      : tr("%1 closed the connection during set-up: if it expects TLS, use a "
                           "rediss:// URL.")
                            .arg(m_config.endpoint());
    } else {
        message = tr("%1 closed the connection.").arg(m_config.endpoint());
    }
    fail({ConnectionError::Kind::Closed, message}, true);
}

void RedisConnection::dropSocket()
{
    ++m_generation;
    if (!m_socket)
        return;
    QSslSocket *socket = std::exchange(m_socket, nullptr);
    socket->disconnect(this);
    socket->abort();
    socket->deleteLater();
}

void RedisConnection::fail(ConnectionError error, bool reconnect)
{
    m_connectTimer->stop();
    dropSocket();
    m_lastError = error;
    if (reconnect && m_autoReconnect && m_wantOpen) {
        // A protocol error is not the server's state: reconnect at once.
        scheduleReconnect(error.kind == ConnectionError::Kind::Protocol ? 0 : -1);
    } else {
        m_wantOpen = false;
        setState(State::Disconnected);
    }
    QPointer<RedisConnection> self(this);
    emit errorOccurred(error);
    if (self)
        failAll(error.message);
}

void RedisConnection::failAll(const QString &message)
{
    auto sent = std::move(m_sent);
    auto waiting = std::move(m_waiting);
    m_sent.clear();
    m_waiting.clear();
    QPointer<RedisConnection> self(this);
    for (auto *list : {&sent, &waiting}) {
        for (const auto &pending : *list) {
            if (!pending->hasContext || pending->context)
                pending->callback(RedisReply::failure(message));
            if (!self)
                return;
        }
    }
}

void RedisConnection::scheduleReconnect(int delayMs)
{
    if (delayMs < 0) {
        delayMs = std::min(kMaxReconnectDelayMs, kFirstReconnectDelayMs << std::min(m_reconnectAttempt, 6));
        ++m_reconnectAttempt;
    }
    setState(State::WaitingToReconnect);
    m_reconnectTimer->start(delayMs);
}
