#pragma once

#include "serverinfo.h"
#include "sessionpage.h"

#include <QPointer>

class QCPGraph;
class QCustomPlot;
class QGridLayout;
class QLabel;
class QProgressBar;
class QTableWidget;
class QTimer;
class QTreeWidget;
struct ConnectionError;

// The first page of a connection: what the server is and how it is doing, from INFO polled every
// two seconds (one request in flight at most). Everything shown comes from the server and is
// rendered as plain text. While the connection is down the page says why and greys out the last
// values it had.
class ServerOverviewPage : public SessionPage
{
    Q_OBJECT
public:
    // INFO of the session's default node; the banner follows the session's state.
    explicit ServerOverviewPage(Session *session, QWidget *parent = nullptr);

    QString title() const override;

    static constexpr int pollIntervalMs = 2000;

    const ServerInfo &info() const { return m_info; }
    // Sends INFO to the default node now unless a request is already in flight or the session is not
    // ready.
    void refresh();

signals:
    // Every successful INFO, after the page shows it.
    void infoUpdated(const ServerInfo &info);

private:
    QLabel *addTile(QGridLayout *grid, int row, int column, const QString &caption);
    void onStateChanged();
    void onError(const ConnectionError &error);
    void showInfo(const ServerInfo &info);
    void showBanner(const QString &text);
    void updateChart(const ServerInfo &info);
    void updateDetails(const ServerInfo &info);

    ServerInfo m_info;
    bool m_inFlight = false;
    QTimer *m_timer = nullptr;

    QLabel *m_title = nullptr;
    QLabel *m_banner = nullptr;
    QWidget *m_content = nullptr;
    QLabel *m_version = nullptr;
    QLabel *m_mode = nullptr;
    QLabel *m_role = nullptr;
    QLabel *m_uptime = nullptr;
    QLabel *m_memory = nullptr;
    QProgressBar *m_memoryBar = nullptr;
    QLabel *m_clients = nullptr;
    QLabel *m_ops = nullptr;
    QLabel *m_hitRatio = nullptr;
    QCustomPlot *m_plot = nullptr;
    QCPGraph *m_opsGraph = nullptr;
    QCPGraph *m_memoryGraph = nullptr;
    QTableWidget *m_keyspace = nullptr;
    QTreeWidget *m_details = nullptr;
};
