#include "analysis/cpu_placement.h"

#include <algorithm>

namespace parlab {

CpuPlacement cpu_placement(const Trace& trace)
{
    std::vector<const TraceEvent*> compute;
    compute.reserve(trace.events.size());
    std::uint32_t workers = 0;
    for (const TraceEvent& event : trace.events) {
        if (event.phase != Phase::Compute)
            continue;
        compute.push_back(&event);
        workers = std::max(workers, event.worker + 1);
    }
    std::stable_sort(compute.begin(), compute.end(),
                     [](const TraceEvent* a, const TraceEvent* b) { return a->start_ns < b->start_ns; });

    CpuPlacement placement;
    placement.migrations.assign(workers, 0);
    std::vector<std::int32_t> last_cpu(workers, -1);
    for (const TraceEvent* event : compute) {
        if (event->cpu < 0)
            continue;
        placement.workers_on_cpu[event->cpu].insert(event->worker);
        std::int32_t& last = last_cpu[event->worker];
        if (last >= 0 && last != event->cpu) {
            ++placement.migrations[event->worker];
            ++placement.total_migrations;
        }
        last = event->cpu;
    }
    return placement;
}

} // namespace parlab
