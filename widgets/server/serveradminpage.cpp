#include "serveradminpage.h"

#include "bytesescaper.h"
#include "recordtablemodel.h"
#include "redisconnection.h"
#include "serveradmin.h"
#include "serverinfo.h"
#include "widgetstyle.h"

#include <algorithm>
#include <memory>
#include <QComboBox>
#include <QDateTime>
#include <QDialog>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTabWidget>
#include <QVBoxLayout>

namespace {
QVariant number(const QString &text)
{
    bool ok = false;
    const qint64 n = text.toLongLong(&ok);
    return ok ? QVariant(n) : QVariant(text);
}
} // namespace

ServerAdminPage::ServerAdminPage(Session *session, QWidget *parent) : SessionPage(session, parent)
{
    auto *layout = new QVBoxLayout(this);
    auto *nodeBar = new QWidget(this);
    auto *nodeLayout = new QHBoxLayout(nodeBar);
    nodeLayout->setContentsMargins(0, 0, 0, 0);
    auto *nodeLabel = new QLabel(tr("Node:"), nodeBar);
    m_node = new QComboBox(nodeBar);
    m_node->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    nodeLabel->setBuddy(m_node);
    nodeLayout->addWidget(nodeLabel);
    nodeLayout->addWidget(m_node);
    nodeLayout->addStretch(1);
    layout->addWidget(nodeBar);
    connect(m_node, &QComboBox::activated, this, &ServerAdminPage::onNodeChosen);
    m_tabs = new QTabWidget(this);
    m_tabs->setDocumentMode(true);
    layout->addWidget(m_tabs);
    m_error = WidgetStyle::errorLabel(this, QStringLiteral("serverAdminError"));
    layout->addWidget(m_error);

    auto *info = new QWidget(m_tabs);
    m_views[Info] = addView(info, tr("INFO"), {tr("Section"), tr("Field"), tr("Value")}, true);
    m_tabs->addTab(info, tr("INFO"));

    auto *config = new QWidget(m_tabs);
    m_views[Config] = addView(config, tr("Configuration"), {tr("Parameter"), tr("Value")}, true);
    m_editConfig = new QPushButton(tr("Set value…"), config);
    m_editConfig->setToolTip(tr("CONFIG SET on the running server (asks first)"));
    qobject_cast<QHBoxLayout *>(config->layout()->itemAt(0)->layout())->addWidget(m_editConfig);
    connect(m_editConfig, &QPushButton::clicked, this, &ServerAdminPage::editSelectedConfig);
    connect(m_views[Config].table, &QTableView::doubleClicked, this, &ServerAdminPage::editSelectedConfig);
    m_tabs->addTab(config, tr("Configuration"));

    auto *slowlog = new QWidget(m_tabs);
    m_views[Slowlog] = addView(
        slowlog, tr("Slow log"),
        {tr("ID"), tr("Time"), tr("Duration (µs)"), tr("Command"), tr("Client"), tr("Client name")}, false);
    m_slowlogSummary = new QLabel(slowlog);
    m_slowlogSummary->setTextFormat(Qt::PlainText);
    auto *slowlogBar = qobject_cast<QHBoxLayout *>(slowlog->layout()->itemAt(0)->layout());
    slowlogBar->insertWidget(0, m_slowlogSummary, 1);
    m_resetSlowlog = new QPushButton(tr("Reset…"), slowlog);
    m_resetSlowlog->setToolTip(tr("SLOWLOG RESET (asks first)"));
    slowlogBar->addWidget(m_resetSlowlog);
    connect(m_resetSlowlog, &QPushButton::clicked, this, &ServerAdminPage::resetSlowlog);
    m_tabs->addTab(slowlog, tr("Slow log"));

    auto *clients = new QWidget(m_tabs);
    m_views[Clients] = addView(clients, tr("Clients"),
                               {tr("ID"), tr("Address"), tr("Name"), tr("User"), tr("Age (s)"),
                                tr("Idle (s)"), tr("DB"), tr("Last command"), tr("Flags")},
                               true);
    m_kill = new QPushButton(tr("Kill…"), clients);
    m_kill->setToolTip(tr("CLIENT KILL ID (asks first)"));
    qobject_cast<QHBoxLayout *>(clients->layout()->itemAt(0)->layout())->addWidget(m_kill);
    connect(m_kill, &QPushButton::clicked, this, &ServerAdminPage::killSelectedClient);
    m_tabs->addTab(clients, tr("Clients"));

    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        updateActions();
        if (isVisible() && !m_loadedOnce[index])
            load(Tab(index));
    });
    connect(session, &Session::topologyChanged, this, &ServerAdminPage::fillNodes);
    // First open, a reconnect or a Sentinel failover: the node's connection is fetched again.
    connect(session, &Session::ready, this, &ServerAdminPage::fillNodes);
    fillNodes();
    for (const View &view : m_views)
        connect(view.table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
                &ServerAdminPage::updateActions);
    updateActions();
}

