#pragma once

#include "executors/executor.h"
#include "sweep/sweep.h"

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace parlab {

/// Counts a sweep's finished tasks as an executor reports them, one counter per worker, and
/// turns the count into throttled SweepProgress reports (see SweepObserver for which thread
/// calls what).
class SweepProgressRelay final : public RunObserver {
public:
    SweepProgressRelay(SweepObserver* observer, std::size_t tasks_total);

    /// Called by the sweep's thread before each run.
    void begin_run(const std::string& backend, std::size_t workers, unsigned repeat);
    /// Called by the sweep's thread after each run with the tasks it finished; reports at once.
    void end_run(std::size_t tasks_done);

    void set_up(std::size_t workers) override;
    void on_task_done(std::size_t worker, const TraceEvent& event) override;
    void on_joined(const std::vector<RankInfo>& ranks) override;

private:
    void report();

    // Written only by its worker; read by whoever reports. Padded so workers share no line.
    struct alignas(64) WorkerCount {
        std::atomic<std::size_t> done{0};
    };

    SweepObserver* m_observer;
    std::size_t m_tasks_total;
    std::int64_t m_start_ns;
    std::unique_ptr<WorkerCount[]> m_counts; ///< this run's, by worker; replaced by set_up
    std::size_t m_workers_now = 0;
    std::atomic<std::int64_t> m_next_report_ns{0};
    std::size_t m_done_before_run = 0; ///< written by the sweep's thread under m_report_mutex
    std::mutex m_report_mutex;         ///< serialises reports and guards the fields below
    std::string m_backend;
    std::size_t m_workers = 0;
    unsigned m_repeat = 0;
    std::size_t m_reported = 0;
};

} // namespace parlab
