#include "analysis/what_if.h"

#include <algorithm>
#include <numeric>
#include <stdexcept>
#include <string>

namespace parlab {

namespace {

std::vector<std::size_t> dealing_order(const std::vector<double>& durations, TaskOrder order)
{
    std::vector<std::size_t> indices(durations.size());
    std::iota(indices.begin(), indices.end(), std::size_t{0});
    if (order == TaskOrder::LongestFirst)
        std::stable_sort(indices.begin(), indices.end(),
                         [&](std::size_t a, std::size_t b) { return durations[a] > durations[b]; });
    else if (order == TaskOrder::ShortestFirst)
        std::stable_sort(indices.begin(), indices.end(),
                         [&](std::size_t a, std::size_t b) { return durations[a] < durations[b]; });
    return indices;
}

} // namespace

WhatIfResult simulate_schedule(const WhatIfRequest& request)
{
    const std::size_t workers = request.workers;
    if (workers == 0)
        throw std::invalid_argument("the what-if schedule needs at least one worker");
    if (!(request.per_task_overhead_s >= 0.0))
        throw std::invalid_argument("the per-task overhead must be 0 or more");
    for (std::size_t task = 0; task < request.durations_s.size(); ++task) {
        if (!(request.durations_s[task] >= 0.0))
            throw std::invalid_argument("task " + std::to_string(task) +
                                        " has a negative or unknown duration");
    }

    const std::vector<std::size_t> order = dealing_order(request.durations_s, request.order);
    const std::size_t tasks = order.size();
    std::size_t chunk = request.chunk;
    if (chunk == 0)
        chunk = request.schedule == Schedule::Static
                    ? std::max<std::size_t>(1, (tasks + workers - 1) / workers)
                    : 1;

    WhatIfResult result;
    result.busy_s_per_worker.assign(workers, 0.0);
    result.serial_s = std::accumulate(request.durations_s.begin(), request.durations_s.end(), 0.0);
    std::vector<double> free_at(workers, 0.0);
    for (std::size_t first = 0, chunk_index = 0; first < tasks; first += chunk, ++chunk_index) {
        std::size_t worker = chunk_index % workers;
        if (request.schedule == Schedule::Dynamic)
            worker =
                static_cast<std::size_t>(std::min_element(free_at.begin(), free_at.end()) - free_at.begin());
        for (std::size_t i = first; i < std::min(tasks, first + chunk); ++i) {
            const double length = request.durations_s[order[i]] + request.per_task_overhead_s;
            result.slots.push_back({order[i], worker, free_at[worker], free_at[worker] + length});
            free_at[worker] += length;
            result.busy_s_per_worker[worker] += length;
        }
    }
    result.makespan_s = *std::max_element(free_at.begin(), free_at.end());
    result.speedup = result.makespan_s > 0.0 ? result.serial_s / result.makespan_s : 0.0;
    return result;
}

} // namespace parlab
