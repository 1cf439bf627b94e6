#pragma once

#include "infosample.h"
#include "nodepollers.h"
#include "sessionpage.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QList>

class HealthChecksPanel;
class QCheckBox;
class QComboBox;
class QCustomPlot;
class QLabel;
class QTimer;

// Live health of one server: charts of ops/s, memory against maxmemory, clients, hit ratio, network and
// client-side latency from InfoPoller's 24 h history, drawn through TimeSeries::envelope so that any window
// (5 min … 24 h) replots in about the same time; a window selector, pause (then drag and wheel zoom freely),
// hover values, PNG and CSV export; and the health advisor's checks with why and how to fix.
//
// It polls every node of the session (the one node of a single server; a cluster's masters and
// replicas) through NodePollers, which follows the topology: a node keeps its history (by id) when its
// role changes in a failover. The node chooser lists the nodes (one entry for a single server, whose
// full series are drawn); with more than one node it offers "All nodes" first — each chart draws its main
// series (ops/s, used memory, clients, hit ratio, network in, latency p99 …) once per node, legend =
// address — or one node with its full series. With more than one node the advisor's checks are listed per
// node, prefixed by its address; a check that reads the same on every node is listed once, for all nodes.
class HealthDashboardPage : public SessionPage
{
    Q_OBJECT
public:
    explicit HealthDashboardPage(Session *session, QWidget *parent = nullptr);
    ~HealthDashboardPage() override;

    QString title() const override;
    // The INFO poll interval.
    void applySettings(const AppSettings &settings) override;

    // The nodes shown, masters in slot order each followed by its replicas; one on a single server.
    QList<QByteArray> nodeIds() const;
    InfoPoller *nodePoller(const QByteArray &nodeId) const;
    HealthAdvisor *nodeAdvisor(const QByteArray &nodeId) const;
    // "address (role)" as the node chooser shows it.
    QString nodeLabel(const QByteArray &nodeId) const;
    // The node whose full series are drawn; empty = all nodes (the one node of a single server).
    void setCurrentNode(const QByteArray &nodeId);
    QByteArray currentNode() const { return m_currentNode; }
    void setWindowSeconds(int seconds);
    // INFO poll interval (the selector follows; an interval it does not list is added to it).
    void setInterval(int ms);
    // The interval every node's poller uses (also before the session is ready).
    int interval() const { return m_pollers->interval(); }
    int windowSeconds() const { return m_window; }
    void setPaused(bool paused);
    // The chart that draws a series (its graphs are one per series, or one per node with all nodes).
    QCustomPlot *plot(InfoSample::Series series) const;
    // Points drawn for a series now (after the envelope), for tests; with all nodes, the most of any node.
    int drawnPoints(InfoSample::Series series) const;
    QStringList checkTexts() const;
    // One row per sample time (and node: a node column with several nodes, every node unless one is
    // chosen).
    bool exportCsv(const QString &path) const;
    bool exportPng(const QString &path);

signals:
    void redrawn();

private:
    struct Chart
    {
        QCustomPlot *plot = nullptr;
        QString title;
        QList<InfoSample::Series> series;
        InfoSample::Series main = InfoSample::OpsPerSecond; // drawn per node with all nodes
        double scale = 1;                                   // divide values by this (bytes -> MiB)
    };
    Chart addChart(const QString &title, const QString &unit, const QList<InfoSample::Series> &series,
                   InfoSample::Series main, double scale = 1);
    bool hasManyNodes() const;
    bool showsAllNodes() const { return hasManyNodes() && m_currentNode.isEmpty(); }
    // The poller whose full series are drawn: the chosen node's, or the one node's; nullptr for all nodes
    // (or none yet).
    const InfoPoller *shownPoller() const;
    void onNodesChanged();
    void fillNodeChooser();
    void resetGraphs();
    void scheduleRedraw();
    void redraw();
    void showStatus();
    void showHover(QCustomPlot *plot, const Chart &chart, QMouseEvent *event);

    NodePollers *m_pollers = nullptr;
    QHash<QByteArray, int> m_colours; // index into TimeChart::distinctColours(), kept while a node is shown
    QByteArray m_currentNode;
    QList<Chart> m_charts;
    int m_window = 300;
    bool m_paused = false;
    QComboBox *m_nodeBox = nullptr;
    QWidget *m_nodeKey = nullptr; // All nodes: one colour key for every chart (instead of a legend each)
    QComboBox *m_interval = nullptr;
    QComboBox *m_windowBox = nullptr;
    QCheckBox *m_pause = nullptr;
    QLabel *m_status = nullptr;
    HealthChecksPanel *m_checks = nullptr;
    QElapsedTimer m_sinceRedraw;
    QTimer *m_redrawTimer = nullptr; // coalesces the samples of many nodes into one redraw
};
