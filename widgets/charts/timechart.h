#pragma once

#include <QColor>
#include <QList>
#include <QString>
#include <QStringList>

class QCustomPlot;
class QWidget;

// The live charts of the Health tab and the PostgreSQL panel: a clock (HH:mm) x axis, the unit on the y
// axis, a title, one graph per series name in the given colours (the default palette otherwise), a small
// legend at the top left (the newest points are at the right edge) when there are several, fast
// polylines without antialiasing, and colours that follow the theme (PlotPalette).
namespace TimeChart {
QList<QColor> defaultColours();
// Ten colours that tell lines apart (one per node of a cluster), the default palette's first.
QList<QColor> distinctColours();
QCustomPlot *create(QWidget *parent, const QString &title, const QString &unit, const QStringList &series,
                    const QList<QColor> &colours = defaultColours());
// Replaces the chart's graphs by one per name (empty data) in these colours; legend as create() does.
void setSeries(QCustomPlot *plot, const QStringList &series, const QList<QColor> &colours = defaultColours());
void setTitle(QCustomPlot *plot, const QString &title);
} // namespace TimeChart
