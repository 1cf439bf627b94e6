#pragma once

#include "consolerouting.h"
#include "consoletargetbar.h"
#include "redisconnection.h"
#include "sessionpage.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QMessageBox>
#include <QPointer>
#include <QStringList>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class RedisReply;

// The command console (the "Console" tab): type a command as in redis-cli, see the reply as redis-cli
// shows it.
//
// It talks through a Session of its own, opened from the page session's profile (AUTH, TLS, database,
// read-only, sentinels), so a blocking command, a transaction or SELECT never stalls or moves the other
// pages; the database it has selected is in the prompt and kept across reconnects and Stop. Lines are
// split like redis-cli (CommandLine), checked by ConsolePolicy and ConsoleRouting (asked first,
// refused with what to use instead, blocking commands given their own timeout), and run one at a time
// once the console's session knows its kind: a line typed while another runs waits its turn, and Stop
// (or Esc) drops the console's session under a command that takes too long. Replies are shown by
// ReplyFormatter (bounded), as plain text, with the time they took. History: Up/Down, the last
// kHistorySize lines kept in QSettings ("console/history"; lines with a password are not kept);
// Ctrl+L clears the output.
//
// On a cluster the target bar (ConsoleTargetBar, over Session::nodes()) chooses where commands go:
// routed by key, all masters, or one node (address, role, slots); ConsoleRouting decides, for the
// target, where a line goes or why it is refused. The console's cluster map is reloaded whenever the
// page session's changes. Its node connections also carry those map refreshes, so there blocking
// commands wait at most the command timeout minus the margin (10 s by default) and transactions are
// refused.
class ConsolePage : public SessionPage
{
    Q_OBJECT
public:
    static constexpr int kHistorySize = 500;
    static constexpr int kMaxOutputBlocks = 20000;

    using TargetMode = ConsoleTargetBar::Mode;

    // Commands go through the console's own session, made from session's profile: its SELECT and
    // blocking commands never stall the other pages; on a cluster with the target chooser.
    explicit ConsolePage(Session *session, QWidget *parent = nullptr);
    ~ConsolePage() override;

    QString title() const override;

    // Runs a line as if typed (after the lines still waiting); commandFinished() once its output is
    // complete (refused, not confirmed, answered or failed).
    void run(const QString &line);
    // Drops the queued lines and the console's session under the running command (it is made again, in
    // the database selected).
    void stop();
    bool isBusy() const { return m_busy; }

    QString outputText() const;
    void clearOutput();
    QString promptText() const;
    QLineEdit *input() const { return m_input; }
    QPlainTextEdit *output() const { return m_output; }
    QStringList history() const { return m_history; }
    // The question asked before a dangerous command (nullptr when none is open).
    QMessageBox *question() const { return m_question; }
    // The console's own session's connection to its default node (nullptr before it opens).
    RedisConnection *consoleConnection() const;

    // Cluster targets: empty unless the session's server is a cluster.
    QComboBox *targetChooser() const;
    QStringList targets() const;
    TargetMode targetMode() const;
    QByteArray targetNode() const;
    // False when there is no such target (no cluster, or no node with that id).
    bool setTarget(TargetMode mode, const QByteArray &nodeId = {});

signals:
    void commandFinished();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    // The console's own session, from the page session's profile, in database db.
    void makeSession(int db);
    void transactionLost();
    // The console's session reaches a cluster (its masters serve slots).
    bool isCluster() const;
    void submit();
    void next();
    void execute(const QString &line);
    ConsoleRouting::Context routingContext() const;
    void send(const QList<QByteArray> &args, const ConsoleRouting::Decision &decision);
    // To the console's connection, or on a cluster to the key's master or the chosen node.
    void sendTo(const QList<QByteArray> &args, int timeoutMs, RedisConnection::Callback callback);
    void ask(const QList<QByteArray> &args, const QString &echo, const ConsoleRouting::Decision &decision,
             const QString &message);
    void showReply(const QList<QByteArray> &args, const RedisReply &reply);
    void showTime();
    void finish();
    void append(const QString &text);
    void ensureOpen();
    void updatePrompt();
    void updateTargets();
    void updateBusy();
    QString targetDescription() const;
    // The first word of a line that could not be split names a command that may carry a password.
    static bool mayHoldSecret(const QString &line);
    void addHistory(const QString &line);
    void browseHistory(int step);

    Session *m_own = nullptr; // child of this: the console's own connections

    ConsoleTargetBar *m_targetBar = nullptr;
    QPlainTextEdit *m_output = nullptr;
    QLabel *m_prompt = nullptr;
    QLineEdit *m_input = nullptr;
    QPushButton *m_stop = nullptr;
    QPointer<QMessageBox> m_question;

    QStringList m_queue; // lines waiting for the running one
    bool m_busy = false;
    bool m_inTransaction = false; // MULTI answered, EXEC / DISCARD not yet
    QElapsedTimer m_clock;        // since the running command was sent

    QStringList m_history; // oldest first
    int m_historyPos = 0;  // == m_history.size(): the line being typed
    QString m_draft;       // the line being typed while browsing the history
};
