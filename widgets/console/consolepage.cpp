#include "consolepage.h"

#include "clusterclient.h"
#include "clustercommand.h"
#include "commandline.h"
#include "consolepolicy.h"
#include "rediscommand.h"
#include "replyformatter.h"
#include "widgetstyle.h"

#include <QComboBox>
#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

namespace {

const QString settingsHistory = QStringLiteral("console/history");

enum Role { ModeRole = Qt::UserRole, NodeRole };

QString slotsText(const QList<SlotRange> &ranges)
{
    QStringList parts;
    for (qsizetype i = 0; i < ranges.size() && i < 3; ++i)
        parts.append(ranges[i].first == ranges[i].last
                         ? QString::number(ranges[i].first)
                         : QStringLiteral("%1-%2").arg(ranges[i].first).arg(ranges[i].last));
    if (ranges.size() > 3)
        parts.append(QStringLiteral("…"));
    return parts.join(QStringLiteral(", "));
}

QString elapsedText(qint64 nanos)
{
    const double ms = double(nanos) / 1e6;
    return ms < 1000 ? ConsolePage::tr("(%1 ms)").arg(ms, 0, 'f', 2)
                     : ConsolePage::tr("(%1 s)").arg(ms / 1000, 0, 'f', 2);
}

} // namespace

ConsolePage::ConsolePage(Session *session, QWidget *parent) : SessionPage(session, parent)
{
    makeConnection(session->serverConfig());

    auto *layout = new QVBoxLayout(this);

    m_targetBar = new QWidget(this);
    auto *targetLayout = new QHBoxLayout(m_targetBar);
    targetLayout->setContentsMargins(0, 0, 0, 0);
    auto *targetLabel = new QLabel(tr("Target:"), m_targetBar);
    targetLayout->addWidget(targetLabel);
    m_targets = new QComboBox(m_targetBar);
    m_targets->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_targets->setToolTip(tr("Where commands go: routed by their keys to the master of their slot, to every "
                             "master, or to one node as is"));
    targetLabel->setBuddy(m_targets);
    targetLayout->addWidget(m_targets);
    targetLayout->addStretch(1);
    m_targetBar->hide();
    layout->addWidget(m_targetBar);
    connect(m_targets, &QComboBox::currentIndexChanged, this, &ConsolePage::updatePrompt);

    m_output = new QPlainTextEdit(this);
    m_output->setObjectName(QStringLiteral("consoleOutput"));
    m_output->setReadOnly(true);
    m_output->setUndoRedoEnabled(false);
    m_output->setMaximumBlockCount(kMaxOutputBlocks);
    // Qt's word wrapping is quadratic on long unbroken lines (a 64 KiB value): wrap anywhere.
    m_output->setWordWrapMode(QTextOption::WrapAnywhere);
    m_output->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_output->installEventFilter(this);
    layout->addWidget(m_output, 1);

    auto *inputLayout = new QHBoxLayout;
    m_prompt = new QLabel(this);
    m_prompt->setTextFormat(Qt::PlainText);
    m_prompt->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    inputLayout->addWidget(m_prompt);
    m_input = new QLineEdit(this);
    m_input->setObjectName(QStringLiteral("consoleInput"));
    m_input->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_input->setPlaceholderText(tr("Type a command, e.g. GET key (Up/Down: history, Ctrl+L: clear)"));
    m_input->installEventFilter(this);
    m_prompt->setBuddy(m_input);
    inputLayout->addWidget(m_input, 1);
    m_stop = new QPushButton(tr("Stop"), this);
    m_stop->setToolTip(tr("Stop waiting for the running command (Esc): the console's connection is dropped "
                          "and made again"));
    inputLayout->addWidget(m_stop);
    layout->addLayout(inputLayout);
    setFocusProxy(m_input);

    connect(m_input, &QLineEdit::returnPressed, this, &ConsolePage::submit);
    connect(m_stop, &QPushButton::clicked, this, &ConsolePage::stop);
    connect(session, &Session::ready, this, &ConsolePage::onSessionReady);
    if (session->isReady())
        onSessionReady();

    m_history = QSettings().value(settingsHistory).toStringList();
    if (m_history.size() > kHistorySize)
        m_history = m_history.mid(m_history.size() - kHistorySize);
    m_historyPos = int(m_history.size());

    updatePrompt();
    updateBusy();
}

