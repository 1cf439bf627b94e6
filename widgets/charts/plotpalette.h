#pragma once

#include <QObject>

class QCustomPlot;

// Keeps a chart's background, axes, grid, titles and legend in the colours of the widget palette, now
// and whenever the palette changes (light / dark theme). Series keep their own colours.
class PlotPalette : public QObject
{
    Q_OBJECT
public:
    // Colours the plot now and follows its palette from then on (the follower is a child of the plot).
    static void follow(QCustomPlot *plot);
    static void apply(QCustomPlot *plot);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    explicit PlotPalette(QCustomPlot *plot);
};
