// What processes cost: starting and stopping a pool, one task's round trip, shipping inputs, and
// the speedup that is left for a real workload once those are paid.
#include "executors/processes/process_executor.h"
#include "executors/processes/process_pool.h"
#include "executors/serial_executor.h"
#include "workloads/workload_registry.h"

#include <benchmark/benchmark.h>

using namespace parlab;

namespace {

// Spawning W workers until each said Ready, then closing them and reaping every one.
void BM_PoolStartupTeardown(benchmark::State& state)
{
    const auto workers = static_cast<std::size_t>(state.range(0));
    double startup = 0.0;
    double teardown = 0.0;
    for (auto _ : state) {
        ProcessPool pool(PARLAB_WORKER_PATH, workers);
        startup += pool.startup_s();
        teardown += pool.shutdown(false);
    }
    const auto n = static_cast<double>(state.iterations());
    state.counters["startup_ms"] = startup / n * 1e3;
    state.counters["teardown_ms"] = teardown / n * 1e3;
    state.counters["total_ms"] = (startup + teardown) / n * 1e3;
}
BENCHMARK(BM_PoolStartupTeardown)->Arg(1)->Arg(2)->Arg(4)->Unit(benchmark::kMillisecond);

// Tasks that do nothing on a warm pool of one worker: what dealing, framing and the socket cost.
// tasks=1 is a whole run's overhead (set-up frame, one task, its result); tasks=2000 is the cost
// per task when the next task is already queued at the worker.
void BM_EmptyTaskRoundTrip(benchmark::State& state)
{
    const auto tasks = state.range(0);
    const auto workload =
        WorkloadRegistry::create("coffee", {{"students", std::to_string(tasks)}, {"seconds", "0"}});
    ProcessExecutor executor(PARLAB_WORKER_PATH);
    ExecutorOptions options;
    options.workers = 1;
    static_cast<void>(executor.run(*workload, options)); // warm the pool
    double wall = 0.0;
    for (auto _ : state)
        wall += executor.run(*workload, options).wall_s;
    state.counters["us_per_task"] = wall / static_cast<double>(state.iterations() * tasks) * 1e6;
}
BENCHMARK(BM_EmptyTaskRoundTrip)->Arg(1)->Arg(2000)->Unit(benchmark::kMicrosecond);

const ParameterValues eigen_defaults = {{"matrices", "5000"}, {"dim", "64"}};

double serial_eigen_s()
{
    static const double seconds = [] {
        const auto workload = WorkloadRegistry::create("eigen", eigen_defaults);
        SerialExecutor serial;
        ExecutorOptions options;
        double best = 1e30;
        for (int i = 0; i < 2; ++i)
            best = std::min(best, serial.run(*workload, options).wall_s);
        return best;
    }();
    return seconds;
}

// eigen at its default size on W processes, with and without shipping the matrices; speedup is
// against the serial executor's best of two.
void BM_EigenProcesses(benchmark::State& state)
{
    const auto workers = static_cast<std::size_t>(state.range(0));
    const bool ship = state.range(1) != 0;
    const double serial = serial_eigen_s();
    const auto workload = WorkloadRegistry::create("eigen", eigen_defaults);
    ProcessExecutor executor(PARLAB_WORKER_PATH);
    ExecutorOptions options;
    options.workers = workers;
    options.ship_inputs = ship;
    static_cast<void>(executor.run(*workload, options)); // warm the pool
    double best = 1e30;
    Run last;
    for (auto _ : state) {
        last = executor.run(*workload, options);
        best = std::min(best, last.wall_s);
    }
    state.counters["serial_s"] = serial;
    state.counters["wall_s"] = best;
    state.counters["speedup"] = serial / best;
    state.counters["ship_s"] = last.costs.ship_s;
    state.counters["MB_sent"] = static_cast<double>(last.costs.bytes_sent) / 1e6;
    state.counters["ship_MB_per_s"] =
        last.costs.ship_s > 0 ? static_cast<double>(last.costs.bytes_sent) / 1e6 / last.costs.ship_s : 0.0;
}
// W=1 shows what the backend itself costs (its speedup is at most 1); W=2 is the target.
BENCHMARK(BM_EigenProcesses)
    ->Args({1, 0})
    ->Args({1, 1})
    ->Args({2, 0})
    ->Args({2, 1})
    ->Iterations(3)
    ->Unit(benchmark::kMillisecond);

} // namespace
