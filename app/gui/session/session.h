#pragma once

#include "session/run_record.h"

#include "executors/run.h"
#include "trace/trace_event.h"

#include <QObject>
#include <QString>

#include <cstdint>
#include <optional>
#include <vector>

namespace parlab::gui {

/// The session: every run with its points, and the last run with its trace. It says what changed;
/// the views subscribe to it and draw from it, and saving and exporting read it.
class Session : public QObject {
    Q_OBJECT
public:
    explicit Session(QObject* parent = nullptr);

    [[nodiscard]] const std::vector<RunRecord>& runs() const { return m_runs; }
    [[nodiscard]] const std::optional<Run>& lastRun() const { return m_lastRun; }
    /// Every point of every run, each run's serial baseline first.
    [[nodiscard]] std::vector<Point> allPoints() const;

    /// A new run begins: its points go to a record of its own.
    void beginRun(const SweepRequest& request);
    void addBaseline(const Point& point);
    void addPoint(const Point& point);
    /// A provisional point of the run in progress (the repeats so far): announced as pointAdded,
    /// so the plot shows it at once, but not kept; the final addPoint at the same workers replaces it.
    void refinePoint(const Point& point);
    /// Events of the run in progress, for views that draw it as it goes; not kept.
    void addLiveEvents(const std::vector<TraceEvent>& events);
    void setLastRun(const Run& run);
    /// Replaces every run (none to clear the plots); the last run and its trace stay.
    void replaceRuns(std::vector<RunRecord> runs);

    /// Replaces the runs with the file's and forgets the last run, or changes nothing and
    /// returns why not.
    QString load(const QString& path);
    /// Writes the runs; returns the error, or nothing.
    QString save(const QString& path) const;

    /// Points every view at one task of the last run (a click on its bar). A selection, not a
    /// change to what the session holds: views that only read the session may make it.
    void selectTask(std::uint32_t task) const;

Q_SIGNALS:
    void runBegun(const parlab::SweepRequest& request);
    void baselineAdded(const parlab::Point& point);
    void pointAdded(const parlab::Point& point);
    void liveEventsAdded(const std::vector<parlab::TraceEvent>& events);
    void lastRunChanged();
    void runsReplaced();
    void taskSelected(std::uint32_t task) const;

private:
    RunRecord& current();

    std::vector<RunRecord> m_runs;
    std::optional<Run> m_lastRun;
};

} // namespace parlab::gui
