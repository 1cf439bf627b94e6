#pragma once

#include <QByteArray>
#include <QList>

// A demo keyspace that looks like the data of apps using Redis as cache, session store, queue and
// event bus (a few thousand keys). Generated in code, deterministic for a given seed.
namespace DemoData {
// The commands that create it, to be pipelined on one connection (FLUSHDB is not included).
QList<QList<QByteArray>> commands(quint32 seed = 42);
// gzip (RFC 1952) of data, as apps store compressed cache values.
QByteArray gzip(const QByteArray &data);
} // namespace DemoData