ConsolePage::~ConsolePage() = default;

QString ConsolePage::title() const
{
    return tr("Console");
}

void ConsolePage::makeConnection(ConnectionConfig config)
{
    if (m_connection) {
        m_connection->disconnect(this);
        m_connection->deleteLater();
    }
    config.clientName = config.clientName.isEmpty() ? QStringLiteral("keyscope-console")
                                                    : config.clientName + QStringLiteral("-console");
    m_connection = new RedisConnection(config, this);
    connect(m_connection, &RedisConnection::databaseChanged, this, &ConsolePage::updatePrompt);
    connect(m_connection, &RedisConnection::stateChanged, this, [this](RedisConnection::State state) {
        if (state != RedisConnection::State::Ready && m_inTransaction) {
            m_inTransaction = false;
            append(tr("The connection was lost: the transaction (MULTI) was discarded by the server."));
            updatePrompt();
        }
    });
}

void ConsolePage::onSessionReady()
{
    m_placed = true;
    if (ClusterClient *client = session()->cluster()) {
        followCluster(client);
        return;
    }
    // The first connection, or a Sentinel failover: the console follows the session's server.
    if (m_connection->config().endpoint() != session()->serverConfig().endpoint()) {
        makeConnection(session()->serverConfig());
        if (isVisible())
            ensureOpen();
    }
    updatePrompt();
}

void ConsolePage::followCluster(ClusterClient *client)
{
    if (m_cluster || !client)
        return;
    m_sessionCluster = client;
    m_connection->close();
    ConnectionConfig seed = client->seedConfig();
    seed.clientName = m_connection->config().clientName;
    m_cluster = new ClusterClient(seed, this);
    connect(m_cluster, &ClusterClient::topologyChanged, this, &ConsolePage::updateTargets);
    connect(m_cluster, &ClusterClient::ready, this, &ConsolePage::next);
    connect(m_cluster, &ClusterClient::failed, this, [this](const QString &message) {
        append(tr("(error) %1").arg(message));
        next();
    });
    // The session's client reloads the map on redirections and on a timer: follow it.
    connect(client, &ClusterClient::topologyChanged, this, [this] {
        if (m_cluster->isReady())
            m_cluster->refreshTopology();
        updateTargets();
    });
    m_targetBar->show();
    updateTargets();
    if (isVisible())
        ensureOpen();
}

// ---- running lines ----

void ConsolePage::submit()
{
    const QString line = m_input->text();
    m_input->clear();
    if (!line.trimmed().isEmpty())
        addHistory(line.trimmed());
    m_historyPos = int(m_history.size());
    m_draft.clear();
    run(line);
}

void ConsolePage::run(const QString &line)
{
    m_queue.append(line);
    if (m_cluster && m_cluster->state() == ClusterClient::State::Failed)
        m_cluster->open(); // a new line is a new attempt
    QMetaObject::invokeMethod(this, &ConsolePage::next, Qt::QueuedConnection);
}

void ConsolePage::next()
{
    if (m_busy || m_question || m_queue.isEmpty())
        return;
    ensureOpen();
    if (m_cluster && m_cluster->state() == ClusterClient::State::Loading)
        return; // ready() or failed() call again
    m_busy = true;
    updateBusy();
    execute(m_queue.takeFirst());
}

void ConsolePage::finish()
{
    m_busy = false;
    updateBusy();
    emit commandFinished();
    if (!m_queue.isEmpty())
        QMetaObject::invokeMethod(this, &ConsolePage::next, Qt::QueuedConnection);
}

void ConsolePage::stop()
{
    m_queue.clear();
    if (m_question) {
        m_question->reject(); // answered No: finishes its line
        return;
    }
    if (!m_busy)
        return;
    append(tr("Stopped: the console reconnects."));
    // The running command gets a Failure (shown), which finishes it.
    if (m_cluster) {
        m_cluster->close();
        m_cluster->open();
    } else {
        m_connection->close();
        m_connection->open();
    }
}

