// What the threads executor costs by itself: scheduling per empty task, and what tracing adds.
// Times are the runs' own wall clocks (manual time), so the counters are ratios of those.
#include "executors/serial_executor.h"
#include "executors/threads_executor.h"
#include "workloads/workload_registry.h"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <limits>
#include <memory>

namespace {

using namespace parlab;

class EmptyWorkload : public Workload {
public:
    explicit EmptyWorkload(std::size_t tasks) : Workload("empty", Parameters({}, {})), m_tasks(tasks) {}
    [[nodiscard]] std::size_t task_count() const override { return m_tasks; }
    [[nodiscard]] Partial run_task(std::size_t task, const CancelToken&) const override
    {
        Partial partial;
        partial.exact = task;
        return partial;
    }
    [[nodiscard]] Checksum combine(std::span<const Partial> partials) const override
    {
        return {std::to_string(partials.size()), {}};
    }

private:
    std::size_t m_tasks;
};

constexpr std::size_t empty_tasks = 100'000;

// Args: workers (0 = serial), schedule (0 dynamic, 1 static).
void BM_EmptyTasks(benchmark::State& state)
{
    const EmptyWorkload workload(empty_tasks);
    const auto workers = static_cast<std::size_t>(state.range(0));
    std::unique_ptr<Executor> executor;
    if (workers == 0)
        executor = std::make_unique<SerialExecutor>();
    else
        executor = std::make_unique<ThreadsExecutor>();
    ExecutorOptions options;
    options.workers = std::max<std::size_t>(workers, 1);
    options.schedule = state.range(1) == 0 ? Schedule::Dynamic : Schedule::Static;
    options.chunk = state.range(1) == 0 ? 1 : 0;
    double total_s = 0.0;
    for (auto _ : state) {
        const auto run = executor->run(workload, options);
        state.SetIterationTime(run.wall_s);
        total_s += run.wall_s;
    }
    state.counters["ns_per_task"] =
        total_s * 1e9 / (static_cast<double>(state.iterations()) * static_cast<double>(empty_tasks));
    state.SetLabel(std::string(workers == 0 ? "serial" : "threads") + " " +
                   std::string(to_string(options.schedule)));
}
BENCHMARK(BM_EmptyTasks)
    ->ArgNames({"workers", "static"})
    ->Args({0, 0})
    ->Args({1, 0})
    ->Args({1, 1})
    ->Args({2, 0})
    ->Args({2, 1})
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond);

// Alternates traced and untraced runs and compares the best of each, so that noise from the
// rest of the machine hits both sides alike.
void measure_trace_overhead(benchmark::State& state, const Workload& workload, std::size_t workers)
{
    ThreadsExecutor executor;
    ExecutorOptions traced;
    traced.workers = workers;
    ExecutorOptions untraced = traced;
    untraced.trace = false;
    double best_traced = std::numeric_limits<double>::max();
    double best_untraced = std::numeric_limits<double>::max();
    for (auto _ : state) {
        const auto with = executor.run(workload, traced);
        const auto without = executor.run(workload, untraced);
        best_traced = std::min(best_traced, with.wall_s);
        best_untraced = std::min(best_untraced, without.wall_s);
        state.SetIterationTime(with.wall_s + without.wall_s);
    }
    const auto tasks = static_cast<double>(workload.task_count());
    state.counters["traced_ms"] = best_traced * 1e3;
    state.counters["untraced_ms"] = best_untraced * 1e3;
    state.counters["trace_ns_per_task"] = (best_traced - best_untraced) * 1e9 / tasks;
    state.counters["overhead_percent"] = (best_traced - best_untraced) / best_untraced * 100.0;
}

void BM_TraceOverheadEmptyTasks(benchmark::State& state)
{
    measure_trace_overhead(state, EmptyWorkload(empty_tasks), static_cast<std::size_t>(state.range(0)));
}
BENCHMARK(BM_TraceOverheadEmptyTasks)
    ->ArgName("workers")
    ->Arg(1)
    ->Arg(2)
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond);

void BM_TraceOverheadEigen(benchmark::State& state)
{
    const auto workload = WorkloadRegistry::create("eigen", {{"matrices", "400"}, {"dim", "32"}});
    measure_trace_overhead(state, *workload, static_cast<std::size_t>(state.range(0)));
}
BENCHMARK(BM_TraceOverheadEigen)
    ->ArgName("workers")
    ->Arg(1)
    ->Arg(2)
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond);

} // namespace
