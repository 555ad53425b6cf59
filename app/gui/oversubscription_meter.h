#pragma once

#include "run_request.h"

#include <QLabel>
#include <QTimer>

#include <cstddef>

namespace parlab::gui {

class RunController;

/// The status bar's oversubscription meter: workers × inner threads against the logical CPUs,
/// and the runnable threads of parlab and its worker processes counted from /proc during a run;
/// red when either exceeds the CPUs.
class OversubscriptionMeter : public QLabel {
    Q_OBJECT
public:
    explicit OversubscriptionMeter(RunController* controller, QWidget* parent = nullptr);

    /// The threads a request asks for at its largest worker count: workers × inner threads
    /// (`inner_threads`, `auto` = every CPU; 1 when the workload has none or oneTBB is the inner level).
    static std::size_t plannedThreads(const SweepRequest& request, std::size_t cpus);

    /// Counts once now (the timer does this every 250 ms during a run).
    void sample();
    [[nodiscard]] std::size_t peakRunnable() const { return m_peak; }
    [[nodiscard]] bool oversubscribed() const;

private:
    void begin(const RunRequest& request);
    void end();
    void updateText();

    QTimer m_timer;
    std::size_t m_cpus;
    std::size_t m_planned = 0;
    std::size_t m_now = 0;
    std::size_t m_peak = 0;
    bool m_running = false;
};

} // namespace parlab::gui
