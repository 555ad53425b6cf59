// A measuring tool, not a test: how long the window's event loop stalls during a 2-worker eigen
// sweep, and what the core-load sampler costs. Timings vary with the machine's load, so they are
// printed for a person to read instead of asserted.
#include "controls/controls_panel.h"
#include "main_window.h"
#include "run_controller.h"

#include "machine/cpu_sampler.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QPushButton>
#include <QStandardPaths>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <ctime>

namespace {

double cpuSeconds(clockid_t clock)
{
    timespec now{};
    clock_gettime(clock, &now);
    return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

} // namespace

int main(int argc, char** argv)
{
    using namespace parlab;
    using namespace parlab::gui;
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);

    // The sampler alone: the cost of one /proc/stat read, at the view's 5 samples a second.
    CpuSampler sampler(make_proc_stat_source());
    constexpr int samples = 2000;
    const double samplerStart = cpuSeconds(CLOCK_THREAD_CPUTIME_ID);
    for (int i = 0; i < samples; ++i)
        (void)sampler.sample();
    const double perSample = (cpuSeconds(CLOCK_THREAD_CPUTIME_ID) - samplerStart) / samples;
    std::printf("sampler: %.1f us CPU per sample = %.3f %% of a core at 5 samples/s\n", perSample * 1e6,
                perSample * 5 * 100);

    MainWindow window;
    window.resize(1280, 720);
    window.show();
    window.showTab(QStringLiteral("core-load"));

    // The idle window: sampling and drawing the core-load chart, nothing else running.
    const double idleCpu = cpuSeconds(CLOCK_PROCESS_CPUTIME_ID);
    QElapsedTimer idleWall;
    idleWall.start();
    QTimer::singleShot(5000, &app, &QCoreApplication::quit);
    QApplication::exec();
    std::printf("idle window, core-load tab shown: %.2f %% of a core\n",
                (cpuSeconds(CLOCK_PROCESS_CPUTIME_ID) - idleCpu) / (idleWall.nsecsElapsed() * 1e-9) * 100);

    // The event loop during a sweep: a 1 ms timer's longest gap is the longest stall.
    window.showTab(QStringLiteral("speedup"));
    auto* controls = window.controls();
    controls->setWorkload(QStringLiteral("eigen"));
    controls->setParameters({{"matrices", argc > 1 ? argv[1] : "400"}, {"dim", "64"}});
    controls->setBackend(QStringLiteral("threads"));
    controls->setSweepRange(QStringLiteral("2"));
    QElapsedTimer gap;
    qint64 longest = 0;
    // The GUI thread's own CPU time in the longest gap tells work (close to the gap) from being
    // kept off the CPU by other processes (close to zero).
    double longestBusy = 0.0;
    double lastCpu = 0.0;
    QTimer tick;
    tick.setTimerType(Qt::PreciseTimer);
    QObject::connect(&tick, &QTimer::timeout, [&] {
        const double cpu = cpuSeconds(CLOCK_THREAD_CPUTIME_ID);
        if (gap.nsecsElapsed() > longest) {
            longest = gap.nsecsElapsed();
            longestBusy = cpu - lastCpu;
        }
        lastCpu = cpu;
        gap.restart();
    });
    QObject::connect(window.controller(), &RunController::idle, &app, &QCoreApplication::quit);
    QTimer::singleShot(0, [&] {
        gap.start();
        lastCpu = cpuSeconds(CLOCK_THREAD_CPUTIME_ID);
        tick.start(1);
        controls->findChild<QPushButton*>(QStringLiteral("sweep"))->click();
    });
    QElapsedTimer sweepWall;
    sweepWall.start();
    QApplication::exec();
    std::printf(
        "2-worker eigen sweep (%s matrices, %.1f s): longest event-loop stall %.1f ms (target <= 50 ms), "
        "of which the GUI thread ran %.1f ms\n",
        argc > 1 ? argv[1] : "400", sweepWall.nsecsElapsed() * 1e-9, longest * 1e-6, longestBusy * 1e3);
    return 0;
}
