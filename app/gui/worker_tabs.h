#pragma once

#include "executors/run.h"

#include <QObject>
#include <QString>

#include <cstddef>
#include <vector>

class QComboBox;
class QStatusBar;
class QTabWidget;
class QWidget;

namespace parlab {
struct SweepProgress;
struct SweepRequest;
} // namespace parlab

namespace parlab::gui {

class CoffeeBarView;
class ComparisonView;
class CoreLoadView;
class HostsView;
class LiveSpeedupMarker;
class RunController;
class Session;
class SpeedupView;
class TopologyView;

/// The views that show the workers, wired to the session and the run: the coffee bar (live
/// from the run's events, then the last run to replay; the current tab when the workload is
/// coffee; the task selected in the session ringed), the machine's topology (live loads from
/// the core-load sampler, the last run's placement), who joined a cluster run (brought forward
/// when the first ranks join, as the lecture's apply_sync(hostname) does), the comparison of two
/// runs of the session, and the live speedup marker on the speedup plot with its number in the
/// status bar.
class WorkerTabs : public QObject {
    Q_OBJECT
public:
    /// Adds the coffee bar and topology tabs to `tabs`; the comparison is a plot view the
    /// window adds itself (comparison()), so it exports as the other plots do.
    WorkerTabs(Session* session, RunController* controller, QTabWidget* tabs, SpeedupView* speedup,
               CoreLoadView* coreLoad, QStatusBar* status, QObject* parent = nullptr);

    [[nodiscard]] CoffeeBarView* coffee() const { return m_coffee; }
    [[nodiscard]] TopologyView* topology() const { return m_topology; }
    /// Who joined a cluster run, and the hostfile editor.
    [[nodiscard]] HostsView* hosts() const { return m_hosts; }
    [[nodiscard]] ComparisonView* comparison() const { return m_comparison; }
    [[nodiscard]] LiveSpeedupMarker* liveSpeedup() const { return m_live; }
    /// The finished runs of this session the comparison can pick from, oldest first.
    [[nodiscard]] const std::vector<Run>& keptRuns() const { return m_kept; }
    /// Compares kept runs `a` (top) and `b`, as picking them in the two boxes does.
    void compare(int a, int b);
    void setScale(double scale);
    /// The tab in front stays there: runs stop bringing the coffee bar or the hosts forward.
    void keepCurrentTab() { m_tabKept = true; }

private:
    void runBegun(const SweepRequest& request);
    void progress(const SweepProgress& progress);
    void lastRunChanged();
    /// Keeps a run (with its trace) for the comparison, the oldest going past max_kept.
    void keep(const Run& run);
    [[nodiscard]] double serialSeconds() const;

    /// How many finished runs the comparison keeps (each with its whole trace).
    static constexpr std::size_t max_kept = 12;

    Session* m_session;
    QTabWidget* m_tabs;
    QStatusBar* m_status;
    CoffeeBarView* m_coffee;
    TopologyView* m_topology;
    HostsView* m_hosts;
    ComparisonView* m_comparison;
    LiveSpeedupMarker* m_live;
    QComboBox* m_pickA;
    QComboBox* m_pickB;
    std::vector<Run> m_kept;
    double m_serialS = 0.0; ///< the serial baseline of the runs being kept, as known so far
    std::vector<double> m_keptSerialS;
    std::size_t m_tasksPerRun = 0;
    std::string m_liveBackend;
    std::size_t m_liveWorkers = 0;
    unsigned m_liveRepeat = 0;
    bool m_hostsShown = false; ///< the hosts tab was brought forward in this sweep
    bool m_tabKept = false;    ///< the teacher chose the tab in front (keepCurrentTab)
};

} // namespace parlab::gui