void ConsolePage::execute(const QString &line)
{
    const CommandLine::Result split = CommandLine::split(line);
    if (split.args.isEmpty() && split.ok()) {
        finish();
        return;
    }
    // A line that cannot be split cannot be masked either: of one that may hold a password, the command only.
    const QString echo = ConsolePolicy::hasSecret(split.args)
                             ? CommandLine::join(ConsolePolicy::masked(split.args))
                         : !split.ok() && mayHoldSecret(line)
                             ? line.trimmed().section(QLatin1Char(' '), 0, 0, QString::SectionSkipEmpty) +
                                   QStringLiteral(" (hidden)")
                             : line.trimmed();
    append(promptText() + QLatin1Char(' ') + echo);
    if (!split.ok()) {
        append(tr("(error) %1").arg(split.error));
        finish();
        return;
    }
    const QList<QByteArray> &args = split.args;
    const QByteArray name = args.first().toUpper();

    const ConsolePolicy::Verdict verdict = ConsolePolicy::check(args);
    if (verdict.action == ConsolePolicy::Verdict::Action::Refuse) {
        append(tr("(refused) %1").arg(verdict.message));
        finish();
        return;
    }
    if (m_cluster && targetMode() == TargetMode::Routed) {
        // Said before any question: a routed per-node command could never run anyway.
        const ClusterCommand::Keys keys = ClusterCommand::keysOf(args);
        if (keys.kind == ClusterCommand::Keys::Kind::PerNode ||
            keys.kind == ClusterCommand::Keys::Kind::Unsupported) {
            append(tr("(refused) %1").arg(keys.reason));
            finish();
            return;
        }
        // A keyless command would run on whichever master answers first: not one that changes a server.
        if (keys.kind == ClusterCommand::Keys::Kind::Keyless &&
            verdict.action == ConsolePolicy::Verdict::Action::Ask) {
            append(tr("(refused) %1 has no key to route it by: choose the node it is for, or All masters.")
                       .arg(QString::fromLatin1(name)));
            finish();
            return;
        }
    }
    if (m_cluster && targetMode() != TargetMode::Routed &&
        (name == "MULTI" || name == "EXEC" || name == "DISCARD" || name == "WATCH" || name == "UNWATCH")) {
        // Routed, ClusterClient refuses them itself (above).
        append(tr("(refused) %1 is not available on a cluster in the console: a transaction needs a "
                  "connection of its own, and the console shares each node's connection with its "
                  "cluster map refreshes.")
                   .arg(QString::fromLatin1(name)));
        finish();
        return;
    }
    const int defaultTimeout = m_connection->config().commandTimeoutMs;
    // The map refreshes of the cluster client wait behind a blocking command on a node's connection:
    // it must end before their own timeout.
    const int clusterMaxBlockingMs = std::max(1000, defaultTimeout - ConsolePolicy::kBlockingMarginMs);
    if (m_cluster && verdict.blockingTimeoutMs - ConsolePolicy::kBlockingMarginMs > clusterMaxBlockingMs) {
        append(tr("(refused) On a cluster the console shares each node's connection with its cluster map "
                  "refreshes, so a blocking command waits %1 s at most here; give it a shorter timeout.")
                   .arg(clusterMaxBlockingMs / 1000.0));
        finish();
        return;
    }
    if (!m_cluster && m_inTransaction && name == "SELECT") {
        append(tr("(refused) SELECT inside a transaction is not supported by the console: run EXEC or "
                  "DISCARD first."));
        finish();
        return;
    }
    const int timeoutMs =
        verdict.blockingTimeoutMs > 0 ? std::max(verdict.blockingTimeoutMs, defaultTimeout) : -1;
    // A read-only connection refuses writes itself (and says so): no question for a command that
    // cannot run.
    const bool refusedAnyway = m_connection->config().readOnly && !RedisCommand::isReadOnly(args);
    if (verdict.action == ConsolePolicy::Verdict::Action::Ask && !refusedAnyway) {
        ask(args, echo, verdict.message, timeoutMs);
        return;
    }
    // A whole read of a big key: sized first, asked when big (not inside a transaction, where the size
    // would only be queued; not on all masters, where a key lives on one).
    const auto probe = ConsolePolicy::sizeProbe(args);
    if (probe && !m_inTransaction && !(m_cluster && targetMode() == TargetMode::AllMasters)) {
        sendTo(probe->command, -1,
               [this, args, echo, timeoutMs, limit = probe->limit](const RedisReply &reply) {
                   if (reply.type() == RedisReply::Type::Integer && reply.toInteger() > limit)
                       ask(args, echo, ConsolePolicy::bigReadMessage(args, reply.toInteger()), timeoutMs);
                   else // small, or the probe failed (wrong type …): the command itself says why
                       send(args, timeoutMs);
               });
        return;
    }
    send(args, timeoutMs);
}

