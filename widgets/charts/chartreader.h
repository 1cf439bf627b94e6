#pragma once

#include <QObject>
#include <QString>

class QCustomPlot;

// Makes a QCustomPlot speak: an accessible name, a description of the figures it shows, rewritten after every
// replot (each line's latest value, minimum and maximum; each bar's label and value), and a keyboard path to
// the same figures as text: the chart takes focus with Tab, and Ctrl+C or its context menu's "Copy figures"
// copies them. Owned by the plot.
class ChartReader : public QObject
{
    Q_OBJECT
public:
    static ChartReader *attach(QCustomPlot *plot, const QString &name);

    // The figures as text, as the description has them.
    static QString figures(QCustomPlot *plot);

private:
    explicit ChartReader(QCustomPlot *plot);
    void update();

    QCustomPlot *m_plot;
    QString m_last;
};
