#include "sweep/sweep.h"

#include "executors/chunk_rule.h"
#include "executors/executor_registry.h"
#include "executors/run_error.h"
#include "executors/serial_executor.h"
#include "machine/machine_facts.h"
#include "sweep/sweep_progress_relay.h"
#include "workloads/memory_estimate.h"
#include "workloads/workload_registry.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <stdexcept>

namespace parlab {
namespace {

void check_repeats(unsigned repeats)
{
    if (repeats < 1 || repeats > max_repeats)
        throw std::invalid_argument("repeats must be in 1 .. " + std::to_string(max_repeats) + ", got " +
                                    std::to_string(repeats));
}

std::vector<std::size_t> checked_worker_counts(const WorkerRange& range, const Executor& executor)
{
    std::vector<std::size_t> counts = range.counts(machine_facts().logical_cpus);
    for (const std::size_t workers : counts)
        executor.check_workers(workers);
    return counts;
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    const std::size_t middle = values.size() / 2;
    return values.size() % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2.0;
}

std::string checksum_text(const Checksum& checksum)
{
    std::string text = checksum.value;
    for (const auto& [name, value] : checksum.extra)
        text += " " + name + "=" + value;
    return text;
}

// Runs one worker count `repeats` times and summarises it; keeps the last run whole in `last`.
// `refined`, when given, hears the runs so far after each repeat but the last.
Point run_point(const SweepRequest& request, const Workload& workload, Executor& executor,
                const ExecutorOptions& options, SweepProgressRelay& relay, Run& last, bool keep_warm = false,
                const std::function<void(const std::vector<Run>&)>& refined = {})
{
    std::vector<Run> runs;
    runs.reserve(request.repeats);
    for (unsigned repeat = 0; repeat < request.repeats; ++repeat) {
        if (options.cancel.cancelled())
            throw RunCancelled(Run{});
        relay.begin_run(std::string(executor.name()), options.workers, repeat);
        Run run = executor.run(workload, options);
        relay.end_run(run.tasks_done);
        if (repeat + 1 < request.repeats)
            run.trace = Trace{}; // only the last run's trace is kept
        runs.push_back(std::move(run));
        if (repeat + 1 < request.repeats && refined)
            refined(runs);
    }

    std::vector<double> walls;
    for (const auto& run : runs)
        walls.push_back(run.wall_s);
    Point point;
    point.workload = workload.name();
    point.backend = std::string(executor.name());
    point.workers = options.workers;
    point.tasks = runs.back().tasks;
    point.repeats = request.repeats;
    point.gil = options.gil;
    point.chunk = options.chunk;
    point.wall_s = median(walls);
    point.wall_s_min = *std::min_element(walls.begin(), walls.end());
    point.wall_s_max = *std::max_element(walls.begin(), walls.end());
    const auto by_distance = [&](const Run& a, const Run& b) {
        return std::abs(a.wall_s - point.wall_s) < std::abs(b.wall_s - point.wall_s);
    };
    point.costs = std::min_element(runs.begin(), runs.end(), by_distance)->costs;
    // What the repeats spent starting and stopping workers, whichever repeat is the median. A pool
    // kept warm for the sweep's next worker count stops after the last one.
    point.costs.startup_s = 0.0;
    point.costs.teardown_s = keep_warm ? 0.0 : executor.shutdown();
    for (const auto& run : runs) {
        point.costs.startup_s += run.costs.startup_s;
        point.costs.teardown_s += run.costs.teardown_s;
    }
    point.checksum = runs.back().checksum;
    point.hosts = runs.back().hosts;
    for (const auto& run : runs) {
        if (run.checksum != point.checksum)
            throw std::runtime_error("checksum mismatch between repeats at W=" + std::to_string(point.workers) +
                                     ": " + checksum_text(run.checksum) + " vs " + checksum_text(point.checksum));
    }
    last = std::move(runs.back());
    return point;
}

// The point the repeats so far give: their median wall time, and the speedup against
// `serial_wall_s` (0 for the baseline itself, whose speedup is 1).
Point provisional_point(const Workload& workload, std::string_view backend, std::size_t workers,
                        const std::vector<Run>& runs, double serial_wall_s)
{
    std::vector<double> walls;
    for (const auto& run : runs)
        walls.push_back(run.wall_s);
    Point point;
    point.workload = workload.name();
    point.backend = std::string(backend);
    point.workers = workers;
    point.tasks = runs.back().tasks;
    point.repeats = static_cast<unsigned>(runs.size());
    point.wall_s = median(walls);
    point.wall_s_min = *std::min_element(walls.begin(), walls.end());
    point.wall_s_max = *std::max_element(walls.begin(), walls.end());
    point.checksum = runs.back().checksum;
    point.speedup = serial_wall_s > 0 && point.wall_s > 0 ? serial_wall_s / point.wall_s : 1.0;
    point.efficiency = point.speedup / static_cast<double>(std::max<std::size_t>(1, workers));
    return point;
}

} // namespace

WorkerRange default_worker_range(std::string_view backend)
{
    // "auto" means every logical CPU, which a one-worker backend (serial) cannot have.
    return ExecutorRegistry::find(backend).max_workers() == 1 ? WorkerRange::single(1)
                                                               : WorkerRange::parse("auto");
}

SweepPlan plan_sweep(const SweepRequest& request)
{
    const std::unique_ptr<Workload> workload = WorkloadRegistry::create(request.workload, request.parameters);
    const std::unique_ptr<Executor> executor = ExecutorRegistry::create(request.backend);
    check_repeats(request.repeats);
    check_backend_option(executor->traits(), BackendOption::ShipInputs, request.ship_inputs);
    check_backend_option(executor->traits(), BackendOption::Retries, request.retries > 0);
    check_gil_mode(request.backend, request.gil, request.gil_switch_interval_s);

    SweepPlan plan;
    plan.parameters = workload->parameters().values();
    plan.workers = checked_worker_counts(request.workers, *executor);
    {
        // Each of the largest sweep's W workers holds a task's memory at once.
        const PlannedWorkers planned(*std::max_element(plan.workers.begin(), plan.workers.end()));
        (void)WorkloadRegistry::create(request.workload, request.parameters);
    }
    plan.tasks = workload->task_count();
    if (request.chunk > plan.tasks)
        throw std::invalid_argument("chunk must be in 0 .. " + std::to_string(plan.tasks) +
                                    " (the task count; 0 chooses), got " + std::to_string(request.chunk));
    plan.tasks_total = plan.tasks * request.repeats * (plan.workers.size() + 1);
    return plan;
}

SweepResult run_sweep(const SweepRequest& request, SweepObserver* observer, const CancelToken& cancel)
{
    (void)plan_sweep(request);
    const std::unique_ptr<Workload> workload = WorkloadRegistry::create(request.workload, request.parameters);
    const std::unique_ptr<Executor> baseline = std::make_unique<SerialExecutor>();
    const std::unique_ptr<Executor> executor = ExecutorRegistry::create(request.backend);
    return run_sweep(request, *workload, *baseline, *executor, observer, cancel);
}

SweepResult run_sweep(const SweepRequest& request, const Workload& workload, Executor& baseline,
                      Executor& executor, SweepObserver* observer, const CancelToken& cancel)
{
    check_repeats(request.repeats);
    check_gil_mode(executor.name(), request.gil, request.gil_switch_interval_s);
    const std::vector<std::size_t> counts = checked_worker_counts(request.workers, executor);
    const std::size_t tasks_total = workload.task_count() * request.repeats * (counts.size() + 1);
    SweepProgressRelay relay(observer, tasks_total);

    SweepResult result;
    ExecutorOptions serial_options;
    serial_options.workers = 1;
    serial_options.schedule = request.schedule;
    serial_options.cancel = cancel;
    serial_options.observer = &relay;
    const auto refine = [&workload, observer](std::string_view backend, std::size_t workers, double serial_s) {
        return [&workload, observer, backend, workers, serial_s](const std::vector<Run>& runs) {
            if (observer != nullptr)
                observer->on_point_refined(provisional_point(workload, backend, workers, runs, serial_s));
        };
    };
    result.serial = run_point(request, workload, baseline, serial_options, relay, result.last_run, false,
                              refine(baseline.name(), 1, 0.0));
    result.serial.speedup = 1.0;
    result.serial.efficiency = 1.0;
    if (observer != nullptr)
        observer->on_baseline(result.serial);

    ExecutorOptions options = serial_options;
    options.chunk = request.chunk;
    options.ship_inputs = request.ship_inputs;
    options.retries = request.retries;
    // The serial baseline has one thread and nothing to switch with: it runs without the lock.
    options.gil = request.gil;
    options.gil_switch_interval_s = request.gil_switch_interval_s;
    std::vector<SpeedupSample> samples;
    const std::size_t logical_cpus = machine_facts().logical_cpus;
    for (const std::size_t workers : counts) {
        options.workers = workers;
        if (request.chunk_auto)
            options.chunk = pool_map_chunk(workload.task_count(), workers);
        const bool keep_warm = workers != counts.back(); // counts rise: the last is the largest
        Point point = run_point(request, workload, executor, options, relay, result.last_run, keep_warm,
                                refine(executor.name(), workers, result.serial.wall_s));
        if (point.checksum != result.serial.checksum)
            throw std::runtime_error("checksum mismatch at W=" + std::to_string(workers) + ": " +
                                     checksum_text(point.checksum) + " vs serial " +
                                     checksum_text(result.serial.checksum));
        point.speedup = point.wall_s > 0.0 ? result.serial.wall_s / point.wall_s : 0.0;
        point.efficiency = point.speedup / static_cast<double>(workers);
        point.karp_flatt = karp_flatt(point.speedup, static_cast<double>(workers));
        samples.push_back({static_cast<double>(workers), point.speedup});
        if (observer != nullptr)
            observer->on_point(point);
        result.points.push_back(std::move(point));
    }
    result.amdahl = fit_amdahl(samples, logical_cpus);
    return result;
}

} // namespace parlab
