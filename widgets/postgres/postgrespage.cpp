#include "postgrespage.h"

#include "pgconnection.h"
#include "timechart.h"
#include "widgetstyle.h"

#include <algorithm>
#include <QComboBox>
#include <qcustomplot.h>
#include <QDateTime>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QTabWidget>
#include <QVBoxLayout>

using Series = PgHealthPoller::Series;

namespace {

const QList<QColor> kColours{QColor(0x1f, 0x77, 0xb4), QColor(0x2c, 0xa0, 0x2c), QColor(0x7f, 0x7f, 0x7f),
                             QColor(0xe6, 0x7e, 0x22), QColor(0xd6, 0x27, 0x28)};

QString seriesName(Series series)
{
    switch (series) {
    case Series::Total:
        return PostgresPage::tr("total");
    case Series::Active:
        return PostgresPage::tr("active");
    case Series::Idle:
        return PostgresPage::tr("idle");
    case Series::IdleInTransaction:
        return PostgresPage::tr("idle in transaction");
    case Series::IdleInTransactionAborted:
        return PostgresPage::tr("idle in transaction (aborted)");
    case Series::Waiting:
        return PostgresPage::tr("waiting");
    case Series::TransactionsPerSecond:
        return PostgresPage::tr("transactions/s");
    case Series::SeriesCount:
        break;
    }
    return {};
}

QString seconds(const std::optional<double> &value)
{
    return value ? QLocale().toString(*value, 'f', 1) : QString();
}

QString rate(const std::optional<double> &value)
{
    return value ? QLocale().toString(*value, 'f', 1) : QString();
}

QString number(qint64 value)
{
    return QLocale().toString(value);
}

// Replaces the table's rows; the row showing the same first-column value stays selected.
void fill(QTableWidget *table, const QList<QStringList> &rows, const QList<int> &numericColumns = {})
{
    const QTableWidgetItem *current = table->currentItem();
    const QString selected = current ? table->item(current->row(), 0)->text() : QString();
    table->setRowCount(int(rows.size()));
    int reselect = -1;
    for (int r = 0; r < rows.size(); ++r) {
        for (int c = 0; c < rows[r].size() && c < table->columnCount(); ++c) {
            QTableWidgetItem *item = table->item(r, c);
            if (!item) {
                item = new QTableWidgetItem;
                table->setItem(r, c, item);
            }
            item->setText(rows[r][c]);
            if (numericColumns.contains(c))
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        }
        if (!selected.isEmpty() && rows[r].value(0) == selected)
            reselect = r;
    }
    if (reselect >= 0 && (!current || current->row() != reselect))
        table->setCurrentCell(reselect, 0);
}

QList<QStringList> counts(const QList<PgCount> &list)
{
    QList<QStringList> rows;
    for (const PgCount &c : list)
        rows << QStringList{c.key, number(c.count)};
    return rows;
}

} // namespace

