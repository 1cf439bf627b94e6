#include "pubsubrateplot.h"

#include "bytesescaper.h"
#include "chartreader.h"
#include "plotpalette.h"

#include <algorithm>
#include <QDateTime>
#include <QTimer>

namespace {

const QList<QColor> kRateColours{QColor(0x2e, 0x86, 0xc1), QColor(0xca, 0x6f, 0x1e),
                                 QColor(0x28, 0xb4, 0x63), QColor(0x8e, 0x44, 0xad),
                                 QColor(0xc0, 0x39, 0x2b), QColor(0x7f, 0x8c, 0x8d)};

} // namespace

PubSubRatePlot::PubSubRatePlot(QWidget *parent) : QCustomPlot(parent), m_timer(new QTimer(this))
{
    setMinimumHeight(180);
    xAxis->setLabel(tr("seconds"));
    yAxis->setLabel(tr("msg/s"));
    legend->setVisible(true);
    legend->setFont(font());
    plotLayout()->insertRow(0);
    plotLayout()->addElement(0, 0, new QCPTextElement(this, tr("Messages per second by channel")));
    PlotPalette::follow(this);
    ChartReader::attach(this, tr("Messages per second by channel"));
    m_timer->setInterval(1000);
    connect(m_timer, &QTimer::timeout, this, &PubSubRatePlot::sample);
}

void PubSubRatePlot::start()
{
    if (m_timer->isActive())
        return;
    m_start = QDateTime::currentMSecsSinceEpoch() / 1000.0;
    m_timer->start();
}

void PubSubRatePlot::sample()
{
    const double now = QDateTime::currentMSecsSinceEpoch() / 1000.0 - m_start;
    // A graph for each of the busiest channels; quiet ones get zeros.
    QList<QPair<qint64, QByteArray>> busiest;
    for (auto it = m_secondCounts.cbegin(); it != m_secondCounts.cend(); ++it)
        busiest.append({it.value(), it.key()});
    std::sort(busiest.begin(), busiest.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
    for (const auto &[count, channel] : busiest) {
        if (m_graphs.contains(channel) || m_graphs.size() >= kChannels)
            continue;
        QCPGraph *graph = addGraph();
        graph->setName(BytesEscaper::escape(channel));
        graph->setPen(QPen(kRateColours.at(m_graphs.size() % kRateColours.size()), 1.5));
        m_graphs.insert(channel, graphCount() - 1);
    }
    double top = 1;
    for (auto it = m_graphs.cbegin(); it != m_graphs.cend(); ++it) {
        QCPGraph *graph = this->graph(it.value());
        const double rate = double(m_secondCounts.value(it.key()));
        graph->addData(now, rate);
        graph->data()->removeBefore(now - kWindowSeconds);
        bool found = false;
        const QCPRange range = graph->getValueRange(found);
        if (found)
            top = std::max(top, range.upper);
    }
    m_secondCounts.clear();
    xAxis->setRange(std::max(0.0, now - kWindowSeconds), std::max(10.0, now));
    yAxis->setRange(0, top * 1.15);
    replot(QCustomPlot::rpQueuedReplot);
}
