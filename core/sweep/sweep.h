#pragma once

#include "analysis/amdahl.h"
#include "executors/executor.h"
#include "sweep/point.h"
#include "sweep/worker_range.h"
#include "workloads/parameter_spec.h"

#include <cstddef>
#include <optional>
#include <string>
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
    unsigned retries = 0;
};

/// Where a sweep is, for a progress bar.
struct SweepProgress {
    std::string backend;      ///< the backend running now ("serial" during the baseline)
    std::size_t workers = 0;  ///< the worker count running now
    unsigned repeat = 0;      ///< 0-based
    std::size_t tasks_done = 0;  ///< over the whole sweep
    std::size_t tasks_total = 0; ///< over the whole sweep, baseline included
    double elapsed_s = 0.0;
    double eta_s = -1.0; ///< -1 until there is something to estimate from
};

/// Hears of a sweep as it goes. Called from the sweep's thread, except on_task_done, which comes
/// from worker threads (thread-safe and quick, as RunObserver).
class SweepObserver {
public:
    virtual ~SweepObserver() = default;
    virtual void on_progress(const SweepProgress&) {}
    virtual void on_baseline(const Point&) {}
    virtual void on_point(const Point&) {}
    virtual void on_task_done(const TraceEvent&) {}
};

struct SweepResult {
    Point serial;
    std::vector<Point> points;
    AmdahlFit amdahl;
    Run last_run; ///< the last repeat of the last point, with its trace
};

/// Runs the serial baseline (same repeats), then each worker count of the range. One executor
/// object serves the whole sweep (a process pool stays warm). Throws what the executor throws;
/// std::invalid_argument for a bad request before running anything.
SweepResult run_sweep(const SweepRequest& request, SweepObserver* observer, const CancelToken& cancel);

} // namespace parlab
