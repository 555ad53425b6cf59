#pragma once

#include "views/bar_click.h"
#include "views/plot_view.h"

#include "analysis/timeline_rows.h"
#include "executors/rank_info.h"
#include "trace/host_rows.h"
#include "trace/trace_event.h"

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

class QCPItemText;
class QCPTextElement;
class QCustomPlot;

namespace parlab::gui {

class TimelineBars;

/// The trace of a run as a Gantt chart: one row per worker, one bar per task and phase, so idle
/// gaps, imbalance and oversubscription show. Each redraw draws only what the zoom shows, and
/// bars narrower than a pixel as aggregates, so 100 000 tasks stay interactive. Hovering a bar
/// names its task; clicking it selects the task in the session (the coffee bar marks it).
class TimelineView : public PlotView {
    Q_OBJECT
public:
    explicit TimelineView(QWidget* parent = nullptr);

    [[nodiscard]] QString exportName() const override { return QStringLiteral("timeline"); }

    /// Draws the events of the session's run in progress as they come, then its last run whole.
    void setSession(const Session* session) override;
    /// Shows `trace` alone, replacing what was shown.
    void setTrace(const Trace& trace);
    /// Adds events of the run in progress; call with batches, the plot redraws once per batch.
    void addEvents(const std::vector<TraceEvent>& events);
    void clear();
    /// Each worker's host (Run::hosts): rows grouped by host, named on the right. Cleared by clear().
    void setHosts(const std::vector<std::string>& hosts);
    /// A cluster run's ranks as they join, before its first task: its rows are grouped by host
    /// while it runs, not only once it has ended.
    void setJoinedRanks(const std::vector<RankInfo>& ranks);
    /// Which worker each row shows, and the hosts' groups of rows.
    [[nodiscard]] const HostRows& hostRows() const { return m_hostRows; }

    /// Bars held, one per event and phase, in all or of one phase (drawn or aggregated).
    [[nodiscard]] int barCount() const;
    [[nodiscard]] int barCount(Phase phase) const;
    /// Bars of time spent waiting for the interpreter lock (GIL mode).
    [[nodiscard]] int lockWaitBarCount() const { return m_lockCount; }
    /// Rows drawn: one per worker, up to the highest worker index seen.
    [[nodiscard]] int rowCount() const { return m_workers; }
    /// The run's length as drawn, in ms from the first event's start to the last event's end.
    [[nodiscard]] double spanMs() const;
    /// The bars of the last redraw (in ms, by row, then start; an aggregate counts as one and its
    /// `first` is the index of its first event).
    [[nodiscard]] const std::vector<TimelineBar>& drawnBars() const { return m_drawn; }
    /// Lays out, aggregates for the current zoom and size, and redraws now.
    void redraw();

    /// The task whose bar is drawn at `pixel` (the plot's coordinates); none off every bar and on
    /// an aggregate of many.
    [[nodiscard]] std::optional<std::uint32_t> taskAt(QPointF pixel) const;
    /// What hovering at `pixel` shows: task, worker, CPU, pid and duration; empty off every bar.
    [[nodiscard]] QString hoverText(QPointF pixel) const;
    /// A click at `pixel`: on a task's bar, taskClicked; on an aggregate, a zoom in there until
    /// its tasks can be told apart; elsewhere nothing.
    void clickAt(QPointF pixel);

Q_SIGNALS:
    /// The bar of `task` was clicked.
    void taskClicked(std::uint32_t task);

protected:
    void restyle() override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    static constexpr int phase_count = 4;
    /// The row a worker's bars go on: the one place that decides the order of the rows (after
    /// changing the order, rebuildRows() and updateAxes() place every bar and label again).
    [[nodiscard]] int rowOf(std::uint32_t worker) const { return static_cast<int>(m_hostRows.row(worker)); }
    void append(const std::vector<TraceEvent>& events, std::size_t firstIndex);
    void rebuildRows();
    void updateAxes();
    /// Aggregates what the x range shows at the axis rect's width into the bars' plottables.
    void updateBars();
    [[nodiscard]] std::optional<std::size_t> drawnAt(QPointF pixel) const;

    QCPTextElement* m_title = nullptr;
    QCPItemText* m_hint = nullptr;
    std::array<TimelineBars*, phase_count> m_phaseBars{};
    /// GIL mode: each task's lock wait, drawn over the start of its bar in a colour of its own.
    TimelineBars* m_lockWait = nullptr;
    std::vector<TraceEvent> m_events;
    TimelineRows m_rows;     // one bar per event, `first` its index in m_events
    TimelineRows m_lockRows; // one bar per event with a lock wait
    std::vector<TimelineBar> m_drawn;
    std::vector<TimelineBar> m_lockDrawn;
    std::array<int, phase_count> m_phaseCounts{};
    int m_lockCount = 0;
    std::int64_t m_origin_ns = 0;
    std::int64_t m_end_ns = 0;
    int m_workers = 0;
    BarClick m_click;
    HostRows m_hostRows;
};

} // namespace parlab::gui
