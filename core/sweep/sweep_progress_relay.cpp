#include "sweep/sweep_progress_relay.h"

#include <algorithm>

namespace parlab {
namespace {

constexpr std::int64_t report_interval_ns = 50'000'000;

} // namespace

SweepProgressRelay::SweepProgressRelay(SweepObserver* observer, std::size_t tasks_total)
    : m_observer(observer), m_tasks_total(tasks_total), m_start_ns(steady_now_ns())
{
}

void SweepProgressRelay::begin_run(const std::string& backend, std::size_t workers, unsigned repeat)
{
    const std::lock_guard lock(m_report_mutex);
    m_backend = backend;
    m_workers = workers;
    m_repeat = repeat;
}

void SweepProgressRelay::set_up(std::size_t workers)
{
    // Before the run's first task and after the previous run's last: no worker counts now.
    const std::lock_guard lock(m_report_mutex);
    m_counts = std::make_unique<WorkerCount[]>(workers);
    m_workers_now = workers;
    if (m_observer != nullptr)
        m_observer->set_up(workers);
}

void SweepProgressRelay::end_run(std::size_t tasks_done)
{
    // The executor's own count is the truth: an executor may report fewer events than tasks.
    {
        const std::lock_guard lock(m_report_mutex);
        m_done_before_run += tasks_done;
        m_counts.reset();
        m_workers_now = 0;
    }
    report();
}

void SweepProgressRelay::on_task_done(std::size_t worker, const TraceEvent& event)
{
    if (event.phase == Phase::Compute && worker < m_workers_now) {
        auto& done = m_counts[worker].done;
        done.store(done.load(std::memory_order_relaxed) + 1, std::memory_order_relaxed);
    }
    if (m_observer == nullptr)
        return;
    m_observer->on_task_done(worker, event);
    const std::int64_t now = steady_now_ns();
    std::int64_t next = m_next_report_ns.load(std::memory_order_relaxed);
    if (now >= next && m_next_report_ns.compare_exchange_strong(next, now + report_interval_ns))
        report();
}

void SweepProgressRelay::on_joined(const std::vector<RankInfo>& ranks)
{
    if (m_observer != nullptr)
        m_observer->on_joined(ranks);
}

void SweepProgressRelay::report()
{
    if (m_observer == nullptr)
        return;
    const std::lock_guard lock(m_report_mutex);
    SweepProgress progress;
    progress.backend = m_backend;
    progress.workers = m_workers;
    progress.repeat = m_repeat;
    // A late event of an earlier run must not move the bar backwards or past the end.
    std::size_t done = m_done_before_run;
    for (std::size_t worker = 0; worker < m_workers_now; ++worker)
        done += m_counts[worker].done.load(std::memory_order_relaxed);
    m_reported = std::max(m_reported, std::min(done, m_tasks_total));
    progress.tasks_done = m_reported;
    progress.tasks_total = m_tasks_total;
    progress.elapsed_s = static_cast<double>(steady_now_ns() - m_start_ns) / 1e9;
    if (progress.tasks_done > 0 && progress.elapsed_s > 0.0)
        progress.eta_s = progress.elapsed_s * static_cast<double>(m_tasks_total - progress.tasks_done) /
                         static_cast<double>(progress.tasks_done);
    m_observer->on_progress(progress);
}

} // namespace parlab
