#include "timeseries.h"

#include <cmath>

TimeSeries::TimeSeries(qsizetype capacity)
    : m_capacity(std::max<qsizetype>(1, capacity)), m_minutes(size_t(m_capacity / 60 + 2))
{}

void TimeSeries::append(double time, double value)
{
    const double minute = std::floor(time / kMinute) * kMinute;
    if (m_minuteCount > 0 && minuteAt(m_minuteCount - 1).start == minute) {
        Minute &last = m_minutes[size_t((m_minuteHead + m_minuteCount - 1) % m_minutes.size())];
        if (value < last.low.value)
            last.low = {time, value};
        if (value > last.high.value)
            last.high = {time, value};
    } else {
        const Minute fresh{minute, {time, value}, {time, value}};
        if (m_minuteCount < qsizetype(m_minutes.size())) {
            m_minutes[size_t((m_minuteHead + m_minuteCount) % m_minutes.size())] = fresh;
            ++m_minuteCount;
        } else {
            m_minutes[size_t(m_minuteHead)] = fresh;
            m_minuteHead = (m_minuteHead + 1) % qsizetype(m_minutes.size());
        }
    }
    if (m_count < capacity()) {                     // not full yet: m_head is 0
        if (m_points.size() == m_points.capacity()) // grow by doubling, never past the capacity
            m_points.reserve(size_t(std::min<qsizetype>(capacity(), std::max<qsizetype>(1024, 2 * m_count))));
        m_points.push_back({time, value});
        ++m_count;
    } else {
        m_points[size_t(m_head)] = {time, value};
        m_head = (m_head + 1) % capacity();
    }
}

void TimeSeries::clear()
{
    m_points.clear();
    m_head = 0;
    m_count = 0;
    m_minuteHead = 0;
    m_minuteCount = 0;
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

template <typename Low, typename High>
void TimeSeries::bucketInto(std::vector<Point> &out, double from, double to, int buckets, qsizetype first,
                            qsizetype end, const Low &lowAt, const High &highAt)
{
    // Each pixel bucket keeps its lowest and highest point, in time order.
    out.reserve(size_t(2 * buckets));
    const double width = (to - from) / buckets;
    qsizetype i = first;
    while (i < end) {
        const auto b = std::min<qsizetype>(buckets - 1, qsizetype((lowAt(i).time - from) / width));
        const double bucketEnd =
            b == buckets - 1 ? std::numeric_limits<double>::infinity() : from + double(b + 1) * width;
        Point low = lowAt(i), high = highAt(i);
        for (++i; i < end && lowAt(i).time < bucketEnd; ++i) {
            if (lowAt(i).value < low.value)
                low = lowAt(i);
            if (highAt(i).value > high.value)
                high = highAt(i);
        }
        if (low.time > high.time)
            std::swap(low, high);
        out.push_back(low);
        if (high.time != low.time)
            out.push_back(high);
    }
}

std::vector<TimeSeries::Point> TimeSeries::envelope(double from, double to, int buckets) const
{
    std::vector<Point> out;
    if (buckets <= 0 || to < from)
        return out;
    const qsizetype first = lowerBound(from);
    const qsizetype end = lowerBound(std::nextafter(to, std::numeric_limits<double>::infinity()));
    if (first >= end)
        return out;
    if (end - first <= 2 * qsizetype(buckets)) {
        out.reserve(size_t(end - first));
        for (qsizetype i = first; i < end; ++i)
            out.push_back(at(i));
        return out;
    }
    // Per minute when the window holds at least one minute for every two pixels: what is lost is
    // finer than the chart can show.
    if ((to - from) / kMinute >= buckets / 2.0) {
        // Whole minutes inside the window from the per-minute level; the partial minutes at both ends
        // would only blur the first and last pixel, so they are read from it as well.
        qsizetype lo = 0, hi = m_minuteCount;
        while (lo < hi) {
            const qsizetype mid = (lo + hi) / 2;
            if (minuteAt(mid).start + kMinute <= from)
                lo = mid + 1;
            else
                hi = mid;
        }
        qsizetype stop = lo;
        while (stop < m_minuteCount && minuteAt(stop).start <= to)
            ++stop;
        const auto lowAt = [this](qsizetype i) { return minuteAt(i).low; };
        const auto highAt = [this](qsizetype i) { return minuteAt(i).high; };
        bucketInto(out, from, to, buckets, lo, stop, lowAt, highAt);
        return out;
    }
    const auto pointAt = [this](qsizetype i) { return at(i); };
    bucketInto(out, from, to, buckets, first, end, pointAt, pointAt);
    return out;
}
