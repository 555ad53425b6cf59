#pragma once

#include "executors/executor.h"

#include <cstddef>

namespace parlab {

/// W threads of one process sharing memory: a oneTBB task arena of exactly W worker threads,
/// W up to 4 × the logical CPUs (oversubscription is allowed, to be seen). The calling thread
/// does no task: it waits, passes a cancel on to running tasks, and assembles the Run. Worker
/// ids in the trace are the arena slots, 0 .. W-1.
class ThreadsExecutor : public Executor {
public:
    static constexpr ExecutorTraits backend_traits{
        .name = "threads",
        .display_name = "Threads",
        .worker_word = "thread",
        .workers_word = "threads",
        .summary = "W threads of one process sharing memory (a oneTBB task arena of exactly W)",
        .shares_memory = true,
    };
    [[nodiscard]] const ExecutorTraits& traits() const override { return backend_traits; }
    /// 4 × logical CPUs, but at least waiting_workers.
    [[nodiscard]] std::size_t max_workers() const override;

    /// Threads that mostly wait cost little, and the coffee lesson gives each of 30 students a
    /// barista: at least this many threads are allowed on any machine.
    static constexpr std::size_t waiting_workers = 64;
    /// Throws WorkerCountError when options.workers is outside 1 .. max_workers(), and
    /// std::invalid_argument for ship_inputs or retries (threads share memory and lose no task).
    Run run(const Workload& workload, const ExecutorOptions& options) override;
};

} // namespace parlab