PostgresPage::PostgresPage(const PgConfig &config, QWidget *parent)
    : QWidget(parent), m_poller(new PgHealthPoller(config, this))
{
    auto *layout = new QVBoxLayout(this);
    auto *bar = new QHBoxLayout;
    m_header = new QLabel(this);
    m_header->setObjectName(QStringLiteral("pgHeader"));
    m_header->setTextFormat(Qt::PlainText);
    m_interval = new QComboBox(this);
    for (const int ms : {1000, 2000, 5000, 10000, 30000, 60000})
        m_interval->addItem(tr("every %1 s").arg(QLocale().toString(ms / 1000)), ms);
    m_interval->setCurrentIndex(m_interval->findData(PgHealthPoller::kDefaultIntervalMs));
    const PgThresholds defaults;
    auto thresholdBox = [this](double value, const QString &objectName) {
        auto *box = new QDoubleSpinBox(this);
        box->setObjectName(objectName);
        box->setRange(0, 86400);
        box->setDecimals(1);
        box->setSuffix(tr(" s"));
        box->setValue(value);
        return box;
    };
    m_longQuery = thresholdBox(defaults.longQuerySeconds, QStringLiteral("pgLongQuery"));
    m_longIdle = thresholdBox(defaults.longIdleInTransactionSeconds, QStringLiteral("pgLongIdle"));
    m_pileUp = new QSpinBox(this);
    m_pileUp->setObjectName(QStringLiteral("pgPileUp"));
    m_pileUp->setRange(1, 10000);
    m_pileUp->setValue(defaults.idleInTransactionPileUp);
    WidgetStyle::setAccessible(m_longQuery, tr("Long query after (seconds)"));
    WidgetStyle::setAccessible(m_longIdle, tr("Long idle in transaction after (seconds)"));
    WidgetStyle::setAccessible(m_pileUp, tr("Advise when this many sessions are idle in transaction"));
    auto *reconnect = new QPushButton(tr("Reconnect"), this);
    auto label = [this](const QString &text) {
        auto *l = new QLabel(text, this);
        l->setTextFormat(Qt::PlainText);
        return l;
    };
    bar->addWidget(m_header, 1);
    bar->addWidget(label(tr("Long query after")));
    bar->addWidget(m_longQuery);
    bar->addWidget(label(tr("Long idle in transaction after")));
    bar->addWidget(m_longIdle);
    bar->addWidget(label(tr("Advise when idle in transaction ≥")));
    bar->addWidget(m_pileUp);
    bar->addWidget(m_interval);
    bar->addWidget(reconnect);
    layout->addLayout(bar);

    m_error = WidgetStyle::errorLabel(this, QStringLiteral("pgError"));
    layout->addWidget(m_error);
    m_summary = label(QString());
    m_summary->setObjectName(QStringLiteral("pgSummary"));
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);
    m_advice = label(QString());
    m_advice->setObjectName(QStringLiteral("pgAdvice"));
    m_advice->setWordWrap(true);
    m_advice->setStyleSheet(QStringLiteral("color: #b36b00"));
    layout->addWidget(m_advice);

    auto *split = new QSplitter(Qt::Vertical, this);
    auto *charts = new QWidget(split);
    auto *chartRow = new QHBoxLayout(charts);
    chartRow->setContentsMargins(0, 0, 0, 0);
    const QList<QPair<QString, QList<Series>>> chartSpecs{
        {tr("Connections by state"),
         {Series::Total, Series::Active, Series::Idle, Series::IdleInTransaction,
          Series::IdleInTransactionAborted}},
        {tr("Waiting sessions"), {Series::Waiting}},
        {tr("Transactions per second"), {Series::TransactionsPerSecond}},
    };
    const QStringList units{tr("connections"), tr("sessions"), tr("per second")};
    for (int i = 0; i < chartSpecs.size(); ++i) {
        QCustomPlot *plot = addChart(chartSpecs[i].first, units[i], chartSpecs[i].second);
        chartRow->addWidget(plot);
        m_charts.append({plot, chartSpecs[i].second});
    }

    auto *lower = new QWidget(split);
    auto *lowerLayout = new QVBoxLayout(lower);
    lowerLayout->setContentsMargins(0, 0, 0, 0);
    auto *tabs = new QTabWidget(lower);
    auto *connections = new QWidget(tabs);
    auto *connectionsLayout = new QHBoxLayout(connections);
    m_byState = addTable(QStringLiteral("pgByState"), {tr("State"), tr("Sessions")});
    m_byApplication = addTable(QStringLiteral("pgByApplication"), {tr("Application"), tr("Sessions")});
    m_byClient = addTable(QStringLiteral("pgByClient"), {tr("Client address"), tr("Sessions")});
    for (QTableWidget *table : {m_byState, m_byApplication, m_byClient})
        connectionsLayout->addWidget(table);
    tabs->addTab(connections, tr("Connections"));
    m_waiting = addTable(QStringLiteral("pgWaiting"),
                         {tr("PID"), tr("Database"), tr("User"), tr("Application"), tr("Wait type"),
                          tr("Wait event"), tr("Waiting (s)"), tr("Blocked by"), tr("Query")});
    tabs->addTab(m_waiting, tr("Waiting"));
    m_long = addTable(QStringLiteral("pgLong"),
                      {tr("PID"), tr("Kind"), tr("Database"), tr("User"), tr("Application"),
                       tr("Client address"), tr("For (s)"), tr("Query")});
    tabs->addTab(m_long, tr("Long-running"));
    m_databases = addTable(QStringLiteral("pgDatabases"),
                           {tr("Database"), tr("Backends"), tr("Hit ratio"), tr("Transactions/s"),
                            tr("Tuples returned/s"), tr("Tuples fetched/s"), tr("Deadlocks"),
                            tr("Temp files"), tr("Temp bytes")});
    tabs->addTab(m_databases, tr("Databases"));
    WidgetStyle::setAccessible(m_byState, tr("Sessions by state"));
    WidgetStyle::setAccessible(m_byApplication, tr("Sessions by application"));
    WidgetStyle::setAccessible(m_byClient, tr("Sessions by client address"));
    WidgetStyle::setAccessible(m_waiting, tr("Waiting sessions"));
    WidgetStyle::setAccessible(m_long, tr("Long-running sessions"));
    WidgetStyle::setAccessible(m_databases, tr("Databases"));
    lowerLayout->addWidget(tabs, 3);
    m_query = new QPlainTextEdit(lower);
    WidgetStyle::setAccessible(m_query, tr("Selected session's query"));
    m_query->setObjectName(QStringLiteral("pgQuery"));
    m_query->setReadOnly(true);
    m_query->setPlaceholderText(tr("Select a waiting or long-running session to read its whole query."));
    lowerLayout->addWidget(m_query, 1);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    split->setSizes({280, 420});
    layout->addWidget(split, 1);

    connect(m_interval, &QComboBox::activated, this,
            [this] { m_poller->setInterval(m_interval->currentData().toInt()); });
    for (QDoubleSpinBox *box : {m_longQuery, m_longIdle})
        connect(box, &QDoubleSpinBox::valueChanged, this, &PostgresPage::applyThresholds);
    connect(m_pileUp, &QSpinBox::valueChanged, this, &PostgresPage::applyThresholds);
    connect(reconnect, &QPushButton::clicked, this, [this] {
        m_error->clear();
        m_poller->reconnect();
    });
    for (QTableWidget *table : {m_waiting, m_long})
        connect(table, &QTableWidget::currentCellChanged, this, [this, table] {
            m_queryTable = table;
            showQueryOf(table);
        });
    connect(m_poller, &PgHealthPoller::sampled, this, &PostgresPage::showSample);
    connect(m_poller, &PgHealthPoller::failed, this, &PostgresPage::showError);
    connect(m_poller->connection(), &PgConnection::stateChanged, this, &PostgresPage::showHeader);
    showHeader();
    m_poller->start();
}

