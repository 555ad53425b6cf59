#pragma once

#include "executors/executor.h"
#include "sweep/sweep.h"

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <string>

namespace parlab {

/// Counts a sweep's finished tasks as an executor reports them and turns the count into
/// throttled SweepProgress reports (see SweepObserver for which thread calls what).
class SweepProgressRelay final : public RunObserver {
public:
    SweepProgressRelay(SweepObserver* observer, std::size_t tasks_total);

    /// Called by the sweep's thread before each run.
    void begin_run(const std::string& backend, std::size_t workers, unsigned repeat);
    /// Called by the sweep's thread after each run with the tasks it finished; reports at once.
    void end_run(std::size_t tasks_done);

    void on_task_done(const TraceEvent& event) override;

private:
    void report();

    SweepObserver* m_observer;
    std::size_t m_tasks_total;
    std::int64_t m_start_ns;
    std::atomic<std::size_t> m_done{0};
    std::atomic<std::int64_t> m_next_report_ns{0};
    std::size_t m_done_before_run = 0; ///< sweep's thread only
    std::mutex m_report_mutex;         ///< serialises reports and guards the fields below
    std::string m_backend;
    std::size_t m_workers = 0;
    unsigned m_repeat = 0;
    std::size_t m_reported = 0;
};

} // namespace parlab
