#pragma once

#include "healthadvisor.h"
#include "infosample.h"

#include <QList>
#include <QPointer>
#include <QWidget>

class InfoPoller;
class QCheckBox;
class QComboBox;
class QCustomPlot;
class QLabel;
class QTreeWidget;
class RedisConnection;

// Live health of one server: charts of ops/s, memory against maxmemory, clients, hit ratio, network and
// client-side latency from InfoPoller's 24 h history, drawn through TimeSeries::envelope so that any window
// (5 min … 24 h) replots in about the same time; a window selector, pause (then drag and wheel zoom freely),
// hover values, PNG and CSV export; and the health advisor's checks with why and how to fix.
class HealthDashboardPage : public QWidget
{
    Q_OBJECT
public:
    explicit HealthDashboardPage(RedisConnection *connection, QWidget *parent = nullptr);
    ~HealthDashboardPage() override;

    InfoPoller *poller() const { return m_poller; }
    HealthAdvisor *advisor() const { return m_advisor; }
    void setWindowSeconds(int seconds);
    // INFO poll interval (the selector follows; an interval it does not list is added to it).
    void setInterval(int ms);
    int windowSeconds() const { return m_window; }
    void setPaused(bool paused);
    // Points drawn for a series now (after the envelope), for tests.
    int drawnPoints(InfoSample::Series series) const;
    QStringList checkTexts() const;
    bool exportCsv(const QString &path) const;
    bool exportPng(const QString &path);

signals:
    void redrawn();

private:
    struct Chart
    {
        QCustomPlot *plot = nullptr;
        QList<InfoSample::Series> series;
        double scale = 1; // divide values by this (bytes -> MiB)
    };
    Chart addChart(const QString &title, const QString &unit, const QList<InfoSample::Series> &series,
                   double scale = 1);
    void redraw();
    void showChecks();
    void showHover(QCustomPlot *plot, const Chart &chart, QMouseEvent *event);

    QPointer<RedisConnection> m_connection;
    InfoPoller *m_poller = nullptr;
    HealthAdvisor *m_advisor = nullptr;
    QList<Chart> m_charts;
    int m_window = 300;
    bool m_paused = false;
    QComboBox *m_interval = nullptr;
    QComboBox *m_windowBox = nullptr;
    QCheckBox *m_pause = nullptr;
    QLabel *m_status = nullptr;
    QTreeWidget *m_checks = nullptr;
};