PostgresPage::~PostgresPage() = default;

QCustomPlot *PostgresPage::addChart(const QString &title, const QString &unit, const QList<Series> &series)
{
    QStringList names;
    for (const Series s : series)
        names.append(seriesName(s));
    QCustomPlot *plot = TimeChart::create(this, title, unit, names, kColours);
    plot->setMinimumSize(240, 200);
    for (int i = 0; i < series.size(); ++i)
        if (series[i] == Series::Total)
            plot->graph(i)->setPen(QPen(kColours.at(i % kColours.size()), 2.0));
    return plot;
}

QTableWidget *PostgresPage::addTable(const QString &objectName, const QStringList &headers)
{
    auto *table = new QTableWidget(0, int(headers.size()), this);
    table->setObjectName(objectName);
    table->setHorizontalHeaderLabels(headers);
    WidgetStyle::recordTable(table);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    // A query, the last column, takes the rest of the width; numbers keep theirs.
    if (headers.last() == tr("Query"))
        table->horizontalHeader()->setSectionResizeMode(int(headers.size()) - 1, QHeaderView::Stretch);
    return table;
}

void PostgresPage::applyThresholds()
{
    PgThresholds thresholds = m_poller->thresholds();
    thresholds.longQuerySeconds = m_longQuery->value();
    thresholds.longIdleInTransactionSeconds = m_longIdle->value();
    thresholds.idleInTransactionPileUp = m_pileUp->value();
    m_poller->setThresholds(thresholds);
}

void PostgresPage::showHeader()
{
    const PgConnection *connection = m_poller->connection();
    QString text = connection->config().displayName();
    switch (connection->state()) {
    case PgConnection::State::Ready: {
        const int version = connection->serverVersion();
        text = tr("PostgreSQL %1.%2 at %3").arg(version / 10000).arg(version % 10000).arg(text);
        text += QStringLiteral(" — ") + (connection->tlsProtocol().isEmpty()
                                             ? tr("no TLS")
                                             : tr("TLS %1").arg(connection->tlsProtocol()));
        break;
    }
    case PgConnection::State::Resolving:
    case PgConnection::State::Connecting:
        text = tr("Connecting to %1…").arg(text);
        break;
    case PgConnection::State::WaitingToReconnect:
        text = tr("Retrying %1…").arg(text);
        break;
    case PgConnection::State::Disconnected:
        text = tr("Not connected to %1").arg(text);
        break;
    }
    m_header->setText(text);
}

void PostgresPage::showError(const QString &message)
{
    m_error->setText(message);
}

