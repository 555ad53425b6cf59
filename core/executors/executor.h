#pragma once

#include "executors/dealing.h"
#include "executors/executor_traits.h"
#include "executors/rank_info.h"
#include "executors/run.h"
#include "executors/ship_via.h"
#include "workloads/cancel_token.h"
#include "workloads/workload.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace parlab {

/// Sees every task of a run as it ends, taskflow-style: told the worker count before the run,
/// then each event with the index of the worker that ran it, so an observer can keep one buffer
/// per worker and take no lock per task. Calls for one worker index never overlap; calls for
/// different workers may, from different threads. Must be quick: a worker waits for it.
class RunObserver {
public:
    virtual ~RunObserver() = default;
    /// Called on the calling thread before any task of a run starts.
    virtual void set_up(std::size_t /*workers*/) {}
    /// `worker` is in 0 .. workers-1 and equals event.worker.
    virtual void on_task_done(std::size_t worker, const TraceEvent& event) = 0;
    /// Backends whose workers start on hosts of their own (cluster): once every worker has
    /// joined and its clock has been measured, before the first task, on the calling thread;
    /// `ranks` by rank. Who joined is news to a class before any result is.
    virtual void on_joined(const std::vector<RankInfo>& /*ranks*/) {}
};

struct ExecutorOptions {
    std::size_t workers = 1;
    std::size_t chunk = 0; ///< tasks per chunk; 0 chooses (see Dealing::chunk_size)
    Schedule schedule = Schedule::Dynamic;
    CancelToken cancel;
    RunObserver* observer = nullptr;
    bool ship_inputs = false; ///< only for backends whose traits say ships_inputs
    unsigned retries = 0;     ///< only for backends whose traits say retries
    bool trace = true;        ///< record one trace event per task (off only to measure what tracing costs)
    bool gil = false; ///< threads only: tasks compute under one interpreter lock, like CPython threads
    double gil_switch_interval_s =
        0.005; ///< how long a thread waits before asking the holder to drop the lock
    /// How inputs are shipped, when ship_inputs; Shm only where the traits say ships_via_shm.
    ShipVia ship_via = ShipVia::Socket;

    /// The chunk rule these options ask for.
    [[nodiscard]] Dealing dealing() const { return {chunk, schedule}; }
};

/// Runs a workload's tasks on W workers. An executor object may keep resources (a warm process
/// pool) between runs; every run is independent.
class Executor {
public:
    virtual ~Executor() = default;
    /// What this backend is; its registry entry reads the same traits.
    [[nodiscard]] virtual const ExecutorTraits& traits() const = 0;
    [[nodiscard]] std::string_view name() const { return traits().name; }
    /// The most workers a run accepts here; by default max_workers_per_cpu × the logical CPUs.
    [[nodiscard]] virtual std::size_t max_workers() const;
    /// Throws WorkerCountError, saying why, unless 1 ≤ workers ≤ max_workers().
    virtual void check_workers(std::size_t workers) const;
    /// Throws std::invalid_argument for options this backend does not honour (ship_inputs or
    /// retries where its traits say no), and WorkerCountError as check_workers.
    void check_options(const ExecutorOptions& options) const;
    /// Throws std::invalid_argument for options it cannot honour (before starting anything),
    /// RunError when a task fails, RunCancelled when cancelled.
    virtual Run run(const Workload& workload, const ExecutorOptions& options) = 0;
    /// Releases what it keeps between runs (a warm pool); returns the seconds that took.
    virtual double shutdown() { return 0.0; }
};

/// Options that only some backends honour, as their traits say.
enum class BackendOption { ShipInputs, Retries, ShipViaShm };

/// True when the backend of `traits` honours `option`.
bool honours(const ExecutorTraits& traits, BackendOption option);
/// The one wording for such an option given to a backend that does not honour it: throws
/// std::invalid_argument naming the option and the backends that do, when `given` and not honoured.
void check_backend_option(const ExecutorTraits& traits, BackendOption option, bool given);

} // namespace parlab
