#pragma once

#include <cstdint>
#include <string>

namespace parlab {

/// Memory a workload may plan to use now: available_memory_bytes(), lowered to the limit set by
/// set_workload_memory_limit when there is one.
std::uint64_t workload_memory_available();

/// Caps what workloads may plan to use, below what the machine has (0 removes the cap); a
/// classroom machine shared by many runs can keep each one small.
void set_workload_memory_limit(std::uint64_t bytes);

/// How many tasks of one run can hold memory at once: the worker count of the innermost
/// PlannedWorkers on this thread, else one per hardware thread (a workload built before anyone
/// chose a worker count).
std::uint64_t concurrent_tasks_estimate();

/// While alive, workloads built on this thread plan their memory for `workers` tasks at once:
/// a sweep's largest worker count, which may be far above the hardware threads (threads allow
/// 4 × CPUs, each holding its task's buffers).
class PlannedWorkers {
public:
    explicit PlannedWorkers(std::uint64_t workers);
    ~PlannedWorkers();
    PlannedWorkers(const PlannedWorkers&) = delete;
    PlannedWorkers& operator=(const PlannedWorkers&) = delete;

private:
    std::uint64_t m_previous;
};

/// Throws std::invalid_argument naming `what` (e.g. "parameter 'dim' = 4096") when `bytes_per_task`
/// for every concurrently running task would not fit in workload_memory_available().
void require_memory(const std::string& what, double bytes_per_task);

} // namespace parlab
