#include "chartreader.h"

#include <QAction>
#include <QClipboard>
#include <qcustomplot.h>
#include <QGuiApplication>
#include <QLocale>

namespace {

QString number(double value)
{
    return QLocale().toString(value, 'g', 4);
}

QString unitOf(const QCPAbstractPlottable *plottable)
{
    const QString unit = plottable->valueAxis() ? plottable->valueAxis()->label() : QString();
    return unit.isEmpty() ? QString() : QLatin1Char(' ') + unit;
}

QString graphText(const QCPGraph *graph)
{
    const QSharedPointer<QCPGraphDataContainer> data = graph->data();
    if (data->isEmpty())
        return ChartReader::tr("%1: no data yet").arg(graph->name());
    double low = data->constBegin()->value;
    double high = low;
    for (auto it = data->constBegin(); it != data->constEnd(); ++it) {
        low = std::min(low, it->value);
        high = std::max(high, it->value);
    }
    const QString unit = unitOf(graph);
    return ChartReader::tr("%1: latest %2%5, lowest %3, highest %4 over %n point(s)", nullptr, data->size())
        .arg(graph->name(), number((data->constEnd() - 1)->value), number(low), number(high), unit);
}

QString barsText(const QCPBars *bars)
{
    const auto ticker =
        bars->keyAxis() ? bars->keyAxis()->ticker().dynamicCast<QCPAxisTickerText>() : nullptr;
    QStringList parts;
    const QSharedPointer<QCPBarsDataContainer> data = bars->data();
    for (auto it = data->constBegin(); it != data->constEnd() && parts.size() < 20; ++it) {
        const QString label =
            ticker && ticker->ticks().contains(it->key) ? ticker->ticks().value(it->key) : number(it->key);
        parts.append(QStringLiteral("%1 %2").arg(QString(label).replace(QLatin1Char('\n'), QLatin1Char(' ')),
                                                 number(it->value)));
    }
    const QString name = bars->name().isEmpty() ? ChartReader::tr("Bars") : bars->name();
    if (parts.isEmpty())
        return ChartReader::tr("%1: no data yet").arg(name);
    return QStringLiteral("%1%2: %3").arg(name, unitOf(bars), parts.join(QStringLiteral(", ")));
}

} // namespace

ChartReader::ChartReader(QCustomPlot *plot) : QObject(plot), m_plot(plot)
{
    plot->setFocusPolicy(Qt::StrongFocus);
    auto *copy = new QAction(tr("Copy figures"), plot);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetShortcut);
    connect(copy, &QAction::triggered, this,
            [this] { QGuiApplication::clipboard()->setText(figures(m_plot)); });
    plot->addAction(copy);
    plot->setContextMenuPolicy(Qt::ActionsContextMenu);
    connect(plot, &QCustomPlot::afterReplot, this, &ChartReader::update);
}

ChartReader *ChartReader::attach(QCustomPlot *plot, const QString &name)
{
    plot->setAccessibleName(name);
    auto *reader = new ChartReader(plot);
    reader->update();
    return reader;
}

QString ChartReader::figures(QCustomPlot *plot)
{
    QStringList lines;
    for (int i = 0; i < plot->plottableCount(); ++i) {
        const QCPAbstractPlottable *plottable = plot->plottable(i);
        if (!plottable->visible())
            continue;
        if (const auto *graph = qobject_cast<const QCPGraph *>(plottable))
            lines.append(graphText(graph));
        else if (const auto *bars = qobject_cast<const QCPBars *>(plottable))
            lines.append(barsText(bars));
    }
    if (lines.isEmpty())
        return tr("No figures yet (0 series).");
    return lines.join(QStringLiteral("; ")) + QLatin1Char('.');
}

void ChartReader::update()
{
    const QString text = figures(m_plot);
    if (text == m_last)
        return;
    m_last = text;
    m_plot->setAccessibleDescription(text);
}