void ConsolePage::sendTo(const QList<QByteArray> &args, int timeoutMs, RedisConnection::Callback callback)
{
    if (!m_cluster)
        m_connection->command(args, this, std::move(callback), timeoutMs);
    else if (targetMode() == TargetMode::Node)
        m_cluster->commandOnNode(targetNode(), args, this, std::move(callback), timeoutMs);
    else
        m_cluster->command(args, this, std::move(callback), timeoutMs);
}

void ConsolePage::ask(const QList<QByteArray> &args, const QString &echo, const QString &message,
                      int timeoutMs)
{
    QMessageBox *box = WidgetStyle::messageBox(
        this, QMessageBox::Question, tr("Run %1?").arg(QString::fromUtf8(args.first())),
        tr("%1\n\nRun “%2” on %3?").arg(message, echo, targetDescription()),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    m_question = box;
    connect(box, &QMessageBox::finished, this, [this, box, args, timeoutMs] {
        // Answered: no longer in the way of the next line, whenever the box itself is deleted.
        m_question = nullptr;
        if (box->standardButton(box->clickedButton()) == QMessageBox::Yes) {
            send(args, timeoutMs);
            return;
        }
        append(tr("Not run."));
        finish();
    });
    box->open();
}

void ConsolePage::send(const QList<QByteArray> &args, int timeoutMs)
{
    const auto done = [this, args](const RedisReply &reply) {
        showReply(args, reply);
        showTime();
        finish();
    };
    m_clock.start();
    if (!m_cluster) {
        bool isNumber = false;
        const int db = args.size() == 2 ? args.at(1).toInt(&isNumber) : 0;
        if (args.first().toUpper() == "SELECT" && isNumber)
            m_connection->selectDatabase(db, this, done); // followed by reconnects and the prompt
        else
            sendTo(args, timeoutMs, done);
        return;
    }
    switch (targetMode()) {
    case TargetMode::Routed:
        // A keyless command (INFO, CONFIG GET, TIME …) goes to a master: the first serving slots, named.
        if (ClusterCommand::keysOf(args).kind == ClusterCommand::Keys::Kind::Keyless) {
            for (const ClusterNode *master : m_cluster->topology().masters()) {
                if (master->isFailed() || master->slotRanges.isEmpty())
                    continue;
                append(tr("Node %1:").arg(master->endpoint()));
                m_cluster->commandOnNode(master->id, args, this, done, timeoutMs);
                return;
            }
        }
        sendTo(args, timeoutMs, done);
        return;
    case TargetMode::Node:
        sendTo(args, timeoutMs, done);
        return;
    case TargetMode::AllMasters:
        m_cluster->commandOnMasters(
            args, this,
            [this, args](const QList<ClusterClient::NodeReply> &replies) {
                const bool raw = ReplyFormatter::prefersRaw(args);
                for (const ClusterClient::NodeReply &nodeReply : replies) {
                    append(tr("Node %1:").arg(nodeReply.endpoint));
                    append(ReplyFormatter::format(nodeReply.reply, {}, raw));
                }
                showTime();
                finish();
            },
            timeoutMs);
        return;
    }
}

void ConsolePage::showReply(const QList<QByteArray> &args, const RedisReply &reply)
{
    append(ReplyFormatter::format(reply, {}, ReplyFormatter::prefersRaw(args)));
    if (m_cluster)
        return;
    const QByteArray name = args.first().toUpper();
    if (name == "MULTI" && reply == RedisReply::status("OK"))
        m_inTransaction = true;
    else if ((name == "EXEC" || name == "DISCARD") && !reply.isFailure())
        m_inTransaction = false;
    updatePrompt();
}

void ConsolePage::showTime()
{
    append(elapsedText(m_clock.nsecsElapsed()));
}

void ConsolePage::append(const QString &text)
{
    m_output->appendPlainText(text);
}

QString ConsolePage::outputText() const
{
    return m_output->toPlainText();
}

void ConsolePage::clearOutput()
{
    m_output->clear();
}

// ---- connection, prompt, targets ----

void ConsolePage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    ensureOpen();
}

