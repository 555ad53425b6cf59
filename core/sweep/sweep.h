#pragma once

#include "analysis/amdahl.h"
#include "executors/executor.h"
#include "executors/gil_mode.h"
#include "machine/cpu_sampler.h"
#include "sweep/point.h"
#include "sweep/worker_range.h"
#include "workloads/parameter_spec.h"

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace parlab {

struct SweepRequest {
    std::string workload;
    ParameterValues parameters;
    std::string backend = "threads";
    WorkerRange workers = WorkerRange::single(1);
    unsigned repeats = 1;
    std::size_t chunk = 0;
    Schedule schedule = Schedule::Dynamic;
    bool ship_inputs = false;
    ShipVia ship_via = ShipVia::Socket; ///< how, when ship_inputs
    unsigned retries = 0;
    bool chunk_auto =
        false;        ///< chunk by Pool.map's rule for each worker count (pool_map_chunk); overrides chunk
    bool gil = false; ///< threads only: GIL mode (see check_gil_mode)
    double gil_switch_interval_s = default_gil_switch_interval_s;
};

/// Where a sweep is, for a progress bar.
struct SweepProgress {
    std::string backend;         ///< the backend running now ("serial" during the baseline)
    std::size_t workers = 0;     ///< the worker count running now
    unsigned repeat = 0;         ///< 0-based
    std::size_t tasks_done = 0;  ///< over the whole sweep
    std::size_t tasks_total = 0; ///< over the whole sweep, baseline included
    double elapsed_s = 0.0;
    double eta_s = -1.0; ///< -1 until there is something to estimate from
};

/// Hears of a sweep as it goes. on_baseline and on_point come from the sweep's thread.
/// set_up and on_task_done are RunObserver's, for every run of the sweep: set_up(workers) on the
/// sweep's thread before each run, then on_task_done from worker threads with the worker's index
/// (calls for one index never overlap, so per-worker buffers need no lock).
/// on_progress comes from a worker thread (at most about every 50 ms, from whichever task ends
/// when that time has passed) or from the sweep's thread (at the end of every run); the calls
/// never overlap and tasks_done never goes down, but the observer must not assume which thread
/// calls it and must return quickly, since a worker waits for it.
class SweepObserver {
public:
    virtual ~SweepObserver() = default;
    virtual void on_progress(const SweepProgress&) {}
    virtual void on_baseline(const Point&) {}
    virtual void on_point(const Point&) {}
    /// After each repeat but the last of a worker count: the point as the repeats so far give
    /// it, from the sweep's thread, so a plot can show it at once and refine it. on_point follows
    /// with the final point; the speedup is against the serial baseline's median so far.
    virtual void on_point_refined(const Point&) {}
    /// The same for the serial baseline (workers 1, speedup 1): the reference of the refined
    /// points, not a point of their plot. on_baseline follows with the final one.
    virtual void on_baseline_refined(const Point&) {}
    /// Each worker count's run of the sweep's last round, with its trace, as it ends (the
    /// sweep's last run among them; not the serial baseline's): the runs a class compares side
    /// by side. Before that worker count's on_point.
    virtual void on_run_kept(const Run&) {}
    virtual void set_up(std::size_t /*workers*/) {}
    virtual void on_task_done(std::size_t /*worker*/, const TraceEvent&) {}
    /// RunObserver::on_joined of each run, from the sweep's thread.
    virtual void on_joined(const std::vector<RankInfo>& /*ranks*/) {}
};

struct SweepResult {
    Point serial;
    std::vector<Point> points;
    AmdahlFit amdahl;
    Run last_run; ///< the last repeat of the last point, with its trace
};

/// A request checked and resolved, before anything runs.
struct SweepPlan {
    ParameterValues parameters;       ///< every parameter in canonical form, defaults filled in
    std::vector<std::size_t> workers; ///< the worker counts, ascending
    std::size_t tasks = 0;            ///< per run
    std::size_t tasks_total = 0;      ///< over the whole sweep, baseline included
};

/// The most repeats a sweep accepts per worker count.
inline constexpr unsigned max_repeats = 1000;

/// The worker counts a request gets when none are given: every logical CPU (`auto`), or 1 for a
/// backend that takes one worker only. Throws std::invalid_argument for an unknown backend.
WorkerRange default_worker_range(std::string_view backend);

/// Checks a request without running anything: workload name and parameters (unknown names too),
/// backend, repeats 1 .. max_repeats, every worker count against the backend's limit
/// (Executor::check_workers), chunk, and options the backend does not honour (ship_inputs,
/// retries). Throws ParameterError for a parameter, WorkerCountError for a worker count, and
/// std::invalid_argument for anything else, each naming the mistake and the allowed values.
SweepPlan plan_sweep(const SweepRequest& request);

/// Runs the serial baseline and each worker count of the range, `repeats` rounds of them
/// interleaved (serial, W1, W2, ..., then again) after one uncounted warm-up run of the
/// baseline. One executor serves every worker count (its process pool stays warm and grows).
/// After each round but the last, on_point_refined hears every point's runs so far.
/// During every counted run the sweep reads how much CPU the rest of the machine used
/// (Point::noise; from /proc/stat unless `noise_source` is given). Throws what the executor throws;
/// std::invalid_argument for a bad request before running anything.
SweepResult run_sweep(const SweepRequest& request, SweepObserver* observer, const CancelToken& cancel);

/// The same sweep over objects the caller built: `baseline` runs the serial baseline and
/// `executor` every worker count (request.workload and request.backend are not looked up).
SweepResult run_sweep(const SweepRequest& request, const Workload& workload, Executor& baseline,
                      Executor& executor, SweepObserver* observer, const CancelToken& cancel);

/// The same with one executor per worker count, from `executor_for(workers)` (called again for
/// the same count, it must return the same object; executor_for(1) also checks the counts).
SweepResult run_sweep(const SweepRequest& request, const Workload& workload, Executor& baseline,
                      const std::function<Executor&(std::size_t workers)>& executor_for,
                      SweepObserver* observer, const CancelToken& cancel,
                      std::unique_ptr<CpuTimesSource> noise_source = nullptr);

} // namespace parlab
