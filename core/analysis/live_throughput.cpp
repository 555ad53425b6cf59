#include "analysis/live_throughput.h"

#include <algorithm>

namespace parlab {

LiveThroughput::LiveThroughput(double window_s) : m_window_s(window_s > 0 ? window_s : 2.0)
{
}

void LiveThroughput::reset(std::int64_t start_ns)
{
    m_start_ns = start_ns;
    m_total = 0;
    m_ends.clear();
}

void LiveThroughput::add_end(std::int64_t end_ns)
{
    ++m_total;
    // Batches arrive nearly in order: inserting from the back is cheap.
    auto at = std::upper_bound(m_ends.begin(), m_ends.end(), end_ns);
    m_ends.insert(at, end_ns);
    // Keep a bounded history: ends older than twice the window can never count again.
    const auto window_ns = static_cast<std::int64_t>(m_window_s * 1e9);
    while (!m_ends.empty() && m_ends.front() < m_ends.back() - 2 * window_ns)
        m_ends.pop_front();
}

double LiveThroughput::tasks_per_second(std::int64_t now_ns) const
{
    const auto window_ns = static_cast<std::int64_t>(m_window_s * 1e9);
    const std::int64_t from = std::max(m_start_ns, now_ns - window_ns);
    const double span_s = static_cast<double>(now_ns - from) * 1e-9;
    if (span_s <= 0)
        return 0.0;
    const auto first = std::upper_bound(m_ends.begin(), m_ends.end(), from);
    const auto last = std::upper_bound(m_ends.begin(), m_ends.end(), now_ns);
    return static_cast<double>(last - first) / span_s;
}

double LiveThroughput::speedup(std::int64_t now_ns, double serial_tasks_per_second) const
{
    return serial_tasks_per_second > 0 ? tasks_per_second(now_ns) / serial_tasks_per_second : 0.0;
}

double LiveThroughput::serial_rate(std::size_t tasks, double wall_s)
{
    return tasks > 0 && wall_s > 0 ? static_cast<double>(tasks) / wall_s : 0.0;
}

} // namespace parlab