void ConsolePage::ensureOpen()
{
    if (!m_placed)
        return; // onSessionReady() says where to connect first
    if (m_cluster) {
        if (m_cluster->state() == ClusterClient::State::Closed)
            m_cluster->open();
        return;
    }
    const RedisConnection::State state = m_connection->state();
    if (state == RedisConnection::State::Disconnected || state == RedisConnection::State::WaitingToReconnect)
        m_connection->open(); // commands issued now wait for the handshake
}

QString ConsolePage::promptText() const
{
    if (m_cluster) {
        switch (targetMode()) {
        case TargetMode::Routed:
            return tr("cluster>");
        case TargetMode::AllMasters:
            return tr("all masters>");
        case TargetMode::Node:
            if (const ClusterNode *node = m_cluster->topology().node(targetNode()))
                return node->endpoint() + QLatin1Char('>');
            if (m_sessionCluster)
                if (const ClusterNode *node = m_sessionCluster->topology().node(targetNode()))
                    return node->endpoint() + QLatin1Char('>');
            return QStringLiteral(">");
        }
    }
    const ConnectionConfig &config = m_connection->config();
    QString prompt = config.endpoint();
    if (config.db != 0)
        prompt += QStringLiteral("[%1]").arg(config.db);
    if (m_inTransaction)
        prompt += QStringLiteral("(TX)");
    return prompt + QLatin1Char('>');
}

void ConsolePage::updatePrompt()
{
    m_prompt->setText(promptText());
}

QString ConsolePage::targetDescription() const
{
    if (!m_cluster)
        return m_connection->config().endpoint() + (m_connection->config().db != 0
                                                        ? tr(" (database %1)").arg(m_connection->config().db)
                                                        : QString());
    switch (targetMode()) {
    case TargetMode::Routed:
        return tr("the master of its keys' slot");
    case TargetMode::AllMasters:
        return tr("every master of the cluster");
    case TargetMode::Node:
        return m_targets->currentText();
    }
    return {};
}

void ConsolePage::updateTargets()
{
    if (!m_cluster)
        return;
    const ClusterTopology &topology = !m_cluster->topology().isEmpty() || !m_sessionCluster
                                          ? m_cluster->topology()
                                          : m_sessionCluster->topology();
    const TargetMode mode = targetMode();
    const QByteArray current = targetNode();
    const QSignalBlocker blocker(m_targets);
    m_targets->clear();
    m_targets->addItem(tr("Routed by key"));
    m_targets->setItemData(0, int(TargetMode::Routed), ModeRole);
    m_targets->addItem(tr("All masters"));
    m_targets->setItemData(1, int(TargetMode::AllMasters), ModeRole);
    const auto addNode = [this](const ClusterNode &node, const QString &role) {
        QString text = QStringLiteral("%1 · %2").arg(node.endpoint(), role);
        if (node.isFailed())
            text += QStringLiteral(" · ") + tr("failed");
        m_targets->addItem(text);
        const int index = m_targets->count() - 1;
        m_targets->setItemData(index, int(TargetMode::Node), ModeRole);
        m_targets->setItemData(index, node.id, NodeRole);
    };
    QList<QByteArray> listed;
    for (const ClusterNode *master : topology.masters()) {
        addNode(*master, master->slotRanges.isEmpty()
                             ? tr("master, no slots")
                             : tr("master, slots %1").arg(slotsText(master->slotRanges)));
        listed.append(master->id);
        for (const ClusterNode *replica : topology.replicasOf(master->id)) {
            addNode(*replica, tr("replica of %1").arg(master->endpoint()));
            listed.append(replica->id);
        }
    }
    for (const ClusterNode &other : topology.nodes())
        if (!listed.contains(other.id))
            addNode(other, other.isReplica() ? tr("replica") : tr("node"));
    int index = 0;
    if (mode == TargetMode::AllMasters)
        index = 1;
    else if (mode == TargetMode::Node)
        index = m_targets->findData(current, NodeRole);
    if (index < 0) {
        // The chosen node left the map: it stays the target (its commands fail) until the user picks
        // another, rather than quietly becoming "Routed by key".
        m_targets->addItem(tr("%1 · no longer in the cluster").arg(QString::fromLatin1(current.left(8))));
        index = m_targets->count() - 1;
        m_targets->setItemData(index, int(TargetMode::Node), ModeRole);
        m_targets->setItemData(index, current, NodeRole);
        if (m_goneNode != current)
            append(tr("The node chosen (%1) is no longer in the cluster: choose another target.")
                       .arg(QString::fromLatin1(current.left(8))));
        m_goneNode = current;
    }
    m_targets->setCurrentIndex(index);
    updatePrompt();
}

