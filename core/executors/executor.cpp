#include "executors/executor.h"

#include "sweep/worker_range.h"

#include <algorithm>
#include <thread>

namespace parlab {

std::size_t Executor::max_workers() const
{
    return max_workers_per_cpu * std::max(1u, std::thread::hardware_concurrency());
}

} // namespace parlab
