#include "executors/break_even.h"

#include "executors/executor_registry.h"
#include "workloads/workload_registry.h"

#include <algorithm>
#include <exception>

namespace parlab {

namespace {

// Two workers, as the break-even is for: each task's round trip is then the wall time of its
// worker's share, including what the workers contend for when dealing (a shared counter, a pipe).
std::size_t workers_for(const Executor& executor)
{
    return std::min<std::size_t>(2, executor.max_workers());
}

Run run_empty(Executor& executor, std::size_t tasks)
{
    const auto workload = WorkloadRegistry::create(
        "coffee", {{"students", std::to_string(tasks)}, {"seconds", "0"}, {"mode", "wait"}});
    ExecutorOptions options;
    options.workers = workers_for(executor);
    options.trace = false;
    return executor.run(*workload, options);
}

} // namespace

double measure_task_overhead(std::string_view backend, double budget_s)
{
    const auto executor = ExecutorRegistry::create(backend);
    // The first run starts what a backend keeps warm (a process pool); it is not timed.
    (void)run_empty(*executor, 8);
    // Grow the run until it takes an eighth of the budget, then take the best of three at that
    // size: the first runs of a size still pay for memory touched the first time.
    std::size_t tasks = 64;
    double spent = 0.0;
    while (tasks < (1u << 22)) {
        const double wall_s = run_empty(*executor, tasks).wall_s;
        spent += wall_s;
        if (wall_s >= budget_s / 8.0 || spent + 4.0 * wall_s > budget_s / 2.0)
            break;
        tasks *= 4;
    }
    // Best of three at that size and at a quarter of it: the difference is what the extra tasks
    // cost, without what every run pays once (waking the workers, which on a busy machine can
    // outweigh thousands of tasks).
    const auto best_of_three = [&](std::size_t count) {
        double best_s = 0.0;
        for (int attempt = 0; attempt < 3; ++attempt) {
            const double wall_s = run_empty(*executor, count).wall_s;
            best_s = attempt == 0 ? wall_s : std::min(best_s, wall_s);
        }
        return best_s;
    };
    const std::size_t fewer = tasks / 4;
    const double many_s = best_of_three(tasks);
    const double few_s = best_of_three(fewer);
    const double workers = static_cast<double>(workers_for(*executor));
    // Noise can make the smaller run the slower one: then the whole run's average is the estimate.
    const double per_task = many_s > few_s ? (many_s - few_s) * workers / static_cast<double>(tasks - fewer)
                                           : many_s * workers / static_cast<double>(tasks);
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
