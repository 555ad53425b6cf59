#include "sweep/warm_up.h"

#include "executors/run_error.h"
#include "trace/trace_event.h"

namespace parlab {

namespace {

// Cuts the warm-up off once it has run long enough, or when the sweep is cancelled.
class WarmUpLimit final : public RunObserver {
public:
    WarmUpLimit(CancelToken sweep, CancelToken warm_up)
        : m_sweep(std::move(sweep)), m_warm_up(std::move(warm_up)), m_start_ns(steady_now_ns())
    {
    }

    void on_task_done(std::size_t /*worker*/, const TraceEvent& /*event*/) override
    {
        if (m_sweep.cancelled() ||
            static_cast<double>(steady_now_ns() - m_start_ns) * 1e-9 >= warm_up_limit_s)
            m_warm_up.cancel();
    }

private:
    CancelToken m_sweep;
    CancelToken m_warm_up;
    std::int64_t m_start_ns;
};

} // namespace

void warm_up(Executor& executor, const Workload& workload, const ExecutorOptions& options)
{
    ExecutorOptions warm = options;
    warm.cancel = CancelToken();
    WarmUpLimit limit(options.cancel, warm.cancel);
    warm.observer = &limit;
    try {
        (void)executor.run(workload, warm);
    } catch (const RunCancelled&) {
        // Cut off as intended; a cancel of the sweep itself is the caller's to notice.
    }
}

} // namespace parlab
