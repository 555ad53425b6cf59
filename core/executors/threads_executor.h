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
    [[nodiscard]] std::string_view name() const override { return "threads"; }
    /// 4 × logical CPUs, but at least waiting_workers.
    [[nodiscard]] std::size_t max_workers() const override;

    /// Threads that mostly wait cost little, and the coffee lesson gives each of 30 students a
    /// barista: at least this many threads are allowed on any machine.
    static constexpr std::size_t waiting_workers = 64;
    /// Throws std::invalid_argument when options.workers is outside 1 .. max_workers().
    Run run(const Workload& workload, const ExecutorOptions& options) override;
};

} // namespace parlab
