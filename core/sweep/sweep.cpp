#include "sweep/sweep.h"

#include "analysis/impossible_speedup.h"
#include "analysis/median.h"
#include "analysis/speedup_spread.h"
#include "executors/chunk_rule.h"
#include "executors/executor_registry.h"
#include "executors/run_error.h"
#include "executors/serial_executor.h"
#include "machine/machine_facts.h"
#include "machine/noise_meter.h"
#include "sweep/sweep_progress_relay.h"
#include "sweep/warm_up.h"
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

std::vector<double> wall_times(const std::vector<Run>& runs)
{
    std::vector<double> walls;
    for (const auto& run : runs)
        walls.push_back(run.wall_s);
    return walls;
}

double median_wall(const std::vector<Run>& runs)
{
    return runs.empty() ? 0.0 : median(wall_times(runs));
}

// What every point of `runs` (at least one) says, final or provisional: who ran what, the median
// wall time and its extremes, the repeats so far and the last run's checksum.
Point point_of_runs(const Workload& workload, std::string_view backend, std::size_t workers,
                    const std::vector<Run>& runs)
{
    const std::vector<double> walls = wall_times(runs);
    Point point;
    point.workload = workload.name();
    point.backend = std::string(backend);
    point.workers = workers;
    point.tasks = runs.back().tasks;
    point.repeats = static_cast<unsigned>(runs.size());
    point.wall_s = median(walls);
    point.wall_s_min = *std::min_element(walls.begin(), walls.end());
    point.wall_s_max = *std::max_element(walls.begin(), walls.end());
    point.wall_s_cv = coefficient_of_variation(walls);
    point.checksum = runs.back().checksum;
    return point;
}

std::string checksum_text(const Checksum& checksum)
{
    std::string text = checksum.value;
    for (const auto& [name, value] : checksum.extra)
        text += " " + name + "=" + value;
    return text;
}

// One series of a sweep (the serial baseline or one worker count): its executor, options and runs.
struct Series {
    Executor* executor = nullptr;
    ExecutorOptions options;
    std::vector<Run> runs;
    double others_cpu_s = 0.0; ///< over the counted runs, from the noise meter
    double own_cpu_s = 0.0;
    double wall_s = 0.0;
};

// Summarises a series' repeats into a point and stops its executor.
// `last_use`: no later series runs on this executor, so its warm pool stops now.
Point summarise(const Workload& workload, Series& series, unsigned repeats, bool last_use)
{
    std::vector<Run>& runs = series.runs;
    const ExecutorOptions& options = series.options;
    Executor& executor = *series.executor;
    Point point = point_of_runs(workload, executor.name(), options.workers, runs);
    point.repeats = repeats;
    point.gil = options.gil;
    point.chunk = options.chunk;
    point.noise = series.wall_s > 0.0 ? series.others_cpu_s / series.wall_s : 0.0;
    const auto by_distance = [&](const Run& a, const Run& b) {
        return std::abs(a.wall_s - point.wall_s) < std::abs(b.wall_s - point.wall_s);
    };
    point.costs = std::min_element(runs.begin(), runs.end(), by_distance)->costs;
    // What the repeats spent starting and stopping workers, whichever repeat is the median. A pool
    // kept warm for another worker count stops after the last series that uses it.
    point.costs.startup_s = 0.0;
    point.costs.teardown_s = last_use ? executor.shutdown() : 0.0;
    for (const auto& run : runs) {
        point.costs.startup_s += run.costs.startup_s;
        point.costs.teardown_s += run.costs.teardown_s;
    }
    point.hosts = runs.back().hosts;
    for (const auto& run : runs) {
        if (run.checksum != point.checksum)
            throw std::runtime_error(
                "checksum mismatch between repeats at W=" + std::to_string(point.workers) + ": " +
                checksum_text(run.checksum) + " vs " + checksum_text(point.checksum));
    }
    return point;
}

// The point the repeats so far give: their median wall time, and the speedup against
// `serial_wall_s` (0 for the baseline itself, whose speedup is 1).
Point provisional_point(const Workload& workload, std::string_view backend, std::size_t workers,
                        const std::vector<Run>& runs, double serial_wall_s)
{
    Point point = point_of_runs(workload, backend, workers, runs);
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
    check_backend_option(executor->traits(), BackendOption::ShipViaShm,
                         request.ship_inputs && request.ship_via == ShipVia::Shm);
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
    // One executor for every worker count: its process pool grows to the largest W and a smaller
    // W uses the first of its workers, so interleaved rounds restart nothing (and a sweep to 64
    // keeps 64 processes, not one pool per count).
    const std::unique_ptr<Executor> executor = ExecutorRegistry::create(request.backend);
    return run_sweep(request, *workload, *baseline, *executor, observer, cancel);
}

SweepResult run_sweep(const SweepRequest& request, const Workload& workload, Executor& baseline,
                      Executor& executor, SweepObserver* observer, const CancelToken& cancel)
{
    return run_sweep(
        request, workload, baseline, [&executor](std::size_t) -> Executor& { return executor; }, observer,
        cancel);
}

