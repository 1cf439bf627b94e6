#pragma once

#include <QList>
#include <QString>
#include <QStringList>

class InfoPoller;

// The series of one or more pollers as CSV: one row per sample time (and node), one column per series,
// empty where a series had no value; the rows of several nodes interleaved in time order.
class SeriesCsv
{
public:
    // nodes: one name per poller for a node column titled nodeColumn, or empty for none.
    static bool write(const QString &path, const QList<const InfoPoller *> &pollers, const QStringList &nodes,
                      const QString &nodeColumn);
};
