#include "trace/task_span.h"

#include <algorithm>
#include <unordered_map>

namespace parlab {

std::vector<TaskSpan> task_spans(const Trace& trace)
{
    std::vector<TaskSpan> spans;
    std::unordered_map<std::uint32_t, std::size_t> index_of;
    spans.reserve(trace.events.size());
    for (const TraceEvent& event : trace.events) {
        const auto [it, inserted] = index_of.try_emplace(event.task, spans.size());
        if (inserted) {
            spans.push_back({event.task, event.worker, event.pid, event.cpu, event.start_ns, event.end_ns});
            continue;
        }
        TaskSpan& span = spans[it->second];
        span.start_ns = std::min(span.start_ns, event.start_ns);
        span.end_ns = std::max(span.end_ns, event.end_ns);
        // The compute phase names the worker and CPU that did the task's work.
        if (event.phase == Phase::Compute) {
            span.worker = event.worker;
            span.pid = event.pid;
            span.cpu = event.cpu;
        }
    }
    std::sort(spans.begin(), spans.end(), [](const TaskSpan& a, const TaskSpan& b) {
        return a.start_ns != b.start_ns ? a.start_ns < b.start_ns : a.task < b.task;
    });
    return spans;
}

} // namespace parlab
