#include "workloads/memory_estimate.h"

#include "machine/available_memory.h"
#include "text/text_units.h"

#include <algorithm>
#include <atomic>
#include <limits>
#include <stdexcept>
#include <thread>

namespace parlab {

namespace {

std::atomic<std::uint64_t> g_memory_limit{0};
// Per thread: the window plans one request while a sweep on another thread plans its own.
thread_local std::uint64_t t_planned_workers = 0;

} // namespace

std::uint64_t workload_memory_available()
{
    // Zero means the machine could not tell; refusing every size then would help no one.
    auto available = available_memory_bytes();
    if (available == 0)
        available = std::numeric_limits<std::uint64_t>::max();
    const auto limit = g_memory_limit.load(std::memory_order_relaxed);
    return limit == 0 ? available : std::min(available, limit);
}

void set_workload_memory_limit(std::uint64_t bytes)
{
    g_memory_limit.store(bytes, std::memory_order_relaxed);
}

std::uint64_t concurrent_tasks_estimate()
{
    if (t_planned_workers > 0)
        return t_planned_workers;
    return std::max(1u, std::thread::hardware_concurrency());
}

PlannedWorkers::PlannedWorkers(std::uint64_t workers) : m_previous(t_planned_workers)
{
    t_planned_workers = workers;
}

PlannedWorkers::~PlannedWorkers()
{
    t_planned_workers = m_previous;
}

void require_memory(const std::string& what, double bytes_per_task)
{
    const auto tasks = concurrent_tasks_estimate();
    const double needed = bytes_per_task * static_cast<double>(tasks);
    const auto available = workload_memory_available();
    if (needed > static_cast<double>(available))
        throw std::invalid_argument(what + " would need " + bytes_text(bytes_per_task) + " per task (" +
                                    bytes_text(needed) + " for " + std::to_string(tasks) +
                                    " tasks at once), but only " +
                                    bytes_text(static_cast<double>(available)) + " of memory is available");
}

} // namespace parlab
