#include "workloads/unbalanced_workload.h"

#include "workloads/busy_wait.h"
#include "workloads/splitmix64.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace parlab {

namespace {

std::vector<ParameterSpec> unbalanced_specs()
{
    return {
        {"durations",
         ParameterKind::RealList,
         "1,8,1.5,2",
         0,
         3600,
         {},
         "length of each task, before scaling"},
        {"scale", ParameterKind::Real, "0.25", 0, 60, {}, "seconds per unit of duration"},
        {"mode",
         ParameterKind::Choice,
         "wait",
         0,
         0,
         {"wait", "work"},
         "wait: tasks wait (like a database query); work: tasks keep the CPU busy"},
        {"order",
         ParameterKind::Choice,
         "given",
         0,
         0,
         {"given", "longest-first", "shuffled"},
         "the order tasks are dealt in"},
        {"seed", ParameterKind::Integer, "1", 0, 9223372036854775807.0, {}, "seed of the shuffled order"},
    };
}

/// Task i takes durations[order[i]].
std::vector<std::size_t> task_order(const std::vector<double>& durations, const std::string& order,
                                    std::uint64_t seed)
{
    std::vector<std::size_t> indices(durations.size());
    std::iota(indices.begin(), indices.end(), std::size_t{0});
    if (order == "longest-first") {
        std::stable_sort(indices.begin(), indices.end(),
                         [&](std::size_t a, std::size_t b) { return durations[a] > durations[b]; });
    } else if (order == "shuffled") {
        // Fisher–Yates with our own generator, so every platform shuffles the same way.
        SplitMix64 random(seed);
        for (std::size_t i = indices.size(); i > 1; --i)
            std::swap(indices[i - 1], indices[random.below(i)]);
    }
    return indices;
}

} // namespace

UnbalancedWorkload::UnbalancedWorkload(Parameters parameters)
    : Workload("unbalanced", std::move(parameters)), m_work(this->parameters().choice("mode") == "work")
{
    const auto durations = this->parameters().real_list("durations");
    const double scale = this->parameters().real("scale");
    const auto order = task_order(durations, this->parameters().choice("order"),
                                  static_cast<std::uint64_t>(this->parameters().integer("seed")));
    for (const auto index : order)
        m_seconds.push_back(durations[index] * scale);
}

Partial UnbalancedWorkload::run_task(std::size_t task, const CancelToken& cancel) const
{
    const double seconds = m_seconds[task];
    const bool done = m_work ? work_seconds(seconds, cancel) : wait_seconds(seconds, cancel);
    Partial partial;
    if (done) {
        // One task in the high 64 bits, its milliseconds in the low ones: the sum carries both
        // the count and the total time, so a task lost or run twice shows.
        partial.exact = (uint128{1} << 64) + static_cast<std::uint64_t>(std::llround(seconds * 1000.0));
    }
    return partial;
}

Checksum UnbalancedWorkload::combine(std::span<const Partial> partials) const
{
    uint128 total = 0;
    for (const auto& partial : partials)
        total += partial.exact;
    const auto tasks = static_cast<std::uint64_t>(total >> 64);
    const auto milliseconds = static_cast<std::uint64_t>(total);
    return {std::to_string(tasks), {{"milliseconds", std::to_string(milliseconds)}}};
}

WorkloadInfo unbalanced_workload_info()
{
    return {"unbalanced", "a few tasks of very different lengths: the longest one sets the pace",
            unbalanced_specs(), [](const ParameterValues& values) {
                return std::make_unique<UnbalancedWorkload>(Parameters(unbalanced_specs(), values));
            }};
}

} // namespace parlab
