#include "seriescsv.h"

#include "infopoller.h"

#include <array>
#include <QDateTime>
#include <QSaveFile>
#include <vector>

using Series = InfoSample::Series;

namespace {

// The cursors walk every series of every poller at once, in time order (a poller appends all its series
// at the same times).
void writeRows(QSaveFile &file, const QList<const InfoPoller *> &pollers, const QStringList &nodes)
{
    std::vector<std::array<qsizetype, InfoSample::SeriesCount>> next(size_t(pollers.size()));
    for (auto &cursor : next)
        cursor.fill(0);
    for (;;) {
        double time = 0;
        int at = -1;
        for (int n = 0; n < pollers.size(); ++n) {
            for (int s = 0; s < InfoSample::SeriesCount; ++s) {
                const TimeSeries &series = pollers[n]->series(Series(s));
                const qsizetype i = next[size_t(n)][size_t(s)];
                if (i < series.size() && (at < 0 || series.at(i).time < time)) {
                    time = series.at(i).time;
                    at = n;
                }
            }
        }
        if (at < 0)
            return;
        QByteArray line = QDateTime::fromMSecsSinceEpoch(qint64(time * 1000), Qt::UTC)
                              .toString(Qt::ISODateWithMs)
                              .toLatin1();
        if (!nodes.isEmpty())
            line += ',' + nodes[at].toUtf8().replace(',', ' ');
        for (int s = 0; s < InfoSample::SeriesCount; ++s) {
            const TimeSeries &series = pollers[at]->series(Series(s));
            qsizetype &i = next[size_t(at)][size_t(s)];
            line += ',';
            if (i < series.size() && series.at(i).time == time)
                line += QByteArray::number(series.at(i++).value, 'g', 12);
        }
        file.write(line + "\r\n");
    }
}

} // namespace

bool SeriesCsv::write(const QString &path, const QList<const InfoPoller *> &pollers, const QStringList &nodes,
                      const QString &nodeColumn)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    QByteArray header = "time";
    if (!nodes.isEmpty())
        header += ',' + nodeColumn.toUtf8();
    for (int s = 0; s < InfoSample::SeriesCount; ++s)
        header += ',' + InfoSample::name(Series(s)).toUtf8().replace(',', ' ');
    file.write(header + "\r\n");
    writeRows(file, pollers, nodes);
    return file.commit();
}
