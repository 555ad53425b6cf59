#pragma once

#include "executors/executor.h"

namespace parlab {

/// One worker: a plain loop over the tasks on a thread of its own (joined before run returns), the
/// baseline for speedup.
class SerialExecutor : public Executor {
public:
    static constexpr ExecutorTraits backend_traits{
        .name = "serial",
        .display_name = "Serial",
        .worker_word = "worker",
        .workers_word = "workers",
        .summary = "one worker, a plain loop on one thread: the baseline for speedup",
        .shares_memory = true,
    };
    [[nodiscard]] const ExecutorTraits& traits() const override { return backend_traits; }
    [[nodiscard]] std::size_t max_workers() const override { return 1; }
    /// Throws WorkerCountError unless options.workers is 1; chunk and schedule change nothing.
    Run run(const Workload& workload, const ExecutorOptions& options) override;
};

} // namespace parlab
