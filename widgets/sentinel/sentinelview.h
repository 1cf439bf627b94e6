#pragma once

#include "sentinelstate.h"

#include <QColor>
#include <QWidget>

class QLabel;
class QTreeWidget;
class QTreeWidgetItem;

// What the sentinels know about a monitored master, from a SentinelState: three groups (masters,
// the master's replicas, the other sentinels), each entry with its name, address, flags as
// Sentinel spells them (master, slave, sentinel, s_down, o_down, failover_in_progress,
// disconnected …), the time since its last good ping reply and the figures that matter for its
// role (replicas, other sentinels and quorum of a master, failover state; the link and master of
// a replica). Entries that are down are shown in the error colour, a failover in progress (and
// a disconnected entry) in the warning colour, and the summary line says so. Everything from the
// server is plain text. The view never talks to a server: a page feeds it from
// SentinelClient::fetchState().
class SentinelView : public QWidget
{
    Q_OBJECT
public:
    enum Column { NameColumn, AddressColumn, FlagsColumn, PingColumn, DetailsColumn, ColumnCount };

    explicit SentinelView(QWidget *parent = nullptr);
    ~SentinelView() override;

    // Replaces what is shown and clears an error.
    void setState(const SentinelState &state);
    const SentinelState &state() const { return m_state; }
    // Shows why the state could not be read (the last state stays).
    void setError(const QString &message);

    QTreeWidget *tree() const { return m_tree; }
    QLabel *summaryLabel() const { return m_summary; }
    // The group items (masters, replicas, sentinels), for tests.
    QTreeWidgetItem *mastersItem() const { return m_masters; }
    QTreeWidgetItem *replicasItem() const { return m_replicas; }
    QTreeWidgetItem *sentinelsItem() const { return m_sentinels; }

    static QColor downColour();
    static QColor warningColour();

private:
    void addNode(QTreeWidgetItem *group, const SentinelState::Node &node);
    void updateSummary();

    SentinelState m_state;
    QString m_error;
    QLabel *m_summary = nullptr;
    QTreeWidget *m_tree = nullptr;
    QTreeWidgetItem *m_masters = nullptr;
    QTreeWidgetItem *m_replicas = nullptr;
    QTreeWidgetItem *m_sentinels = nullptr;
};
