#pragma once

#include "nodepollers.h"

#include <QStringList>
#include <QWidget>
#include <vector>

class QTreeWidget;

// The health advisor's checks beside the health charts: one line per check with its status, why it
// matters and how to fix it (below, for the line selected), and "Check again". With more than one node
// the checks are listed per node, prefixed by the node's address; a check that reads the same on every
// node is listed once, for all nodes.
class HealthChecksPanel : public QWidget
{
    Q_OBJECT
public:
    explicit HealthChecksPanel(QWidget *parent = nullptr);

    // The checks of every node's advisor, as they are now.
    void showChecks(const std::vector<NodePollers::Node> &nodes);
    // "title: status" per line.
    QStringList checkTexts() const;
    // Wide enough for the checks (and node addresses), without forcing that width on a small window.
    QSize sizeHint() const override;

signals:
    void recheckRequested();

private:
    QTreeWidget *m_checks = nullptr;
    int m_preferredWidth = 0;
};
