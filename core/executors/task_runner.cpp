#include "executors/task_runner.h"

#include "executors/run_assembly.h"
#include "executors/run_error.h"

#include <unistd.h>

#include <algorithm>
#include <climits>
#include <exception>

namespace parlab {

namespace {

// A dynamic run may give any lane every task, so each lane reserves room for all of them, up to a
// bound past which a lane keeps a fair share and counts the rest as dropped.
std::size_t events_per_lane(std::size_t tasks, std::size_t lanes)
{
    constexpr std::size_t full_room = std::size_t{1} << 20;
    if (tasks <= full_room)
        return tasks;
    return std::max(full_room, 2 * ((tasks + lanes - 1) / lanes));
}

} // namespace

TaskRunner::TaskRunner(const Workload& workload, const ExecutorOptions& options, std::size_t lanes,
                       std::size_t workers, CancelToken task_cancel)
    : m_workload(workload), m_cancel(options.cancel), m_task_cancel(std::move(task_cancel)),
      m_observer(options.observer), m_trace(options.trace), m_workers(workers),
      m_pid(static_cast<std::int32_t>(getpid())), m_partials(workload.task_count()), m_lanes(lanes),
      m_times(std::make_unique<WorkerTime[]>(workers)),
      m_recorder(lanes, options.trace ? events_per_lane(workload.task_count(), lanes) : 0)
{
    if (m_observer != nullptr)
        m_observer->set_up(workers);
}

bool TaskRunner::stopping() const
{
    return m_failed.load(std::memory_order_relaxed) || m_cancel.cancelled() || m_task_cancel.cancelled();
}

bool TaskRunner::run(std::size_t task, std::size_t lane, std::uint32_t worker)
{
    if (stopping())
        return false;
    TraceEvent event;
    event.task = static_cast<std::uint32_t>(task);
    event.worker = worker;
    event.pid = m_pid;
    event.phase = Phase::Compute;
    event.start_ns = steady_now_ns();
    Partial partial;
    const std::int64_t lock_wait_before = InterpreterLock::thread_wait_ns();
    try {
        const InterpreterLockHeld held(m_lock);
        partial = m_workload.run_task(task, m_task_cancel);
    } catch (const std::exception& error) {
        fail(task, "task " + std::to_string(task) + " failed: " + error.what());
        return false;
    } catch (...) {
        fail(task, "task " + std::to_string(task) + " failed with an exception that is not a std::exception");
        return false;
    }
    event.end_ns = steady_now_ns();
    event.lock_wait_ns = InterpreterLock::thread_wait_ns() - lock_wait_before;
    // A task that saw the token may have returned early: its partial means nothing.
    if (m_task_cancel.cancelled() || m_cancel.cancelled())
        return false;

    m_partials[task] = partial;
    ++m_lanes[lane].done;
    m_times[worker].ns.fetch_add(event.end_ns - event.start_ns, std::memory_order_relaxed);
    if (event.lock_wait_ns != 0)
        m_lock_wait_ns.fetch_add(event.lock_wait_ns, std::memory_order_relaxed);
    if (m_trace || m_observer != nullptr)
        event.cpu = current_cpu();
    if (m_trace)
        m_recorder.record(lane, event);
    if (m_observer != nullptr) {
        try {
            m_observer->on_task_done(worker, event);
        } catch (const std::exception& error) {
            fail(task, "the run's observer failed after task " + std::to_string(task) + ": " + error.what());
            return false;
        }
    }
    return true;
}

void TaskRunner::fail(std::size_t task, const std::string& message)
{
    std::lock_guard lock(m_failure_mutex);
    if (!m_failed.load(std::memory_order_relaxed)) {
        m_failed_task = task;
        m_failure = message;
        m_failed.store(true, std::memory_order_relaxed);
    }
}

Run TaskRunner::finish(std::string_view backend, double wall_s)
{
    RunParts parts;
    parts.backend = backend;
    for (const auto& lane : m_lanes)
        parts.tasks_done += lane.done;
    parts.compute_ns_per_worker.resize(m_workers);
    for (std::size_t worker = 0; worker < m_workers; ++worker)
        parts.compute_ns_per_worker[worker] = m_times[worker].ns.load(std::memory_order_relaxed);
    parts.costs.lock_wait_s = static_cast<double>(m_lock_wait_ns.load(std::memory_order_relaxed)) / 1e9;
    if (m_trace)
        parts.events = m_recorder.collect().events;
    parts.failed = m_failed.load(std::memory_order_relaxed);
    parts.partials = std::move(m_partials);
    Run run = assemble_run(m_workload, std::move(parts));
    run.wall_s = wall_s;

    {
        std::lock_guard lock(m_failure_mutex);
        if (m_failed.load(std::memory_order_relaxed))
            throw RunError(m_failure, m_failed_task, std::move(run));
    }
    if (run.tasks_done < run.tasks) {
        if (m_cancel.cancelled() || m_task_cancel.cancelled())
            throw RunCancelled(std::move(run));
        throw RunError("the run ended with " + std::to_string(run.tasks_done) + " of " +
                           std::to_string(run.tasks) + " tasks done",
                       std::nullopt, std::move(run));
    }
    return run;
}

} // namespace parlab
