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
    /// Throws std::invalid_argument when options.workers is outside 1 .. 4 × logical CPUs.
    Run run(const Workload& workload, const ExecutorOptions& options) override;
};

} // namespace parlab
