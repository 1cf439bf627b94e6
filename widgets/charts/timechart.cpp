#include "timechart.h"

#include "chartreader.h"
#include "plotpalette.h"

#include <qcustomplot.h>

QList<QColor> TimeChart::defaultColours()
{
    return {QColor(0x1f, 0x77, 0xb4), QColor(0xe6, 0x7e, 0x22), QColor(0x2c, 0xa0, 0x2c),
            QColor(0xd6, 0x27, 0x28)};
}

QList<QColor> TimeChart::distinctColours()
{
    QList<QColor> colours = defaultColours();
    colours += {QColor(0x94, 0x67, 0xbd), QColor(0x8c, 0x56, 0x4b), QColor(0xe3, 0x77, 0xc2),
                QColor(0x7f, 0x7f, 0x7f), QColor(0xbc, 0xbd, 0x22), QColor(0x17, 0xbe, 0xcf)};
    return colours;
}

QCustomPlot *TimeChart::create(QWidget *parent, const QString &title, const QString &unit,
                               const QStringList &series, const QList<QColor> &colours)
{
    auto *plot = new QCustomPlot(parent);
    plot->setNotAntialiasedElements(QCP::aeAll);
    plot->setPlottingHint(QCP::phFastPolylines, true);
    auto ticker = QSharedPointer<QCPAxisTickerDateTime>::create();
    ticker->setDateTimeFormat(QStringLiteral("HH:mm"));
    ticker->setTickCount(4);
    plot->xAxis->setTicker(ticker);
    plot->yAxis->setLabel(unit);
    plot->plotLayout()->insertRow(0);
    plot->plotLayout()->addElement(0, 0, new QCPTextElement(plot, title));
    setSeries(plot, series, colours);
    QFont small = plot->legend->font();
    small.setPointSizeF(small.pointSizeF() * 0.8);
    plot->legend->setFont(small);
    plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
    PlotPalette::follow(plot);
    ChartReader::attach(plot, title);
    return plot;
}

void TimeChart::setSeries(QCustomPlot *plot, const QStringList &series, const QList<QColor> &colours)
{
    plot->clearGraphs();
    for (int i = 0; i < series.size(); ++i) {
        QCPGraph *graph = plot->addGraph();
        graph->setName(series.at(i));
        graph->setPen(QPen(colours.at(i % colours.size()), 1.5));
    }
    plot->legend->setVisible(series.size() > 1);
}

void TimeChart::setTitle(QCustomPlot *plot, const QString &title)
{
    plot->setAccessibleName(title);
    for (QCPLayoutElement *element : plot->plotLayout()->elements(false)) {
        if (auto *text = qobject_cast<QCPTextElement *>(element)) {
            text->setText(title);
            return;
        }
    }
}
