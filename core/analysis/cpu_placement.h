#pragma once

#include "trace/trace_event.h"

#include <cstddef>
#include <cstdint>
#include <map>
#include <set>
#include <vector>

namespace parlab {

/// Where a run's workers ran, from the CPU recorded with each compute event.
struct CpuPlacement {
    /// Per logical CPU (the key), the workers that ended a task on it.
    std::map<std::int32_t, std::set<std::uint32_t>> workers_on_cpu;
    /// Per worker (index), how often its next task ended on another CPU than its previous one.
    std::vector<std::size_t> migrations;
    /// The sum of migrations over workers.
    std::size_t total_migrations = 0;
};

/// Reads placement off `trace`: compute events only, in start order per worker; events whose
/// CPU is unknown (-1) neither count nor break a worker's sequence.
CpuPlacement cpu_placement(const Trace& trace);

} // namespace parlab
