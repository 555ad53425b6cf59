#pragma once

#include "gui_metatypes.h"
#include "posted_calls.h"
#include "run_request.h"

#include <QObject>
#include <QString>
#include <QTimer>

#include <memory>
#include <thread>
#include <vector>

namespace parlab::gui {

/// Owns the one background run. Everything it reports reaches the GUI thread as queued signals
/// of plain structs; progress and trace events are batched to at most ~30 signals a second.
/// A request while a run is going is refused (the teacher cancels first), so results never mix.
class RunController : public QObject {
    Q_OBJECT
public:
    explicit RunController(QObject* parent = nullptr);
    /// Cancels a run in progress and waits for it.
    ~RunController() override;

    /// Starts the run on a background thread; false (and nothing started) while one is running.
    bool start(const RunRequest& request);
    /// Asks the run to stop; `cancelled` follows once it has.
    void cancel();
    [[nodiscard]] bool isRunning() const { return m_running; }

Q_SIGNALS:
    void started(const parlab::gui::RunRequest& request);
    void progress(const parlab::SweepProgress& progress);
    void baselineReady(const parlab::Point& point);
    void pointReady(const parlab::Point& point);
    /// A provisional point from the repeats so far of a worker count (not of the baseline).
    void pointRefined(const parlab::Point& point);
    /// The serial baseline from its repeats so far: the reference of the live speedup and the
    /// coffee bar's clock during a sweep's first rounds, before baselineReady.
    void baselineRefined(const parlab::Point& point);
    /// Each worker count's run of the sweep's last round, with its trace (SweepObserver::on_run_kept).
    void runKept(const parlab::Run& run);
    void taskEvents(const std::vector<parlab::TraceEvent>& events);
    /// A cluster run's ranks have all joined, before its first task: who and where they are.
    void ranksJoined(const std::vector<parlab::RankInfo>& ranks);
    void finished(const parlab::SweepResult& result);
    void failed(const QString& message);
    void cancelled();
    /// After finished, failed or cancelled: a new run may start.
    void idle();

private:
    struct Pending;
    class Observer;

    void flush();
    void endRun();

    PostedCalls m_posted{this}; ///< what the run's thread tells the GUI thread, in order
    std::thread m_thread;
    CancelToken m_cancel;
    std::shared_ptr<Pending> m_pending;
    QTimer m_flushTimer;
    bool m_running = false;
};

} // namespace parlab::gui
