#include "trace/trace_recorder.h"

#include <algorithm>
#include <stdexcept>
#include <string>
#include <tuple>

namespace parlab {

TraceRecorder::TraceRecorder(std::size_t workers, std::size_t events_per_worker)
    : m_buffers(workers), m_capacity(events_per_worker)
{
    // Reserved, not filled: pages are touched only as events arrive, so a large reservation for a
    // dynamic run (any worker may take every task) costs address space, not memory.
    for (auto& buffer : m_buffers)
        buffer.events.reserve(events_per_worker);
}

void TraceRecorder::record(std::size_t worker, const TraceEvent& event)
{
    if (worker >= m_buffers.size())
        throw std::invalid_argument("trace worker must be in 0 .. " + std::to_string(m_buffers.size() - 1) +
                                    ", got " + std::to_string(worker));
    auto& buffer = m_buffers[worker];
    if (buffer.events.size() < m_capacity)
        buffer.events.push_back(event);
    else
        ++buffer.dropped;
}

Trace TraceRecorder::collect() const
{
    Trace trace;
    std::size_t total = 0;
    for (const auto& buffer : m_buffers)
        total += buffer.events.size();
    trace.events.reserve(total);
    for (const auto& buffer : m_buffers)
        trace.events.insert(trace.events.end(), buffer.events.begin(), buffer.events.end());
    std::sort(trace.events.begin(), trace.events.end(), [](const TraceEvent& a, const TraceEvent& b) {
        return std::tie(a.start_ns, a.worker, a.task) < std::tie(b.start_ns, b.worker, b.task);
    });
    return trace;
}

std::size_t TraceRecorder::dropped() const
{
    std::size_t dropped = 0;
    for (const auto& buffer : m_buffers)
        dropped += buffer.dropped;
    return dropped;
}

} // namespace parlab