void ServerAdminPage::watch(RedisConnection *connection)
{
    disconnect(m_readyConnection);
    m_connection = connection;
    m_ownClientId = -1;
    std::fill(std::begin(m_loadedOnce), std::end(m_loadedOnce), false);
    for (const View &view : m_views)
        view.model->setRows({});
    m_error->hide();
    // Loaded on the first show; shown before the connection is up, or after it came back: (re)load then.
    if (connection)
        m_readyConnection = connect(connection, &RedisConnection::ready, this, [this] {
            std::fill(std::begin(m_loadedOnce), std::end(m_loadedOnce), false);
            if (isVisible())
                load(Tab(m_tabs->currentIndex()));
        });
    updateActions();
    if (isVisible())
        load(Tab(m_tabs->currentIndex()));
}

RedisConnection *ServerAdminPage::currentConnection() const
{
    return m_connection;
}

QString ServerAdminPage::title() const
{
    return tr("Server");
}

void ServerAdminPage::fillNodes()
{
    const QSignalBlocker blocker(m_node);
    m_node->clear();
    if (session()) {
        for (const ClusterNode &node : session()->nodes())
            m_node->addItem(node.label(), node.id);
    }
    // The node chosen stays while it is in the topology; else the session's default node, or the first
    // one when the default is not among them (reached by a host name the cluster does not announce), so
    // that the node named is always the one the tables and writes are for.
    int current = m_node->findData(m_nodeId);
    if (current < 0 && session())
        current = m_node->findData(session()->defaultNodeId());
    if (current < 0 && m_node->count() > 0)
        current = 0;
    m_node->setCurrentIndex(current);
    onNodeChosen(current);
}

void ServerAdminPage::onNodeChosen(int index)
{
    m_nodeId = index >= 0 ? m_node->itemData(index).toByteArray() : QByteArray();
    RedisConnection *connection =
        session() && !m_nodeId.isEmpty() ? session()->connectionTo(m_nodeId) : nullptr;
    if (!connection || connection != m_connection)
        watch(connection);
}

ServerAdminPage::View ServerAdminPage::addView(QWidget *tab, const QString &name, const QStringList &headers,
                                               bool searchable)
{
    View view;
    auto *layout = new QVBoxLayout(tab);
    layout->setContentsMargins(0, 4, 0, 0);
    auto *bar = new QHBoxLayout;
    layout->addLayout(bar);
    if (searchable) {
        view.filter = new QLineEdit(tab);
        view.filter->setPlaceholderText(tr("Search"));
        view.filter->setClearButtonEnabled(true);
        WidgetStyle::setAccessible(view.filter, tr("Search %1").arg(name));
        bar->addWidget(view.filter, 1);
    }
    auto *refreshButton = new QPushButton(tr("Refresh"), tab);
    bar->addWidget(refreshButton);
    connect(refreshButton, &QPushButton::clicked, this, &ServerAdminPage::refresh);

    view.model = new RecordTableModel(headers, this);
    view.proxy = new QSortFilterProxyModel(this);
    view.proxy->setSourceModel(view.model);
    view.proxy->setFilterKeyColumn(-1);
    view.proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    view.table = new QTableView(tab);
    WidgetStyle::setAccessible(view.table, name);
    view.table->setModel(view.proxy);
    view.table->setSortingEnabled(true);
    view.table->sortByColumn(-1, Qt::AscendingOrder);
    WidgetStyle::recordTable(view.table);
    view.table->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(view.table);
    if (view.filter)
        connect(view.filter, &QLineEdit::textChanged, view.proxy,
                &QSortFilterProxyModel::setFilterFixedString);
    return view;
}

void ServerAdminPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    const int current = m_tabs->currentIndex();
    if (!m_loadedOnce[current])
        load(Tab(current));
}

void ServerAdminPage::showTab(Tab tab)
{
    m_tabs->setCurrentIndex(tab);
    if (!m_loadedOnce[tab])
        load(tab);
}

void ServerAdminPage::refresh()
{
    load(Tab(m_tabs->currentIndex()));
}

QTableView *ServerAdminPage::table(Tab tab) const
{
    return m_views[tab].table;
}

QLineEdit *ServerAdminPage::filter(Tab tab) const
{
    return m_views[tab].filter;
}

