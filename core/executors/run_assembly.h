#pragma once

#include "executors/run.h"
#include "workloads/workload.h"

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace parlab {

/// What an executor gathered during one run, before it becomes a Run.
struct RunParts {
    std::string_view backend;
    std::size_t tasks_done = 0;
    std::vector<Partial> partials;                   ///< by task index, one per task
    std::vector<std::int64_t> compute_ns_per_worker; ///< by worker index, one per worker
    std::vector<TraceEvent> events;                  ///< any order
    RunCosts costs;      ///< start-up, shipping, teardown and bytes; compute is filled in here
    bool failed = false; ///< a task or worker failed: no checksum even if every partial came in
};

/// The one way every executor turns what it gathered into a Run: counts, compute time per
/// worker and in total, the trace sorted by start time on this host, and the checksum (the
/// workload's combination of the partials in task order) only when every task finished and
/// none failed. wall_s is left for the caller, who knows where the run began.
Run assemble_run(const Workload& workload, RunParts parts);

} // namespace parlab
