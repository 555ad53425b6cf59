// The cluster backend against the process pool and threads, side by side in one run: what an
// mpirun launch costs against starting a pool, what one task's round trip through MPI costs
// against the pool's socket, and the speedup left on eigen and integrate with 2 ranks. Each
// round runs every configuration one after the other, so outside load hits them alike; the
// counters are ratios and costs from the medians over the rounds.
#include "analysis/median.h"
#include "executors/cluster/cluster_executor.h"
#include "executors/processes/process_executor.h"
#include "executors/serial_executor.h"
#include "executors/threads_executor.h"
#include "workloads/workload_registry.h"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <string>
#include <vector>

using namespace parlab;

namespace {

ClusterConfig this_machine()
{
    ClusterConfig config;
    config.rank_program = PARLAB_RANK_PATH;
    return config;
}

ExecutorOptions with_workers(std::size_t workers)
{
    ExecutorOptions options;
    options.workers = workers;
    return options;
}

std::unique_ptr<Workload> empty_tasks(std::size_t tasks)
{
    return WorkloadRegistry::create("coffee", {{"students", std::to_string(tasks)}, {"seconds", "0"}});
}

// A run of one empty task on 2 workers is all fixed cost: for the cluster an mpirun launch, the
// ranks' hellos and clock ping-pongs and their ending; for processes a pool started and stopped
// (a new executor each time, so no warm pool). 2000 empty tasks less one give the cost per task,
// on the cluster through MPI, on a warm pool through its sockets.
void BM_FixedAndPerTaskCosts(benchmark::State& state)
{
    const auto one = empty_tasks(1);
    const auto many = empty_tasks(2000);
    ClusterExecutor cluster(this_machine());
    ProcessExecutor warm_pool(PARLAB_WORKER_PATH);
    std::vector<double> cluster_one, cluster_many, pool_one, pool_many;
    for (auto _ : state) {
        cluster_one.push_back(cluster.run(*one, with_workers(2)).wall_s);
        cluster_many.push_back(cluster.run(*many, with_workers(2)).wall_s);
        {
            ProcessExecutor cold_pool(PARLAB_WORKER_PATH);
            pool_one.push_back(cold_pool.run(*one, with_workers(2)).wall_s);
        }
        pool_many.push_back(warm_pool.run(*many, with_workers(2)).wall_s -
                            warm_pool.run(*one, with_workers(2)).wall_s);
    }
    const double launch = median(cluster_one);
    const double pool_start = median(pool_one);
    const double cluster_per_task = (median(cluster_many) - launch) / 1999.0;
    const double pool_per_task = median(pool_many) / 1999.0;
    state.counters["mpirun_run_ms"] = launch * 1e3;
    state.counters["pool_run_ms"] = pool_start * 1e3;
    state.counters["mpirun_over_pool"] = launch / pool_start;
    state.counters["mpi_us_per_task"] = cluster_per_task * 1e6;
    state.counters["pool_us_per_task"] = pool_per_task * 1e6;
    state.counters["mpi_over_pool_per_task"] = cluster_per_task / pool_per_task;
}
BENCHMARK(BM_FixedAndPerTaskCosts)->Iterations(5)->Unit(benchmark::kMillisecond);

// range(0): 0 = eigen, 1 = integrate, both at their defaults; 2 workers of each backend.
void BM_SpeedupWithTwo(benchmark::State& state)
{
    const std::string name = state.range(0) == 0 ? "eigen" : "integrate";
    const auto workload = WorkloadRegistry::create(name, {});
    SerialExecutor serial;
    ThreadsExecutor threads;
    ProcessExecutor processes(PARLAB_WORKER_PATH);
    ClusterExecutor cluster(this_machine());
    std::vector<double> s, t, p, c;
    static_cast<void>(serial.run(*workload, with_workers(1))); // warm caches, not counted
    for (auto _ : state) {
        s.push_back(serial.run(*workload, with_workers(1)).wall_s);
        t.push_back(threads.run(*workload, with_workers(2)).wall_s);
        p.push_back(processes.run(*workload, with_workers(2)).wall_s);
        c.push_back(cluster.run(*workload, with_workers(2)).wall_s);
    }
    const double serial_s = median(s);
    state.counters["serial_s"] = serial_s;
    state.counters["speedup_threads"] = serial_s / median(t);
    state.counters["speedup_processes"] = serial_s / median(p);
    state.counters["speedup_cluster"] = serial_s / median(c);
    state.counters["cluster_over_processes"] = median(c) / median(p);
    state.counters["cluster_over_threads"] = median(c) / median(t);
}
BENCHMARK(BM_SpeedupWithTwo)->Arg(0)->Arg(1)->Iterations(5)->Unit(benchmark::kMillisecond);

} // namespace
