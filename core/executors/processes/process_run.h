#pragma once

#include "executors/executor.h"
#include "executors/processes/process_pool.h"
#include "executors/processes/shared_inputs.h"
#include "executors/processes/worker_liveness.h"

#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <vector>

namespace parlab {

/// One run on the first options.workers workers of a ready pool: deals tasks, ships inputs, gathers results
/// and trace events over the workers' sockets, and replaces a lost worker when retries allow. Throws nothing
/// about the run itself: a failure or cancel is reported in the outcome, so the executor can tear the pool
/// down and account for it before throwing.
class ProcessRun {
public:
    enum class Status { Finished, Failed, Cancelled };

    struct Outcome {
        Status status = Status::Finished;
        std::string message;             ///< for Failed
        std::optional<std::size_t> task; ///< for Failed, when a task was the cause
        Run run;                         ///< checksum set only when Finished
    };

    ProcessRun(ProcessPool& pool, const Workload& workload, const ExecutorOptions& options);

    /// Runs every task; `startup_s` is recorded into the run's costs as given.
    Outcome execute(double startup_s);

private:
    struct Slot {
        std::deque<std::size_t> queue;     ///< static dealing: this worker's tasks not yet sent
        std::deque<std::size_t> in_flight; ///< sent, in the order the worker runs them
        std::int64_t compute_ns = 0;
    };

    void start_worker(std::size_t index);
    void fill(std::size_t index);
    /// Tasks kept in flight at a worker under dynamic dealing, with `undealt` tasks left to deal.
    [[nodiscard]] std::size_t dynamic_window(std::size_t undealt) const;
    void send_task(std::size_t index, std::size_t task);
    /// Makes task `task`'s inputs straight into worker `index`'s shared region and queues the task's
    /// frame; returns the nanoseconds spent placing them (the serializing itself not counted).
    std::int64_t make_shared_inputs(std::size_t index, std::size_t task);
    void flush(std::size_t index);
    /// Reads what worker `index` sent; false when it is gone.
    bool receive(std::size_t index);
    void handle_frame(std::size_t index, const Frame& frame);
    /// `silence`: why a worker that is still there counts as lost (it was killed for it).
    void handle_lost(std::size_t index, const std::string& silence = {});
    void check_liveness();
    void fail(std::string message, std::optional<std::size_t> task);
    Outcome finish(double startup_s);

    ProcessPool& m_pool;
    const Workload& m_workload;
    const ExecutorOptions& m_options;
    std::size_t m_tasks;
    std::size_t m_chunk;
    std::size_t m_window;
    bool m_adaptive = false; ///< dynamic dealing with a chosen chunk: the window follows the tasks' length
    std::int64_t m_timed_ns = 0; ///< compute time of the results so far
    std::size_t m_timed_tasks = 0;
    std::size_t m_next = 0;             ///< dynamic dealing: the next task never dealt
    std::deque<std::size_t> m_requeued; ///< dynamic dealing: tasks lost with a worker, dealt first
    unsigned m_retries_left;
    std::vector<Slot> m_slots;
    std::vector<Partial> m_partials;
    std::size_t m_tasks_done = 0;
    std::vector<TraceEvent> m_events;
    RunCosts m_costs;
    std::int64_t m_ship_ns = 0;
    std::int64_t m_respawn_ns = 0;
    std::optional<Outcome> m_failure;
    WorkerLiveness m_liveness;
    std::optional<SharedInputs> m_shared; ///< when inputs are shipped through shared memory
};

} // namespace parlab