void PostgresPage::showSample(const PgSample &sample)
{
    m_error->clear();
    const QLocale locale;
    QStringList summary{tr("Connections: %1 of %2 usable (max_connections %3, %4 reserved for superusers)")
                            .arg(sample.total)
                            .arg(sample.usableConnections())
                            .arg(sample.maxConnections)
                            .arg(sample.reservedConnections)};
    if (sample.waiting.isEmpty()) {
        summary << tr("nobody waiting");
    } else {
        const PgSession &longest = sample.waiting.constFirst();
        const std::optional<double> waited = longest.lockWait ? longest.lockWait : longest.queryAge;
        summary << tr("%1 waiting, longest %2 s (pid %3, %4)")
                       .arg(sample.waiting.size())
                       .arg(seconds(waited))
                       .arg(longest.pid)
                       .arg(longest.waitEventType);
    }
    if (sample.transactionsPerSecond)
        summary << tr("%1 transactions/s").arg(locale.toString(*sample.transactionsPerSecond, 'f', 1));
    m_summary->setText(summary.join(QStringLiteral(" — ")));
    m_advice->setText(sample.advice.join(QLatin1Char('\n')));
    m_advice->setVisible(!sample.advice.isEmpty());

    fill(m_byState, counts(sample.byState), {1});
    fill(m_byApplication, counts(sample.byApplication), {1});
    fill(m_byClient, counts(sample.byClient), {1});

    QList<QStringList> waiting;
    for (const PgSession &s : sample.waiting) {
        QStringList chain;
        const QList<int> pids = sample.blockingChain(s.pid);
        for (qsizetype i = 1; i < pids.size(); ++i)
            chain << QString::number(pids[i]);
        // The root blocker: what it is doing tells whether to wait or to end it.
        if (const PgSession *root = pids.size() > 1 ? sample.session(pids.last()) : nullptr)
            chain.last() = tr("%1 (%2 for %3 s)").arg(chain.last(), root->state, seconds(root->stateAge));
        waiting << QStringList{QString::number(s.pid),
                               s.database,
                               s.user,
                               s.application,
                               s.waitEventType,
                               s.waitEvent,
                               seconds(s.lockWait ? s.lockWait : s.queryAge),
                               chain.join(QStringLiteral(" → ")),
                               s.query};
    }
    fill(m_waiting, waiting, {0, 6});

    QList<QStringList> longRows;
    for (const PgSession &s : sample.longRunning)
        longRows << QStringList{QString::number(s.pid), tr("query"),     s.database,          s.user,
                                s.application,          s.clientAddress, seconds(s.queryAge), s.query};
    for (const PgSession &s : sample.longIdleInTransaction)
        longRows << QStringList{QString::number(s.pid), s.state,         s.database,          s.user,
                                s.application,          s.clientAddress, seconds(s.stateAge), s.query};
    fill(m_long, longRows, {0, 6});

    QList<QStringList> databases;
    for (const PgDatabaseStats &d : sample.databases) {
        const std::optional<double> ratio = d.hitRatio();
        databases << QStringList{d.name,
                                 number(d.backends),
                                 ratio ? locale.toString(*ratio * 100, 'f', 2) + QLatin1Char('%') : QString(),
                                 rate(d.transactionsPerSecond),
                                 rate(d.tuplesReturnedPerSecond),
                                 rate(d.tuplesFetchedPerSecond),
                                 number(d.deadlocks),
                                 number(d.tempFiles),
                                 locale.formattedDataSize(d.tempBytes)};
    }
    fill(m_databases, databases, {1, 2, 3, 4, 5, 6, 7, 8});
    if (m_queryTable)
        showQueryOf(m_queryTable);
    redrawCharts(sample);
    emit refreshed();
}

void PostgresPage::showQueryOf(QTableWidget *table)
{
    const int row = table->currentRow();
    const QTableWidgetItem *query = row >= 0 ? table->item(row, table->columnCount() - 1) : nullptr;
    if (query && m_query->toPlainText() != query->text())
        m_query->setPlainText(query->text());
}

void PostgresPage::redrawCharts(const PgSample &sample)
{
    const double now = double(QDateTime::currentMSecsSinceEpoch()) / 1000.0;
    const double from = now - kChartWindowSeconds;
    for (const Chart &chart : std::as_const(m_charts)) {
        double top = 0;
        for (int i = 0; i < chart.series.size(); ++i) {
            QVector<QCPGraphData> points;
            for (const TimeSeries::Point &p :
                 m_poller->series(chart.series[i])
                     .envelope(from, now, std::max(50, chart.plot->axisRect()->width()))) {
                points.append({p.time, p.value});
                top = std::max(top, p.value);
            }
            chart.plot->graph(i)->data()->set(points, true);
        }
        if (chart.series.contains(Series::Total))
            top = std::max(top, double(sample.total));
        chart.plot->xAxis->setRange(from, now);
        chart.plot->yAxis->setRange(0, top > 0 ? top * 1.15 : 1);
        chart.plot->replot(QCustomPlot::rpQueuedReplot);
    }
}
