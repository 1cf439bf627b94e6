#pragma once

#include <qcustomplot.h>
#include <QHash>

class QTimer;

// Messages per second of the busiest channels (up to kChannels graphs), sampled every second over the
// last kWindowSeconds, from start() on.
class PubSubRatePlot : public QCustomPlot
{
    Q_OBJECT
public:
    static constexpr int kWindowSeconds = 120;
    static constexpr int kChannels = 6;

    explicit PubSubRatePlot(QWidget *parent = nullptr);

    // Starts sampling (once; later calls do nothing).
    void start();
    // One message on channel in the current second.
    void count(const QByteArray &channel) { ++m_secondCounts[channel]; }

private:
    void sample();

    QTimer *m_timer = nullptr;
    QHash<QByteArray, qint64> m_secondCounts; // messages per channel in the current second
    QHash<QByteArray, int> m_graphs;          // channel -> graph index
    double m_start = 0;
};
