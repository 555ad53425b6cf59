#include "executors/break_even.h"

#include "executors/executor_registry.h"
#include "workloads/workload_registry.h"

#include <algorithm>
#include <exception>

namespace parlab {

namespace {

Run run_empty(Executor& executor, std::size_t tasks)
{
    const auto workload = WorkloadRegistry::create(
        "coffee", {{"students", std::to_string(tasks)}, {"seconds", "0"}, {"mode", "wait"}});
    ExecutorOptions options;
    options.workers = 1;
    options.trace = false;
    return executor.run(*workload, options);
}

} // namespace

double measure_task_overhead(std::string_view backend, double budget_s)
{
    const auto executor = ExecutorRegistry::create(backend);
    // The first run starts what a backend keeps warm (a process pool); it is not timed.
    (void)run_empty(*executor, 8);
    std::size_t tasks = 64;
    double per_task = 0.0;
    double spent = 0.0;
    while (true) {
        const Run run = run_empty(*executor, tasks);
        spent += run.wall_s;
        per_task = run.wall_s / static_cast<double>(tasks);
        // Long enough to be timed well, or no room left in the budget for a run four times longer.
        if (run.wall_s >= budget_s / 4.0 || spent + 4.0 * run.wall_s > budget_s || tasks >= (1u << 22))
            break;
        tasks *= 4;
    }
    (void)executor->shutdown();
    return per_task;
}

std::vector<TaskOverhead> measure_task_overheads(double budget_s)
{
    std::vector<TaskOverhead> overheads;
    for (const auto& info : ExecutorRegistry::all()) {
        TaskOverhead overhead;
        overhead.backend = info.name;
        try {
            overhead.per_task_s = measure_task_overhead(info.name, budget_s);
        } catch (const std::exception& error) {
            overhead.error = error.what();
        }
        overheads.push_back(overhead);
    }
    const auto serial = std::find_if(overheads.begin(), overheads.end(),
                                     [](const TaskOverhead& o) { return o.backend == "serial"; });
    const double serial_s = serial != overheads.end() ? serial->per_task_s : 0.0;
    for (auto& overhead : overheads)
        if (overhead.error.empty())
            overhead.break_even_s = std::max(0.0, overhead.per_task_s - serial_s);
    return overheads;
}

} // namespace parlab