void ServerAdminPage::load(Tab tab)
{
    if (!m_connection || !m_connection->isReady())
        return; // ready() loads it
    m_loadedOnce[tab] = true;
    switch (tab) {
    case Info:
        m_connection->command({"INFO", "everything"}, this,
                              [this](const RedisReply &reply) { showInfo(reply); });
        break;
    case Config:
        m_connection->command({"CONFIG", "GET", "*"}, this,
                              [this](const RedisReply &reply) { showConfig(reply); });
        break;
    case Slowlog: {
        // Pipelined: the entries, how many the server keeps, and the threshold that puts a command there.
        auto replies = std::make_shared<QList<RedisReply>>();
        const QList<QList<QByteArray>> commands = {{"SLOWLOG", "GET", QByteArray::number(kSlowlogEntries)},
                                                   {"SLOWLOG", "LEN"},
                                                   {"CONFIG", "GET", "slowlog-log-slower-than"}};
        for (const QList<QByteArray> &command : commands)
            m_connection->command(command, this,
                                  [this, replies, n = commands.size()](const RedisReply &reply) {
                                      replies->append(reply);
                                      if (replies->size() == n)
                                          showSlowlog(*replies);
                                  });
        break;
    }
    case Clients:
        m_connection->command({"CLIENT", "ID"}, this, [this](const RedisReply &reply) {
            if (!reply.isError())
                m_ownClientId = reply.toInteger();
        });
        m_connection->command({"CLIENT", "LIST"}, this,
                              [this](const RedisReply &reply) { showClients(reply); });
        break;
    }
}

bool ServerAdminPage::checkReply(const RedisReply &reply)
{
    if (reply.isError()) {
        m_error->setText(reply.errorMessage());
        return false;
    }
    m_error->clear();
    return true;
}

void ServerAdminPage::showInfo(const RedisReply &reply)
{
    if (!checkReply(reply))
        return;
    const ServerInfo info = ServerInfo::parse(reply.bytes());
    QList<QVariantList> rows;
    for (const ServerInfo::Section &section : info.sections())
        for (const ServerInfo::Field &field : section.fields)
            rows.append({section.name, field.key, field.value});
    m_views[Info].model->setRows(std::move(rows));
    m_views[Info].table->resizeColumnToContents(0);
    m_views[Info].table->resizeColumnToContents(1);
    emit loaded(Info);
}

void ServerAdminPage::showConfig(const RedisReply &reply)
{
    if (!checkReply(reply))
        return;
    QList<QVariantList> rows;
    for (const auto &[name, value] : ServerAdmin::parseConfig(reply))
        rows.append({name, value});
    m_views[Config].model->setRows(std::move(rows));
    m_views[Config].table->resizeColumnToContents(0);
    emit loaded(Config);
}

void ServerAdminPage::showSlowlog(const QList<RedisReply> &replies)
{
    for (const RedisReply &reply : replies)
        if (!checkReply(reply))
            return;
    QList<QVariantList> rows;
    const QList<ServerAdmin::SlowlogEntry> entries = ServerAdmin::parseSlowlog(replies.at(0));
    for (const ServerAdmin::SlowlogEntry &entry : entries) {
        QStringList args;
        for (const QByteArray &arg : entry.args)
            args.append(BytesEscaper::escape(arg));
        rows.append(
            {entry.id,
             QDateTime::fromSecsSinceEpoch(entry.timestamp).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
             entry.micros, args.join(QLatin1Char(' ')), BytesEscaper::escape(entry.client),
             BytesEscaper::escape(entry.clientName)});
    }
    m_views[Slowlog].model->setRows(std::move(rows));
    const QList<QPair<QString, QString>> threshold = ServerAdmin::parseConfig(replies.at(2));
    m_slowlogSummary->setText(tr("%1 of %2 entries; commands slower than %3 µs are logged")
                                  .arg(entries.size())
                                  .arg(replies.at(1).toInteger())
                                  .arg(threshold.isEmpty() ? QStringLiteral("?") : threshold.first().second));
    m_views[Slowlog].table->resizeColumnsToContents();
    emit loaded(Slowlog);
}

void ServerAdminPage::showClients(const RedisReply &reply)
{
    if (!checkReply(reply))
        return;
    QList<QVariantList> rows;
    for (const QHash<QString, QString> &client : ServerAdmin::parseClientList(reply.bytes()))
        rows.append({number(client.value(QStringLiteral("id"))), client.value(QStringLiteral("addr")),
                     client.value(QStringLiteral("name")), client.value(QStringLiteral("user")),
                     number(client.value(QStringLiteral("age"))),
                     number(client.value(QStringLiteral("idle"))), number(client.value(QStringLiteral("db"))),
                     client.value(QStringLiteral("cmd")), client.value(QStringLiteral("flags"))});
    m_views[Clients].model->setRows(std::move(rows));
    m_views[Clients].table->resizeColumnsToContents();
    emit loaded(Clients);
}

