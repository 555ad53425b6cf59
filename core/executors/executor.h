#pragma once

#include "executors/run.h"
#include "workloads/cancel_token.h"
#include "workloads/workload.h"

#include <cstddef>
#include <string>
#include <string_view>

namespace parlab {

/// How tasks are dealt to workers: a free worker takes the next chunk (dynamic), or every
/// worker is given its chunks up front (static, like Pool.map with a chunk size).
enum class Schedule { Dynamic, Static };

std::string_view to_string(Schedule schedule);
/// Throws std::invalid_argument for anything but "static" or "dynamic".
Schedule parse_schedule(std::string_view text);

/// Sees every task as it ends. Called from the worker's thread: must be thread-safe and quick.
class RunObserver {
public:
    virtual ~RunObserver() = default;
    virtual void on_task_done(const TraceEvent& event) = 0;
};

struct ExecutorOptions {
    std::size_t workers = 1;
    std::size_t chunk = 0; ///< tasks per chunk; 0 chooses (1 when dynamic, an even share when static)
    Schedule schedule = Schedule::Dynamic;
    CancelToken cancel;
    RunObserver* observer = nullptr;
    bool ship_inputs = false; ///< processes: the parent sends each task's inputs
    unsigned retries = 0;     ///< processes: re-run a task lost with its worker, this many times
    bool trace = true;        ///< record one trace event per task (off only to measure what tracing costs)
    bool gil = false;         ///< threads only: tasks compute under one interpreter lock, like CPython threads
    double gil_switch_interval_s = 0.005; ///< how long a thread waits before asking the holder to drop the lock
};

/// Runs a workload's tasks on W workers. An executor object may keep resources (a warm process
/// pool) between runs; every run is independent.
class Executor {
public:
    virtual ~Executor() = default;
    [[nodiscard]] virtual std::string_view name() const = 0;
    /// The most workers a run accepts here; by default max_workers_per_cpu × the logical CPUs.
    [[nodiscard]] virtual std::size_t max_workers() const;
    /// Throws std::invalid_argument, saying why, unless 1 ≤ workers ≤ max_workers().
    virtual void check_workers(std::size_t workers) const;
    /// Throws std::invalid_argument for options it cannot honour (before starting anything),
    /// RunError when a task fails, RunCancelled when cancelled.
    virtual Run run(const Workload& workload, const ExecutorOptions& options) = 0;
    /// Releases what it keeps between runs (a warm pool); returns the seconds that took.
    virtual double shutdown() { return 0.0; }
};

} // namespace parlab
