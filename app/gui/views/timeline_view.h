#pragma once

#include "views/plot_view.h"

#include "trace/host_rows.h"
#include "trace/trace_event.h"

#include <array>
#include <cstdint>
#include <vector>

class QCPCurve;
class QCPItemText;
class QCPTextElement;
class QCustomPlot;

namespace parlab::gui {

/// The trace of a run as a Gantt chart: one row per worker, one bar per task and phase, so idle
/// gaps, imbalance and oversubscription show. Bars are thick line segments, a few curves in all,
/// so that thousands of tasks stay fast.
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
    /// Which worker each row shows, and the hosts' groups of rows.
    [[nodiscard]] const HostRows& hostRows() const { return m_hostRows; }

    /// Bars drawn, in all or of one phase.
    [[nodiscard]] int barCount() const;
    [[nodiscard]] int barCount(Phase phase) const;
    /// Bars of time spent waiting for the interpreter lock (GIL mode).
    [[nodiscard]] int lockWaitBarCount() const;
    /// Rows drawn: one per worker, up to the highest worker index seen.
    [[nodiscard]] int rowCount() const { return m_rows; }
    /// The run's length as drawn, in ms from the first event's start to the last event's end.
    [[nodiscard]] double spanMs() const;

protected:
    void restyle() override;

private:
    static constexpr int phase_count = 4;
    void append(const TraceEvent& event);
    void redrawAll();
    void updateAxes();
    void updateBarThickness();
    QCPCurve* curveFor(const TraceEvent& event) const;

    QCPTextElement* m_title = nullptr;
    QCPItemText* m_hint = nullptr;
    // Per phase, two curves: neighbouring tasks alternate between them, so their borders show.
    std::array<std::array<QCPCurve*, 2>, phase_count> m_curves{};
    /// GIL mode: each task's lock wait, drawn over the start of its bar in a colour of its own.
    QCPCurve* m_lockWait = nullptr;
    std::vector<TraceEvent> m_events;
    std::int64_t m_origin_ns = 0;
    std::int64_t m_end_ns = 0;
    int m_rows = 0;
    HostRows m_hostRows;
};

} // namespace parlab::gui
