#include "executors/executor.h"

#include "sweep/worker_range.h"

#include <algorithm>
#include <stdexcept>
#include <string>
#include <thread>

namespace parlab {

std::size_t Executor::max_workers() const
{
    return max_workers_per_cpu * std::max(1u, std::thread::hardware_concurrency());
}

void Executor::check_workers(std::size_t workers) const
{
    const std::size_t limit = max_workers();
    if (workers >= 1 && workers <= limit)
        return;
    if (limit == 1)
        throw std::invalid_argument("workers must be 1 for " + std::string(name()) + ", got " +
                                    std::to_string(workers));
    throw std::invalid_argument("workers must be in 1 .. " + std::to_string(limit) + " for " + std::string(name()) +
                                " (" + std::to_string(std::thread::hardware_concurrency()) +
                                " logical CPUs here), got " + std::to_string(workers));
}

} // namespace parlab
