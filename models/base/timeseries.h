#pragma once

#include <limits>
#include <QtGlobal>
#include <vector>

// A bounded history of (time, value) points, oldest dropped first: 24 h at 1 Hz is 86,400 points,
// 1.4 MB once full. The storage grows with the points (an hour of them takes 58 kB), so that a
// cluster's dozens of series cost what their history holds, not a day each from the first sample.
// Times are seconds since the Unix epoch (double), appended in increasing order.
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
    qsizetype capacity() const { return m_capacity; }
    bool isEmpty() const { return m_count == 0; }
    // Oldest first.
    const Point &at(qsizetype i) const { return m_points[size_t((m_head + i) % capacity())]; }
    const Point &last() const { return at(m_count - 1); }
    // Index of the first point at or after time (size() if none).
    qsizetype lowerBound(double time) const;
    // What a chart needs to draw [from, to] on about `buckets` pixels: every point when there are at most
    // 2 x buckets of them, else each bucket's minimum and maximum in time order (spikes survive). Windows
    // of at least one minute per two pixels read a per-minute min/max kept on append, so a day costs
    // 1,440 steps, not 86,400.
    std::vector<Point> envelope(double from, double to, int buckets) const;

private:
    static constexpr double kMinute = 60;
    struct Minute
    {
        double start = 0;
        Point low, high;
    };
    const Minute &minuteAt(qsizetype i) const
    {
        return m_minutes[size_t((m_minuteHead + i) % m_minutes.size())];
    }
    template <typename Low, typename High>
    static void bucketInto(std::vector<Point> &out, double from, double to, int buckets, qsizetype first,
                           qsizetype end, const Low &lowAt, const High &highAt);

    qsizetype m_capacity = 1;
    std::vector<Point> m_points; // grows to m_capacity, then a ring
    qsizetype m_head = 0;
    qsizetype m_count = 0;
    std::vector<Minute> m_minutes; // ring: one more minute than the points can span
    qsizetype m_minuteHead = 0;
    qsizetype m_minuteCount = 0;
};
