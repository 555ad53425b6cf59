// What processes cost: starting and stopping a pool, one task's round trip, shipping inputs, and
// the speedup that is left for a real workload once those are paid.
#include "executors/processes/process_executor.h"
#include "executors/processes/process_pool.h"
#include "executors/serial_executor.h"
#include "workloads/workload_registry.h"

#include <benchmark/benchmark.h>

#include <array>
#include <string>

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

// How eigen's inputs reach the workers: 0 recomputed there, 1 shipped over the socket, 2 shipped
// through shared memory.
ExecutorOptions eigen_options(std::size_t workers, std::int64_t ship)
{
    ExecutorOptions options;
    options.workers = workers;
    options.ship_inputs = ship != 0;
    options.ship_via = ship == 2 ? ShipVia::Shm : ShipVia::Socket;
    return options;
}

// eigen at its default size on W processes, with and without shipping the matrices; speedup is
// against the serial executor's best of two.
void BM_EigenProcesses(benchmark::State& state)
{
    const auto workers = static_cast<std::size_t>(state.range(0));
    const double serial = serial_eigen_s();
    const auto workload = WorkloadRegistry::create("eigen", eigen_defaults);
    ProcessExecutor executor(PARLAB_WORKER_PATH);
    const ExecutorOptions options = eigen_options(workers, state.range(1));
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
    ->ArgNames({"W", "ship"})
    ->Args({1, 0})
    ->Args({1, 1})
    ->Args({1, 2})
    ->Args({2, 0})
    ->Args({2, 1})
    ->Args({2, 2})
    ->Iterations(3)
    ->Unit(benchmark::kMillisecond);

// Seconds the parent spent putting inputs on their way (its Ship trace events): copying them into
// the socket and sending them, or writing them into the shared region.
double input_ship_s(const Run& run)
{
    double seconds = 0.0;
    for (const TraceEvent& event : run.trace.events)
        if (event.phase == Phase::Ship)
            seconds += static_cast<double>(event.end_ns - event.start_ns) * 1e-9;
    return seconds;
}

// Shipped bytes per second over the socket and through shared memory, side by side: eigen's
// defaults (about 164 MB of matrices) at W=2, the two ways alternating on one warm pool so that
// outside load falls on both alike. ship_s is the run's whole shipping time as the Costs tab
// shows it (results read back included); inputs_s only the parent's putting inputs on their way.
void BM_ShipBytesPerSecond(benchmark::State& state)
{
    const auto workload = WorkloadRegistry::create("eigen", eigen_defaults);
    ProcessExecutor executor(PARLAB_WORKER_PATH);
    static_cast<void>(executor.run(*workload, eigen_options(2, 1))); // warm the pool
    struct Way {
        std::int64_t ship;
        const char* name;
        double bytes = 0.0, ship_s = 0.0, inputs_s = 0.0, wall_s = 0.0;
    };
    std::array<Way, 3> ways{Way{0, "none"}, Way{1, "socket"}, Way{2, "shm"}};
    for (auto _ : state)
        for (Way& way : ways) {
            const Run run = executor.run(*workload, eigen_options(2, way.ship));
            way.bytes += static_cast<double>(run.costs.bytes_sent);
            way.ship_s += run.costs.ship_s;
            way.inputs_s += input_ship_s(run);
            way.wall_s += run.wall_s;
        }
    const auto n = static_cast<double>(state.iterations());
    for (const Way& way : ways) {
        state.counters[std::string(way.name) + "_wall_s"] = way.wall_s / n;
        if (way.ship == 0)
            continue;
        state.counters[std::string(way.name) + "_MB_per_s"] = way.bytes / 1e6 / way.ship_s;
        state.counters[std::string(way.name) + "_inputs_MB_per_s"] = way.bytes / 1e6 / way.inputs_s;
    }
    state.counters["shm_over_socket"] = ways[1].ship_s / ways[2].ship_s * ways[2].bytes / ways[1].bytes;
    state.counters["shm_over_socket_inputs"] =
        ways[1].inputs_s / ways[2].inputs_s * ways[2].bytes / ways[1].bytes;
}
BENCHMARK(BM_ShipBytesPerSecond)->Iterations(3)->Unit(benchmark::kMillisecond);

} // namespace
