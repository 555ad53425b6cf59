#pragma once

#include "sweep/point.h"

#include <cstddef>
#include <string>

namespace parlab {

/// What a workload's tasks spend their time on, as far as a sweep can tell.
enum class WorkNature { Unknown, Computing, Waiting };

/// The serial baseline's nature from its own CPU time over its wall time: a task that computes
/// keeps its CPU busy the whole run, one that waits (sleep, I/O) hardly uses it. Unknown when no
/// CPU time was read.
WorkNature work_nature(double serial_cpu_s, double serial_wall_s);

/// Why `point`'s speedup cannot be a result, or empty: above 1 at W = 1 by more than the
/// measured spread (speedup_low > 1), or, for computing work, above the number of logical CPUs;
/// both beyond a run-to-run jitter of 2 %, which a single repeat cannot measure.
std::string impossible_speedup(const Point& point, WorkNature nature, std::size_t logical_cpus);

} // namespace parlab
