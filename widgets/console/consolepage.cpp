#include "consolepage.h"

#include "clustertopology.h"
#include "commandline.h"
#include "consolepolicy.h"
#include "consolerouting.h"
#include "consoletargetbar.h"
#include "replyformatter.h"
#include "session.h"
#include "widgetstyle.h"

#include <algorithm>
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

using Route = ConsoleRouting::Decision::Route;

QString elapsedText(qint64 nanos)
{
    const double ms = double(nanos) / 1e6;
    return ms < 1000 ? ConsolePage::tr("(%1 ms)").arg(ms, 0, 'f', 2)
                     : ConsolePage::tr("(%1 s)").arg(ms / 1000, 0, 'f', 2);
}

} // namespace

ConsolePage::ConsolePage(Session *session, QWidget *parent) : SessionPage(session, parent)
{
    makeSession(session->profile().db);

    auto *layout = new QVBoxLayout(this);

    m_targetBar = new ConsoleTargetBar(this);
    m_targetBar->hide();
    layout->addWidget(m_targetBar);
    connect(m_targetBar, &ConsoleTargetBar::targetChanged, this, &ConsolePage::updatePrompt);
    connect(m_targetBar, &ConsoleTargetBar::chosenNodeGone, this, [this](const QString &shortId) {
        append(tr("The node chosen (%1) is no longer in the cluster: choose another target.").arg(shortId));
    });

    m_output = new QPlainTextEdit(this);
    WidgetStyle::setAccessible(m_output, tr("Console output"));
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
    // The session reloads a cluster's map on redirections and on a timer: the console's follows it.
    connect(session, &Session::topologyChanged, this, [this] {
        if (m_own->isReady())
            m_own->refreshTopology();
    });

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

void ConsolePage::makeSession(int db)
{
    if (m_own) {
        m_own->disconnect(this);
        m_own->close();
        m_own->deleteLater();
    }
    ConnectionConfig profile = session()->profile();
    profile.clientName = profile.clientName.isEmpty() ? QStringLiteral("keyscope-console")
                                                      : profile.clientName + QStringLiteral("-console");
    profile.db = db;
    m_own = new Session(profile, this);
    connect(m_own, &Session::databaseChanged, this, &ConsolePage::updatePrompt);
    connect(m_own, &Session::stateChanged, this, [this](Session::State state) {
        if (state != Session::State::Ready)
            transactionLost();
        // Lines wait until the console's session knows its kind; a failure lets them fail.
        if (state == Session::State::Ready || state == Session::State::Failed)
            next();
        updatePrompt();
    });
    connect(m_own, &Session::ready, this, &ConsolePage::updateTargets);
    connect(m_own, &Session::topologyChanged, this, &ConsolePage::updateTargets);
}

void ConsolePage::transactionLost()
{
    if (!m_inTransaction)
        return;
    m_inTransaction = false;
    append(tr("The connection was lost: the transaction (MULTI) was discarded by the server."));
    updatePrompt();
}

bool ConsolePage::isCluster() const
{
    // A standalone server is one node without slots; a cluster's masters serve them.
    const QList<ClusterNode> nodes = m_own->nodes();
    return std::any_of(nodes.cbegin(), nodes.cend(),
                       [](const ClusterNode &node) { return !node.slotRanges.isEmpty(); });
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
    if (m_own->state() == Session::State::Failed)
        m_own->close(); // a new line is a new attempt: ensureOpen() opens again
    QMetaObject::invokeMethod(this, &ConsolePage::next, Qt::QueuedConnection);
}

void ConsolePage::next()
{
    if (m_busy || m_question || m_queue.isEmpty())
        return;
    ensureOpen();
    if (m_own->state() == Session::State::Connecting)
        return; // the state change calls again
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
    // The running command gets a Failure (shown), which finishes it; a new session keeps the database
    // the console selected.
    const int db = m_own->serverConfig().db;
    transactionLost();
    makeSession(db);
    ensureOpen();
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
    const ConsoleRouting::Decision decision = ConsoleRouting::decide(args, routingContext());
    if (decision.route == Route::Refuse) {
        append(tr("(refused) %1").arg(decision.message));
        finish();
        return;
    }
    if (decision.ask) {
        ask(args, echo, decision, decision.message);
        return;
    }
    if (decision.sizeFirst) {
        const auto probe = ConsolePolicy::sizeProbe(args);
        sendTo(probe->command, -1,
               [this, args, echo, decision, limit = probe->limit](const RedisReply &reply) {
                   if (reply.type() == RedisReply::Type::Integer && reply.toInteger() > limit)
                       ask(args, echo, decision, ConsolePolicy::bigReadMessage(args, reply.toInteger()));
                   else // small, or the probe failed (wrong type …): the command itself says why
                       send(args, decision);
               });
        return;
    }
    send(args, decision);
}

ConsoleRouting::Context ConsolePage::routingContext() const
{
    ConsoleRouting::Context context;
    if (isCluster()) {
        switch (targetMode()) {
        case TargetMode::Routed:
            context.target = ConsoleRouting::Target::Routed;
            break;
        case TargetMode::AllMasters:
            context.target = ConsoleRouting::Target::AllMasters;
            break;
        case TargetMode::Node:
            context.target = ConsoleRouting::Target::Node;
            break;
        }
    }
    context.inTransaction = m_inTransaction;
    context.readOnly = m_own->isReadOnly();
    context.commandTimeoutMs = m_own->profile().commandTimeoutMs;
    return context;
}

void ConsolePage::sendTo(const QList<QByteArray> &args, int timeoutMs, RedisConnection::Callback callback)
{
    if (isCluster() && targetMode() == TargetMode::Node)
        m_own->commandOn(targetNode(), args, this, std::move(callback), timeoutMs);
    else
        m_own->command(args, this, std::move(callback), timeoutMs);
}

void ConsolePage::ask(const QList<QByteArray> &args, const QString &echo,
                      const ConsoleRouting::Decision &decision, const QString &message)
{
    QMessageBox *box = WidgetStyle::messageBox(
        this, QMessageBox::Question, tr("Run %1?").arg(QString::fromUtf8(args.first())),
        tr("%1\n\nRun “%2” on %3?").arg(message, echo, targetDescription()),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    m_question = box;
    connect(box, &QMessageBox::finished, this, [this, box, args, decision] {
        // Answered: no longer in the way of the next line, whenever the box itself is deleted.
        m_question = nullptr;
        if (box->standardButton(box->clickedButton()) == QMessageBox::Yes) {
            send(args, decision);
            return;
        }
        append(tr("Not run."));
        finish();
    });
    box->open();
}

void ConsolePage::send(const QList<QByteArray> &args, const ConsoleRouting::Decision &decision)
{
    const auto done = [this, args](const RedisReply &reply) {
        showReply(args, reply);
        showTime();
        finish();
    };
    const int timeoutMs = decision.timeoutMs;
    m_clock.start();
    switch (decision.route) {
    case Route::Refuse:
        return; // refused before
    case Route::Select:
        if (RedisConnection *connection = m_own->connection())
            connection->selectDatabase(args.at(1).toInt(), this,
                                       done); // followed by reconnects and the prompt
        else
            sendTo(args, timeoutMs, done);
        return;
    case Route::FirstMaster:
        // A keyless command (INFO, CONFIG GET, TIME …) goes to a master: the first serving slots, named.
        for (const ClusterNode *master : ClusterTopology::mastersOf(m_own->nodes())) {
            if (master->isFailed() || master->slotRanges.isEmpty())
                continue;
            append(tr("Node %1:").arg(master->endpoint()));
            m_own->commandOn(master->id, args, this, done, timeoutMs);
            return;
        }
        sendTo(args, timeoutMs, done);
        return;
    case Route::Server:
    case Route::Routed:
    case Route::Node:
        sendTo(args, timeoutMs, done);
        return;
    case Route::AllMasters:
        m_own->commandOnMasters(
            args, this,
            [this, args](const QList<Session::NodeReply> &replies) {
                const bool raw = ReplyFormatter::prefersRaw(args);
                for (const Session::NodeReply &nodeReply : replies) {
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
    if (isCluster())
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
    // Commands issued while it connects wait for its state change.
    if (m_own->state() == Session::State::Closed) {
        m_own->open();
        return;
    }
    // Dropped by the server: reconnect now rather than after the back-off (commands issued now wait for
    // the handshake).
    RedisConnection *connection = m_own->connection();
    if (connection && (connection->state() == RedisConnection::State::Disconnected ||
                       connection->state() == RedisConnection::State::WaitingToReconnect))
        connection->open();
}

QString ConsolePage::promptText() const
{
    if (isCluster()) {
        switch (targetMode()) {
        case TargetMode::Routed:
            return tr("cluster>");
        case TargetMode::AllMasters:
            return tr("all masters>");
        case TargetMode::Node:
            for (const ClusterNode &node : m_own->nodes())
                if (node.id == targetNode())
                    return node.endpoint() + QLatin1Char('>');
            return QStringLiteral(">");
        }
    }
    const ConnectionConfig config = m_own->serverConfig();
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
    if (!isCluster()) {
        const ConnectionConfig config = m_own->serverConfig();
        return config.endpoint() + (config.db != 0 ? tr(" (database %1)").arg(config.db) : QString());
    }
    switch (targetMode()) {
    case TargetMode::Routed:
        return tr("the master of its keys' slot");
    case TargetMode::AllMasters:
        return tr("every master of the cluster");
    case TargetMode::Node:
        return m_targetBar->currentText();
    }
    return {};
}

void ConsolePage::updateTargets()
{
    if (!isCluster())
        return;
    m_targetBar->setNodes(m_own->nodes());
    m_targetBar->show();
    updatePrompt();
}

QStringList ConsolePage::targets() const
{
    return isCluster() ? m_targetBar->targets() : QStringList();
}

QComboBox *ConsolePage::targetChooser() const
{
    return m_targetBar->chooser();
}

ConsolePage::TargetMode ConsolePage::targetMode() const
{
    return m_targetBar->mode();
}

QByteArray ConsolePage::targetNode() const
{
    return m_targetBar->node();
}

bool ConsolePage::setTarget(TargetMode mode, const QByteArray &nodeId)
{
    return isCluster() && m_targetBar->setTarget(mode, nodeId);
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

RedisConnection *ConsolePage::consoleConnection() const
{
    return m_own->connection();
}
