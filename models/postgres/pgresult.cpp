#include "pgresult.h"

PgResult::PgResult(QList<QByteArray> columns, QList<QString> values, QList<bool> nulls)
    : m_columns(std::move(columns)), m_values(std::move(values)), m_nulls(std::move(nulls))
{}

QString PgResult::text(int row, int column) const
{
    if (row < 0 || row >= rowCount() || column < 0 || column >= columnCount())
        return {};
    return m_values.at(qsizetype(row) * m_columns.size() + column);
}

bool PgResult::isNull(int row, int column) const
{
    if (row < 0 || row >= rowCount() || column < 0 || column >= columnCount())
        return true;
    return m_nulls.at(qsizetype(row) * m_columns.size() + column);
}

QString PgResult::text(int row, const QByteArray &column) const
{
    return text(row, this->column(column));
}

std::optional<double> PgResult::number(int row, const QByteArray &column) const
{
    const int c = this->column(column);
    if (isNull(row, c))
        return std::nullopt;
    bool ok = false;
    const double value = text(row, c).toDouble(&ok);
    return ok ? std::optional<double>(value) : std::nullopt;
}

qint64 PgResult::integer(int row, const QByteArray &column) const
{
    return text(row, column).toLongLong();
}

QList<int> PgResult::integers(int row, const QByteArray &column) const
{
    QString value = text(row, column);
    QList<int> out;
    if (value.size() < 2 || !value.startsWith(QLatin1Char('{')) || !value.endsWith(QLatin1Char('}')))
        return out;
    value = value.mid(1, value.size() - 2);
    for (const QString &part : value.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        const int number = part.toInt(&ok);
        if (ok)
            out.append(number);
    }
    return out;
}
