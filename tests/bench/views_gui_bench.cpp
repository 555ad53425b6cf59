// How long the views take to draw at the sizes the lessons reach: one redraw of a timeline and
// of a comparison with 100 000 tasks (target ≤ 50 ms), one coffee-bar frame with 1000 tasks on
// screen (target ≤ 16 ms). Offscreen, at 1280 × 720.
#include "views/coffee_bar_view.h"
#include "views/coffee_scene.h"
#include "views/comparison_view.h"
#include "views/timeline_view.h"

#include <qcustomplot.h>

#include <benchmark/benchmark.h>

#include <QImage>
#include <QPainter>

#include <array>
#include <cmath>
#include <limits>

namespace {

// `tasks` tasks of 20 us spread over `workers` workers back to back (`gap_ns` apart), with a
// little jitter.
parlab::Run syntheticRun(std::size_t tasks, std::size_t workers, std::int64_t gap_ns = 2'000)
{
    parlab::Run run;
    run.workload = "cubes";
    run.backend = "threads";
    run.workers = workers;
    run.tasks = run.tasks_done = tasks;
    std::vector<std::int64_t> clock(workers, 1'000'000'000);
    for (std::size_t i = 0; i < tasks; ++i) {
        const std::size_t w = i % workers;
        const std::int64_t length = 20'000 + static_cast<std::int64_t>((i * 7919) % 10'000);
        run.trace.events.push_back({static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(w), 100,
                                    static_cast<std::int32_t>(w), parlab::Phase::Compute, clock[w],
                                    clock[w] + length});
        clock[w] += length + gap_ns;
    }
    run.wall_s = static_cast<double>(clock[0] - 1'000'000'000) * 1e-9;
    return run;
}

void TimelineRedraw100k(benchmark::State& state)
{
    parlab::gui::TimelineView view;
    view.resize(1280, 720);
    view.show();
    view.setTrace(syntheticRun(100'000, 8).trace);
    for (auto _ : state)
        view.plot()->replot(QCustomPlot::rpImmediateRefresh); // aggregates, then draws
    state.counters["bars_drawn"] = static_cast<double>(view.drawnBars().size());
}
BENCHMARK(TimelineRedraw100k)->Unit(benchmark::kMillisecond);

// Zoomed in to a twentieth of the run: only the bars in range are aggregated and drawn.
void TimelineRedraw100kZoomed(benchmark::State& state)
{
    parlab::gui::TimelineView view;
    view.resize(1280, 720);
    view.show();
    view.setTrace(syntheticRun(100'000, 8).trace);
    const double span = view.spanMs();
    view.plot()->xAxis->setRange(0.5 * span, 0.55 * span);
    for (auto _ : state)
        view.plot()->replot(QCustomPlot::rpImmediateRefresh);
    state.counters["bars_drawn"] = static_cast<double>(view.drawnBars().size());
}
BENCHMARK(TimelineRedraw100kZoomed)->Unit(benchmark::kMillisecond);

// The hardest case for aggregation: 128 workers whose ~780 tasks each are thinner than a pixel
// and more than a pixel apart, so none merge and all 100 000 are drawn one by one.
void TimelineRedraw100kSparse128(benchmark::State& state)
{
    parlab::gui::TimelineView view;
    view.resize(1280, 720);
    view.show();
    view.setTrace(syntheticRun(100'000, 128, 1'000'000).trace);
    for (auto _ : state)
        view.plot()->replot(QCustomPlot::rpImmediateRefresh);
    state.counters["bars_drawn"] = static_cast<double>(view.drawnBars().size());
}
BENCHMARK(TimelineRedraw100kSparse128)->Unit(benchmark::kMillisecond);

// The same trace drawn as the timeline drew it before aggregating: every bar a segment of a
// curve as thick as a row (two curves, neighbours alternating), all 100 000 stroked each redraw.
// Kept as the yardstick the aggregated timeline is measured against, in the same run.
void TimelineRedraw100kOneSegmentPerBar(benchmark::State& state)
{
    QCustomPlot plot;
    plot.resize(1280, 720);
    plot.show();
    const parlab::Trace trace = syntheticRun(100'000, 8).trace;
    std::array<QVector<QCPCurveData>, 2> points;
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const std::int64_t origin = trace.events.front().start_ns;
    double span = 0.0;
    for (const parlab::TraceEvent& event : trace.events) {
        auto& d = points[event.task % 2];
        const double t = d.size();
        d.append(QCPCurveData(t, static_cast<double>(event.start_ns - origin) / 1e6, event.worker));
        d.append(QCPCurveData(t + 1, static_cast<double>(event.end_ns - origin) / 1e6, event.worker));
        d.append(QCPCurveData(t + 2, nan, nan));
        span = std::max(span, static_cast<double>(event.end_ns - origin) / 1e6);
    }
    plot.xAxis->setRange(-0.01 * span, 1.02 * span);
    plot.yAxis->setRange(-0.6, 7.6);
    plot.replot(QCustomPlot::rpImmediateRefresh);
    const double rowPixels = std::abs(plot.yAxis->coordToPixel(1.0) - plot.yAxis->coordToPixel(0.0));
    for (std::size_t i = 0; i < points.size(); ++i) {
        auto* curve = new QCPCurve(plot.xAxis, plot.yAxis);
        curve->setScatterSkip(0);
        curve->data()->set(points[i], true);
        curve->setPen(QPen(i == 0 ? Qt::blue : Qt::cyan, 0.72 * rowPixels, Qt::SolidLine, Qt::FlatCap));
    }
    for (auto _ : state)
        plot.replot(QCustomPlot::rpImmediateRefresh);
}
BENCHMARK(TimelineRedraw100kOneSegmentPerBar)->Unit(benchmark::kMillisecond);

void ComparisonRedraw100k(benchmark::State& state)
{
    parlab::gui::ComparisonView view;
    view.resize(1280, 720);
    view.show();
    view.setRuns(syntheticRun(100'000, 8), syntheticRun(100'000, 4));
    for (auto _ : state)
        view.redraw(); // aggregates both runs for the current zoom, then replots
    state.counters["bars_drawn"] = view.barCount(0) + view.barCount(1);
}
BENCHMARK(ComparisonRedraw100k)->Unit(benchmark::kMillisecond);

void CoffeeFrame1000(benchmark::State& state)
{
    parlab::gui::CoffeeBarView view;
    view.setRun(syntheticRun(1000, 8));
    QImage frame(1280, 720, QImage::Format_ARGB32_Premultiplied);
    double t = 0.0;
    for (auto _ : state) {
        // A frame: the replay state at a new time, every student placed, the scene painted.
        t = t + view.duration() / 97;
        if (t > view.duration())
            t = 0.0;
        view.setTime(t);
        QPainter painter(&frame);
        painter.setRenderHint(QPainter::Antialiasing);
        view.scene()->render(&painter);
    }
    state.counters["students"] = view.scene()->studentCount();
}
BENCHMARK(CoffeeFrame1000)->Unit(benchmark::kMillisecond);

} // namespace
