#include "executors/run_assembly.h"

#include <algorithm>

namespace parlab {

Run assemble_run(const Workload& workload, RunParts parts)
{
    Run run;
    run.workload = workload.name();
    run.backend = std::string(parts.backend);
    run.workers = parts.compute_ns_per_worker.size();
    run.tasks = parts.partials.size();
    run.tasks_done = parts.tasks_done;
    run.costs = std::move(parts.costs);
    run.costs.compute_s = 0.0;
    run.costs.compute_s_per_worker.assign(run.workers, 0.0);
    for (std::size_t worker = 0; worker < run.workers; ++worker) {
        const double seconds = static_cast<double>(parts.compute_ns_per_worker[worker]) * 1e-9;
        run.costs.compute_s_per_worker[worker] = seconds;
        run.costs.compute_s += seconds;
    }
    const auto by_start = [](const TraceEvent& a, const TraceEvent& b) { return a.start_ns < b.start_ns; };
    if (!std::is_sorted(parts.events.begin(), parts.events.end(), by_start))
        std::stable_sort(parts.events.begin(), parts.events.end(), by_start);
    run.trace.events = std::move(parts.events);
    run.trace.host = host_name();
    if (!parts.failed && run.tasks_done == run.tasks)
        run.checksum = workload.combine(parts.partials);
    return run;
}

} // namespace parlab
