// Renders each view of a real run to PNG offscreen, to look at as the back row of a classroom
// would: view_gallery OUT_DIR. Not a test: it draws, a person judges.
#include "views/coffee_bar_view.h"
#include "views/comparison_view.h"
#include "views/topology_view.h"

#include "machine/cpu_sampler.h"

#include "executors/processes/process_executor.h"
#include "executors/serial_executor.h"
#include "executors/threads_executor.h"
#include "workloads/workload_registry.h"

#include <QApplication>
#include <QDir>
#include <QPixmap>

#include <iostream>

namespace {

parlab::Run run(const std::string& workload, parlab::ParameterValues values, std::size_t workers)
{
    const auto w = parlab::WorkloadRegistry::create(workload, values);
    parlab::ThreadsExecutor executor;
    parlab::ExecutorOptions options;
    options.workers = workers;
    return executor.run(*w, options);
}

void save(QWidget& widget, const QString& path)
{
    widget.resize(1280, 720);
    widget.show();
    QApplication::processEvents();
    widget.grab().save(path);
    std::cout << path.toStdString() << '\n';
}

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    const QDir out(argc > 1 ? argv[1] : ".");
    const parlab::Run coffee = run("coffee", {{"students", "30"}, {"seconds", "0.05"}}, 3);

    parlab::gui::CoffeeBarView bar;
    bar.setScale(1.6);
    bar.setRun(coffee);
    save(bar, out.filePath("coffee-end.png"));
    bar.setTime(bar.duration() * 0.45);
    save(bar, out.filePath("coffee-mid.png"));
    bar.setTime(bar.duration() * 0.45 + 0.003);
    save(bar, out.filePath("coffee-walk.png"));

    const parlab::Run many = run("coffee", {{"students", "2000"}, {"seconds", "0.0005"}}, 8);
    parlab::gui::CoffeeBarView crowd;
    crowd.setScale(1.6);
    crowd.setRun(many);
    crowd.setTime(crowd.duration() * 0.5);
    save(crowd, out.filePath("coffee-crowd.png"));

    parlab::gui::TopologyView topology;
    topology.setScale(1.6);
    parlab::CpuSampler sampler(parlab::make_proc_stat_source());
    sampler.sample();
    const parlab::Run busy = run("coffee", {{"students", "40"}, {"seconds", "0.01"}, {"mode", "work"}}, 4);
    std::vector<double> loads;
    for (const auto& cpu : sampler.sample().cpus)
        loads.push_back(cpu.busy_percent());
    topology.setLoads(loads);
    topology.setRun(busy);
    save(topology, out.filePath("topology.png"));

    // Threads against processes on the same work, against the serial run.
    const auto images = parlab::WorkloadRegistry::create(
        "coffee", {{"students", "40"}, {"seconds", "0.01"}, {"mode", "work"}});
    parlab::SerialExecutor serialExecutor;
    parlab::ProcessExecutor processExecutor;
    parlab::ExecutorOptions options;
    options.workers = 1;
    const parlab::Run serial = serialExecutor.run(*images, options);
    options.workers = 2;
    const parlab::Run threads = parlab::ThreadsExecutor().run(*images, options);
    const parlab::Run processes = processExecutor.run(*images, options);
    parlab::gui::ComparisonView compare;
    compare.setScale(1.6);
    compare.resize(1280, 720);
    compare.show();
    compare.setRuns(threads, processes, serial.wall_s);
    save(compare, out.filePath("comparison.png"));
    compare.saveImage(out.filePath("comparison-export.png"), 1600, 900);
    return 0;
}
