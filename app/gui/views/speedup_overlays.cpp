// Before any Qt header: WhatIfResult has a member named slots, a keyword macro of Qt.
#include "analysis/what_if.h"

#include "views/speedup_overlays.h"

#include "session/session.h"
#include "views/plot_style.h"
#include "views/speedup_view.h"

#include "executors/chunk_rule.h"
#include "trace/trace_event.h"

#include <qcustomplot.h>

#include <cmath>
#include <mutex>

namespace parlab::gui {

namespace {

// Measured once per process: every window of the session reads the same figures.
std::mutex cache_mutex;
std::optional<std::vector<TaskOverhead>> cached_overheads;

QString micros(double seconds)
{
    const double us = seconds * 1e6;
    return us >= 100 ? QString::number(std::lround(us)) : QString::number(us, 'g', 2);
}

} // namespace

SpeedupOverlays::SpeedupOverlays(SpeedupView* view, Session* session)
    : QObject(view), m_view(view), m_session(session)
{
    connect(view, &SpeedupView::drawn, this, &SpeedupOverlays::draw);
    connect(session, &Session::runBegun, this, [this] {
        m_durations.clear();
        m_tasks = 0;
    });
    connect(session, &Session::baselineAdded, this, [this](const Point& point) { m_tasks = point.tasks; });
    connect(session, &Session::liveEventsAdded, this, &SpeedupOverlays::collect);
    {
        const std::lock_guard lock(cache_mutex);
        if (cached_overheads) {
            m_overheads = cached_overheads;
            return;
        }
    }
    m_measure = std::thread([this] {
        std::vector<TaskOverhead> measured = measure_task_overheads();
        {
            const std::lock_guard lock(cache_mutex);
            cached_overheads = measured;
        }
        m_posted.post([this, measured] { setOverheads(measured); });
    });
}

SpeedupOverlays::~SpeedupOverlays()
{
    if (m_measure.joinable())
        m_measure.join();
}

void SpeedupOverlays::setOverheads(std::vector<TaskOverhead> overheads)
{
    m_overheads = std::move(overheads);
    m_view->rebuild();
}

void SpeedupOverlays::collect(const std::vector<TraceEvent>& events)
{
    // Events arrive in order and the baseline runs every task first: the first sighting of a
    // task is its serial duration (the later runs deal the same tasks again).
    for (const TraceEvent& event : events) {
        if (event.phase == Phase::Compute && !m_durations.count(event.task))
            m_durations[event.task] = static_cast<double>(event.end_ns - event.start_ns) * 1e-9;
    }
}

std::vector<double> SpeedupOverlays::baselineDurations() const
{
    if (m_tasks == 0 || m_durations.size() != m_tasks)
        return {}; // a flood of tiny tasks drops events: no prediction from a partial picture
    std::vector<double> durations;
    durations.reserve(m_tasks);
    for (const auto& [task, seconds] : m_durations)
        durations.push_back(seconds);
    return durations;
}

std::vector<std::pair<std::size_t, double>> SpeedupOverlays::predictedSpeedups() const
{
    std::vector<std::pair<std::size_t, double>> predicted;
    const std::vector<double> durations = baselineDurations();
    if (durations.empty() || m_session->runs().empty())
        return predicted;
    const RunRecord& record = m_session->runs().back();
    for (const Point& point : record.points) {
        WhatIfRequest request;
        request.durations_s = durations;
        request.workers = point.workers;
        request.schedule = record.request.schedule;
        request.chunk = record.request.chunk_auto ? pool_map_chunk(durations.size(), point.workers)
                                                  : record.request.chunk;
        predicted.emplace_back(point.workers, simulate_schedule(request).speedup);
    }
    return predicted;
}

QString SpeedupOverlays::breakEvenText() const
{
    if (!m_overheads || m_session->runs().empty())
        return {};
    const RunRecord& record = m_session->runs().back();
    for (const TaskOverhead& overhead : *m_overheads) {
        if (overhead.backend != record.request.backend || !overhead.error.empty() ||
            overhead.break_even_s <= 0)
            continue;
        QString text = tr("tasks < %1 µs lose on %2")
                           .arg(micros(overhead.break_even_s), QString::fromStdString(overhead.backend));
        // The run's own task length matters beside it only when it comes near the line.
        const double task_s = record.has_serial && record.serial.tasks > 0
                                  ? record.serial.wall_s / static_cast<double>(record.serial.tasks)
                                  : 0.0;
        if (task_s > 0 && task_s < 10 * overhead.break_even_s)
            text += tr(" (this run's: %1 µs)").arg(micros(task_s));
        return text;
    }
    return {};
}

void SpeedupOverlays::draw()
{
    QCustomPlot* plot = m_view->plot();
    const double scale = m_view->scale();
    const QColor text = plot->palette().color(QPalette::WindowText);
    const auto predicted = predictedSpeedups();
    if (!predicted.empty()) {
        QVector<double> x, y;
        for (const auto& [workers, speedup] : predicted) {
            x << static_cast<double>(workers);
            y << speedup;
        }
        auto* curve = plot->addGraph();
        curve->setName(tr("predicted from the serial run"));
        QColor color = text;
        color.setAlpha(200);
        curve->setPen(QPen(color, lineWidth(scale), Qt::DashDotLine));
        curve->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCross, color, 9 * scale));
        curve->setData(x, y, true);
        if (plot->yAxis->range().upper < *std::max_element(y.begin(), y.end()) * 1.05)
            plot->yAxis->setRangeUpper(*std::max_element(y.begin(), y.end()) * 1.05);
    }
    const QString breakEven = breakEvenText();
    if (!breakEven.isEmpty()) {
        // A legend line of its own (a graph with no data): inside the chart it would cover points.
        auto* line = plot->addGraph();
        line->setName(breakEven);
        line->setPen(QPen(Qt::NoPen));
    }
}

} // namespace parlab::gui
