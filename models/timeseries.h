#pragma once

#include <QtGlobal>
#include <vector>

// A bounded history of (time, value) points, oldest dropped first: 24 h at 1 Hz is 86,400 points,
// 1.4 MB. Times are seconds since the Unix epoch (double), appended in increasing order.
class TimeSeries
{
public:
    static constexpr qsizetype kDefaultCapacity = 86'400;
    struct Point
    {
        double time = 0;
        double value = 0;
    };

    explicit TimeSeries(qsizetype capacity = kDefaultCapacity);

    void append(double time, double value);
    void clear();
    qsizetype size() const { return m_count; }
    qsizetype capacity() const { return qsizetype(m_points.size()); }
    bool isEmpty() const { return m_count == 0; }
    // Oldest first.
    const Point &at(qsizetype i) const { return m_points[size_t((m_head + i) % capacity())]; }
    const Point &last() const { return at(m_count - 1); }
    // Index of the first point at or after time (size() if none).
    qsizetype lowerBound(double time) const;

private:
    std::vector<Point> m_points;
    qsizetype m_head = 0;
    qsizetype m_count = 0;
};
