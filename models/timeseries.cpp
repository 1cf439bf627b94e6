#include "timeseries.h"

TimeSeries::TimeSeries(qsizetype capacity) : m_points(size_t(std::max<qsizetype>(1, capacity))) {}

void TimeSeries::append(double time, double value)
{
    if (m_count < capacity()) {
        m_points[size_t((m_head + m_count) % capacity())] = {time, value};
        ++m_count;
    } else {
        m_points[size_t(m_head)] = {time, value};
        m_head = (m_head + 1) % capacity();
    }
}

void TimeSeries::clear()
{
    m_head = 0;
    m_count = 0;
}

qsizetype TimeSeries::lowerBound(double time) const
{
    qsizetype low = 0;
    qsizetype high = m_count;
    while (low < high) {
        const qsizetype mid = (low + high) / 2;
        if (at(mid).time < time)
            low = mid + 1;
        else
            high = mid;
    }
    return low;
}