SweepResult run_sweep(const SweepRequest& request, const Workload& workload, Executor& baseline,
                      const std::function<Executor&(std::size_t workers)>& executor_for,
                      SweepObserver* observer, const CancelToken& cancel,
                      std::unique_ptr<CpuTimesSource> noise_source)
{
    check_repeats(request.repeats);
    NoiseMeter noise(noise_source ? std::move(noise_source) : make_proc_stat_source());
    check_gil_mode(executor_for(1).name(), request.gil, request.gil_switch_interval_s);
    const std::vector<std::size_t> counts = checked_worker_counts(request.workers, executor_for(1));
    const std::size_t tasks_total = workload.task_count() * request.repeats * (counts.size() + 1);
    SweepProgressRelay relay(observer, tasks_total);

    ExecutorOptions serial_options;
    serial_options.workers = 1;
    serial_options.schedule = request.schedule;
    serial_options.cancel = cancel;
    serial_options.observer = &relay;
    std::vector<Series> series;
    series.push_back({&baseline, serial_options, {}});
    ExecutorOptions options = serial_options;
    options.chunk = request.chunk;
    options.ship_inputs = request.ship_inputs;
    options.ship_via = request.ship_via;
    options.retries = request.retries;
    // The serial baseline has one thread and nothing to switch with: it runs without the lock.
    options.gil = request.gil;
    options.gil_switch_interval_s = request.gil_switch_interval_s;
    for (const std::size_t workers : counts) {
        options.workers = workers;
        if (request.chunk_auto)
            options.chunk = pool_map_chunk(workload.task_count(), workers);
        series.push_back({&executor_for(workers), options, {}});
    }

    // One warm-up run, not counted, so the first measured run does not pay for cold caches and
    // first-touch page faults alone.
    if (cancel.cancelled())
        throw RunCancelled(Run{});
    warm_up(baseline, workload, serial_options);

    // Round-robin (serial, W1, W2, ..., then again), so a burst of outside load hits every point
    // alike instead of all repeats of one of them. A point is summarised and reported once its
    // last repeat is done: the baseline first in the last round, then each worker count.
    SweepResult result;
    std::vector<SpeedupSample> samples;
    const std::size_t logical_cpus = machine_facts().logical_cpus;
    WorkNature nature = WorkNature::Unknown;
    for (unsigned repeat = 0; repeat < request.repeats; ++repeat) {
        const bool last_round = repeat + 1 == request.repeats;
        for (std::size_t index = 0; index < series.size(); ++index) {
            Series& one = series[index];
            if (cancel.cancelled())
                throw RunCancelled(Run{});
            relay.begin_run(std::string(one.executor->name()), one.options.workers, repeat);
            noise.begin();
            Run run = one.executor->run(workload, one.options);
            const NoiseReading reading = noise.end();
            relay.end_run(run.tasks_done);
            one.others_cpu_s += reading.others_cpu_s;
            one.own_cpu_s += reading.own_cpu_s;
            one.wall_s += run.wall_s;
            const bool last_of_sweep = last_round && index + 1 == series.size();
            if (!last_round)
                run.trace = Trace{}; // only the last round's runs keep their traces
            one.runs.push_back(std::move(run));
            if (!last_round) {
                // Every round after the first refines each point, so the first ones appear after
                // one round of the sweep, long before its last.
                if (observer != nullptr) {
                    if (index == 0)
                        observer->on_baseline_refined(provisional_point(workload, one.executor->name(),
                                                                        one.options.workers, one.runs, 0.0));
                    else
                        observer->on_point_refined(provisional_point(workload, one.executor->name(),
                                                                     one.options.workers, one.runs,
                                                                     median_wall(series[0].runs)));
                }
                continue;
            }

            const bool last_use =
                std::none_of(series.begin() + static_cast<std::ptrdiff_t>(index) + 1, series.end(),
                             [&](const Series& later) { return later.executor == one.executor; });
            if (observer != nullptr && index != 0)
                observer->on_run_kept(one.runs.back());
            Point point = summarise(workload, one, request.repeats, last_use);
            if (last_of_sweep)
                result.last_run = std::move(one.runs.back());
            one.runs.clear();
            if (index == 0) {
                point.speedup = 1.0;
                point.efficiency = 1.0;
                const SpeedupSpread spread = speedup_spread(point, point);
                point.speedup_low = spread.low;
                point.speedup_high = spread.high;
                nature = work_nature(one.own_cpu_s, one.wall_s);
                result.serial = point;
                if (observer != nullptr)
                    observer->on_baseline(result.serial);
                continue;
            }
            if (point.checksum != result.serial.checksum)
                throw std::runtime_error("checksum mismatch at W=" + std::to_string(point.workers) + ": " +
                                         checksum_text(point.checksum) + " vs serial " +
                                         checksum_text(result.serial.checksum));
            const double workers = static_cast<double>(point.workers);
            point.speedup = point.wall_s > 0.0 ? result.serial.wall_s / point.wall_s : 0.0;
            point.efficiency = point.speedup / workers;
            point.karp_flatt = karp_flatt(point.speedup, workers);
            const SpeedupSpread spread = speedup_spread(point, result.serial);
            point.speedup_low = spread.low;
            point.speedup_high = spread.high;
            point.artefact = impossible_speedup(point, nature, logical_cpus);
            samples.push_back({workers, point.speedup});
            if (observer != nullptr)
                observer->on_point(point);
            result.points.push_back(std::move(point));
        }
    }
    result.amdahl = fit_amdahl(samples, logical_cpus);
    // Without a CPU reading of the baseline, the fit tells computing work by where it stopped
    // growing (its processor limit); the points are already reported, the result is corrected.
    if (nature == WorkNature::Unknown && result.amdahl.processor_limit != 0)
        for (Point& point : result.points)
            if (point.artefact.empty())
                point.artefact = impossible_speedup(point, WorkNature::Computing, logical_cpus);
    return result;
}

} // namespace parlab
