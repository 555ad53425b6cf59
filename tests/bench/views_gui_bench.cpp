// How long the views take to draw at the sizes the lessons reach: one redraw of a timeline and
// of a comparison with 100 000 tasks (target ≤ 50 ms), one coffee-bar frame with 1000 tasks on
// screen (target ≤ 16 ms). Offscreen, at 1280 × 720.
#include "views/timeline_view.h"
#include "views/coffee_bar_view.h"
#include "views/coffee_scene.h"
#include "views/comparison_view.h"

#include <qcustomplot.h>

#include <benchmark/benchmark.h>

#include <QApplication>
#include <QImage>
#include <QPainter>

#include <cstdlib>

namespace {

// `tasks` tasks of 20 us spread over `workers` workers back to back, with a little jitter.
parlab::Run syntheticRun(std::size_t tasks, std::size_t workers)
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
        clock[w] += length + 2'000;
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
        view.plot()->replot(QCustomPlot::rpImmediateRefresh);
}
BENCHMARK(TimelineRedraw100k)->Unit(benchmark::kMillisecond);

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

int main(int argc, char** argv)
{
    if (std::getenv("QT_QPA_PLATFORM") == nullptr)
        setenv("QT_QPA_PLATFORM", "offscreen", 0);
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
