#pragma once

#include "executors/executor.h"

namespace parlab {

/// One worker: a plain loop over the tasks on the calling thread, the baseline for speedup.
class SerialExecutor : public Executor {
public:
    [[nodiscard]] std::size_t max_workers() const override { return 1; }
    [[nodiscard]] std::string_view name() const override { return "serial"; }
    /// Throws std::invalid_argument unless options.workers is 1; chunk and schedule change nothing.
    Run run(const Workload& workload, const ExecutorOptions& options) override;
};

} // namespace parlab
