#pragma once

#include "pgerror.h"

#include <optional>
#include <QByteArray>
#include <QList>
#include <QString>

// The rows of one SELECT in libpq's text format, copied out of the PGresult (a value type).
class PgResult
{
public:
    PgResult() = default;
    PgResult(QList<QByteArray> columns, QList<QString> values, QList<bool> nulls);

    int rowCount() const { return m_columns.isEmpty() ? 0 : int(m_values.size() / m_columns.size()); }
    int columnCount() const { return int(m_columns.size()); }
    int column(const QByteArray &name) const { return int(m_columns.indexOf(name)); }

    QString text(int row, int column) const;
    bool isNull(int row, int column) const;
    // By column name; a null or missing value reads as empty / nullopt.
    QString text(int row, const QByteArray &column) const;
    std::optional<double> number(int row, const QByteArray &column) const;
    qint64 integer(int row, const QByteArray &column) const;
    // A PostgreSQL integer array in text form ("{12,34}").
    QList<int> integers(int row, const QByteArray &column) const;

private:
    QList<QByteArray> m_columns;
    QList<QString> m_values; // row-major
    QList<bool> m_nulls;
};

// What one query string gave: the result of every SELECT in it, in order, or the first error.
struct PgReply
{
    PgError error;
    QList<PgResult> results;

    bool isError() const { return error.isError(); }
};
