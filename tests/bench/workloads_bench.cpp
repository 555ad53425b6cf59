// Serial cost of each workload at its default sizes: one task, and the whole run in a plain loop.
// The whole-run cases take seconds (coffee and unbalanced wait on purpose), so they run once each;
// pick cases with --benchmark_filter.
#include "workloads/workload_registry.h"

#include <benchmark/benchmark.h>

#include <string>

using namespace parlab;

namespace {

void one_task(benchmark::State& state, const std::string& name)
{
    const auto workload = WorkloadRegistry::create(name, {});
    const CancelToken cancel;
    std::size_t task = 0;
    for (auto _ : state) {
        benchmark::DoNotOptimize(workload->run_task(task, cancel));
        task = (task + 1) % workload->task_count();
    }
    state.counters["tasks"] = static_cast<double>(workload->task_count());
}

void whole_run(benchmark::State& state, const std::string& name)
{
    const auto workload = WorkloadRegistry::create(name, {});
    const CancelToken cancel;
    for (auto _ : state) {
        std::vector<Partial> partials(workload->task_count());
        for (std::size_t task = 0; task < partials.size(); ++task)
            partials[task] = workload->run_task(task, cancel);
        benchmark::DoNotOptimize(workload->combine(partials));
    }
    state.counters["tasks"] = static_cast<double>(workload->task_count());
}

void shipped_task(benchmark::State& state, const std::string& name)
{
    const auto workload = WorkloadRegistry::create(name, {});
    const CancelToken cancel;
    const auto inputs = workload->serialize_inputs(0);
    for (auto _ : state)
        benchmark::DoNotOptimize(workload->run_task_from_inputs(0, inputs, cancel));
    state.counters["input_bytes"] = static_cast<double>(inputs.size());
}

void register_all()
{
    for (const auto& info : WorkloadRegistry::all()) {
        benchmark::RegisterBenchmark(("task/" + info.name).c_str(), one_task, info.name)
            ->Unit(benchmark::kMillisecond)
            ->UseRealTime();
        benchmark::RegisterBenchmark(("run/" + info.name).c_str(), whole_run, info.name)
            ->Unit(benchmark::kMillisecond)
            ->UseRealTime()
            ->Iterations(1);
    }
    for (const char* name : {"eigen", "images"})
        benchmark::RegisterBenchmark((std::string("shipped_task/") + name).c_str(), shipped_task,
                                     std::string(name))
            ->Unit(benchmark::kMillisecond)
            ->UseRealTime();
}

const int registered = (register_all(), 0);

} // namespace
