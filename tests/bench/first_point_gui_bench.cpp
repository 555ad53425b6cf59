// How soon the window's default sweep shows something: from pressing Sweep (the side panel's
// request as it stands at launch) to the first worker point on the speedup plot (target ≤ 5 s),
// and to the serial baseline's first repeat, which starts the live speedup. Each is also given
// as a ratio to the serial run's own wall time, so a slow day shifts both sides alike.
#include "controls/controls_panel.h"
#include "run_controller.h"

#include <benchmark/benchmark.h>

#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>

namespace {

void DefaultSweepFirstPoint(benchmark::State& state)
{
    parlab::gui::ControlsPanel controls;
    const auto request = controls.request(true);
    if (!request) {
        state.SkipWithError("the side panel's default request is refused");
        return;
    }
    double first_point_s = 0.0;
    double baseline_s = 0.0;
    double serial_wall_s = 0.0;
    for (auto _ : state) {
        parlab::gui::RunController controller;
        QEventLoop loop;
        QElapsedTimer clock;
        first_point_s = baseline_s = 0.0;
        QObject::connect(&controller, &parlab::gui::RunController::baselineRefined, &loop,
                         [&](const parlab::Point& point) {
                             if (baseline_s == 0.0) {
                                 baseline_s = static_cast<double>(clock.nsecsElapsed()) * 1e-9;
                                 serial_wall_s = point.wall_s;
                             }
                         });
        auto firstPoint = [&](const parlab::Point&) {
            if (first_point_s == 0.0)
                first_point_s = static_cast<double>(clock.nsecsElapsed()) * 1e-9;
            loop.quit();
        };
        QObject::connect(&controller, &parlab::gui::RunController::pointRefined, &loop, firstPoint);
        QObject::connect(&controller, &parlab::gui::RunController::pointReady, &loop, firstPoint);
        QObject::connect(&controller, &parlab::gui::RunController::failed, &loop, &QEventLoop::quit);
        QTimer::singleShot(120'000, &loop, &QEventLoop::quit);
        clock.start();
        controller.start(*request);
        loop.exec();
        controller.cancel(); // the rest of the sweep is not measured
    }
    state.counters["first_point_s"] = first_point_s;
    state.counters["baseline_s"] = baseline_s;
    state.counters["first_point_per_serial_run"] = serial_wall_s > 0.0 ? first_point_s / serial_wall_s : 0.0;
    state.SetLabel(request->sweep.workload + " on " + request->sweep.backend);
}
BENCHMARK(DefaultSweepFirstPoint)->Unit(benchmark::kSecond)->Iterations(3);

} // namespace
