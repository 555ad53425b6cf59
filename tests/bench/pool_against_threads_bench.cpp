// The process pool against threads, measured side by side: each round runs serial, threads and
// processes at W = 1 and 2 one after the other, so outside load hits every configuration alike.
// The counters are ratios of medians over the rounds: processes' wall time against threads' at the
// same W, and at W = 1 against serial (the pool's own cost; 1.0 means it costs nothing). The pool
// runs three ways: workers that make their own inputs, inputs shipped on the socket, and inputs
// shipped through shared memory, so the cost of moving the data shows beside the pool's own.
#include "analysis/median.h"
#include "executors/processes/process_executor.h"
#include "executors/serial_executor.h"
#include "executors/threads_executor.h"
#include "workloads/workload_registry.h"

#include <algorithm>
#include <array>
#include <benchmark/benchmark.h>
#include <string>
#include <vector>

using namespace parlab;

namespace {

// range(0): 0 = eigen at its defaults, 1 = images at its defaults.
void BM_PoolAgainstThreads(benchmark::State& state)
{
    const std::string name = state.range(0) == 0 ? "eigen" : "images";
    const auto workload = WorkloadRegistry::create(name, {});
    SerialExecutor serial;
    ThreadsExecutor threads;
    ProcessExecutor processes(PARLAB_WORKER_PATH);
    enum { Serial, Threads1, Threads2, Processes1, Processes2, Socket1, Socket2, Shm1, Shm2, Configs };
    std::array<std::vector<double>, Configs> walls;
    auto run = [&](Executor& executor, std::size_t workers, bool ship = false,
                   ShipVia via = ShipVia::Socket) {
        ExecutorOptions options;
        options.workers = workers;
        options.ship_inputs = ship;
        options.ship_via = via;
        return executor.run(*workload, options).wall_s;
    };
    // Warm-up, not counted: caches, the pool's two workers, the threads' arena.
    run(serial, 1);
    run(threads, 2);
    run(processes, 2);
    for (auto _ : state) {
        walls[Serial].push_back(run(serial, 1));
        walls[Threads1].push_back(run(threads, 1));
        walls[Threads2].push_back(run(threads, 2));
        walls[Processes1].push_back(run(processes, 1));
        walls[Processes2].push_back(run(processes, 2));
        walls[Socket1].push_back(run(processes, 1, true, ShipVia::Socket));
        walls[Socket2].push_back(run(processes, 2, true, ShipVia::Socket));
        walls[Shm1].push_back(run(processes, 1, true, ShipVia::Shm));
        walls[Shm2].push_back(run(processes, 2, true, ShipVia::Shm));
    }
    std::array<double, Configs> m{};
    for (int c = 0; c < Configs; ++c)
        m[c] = median(walls[c]);
    state.counters["serial_s"] = m[Serial];
    state.counters["processes1_over_serial"] = m[Processes1] / m[Serial];
    state.counters["threads1_over_serial"] = m[Threads1] / m[Serial];
    state.counters["processes1_over_threads1"] = m[Processes1] / m[Threads1];
    state.counters["processes2_over_threads2"] = m[Processes2] / m[Threads2];
    state.counters["speedup_threads2"] = m[Serial] / m[Threads2];
    state.counters["speedup_processes2"] = m[Serial] / m[Processes2];
    state.counters["socket1_over_threads1"] = m[Socket1] / m[Threads1];
    state.counters["socket2_over_threads2"] = m[Socket2] / m[Threads2];
    state.counters["shm1_over_threads1"] = m[Shm1] / m[Threads1];
    state.counters["shm2_over_threads2"] = m[Shm2] / m[Threads2];
    state.counters["shm2_over_socket2"] = m[Shm2] / m[Socket2];
}
BENCHMARK(BM_PoolAgainstThreads)->Arg(0)->Arg(1)->Iterations(7)->Unit(benchmark::kMillisecond);

} // namespace
