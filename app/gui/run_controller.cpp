#include "run_controller.h"

#include "worker_event_buffers.h"

#include "executors/run_error.h"
#include "machine/machine_facts.h"

#include <algorithm>
#include <exception>
#include <mutex>
#include <optional>
#include <stdexcept>

namespace parlab::gui {

namespace {

// Between two flushes a flood of tiny tasks fills at most this many events in all (32 bytes
// each); more are left out of the live view, and the finished trace still has them.
constexpr std::size_t buffered_events = 131072;
constexpr std::size_t min_events_per_worker = 4096;
constexpr int flush_interval_ms = 33;

// The most workers any run of the sweep uses; the serial baseline uses one.
std::size_t most_workers(const SweepRequest& request)
{
    try {
        const auto counts = request.workers.counts(machine_facts().logical_cpus);
        return counts.empty() ? 1 : std::max<std::size_t>(1, counts.back());
    } catch (const std::exception&) {
        return 1; // the sweep refuses the range itself, before any task
    }
}

} // namespace

/// Progress and trace events written by the run's threads, read by the GUI thread's timer:
/// progress (a few times a second) under a lock, trace events in per-worker rings with none.
struct RunController::Pending {
    explicit Pending(std::size_t workers)
        : events(workers,
                 std::max(min_events_per_worker, buffered_events / std::max<std::size_t>(1, workers)))
    {
    }
    std::mutex mutex;
    std::optional<SweepProgress> progress;
    WorkerEventBuffers events;
};

class RunController::Observer : public SweepObserver {
public:
    Observer(RunController* controller, std::shared_ptr<Pending> pending)
        : m_controller(controller), m_pending(std::move(pending))
    {
    }

    void on_progress(const SweepProgress& progress) override
    {
        std::lock_guard lock(m_pending->mutex);
        m_pending->progress = progress;
    }

    /// Told the worker count before a run. The rings are made for the sweep's largest count
    /// before it starts (they cannot grow while the GUI thread reads them), so this only checks.
    void set_up(std::size_t workers) override { m_fits = workers <= m_pending->events.workers(); }

    void on_task_done(std::size_t /*worker*/, const TraceEvent& event) override
    {
        if (m_fits)
            m_pending->events.record(event);
    }

    void on_joined(const std::vector<RankInfo>& ranks) override
    {
        m_controller->m_posted.post([c = m_controller, ranks] { Q_EMIT c->ranksJoined(ranks); });
    }

    // A worker count's point after each round but the last: the first points show after the
    // sweep's first round instead of its last. (The baseline's own, on_baseline_refined, is the
    // reference of these speedups, not a point of the plot: it is not shown.)
    void on_point_refined(const Point& point) override
    {
        m_controller->m_posted.post([c = m_controller, point] { Q_EMIT c->pointRefined(point); });
    }

    void on_baseline_refined(const Point& point) override
    {
        m_controller->m_posted.post([c = m_controller, point] { Q_EMIT c->baselineRefined(point); });
    }

    void on_run_kept(const Run& run) override
    {
        m_controller->m_posted.post([c = m_controller, run] { Q_EMIT c->runKept(run); });
    }

    void on_baseline(const Point& point) override
    {
        m_controller->m_posted.post([c = m_controller, point] { Q_EMIT c->baselineReady(point); });
    }

    void on_point(const Point& point) override
    {
        m_controller->m_posted.post([c = m_controller, point] { Q_EMIT c->pointReady(point); });
    }

private:
    RunController* m_controller;
    std::shared_ptr<Pending> m_pending;
    bool m_fits = true;
};

RunController::RunController(QObject* parent) : QObject(parent), m_pending(std::make_shared<Pending>(1))
{
    register_metatypes();
    m_flushTimer.setInterval(flush_interval_ms);
    connect(&m_flushTimer, &QTimer::timeout, this, &RunController::flush);
}

RunController::~RunController()
{
    m_cancel.cancel();
    if (m_thread.joinable())
        m_thread.join();
}

bool RunController::start(const RunRequest& request)
{
    if (m_running)
        return false;
    if (m_thread.joinable())
        m_thread.join();
    m_running = true;
    m_cancel = CancelToken();
    m_pending = std::make_shared<Pending>(most_workers(request.sweep));
    Q_EMIT started(request);
    m_flushTimer.start();

    m_thread = std::thread([this, request, pending = m_pending, cancel = m_cancel] {
        Observer observer(this, pending);
        observer.set_up(pending->events.workers());
        try {
            SweepResult result = run_sweep(request.sweep, &observer, cancel);
            m_posted.post([this, result = std::move(result)] {
                endRun();
                Q_EMIT finished(result);
                Q_EMIT idle();
            });
        } catch (const RunCancelled&) {
            m_posted.post([this] {
                endRun();
                Q_EMIT cancelled();
                Q_EMIT idle();
            });
        } catch (const RunError& error) {
            QString message = QString::fromStdString(error.what());
            if (error.task())
                message += QStringLiteral(" (task %1)").arg(*error.task());
            m_posted.post([this, message] {
                endRun();
                Q_EMIT failed(message);
                Q_EMIT idle();
            });
        } catch (const std::exception& error) {
            m_posted.post([this, message = QString::fromStdString(error.what())] {
                endRun();
                Q_EMIT failed(message);
                Q_EMIT idle();
            });
        }
    });
    return true;
}

void RunController::cancel()
{
    if (m_running)
        m_cancel.cancel();
}

void RunController::flush()
{
    std::optional<SweepProgress> latest;
    {
        std::lock_guard lock(m_pending->mutex);
        latest.swap(m_pending->progress);
    }
    const std::vector<TraceEvent> events = m_pending->events.drain();
    if (latest)
        Q_EMIT progress(*latest);
    if (!events.empty())
        Q_EMIT taskEvents(events);
}

void RunController::endRun()
{
    // The thread has posted its last message and is returning; joining here is brief.
    if (m_thread.joinable())
        m_thread.join();
    m_flushTimer.stop();
    flush();
    m_running = false;
}

} // namespace parlab::gui
