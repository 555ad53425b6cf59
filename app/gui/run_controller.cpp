#include "run_controller.h"

#include "executors/run_error.h"

#include <QMetaObject>
#include <QPointer>

#include <exception>
#include <mutex>
#include <optional>
#include <stdexcept>

namespace parlab::gui {

namespace {

// A flood of tiny tasks must not grow the buffer without bound between two flushes.
constexpr std::size_t max_buffered_events = 200000;
constexpr int flush_interval_ms = 33;

} // namespace

/// Progress and trace events written by the run's threads, drained by the GUI thread's timer.
struct RunController::Pending {
    std::mutex mutex;
    std::optional<SweepProgress> progress;
    std::vector<TraceEvent> events;
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

    void on_task_done(std::size_t /*worker*/, const TraceEvent& event) override
    {
        std::lock_guard lock(m_pending->mutex);
        if (m_pending->events.size() < max_buffered_events)
            m_pending->events.push_back(event);
    }

    void on_baseline(const Point& point) override
    {
        QMetaObject::invokeMethod(
            m_controller, [c = m_controller, point] { Q_EMIT c->baselineReady(point); }, Qt::QueuedConnection);
    }

    void on_point(const Point& point) override
    {
        QMetaObject::invokeMethod(
            m_controller, [c = m_controller, point] { Q_EMIT c->pointReady(point); }, Qt::QueuedConnection);
    }

private:
    RunController* m_controller;
    std::shared_ptr<Pending> m_pending;
};

RunController::RunController(QObject* parent) : QObject(parent), m_pending(std::make_shared<Pending>())
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
    m_pending = std::make_shared<Pending>();
    Q_EMIT started(request);
    m_flushTimer.start();

    m_thread = std::thread([this, request, pending = m_pending, cancel = m_cancel] {
        Observer observer(this, pending);
        auto post = [this](auto function) { QMetaObject::invokeMethod(this, function, Qt::QueuedConnection); };
        try {
            SweepResult result = run_sweep(request.sweep, &observer, cancel);
            post([this, result = std::move(result)] {
                endRun();
                Q_EMIT finished(result);
                Q_EMIT idle();
            });
        } catch (const RunCancelled&) {
            post([this] {
                endRun();
                Q_EMIT cancelled();
                Q_EMIT idle();
            });
        } catch (const RunError& error) {
            QString message = QString::fromStdString(error.what());
            if (error.task())
                message += QStringLiteral(" (task %1)").arg(*error.task());
            post([this, message] {
                endRun();
                Q_EMIT failed(message);
                Q_EMIT idle();
            });
        } catch (const std::exception& error) {
            post([this, message = QString::fromStdString(error.what())] {
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
    std::vector<TraceEvent> events;
    {
        std::lock_guard lock(m_pending->mutex);
        latest.swap(m_pending->progress);
        events.swap(m_pending->events);
    }
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
