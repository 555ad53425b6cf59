#include "session/session.h"

#include "session/session_file.h"

#include <exception>

namespace parlab::gui {

Session::Session(QObject* parent) : QObject(parent)
{
}

std::vector<Point> Session::allPoints() const
{
    std::vector<Point> points;
    for (const auto& run : m_runs) {
        if (run.has_serial)
            points.push_back(run.serial);
        points.insert(points.end(), run.points.begin(), run.points.end());
    }
    return points;
}

RunRecord& Session::current()
{
    // A point with no run begun (a controller driven alone) still belongs somewhere.
    if (m_runs.empty())
        m_runs.push_back({});
    return m_runs.back();
}

void Session::beginRun(const SweepRequest& request)
{
    m_runs.push_back({request, false, {}, {}});
    Q_EMIT runBegun(request);
}

void Session::addBaseline(const Point& point)
{
    RunRecord& run = current();
    run.serial = point;
    run.has_serial = true;
    Q_EMIT baselineAdded(point);
}

void Session::addPoint(const Point& point)
{
    current().points.push_back(point);
    Q_EMIT pointAdded(point);
}

void Session::refinePoint(const Point& point)
{
    Q_EMIT pointAdded(point);
}

void Session::addLiveEvents(const std::vector<TraceEvent>& events)
{
    Q_EMIT liveEventsAdded(events);
}

void Session::setLastRun(const Run& run)
{
    m_lastRun = run;
    Q_EMIT lastRunChanged();
}

void Session::replaceRuns(std::vector<RunRecord> runs)
{
    m_runs = std::move(runs);
    Q_EMIT runsReplaced();
}

void Session::selectTask(std::uint32_t task) const
{
    Q_EMIT taskSelected(task);
}

QString Session::load(const QString& path)
{
    std::vector<RunRecord> runs;
    try {
        runs = SessionFile::load(path);
    } catch (const std::exception& error) {
        return QString::fromStdString(error.what());
    }
    replaceRuns(std::move(runs));
    // A session file holds no trace: the last run shown would belong to none of its runs.
    m_lastRun.reset();
    Q_EMIT lastRunChanged();
    return {};
}

QString Session::save(const QString& path) const
{
    try {
        SessionFile::save(path, m_runs);
    } catch (const std::exception& error) {
        return QString::fromStdString(error.what());
    }
    return {};
}

} // namespace parlab::gui
