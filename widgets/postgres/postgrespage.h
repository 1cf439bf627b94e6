#pragma once

#include "pgconfig.h"
#include "pghealthpoller.h"
#include "pgsample.h"

#include <QList>
#include <QWidget>

class QCustomPlot;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPlainTextEdit;
class QSpinBox;
class QTableWidget;

// Live health of the PostgreSQL server behind the cache, from PgHealthPoller (its own read-only libpq
// connection, every 2 s by default): connections against max_connections minus the superuser reserve, by
// state, application and client address; sessions waiting (longest first, with blocked-by chains);
// long-running queries and long idle-in-transaction sessions (thresholds set here); per-database hit
// ratio, transactions/s, tuples, deadlocks and temp files; charts of connections by state, waiting
// sessions and transactions/s; the advisor's lines. Errors (53300, authentication, TLS …) are shown in
// the page while it keeps retrying. Everything from the server is shown as plain text.
class PostgresPage : public QWidget
{
    Q_OBJECT
public:
    static constexpr int kChartWindowSeconds = 600;

    // Starts polling at once. config: from PgConfig::parse(profile text), password set from the keychain.
    explicit PostgresPage(const PgConfig &config, QWidget *parent = nullptr);
    ~PostgresPage() override;

    PgHealthPoller *poller() const { return m_poller; }

signals:
    // After every sample has been shown.
    void refreshed();

private:
    QCustomPlot *addChart(const QString &title, const QString &unit,
                          const QList<PgHealthPoller::Series> &series);
    QTableWidget *addTable(const QString &objectName, const QStringList &headers);
    void showSample(const PgSample &sample);
    void showError(const QString &message);
    void showHeader();
    void redrawCharts(const PgSample &sample);
    void showQueryOf(QTableWidget *table);
    void applyThresholds();

    PgHealthPoller *m_poller = nullptr;
    QLabel *m_header = nullptr;
    QLabel *m_error = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_advice = nullptr;
    QComboBox *m_interval = nullptr;
    QDoubleSpinBox *m_longQuery = nullptr;
    QDoubleSpinBox *m_longIdle = nullptr;
    QSpinBox *m_pileUp = nullptr;
    QTableWidget *m_byState = nullptr;
    QTableWidget *m_byApplication = nullptr;
    QTableWidget *m_byClient = nullptr;
    QTableWidget *m_waiting = nullptr;
    QTableWidget *m_long = nullptr;
    QTableWidget *m_databases = nullptr;
    QPlainTextEdit *m_query = nullptr;
    QTableWidget *m_queryTable = nullptr; // the one whose selected query m_query shows
    struct Chart
    {
        QCustomPlot *plot = nullptr;
        QList<PgHealthPoller::Series> series;
    };
    QList<Chart> m_charts;
};
