#pragma once

#include "session/run_record.h"
#include "views/plot_view.h"

#include "executors/ship_via.h"
#include "sweep/point.h"

#include <QString>

#include <array>
#include <cstddef>
#include <vector>

class QCPBars;
class QCPTextElement;

namespace parlab::gui {

/// Where the time of a run goes: one stacked horizontal bar per backend and worker count, split
/// into pool start-up, shipping data, compute (the rest of the run) and teardown, with the bytes
/// shipped written beside it. Threads and processes at the same worker count sit side by side.
class CostsView : public PlotView {
    Q_OBJECT
public:
    /// The segments of a bar, in the order they are stacked.
    enum class Segment { Startup, Ship, Compute, Teardown };
    static constexpr std::size_t segment_count = 4;

    /// One bar: a point of the session, and whether its sweep shipped inputs.
    struct Row {
        Point point;
        bool shipped = false;
        double key = 0.0; ///< position on the row axis
        /// How, when shipped: a socket row and a shm row of one W sit side by side.
        ShipVia via = ShipVia::Socket;
    };

    explicit CostsView(QWidget* parent = nullptr);

    [[nodiscard]] QString exportName() const override { return QStringLiteral("costs"); }
    /// Draws the session's runs, again whenever a point comes or the runs are replaced.
    void setSession(const Session* session) override;

    /// Shows the latest workload's points of `runs` (the newest point per backend, shipping and
    /// worker count, with its serial baseline). Redraws soon (at most ~30 times a second).
    void setRuns(const std::vector<RunRecord>& runs);
    void clear();

    [[nodiscard]] const std::vector<Row>& rows() const { return m_rows; }
    /// The row's label on the axis ("2 processes + ship", "2 processes + ship (shm)").
    [[nodiscard]] static QString rowLabel(const Row& row);
    /// A segment's length in seconds, as drawn (before the axis unit is applied).
    [[nodiscard]] static double segmentSeconds(const Row& row, Segment segment);
    /// The bars of one segment; their values are in the time axis' unit (`timeUnitSeconds`).
    [[nodiscard]] QCPBars* bars(Segment segment) const { return m_bars[static_cast<std::size_t>(segment)]; }
    /// Seconds per unit of the time axis: 0.001 when it counts ms, 1 when it counts s.
    [[nodiscard]] double timeUnitSeconds() const { return m_unit; }

protected:
    void restyle() override;
    void draw() override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void resetRanges();
    void styleBars();
    [[nodiscard]] int labelPadding() const;

    QCPTextElement* m_title = nullptr;
    std::array<QCPBars*, segment_count> m_bars{};
    std::vector<Row> m_rows;
    QString m_workload;
    double m_unit = 0.001;
    double m_maxTotal = 0.0;
};

} // namespace parlab::gui
