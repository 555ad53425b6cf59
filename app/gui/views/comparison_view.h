#pragma once

#include "plot_view.h"
#include "views/bar_click.h"

#include "analysis/bar_aggregation.h"
#include "executors/run.h"
#include "trace/task_span.h"

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

class QCPAxisRect;
class QCPCurve;
class QCPTextElement;

namespace parlab::gui {

/// Two runs' timelines on one time axis, one above the other (each from its own first task),
/// with what differs between them: wall time, speedup and costs. Bars narrower than a pixel are
/// drawn as aggregates, so 100 000 tasks stay interactive; hovering a bar names its task.
class ComparisonView : public PlotView {
    Q_OBJECT
public:
    explicit ComparisonView(QWidget* parent = nullptr);

    [[nodiscard]] QString exportName() const override { return QStringLiteral("comparison"); }

    /// Shows `a` above `b`. `serialS` is the serial wall time of the same work (0 when unknown):
    /// with it, each run's speedup is shown.
    void setRuns(const Run& a, const Run& b, double serialS = 0.0);
    void clear();

    /// Runs shown (0 or 2).
    [[nodiscard]] int runCount() const { return m_runs.empty() ? 0 : 2; }
    /// Bars drawn for run 0 (top) or 1, an aggregate counting as one.
    [[nodiscard]] int barCount(int which) const;
    /// Tasks the drawn bars of run `which` stand for.
    [[nodiscard]] std::size_t taskCount(int which) const;
    /// The summary line of differences.
    [[nodiscard]] QString summary() const;
    /// What hovering shows at `timeMs` on worker row `row` of run `which`; empty off every bar.
    [[nodiscard]] QString hoverText(int which, double timeMs, int row) const;
    /// A click there: on a task's bar, taskClicked; on an aggregate, a zoom of both runs in
    /// there until its tasks can be told apart; elsewhere nothing.
    void clickAt(int which, double timeMs, int row);
    /// Both timelines as one image: PNG, PDF or SVG by the file's extension.
    bool saveImage(const QString& path, int width = 1600, int height = 900);
    /// Aggregates for the current zoom and width, then redraws now.
    void redraw();

Q_SIGNALS:
    /// The bar of `task` was clicked (in either run).
    void taskClicked(std::uint32_t task);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    struct Lane {
        Run run;
        std::vector<TaskSpan> spans;    // relative to the run's start, by start
        std::vector<TimelineBar> bars;  // one per span, in ms
        std::vector<TimelineBar> drawn; // by row, then start; `first` indexes `spans`
        QCPAxisRect* rect = nullptr;
        std::array<QCPCurve*, 3> curves{}; // two alternating shades, then aggregates
    };
    /// The index in lane `which`'s drawn bars of the one at `timeMs` on `row`, within a pixel.
    [[nodiscard]] std::optional<std::size_t> drawnAt(int which, double timeMs, int row) const;
    void buildLane(Lane& lane, const Run& run);
    void drawLane(Lane& lane);
    void updateThickness();
    void restyle() override;

    QCustomPlot* m_plot = nullptr;
    QCPTextElement* m_title = nullptr;
    std::vector<Lane> m_lanes;
    std::vector<Run> m_runs;
    double m_serialS = 0.0;
    double m_spanMs = 1.0;
    int m_drawnWidth = -1;
    BarClick m_click;
};

} // namespace parlab::gui
