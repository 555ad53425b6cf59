#include "executors/executor.h"

#include "executors/executor_registry.h"
#include "executors/worker_count_error.h"

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
        throw WorkerCountError("workers must be 1 for " + std::string(name()) + ", got " +
                               std::to_string(workers));
    throw WorkerCountError("workers must be in 1 .. " + std::to_string(limit) + " for " +
                           std::string(name()) + " (" + std::to_string(std::thread::hardware_concurrency()) +
                           " logical CPUs here), got " + std::to_string(workers));
}

void Executor::check_options(const ExecutorOptions& options) const
{
    check_workers(options.workers);
    check_backend_option(traits(), BackendOption::ShipInputs, options.ship_inputs);
    check_backend_option(traits(), BackendOption::Retries, options.retries > 0);
    check_backend_option(traits(), BackendOption::ShipViaShm,
                         options.ship_inputs && options.ship_via == ShipVia::Shm);
}

bool honours(const ExecutorTraits& traits, BackendOption option)
{
    switch (option) {
    case BackendOption::ShipInputs: return traits.ships_inputs;
    case BackendOption::Retries: return traits.retries;
    case BackendOption::ShipViaShm: return traits.ships_via_shm;
    }
    return false;
}

void check_backend_option(const ExecutorTraits& traits, BackendOption option, bool given)
{
    if (!given || honours(traits, option))
        return;
    std::string takers;
    for (const ExecutorInfo& info : ExecutorRegistry::all())
        if (honours(info.traits, option))
            takers += (takers.empty() ? "" : ", ") + info.name;
    const char* what = option == BackendOption::ShipInputs ? "shipping inputs"
                       : option == BackendOption::Retries  ? "retrying failed tasks"
                                                           : "shipping inputs through shared memory";
    throw std::invalid_argument(std::string(what) + " is not for the " + std::string(traits.name) +
                                " backend (only for: " + (takers.empty() ? "none" : takers) + ")");
}

} // namespace parlab
