#include "plotpalette.h"

#include <qcustomplot.h>
#include <QEvent>

PlotPalette::PlotPalette(QCustomPlot *plot) : QObject(plot)
{
    plot->installEventFilter(this);
}

void PlotPalette::follow(QCustomPlot *plot)
{
    new PlotPalette(plot); // owned by the plot
    apply(plot);
}

void PlotPalette::apply(QCustomPlot *plot)
{
    const QPalette &palette = plot->palette();
    const QColor text = palette.color(QPalette::Text);
    QColor grid = palette.color(QPalette::Mid);
    grid.setAlpha(160);
    plot->setBackground(palette.brush(QPalette::Base));
    for (QCPAxisRect *rect : plot->axisRects()) {
        rect->setBackground(Qt::NoBrush);
        for (QCPAxis *axis : rect->axes()) {
            axis->setBasePen(QPen(text, 1));
            axis->setTickPen(QPen(text, 1));
            axis->setSubTickPen(QPen(text, 1));
            axis->setTickLabelColor(text);
            axis->setLabelColor(text);
            axis->grid()->setPen(QPen(grid, 1, Qt::DotLine));
            axis->grid()->setZeroLinePen(QPen(grid, 1, Qt::SolidLine));
        }
    }
    for (QCPLayoutElement *element : plot->plotLayout()->elements(true)) {
        if (auto *title = qobject_cast<QCPTextElement *>(element))
            title->setTextColor(text);
        else if (auto *legend = qobject_cast<QCPLegend *>(element)) {
            legend->setBrush(palette.brush(QPalette::Base));
            legend->setBorderPen(QPen(palette.color(QPalette::Mid)));
            legend->setTextColor(text);
        }
    }
    plot->replot(QCustomPlot::rpQueuedReplot);
}

bool PlotPalette::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        apply(static_cast<QCustomPlot *>(watched));
    return QObject::eventFilter(watched, event);
}
