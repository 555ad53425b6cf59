#pragma once

#include "executors/break_even.h"
#include "posted_calls.h"

#include <QObject>

#include <map>
#include <optional>
#include <thread>
#include <vector>

namespace parlab {
struct TraceEvent;
struct Point;
struct SweepRequest;
} // namespace parlab

namespace parlab::gui {

class Session;
class SpeedupView;

/// What the speedup plot adds for the lecture: the break-even marker ("tasks shorter than X µs
/// lose on <backend>", from each backend's empty-task round trip, measured once per session off
/// the GUI thread) and the what-if curve (the speedup the serial run's own task durations predict
/// for each worker count, dealt as the run deals them), dashed beside the measured one.
class SpeedupOverlays : public QObject {
    Q_OBJECT
public:
    SpeedupOverlays(SpeedupView* view, Session* session);
    /// Waits for the measurement of the overheads, if it is still going.
    ~SpeedupOverlays() override;

    /// The overheads, once measured (for tests: set them instead of measuring).
    void setOverheads(std::vector<TaskOverhead> overheads);
    [[nodiscard]] const std::optional<std::vector<TaskOverhead>>& overheads() const { return m_overheads; }
    /// The serial run's per-task durations of the latest run, once every task was seen.
    [[nodiscard]] std::vector<double> baselineDurations() const;
    /// The what-if speedups at each worker count of the latest run's points.
    [[nodiscard]] std::vector<std::pair<std::size_t, double>> predictedSpeedups() const;
    [[nodiscard]] QString breakEvenText() const;

private:
    void draw();
    void collect(const std::vector<TraceEvent>& events);

    SpeedupView* m_view;
    Session* m_session;
    PostedCalls m_posted{this}; ///< the measurement's result, to the GUI thread
    std::thread m_measure;
    std::optional<std::vector<TaskOverhead>> m_overheads;
    std::map<std::uint32_t, double> m_durations; ///< first sighting of each task: the baseline's
    std::size_t m_tasks = 0;
};

} // namespace parlab::gui