QStringList ConsolePage::targets() const
{
    QStringList texts;
    for (int i = 0; i < m_targets->count(); ++i)
        texts.append(m_targets->itemText(i));
    return m_cluster ? texts : QStringList();
}

ConsolePage::TargetMode ConsolePage::targetMode() const
{
    const QVariant mode = m_targets->currentData(ModeRole);
    return mode.isValid() ? TargetMode(mode.toInt()) : TargetMode::Routed;
}

QByteArray ConsolePage::targetNode() const
{
    return targetMode() == TargetMode::Node ? m_targets->currentData(NodeRole).toByteArray() : QByteArray();
}

bool ConsolePage::setTarget(TargetMode mode, const QByteArray &nodeId)
{
    if (!m_cluster)
        return false;
    const int index = mode == TargetMode::Routed       ? 0
                      : mode == TargetMode::AllMasters ? 1
                                                       : m_targets->findData(nodeId, NodeRole);
    if (index < 0 || index >= m_targets->count())
        return false;
    m_targets->setCurrentIndex(index);
    return true;
}

void ConsolePage::updateBusy()
{
    m_stop->setEnabled(m_busy);
}

// ---- history and keys ----

bool ConsolePage::mayHoldSecret(const QString &line)
{
    return ConsolePolicy::mayCarrySecret(
        line.trimmed().section(QLatin1Char(' '), 0, 0, QString::SectionSkipEmpty).toUtf8());
}

void ConsolePage::addHistory(const QString &line)
{
    const CommandLine::Result split = CommandLine::split(line);
    if (ConsolePolicy::hasSecret(split.args) || (!split.ok() && mayHoldSecret(line)))
        return;
    if (m_history.isEmpty() || m_history.last() != line)
        m_history.append(line);
    if (m_history.size() > kHistorySize)
        m_history.remove(0, m_history.size() - kHistorySize);
    QSettings().setValue(settingsHistory, m_history);
}

void ConsolePage::browseHistory(int step)
{
    const int target = m_historyPos + step;
    if (target < 0 || target > m_history.size())
        return;
    if (m_historyPos == m_history.size())
        m_draft = m_input->text();
    m_historyPos = target;
    m_input->setText(target == m_history.size() ? m_draft : m_history.at(target));
}

bool ConsolePage::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::KeyPress && (watched == m_input || watched == m_output)) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_L && key->modifiers() == Qt::ControlModifier) {
            clearOutput();
            return true;
        }
        if (key->key() == Qt::Key_Escape && m_busy) {
            stop();
            return true;
        }
        if (watched == m_input && (key->modifiers() & ~Qt::KeypadModifier) == Qt::NoModifier &&
            (key->key() == Qt::Key_Up || key->key() == Qt::Key_Down)) {
            browseHistory(key->key() == Qt::Key_Up ? -1 : 1);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}
