#pragma once

#include "pubsuboverview.h"

#include <QGroupBox>

class QLabel;
class QTableWidget;
class Session;

// The Pub/Sub page's "Channels on the server" box: what PubSubOverview found on every node (channel,
// kind, subscribers, node(s)), sorted, and the pattern subscriptions, on Refresh.
class PubSubOverviewPanel : public QGroupBox
{
    Q_OBJECT
public:
    explicit PubSubOverviewPanel(Session *session, QWidget *parent = nullptr);

    void refresh();
    QTableWidget *table() const { return m_table; }

signals:
    void refreshed();

private:
    void showChannels(const QList<PubSubOverview::Channel> &channels, qint64 patterns,
                      const QStringList &errors);

    PubSubOverview *m_query = nullptr;
    QTableWidget *m_table = nullptr;
    QLabel *m_patternCount = nullptr;
};