QVariantList ServerAdminPage::selectedRecord(Tab tab) const
{
    const View &view = m_views[tab];
    const QModelIndexList rows = view.table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return {};
    return view.model->record(view.proxy->mapToSource(rows.first()).row());
}

void ServerAdminPage::updateActions()
{
    const bool writable = m_connection && !session()->isReadOnly();
    const QString readOnly = tr("Disabled: this connection is read-only");
    for (QPushButton *button : {m_editConfig, m_resetSlowlog, m_kill})
        button->setEnabled(writable);
    m_editConfig->setEnabled(writable && !selectedRecord(Config).isEmpty());
    m_kill->setEnabled(writable && !selectedRecord(Clients).isEmpty());
    if (!writable)
        for (QPushButton *button : {m_editConfig, m_resetSlowlog, m_kill})
            button->setToolTip(readOnly);
}

void ServerAdminPage::ask(const QString &title, const QString &text, const QList<QByteArray> &command,
                          Tab reload)
{
    if (!m_connection || session()->isReadOnly() || m_question)
        return;
    QMessageBox *box = WidgetStyle::messageBox(this, QMessageBox::Question, title, text,
                                               QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    m_question = box;
    connect(box, &QMessageBox::finished, this, [this, box, command, reload] {
        if (box->standardButton(box->clickedButton()) != QMessageBox::Yes || !m_connection)
            return;
        m_connection->command(command, this, [this, reload](const RedisReply &reply) {
            const bool ok = checkReply(reply);
            emit written(ok);
            if (ok)
                load(reload);
        });
    });
    box->open();
}

void ServerAdminPage::setConfig(const QString &name, const QString &value)
{
    QString current;
    for (int row = 0; row < m_views[Config].model->rowCount(); ++row)
        if (m_views[Config].model->record(row).value(0).toString() == name)
            current = m_views[Config].model->record(row).value(1).toString();
    ask(tr("Change configuration"),
        tr("Set “%1” from “%2” to “%3” on %4?\n\nCONFIG SET changes the running server at once; it is lost "
           "at "
           "restart unless the configuration file is rewritten (CONFIG REWRITE).")
            .arg(name, current, value, m_connection ? m_connection->config().endpoint() : QString()),
        {"CONFIG", "SET", name.toUtf8(), value.toUtf8()}, Config);
}

void ServerAdminPage::editSelectedConfig()
{
    const QVariantList record = selectedRecord(Config);
    if (record.isEmpty() || !m_editConfig->isEnabled())
        return;
    const QString name = record.value(0).toString();
    auto *dialog = new QDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Set value"));
    auto *layout = new QVBoxLayout(dialog);
    auto *label = new QLabel(tr("New value of “%1”:").arg(name), dialog);
    label->setTextFormat(Qt::PlainText);
    layout->addWidget(label);
    auto *edit = new QLineEdit(record.value(1).toString(), dialog);
    edit->setMinimumWidth(360);
    layout->addWidget(edit);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, dialog);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    connect(dialog, &QDialog::accepted, this, [this, name, edit] { setConfig(name, edit->text()); });
    dialog->open();
}

void ServerAdminPage::resetSlowlog()
{
    ask(tr("Reset slow log"),
        tr("Delete every slow log entry on %1? This cannot be undone.")
            .arg(m_connection ? m_connection->config().endpoint() : QString()),
        {"SLOWLOG", "RESET"}, Slowlog);
}

void ServerAdminPage::killClient(qint64 id)
{
    QString who;
    for (int row = 0; row < m_views[Clients].model->rowCount(); ++row) {
        const QVariantList &record = m_views[Clients].model->record(row);
        if (record.value(0).toLongLong() == id)
            who =
                tr("%1 (%2, name “%3”)").arg(id).arg(record.value(1).toString(), record.value(2).toString());
    }
    if (who.isEmpty())
        who = QString::number(id);
    QString text = tr("Disconnect client %1? Its connection is closed at once.").arg(who);
    if (id == m_ownClientId)
        text += QLatin1Char('\n') + tr("This is Keyscope's own connection: it will reconnect.");
    ask(tr("Kill client"), text, {"CLIENT", "KILL", "ID", QByteArray::number(id)}, Clients);
}

void ServerAdminPage::killSelectedClient()
{
    const QVariantList record = selectedRecord(Clients);
    if (!record.isEmpty())
        killClient(record.value(0).toLongLong());
}
