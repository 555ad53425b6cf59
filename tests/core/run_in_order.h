#pragma once

#include "workloads/workload.h"

#include <cstddef>
#include <numeric>
#include <vector>

namespace parlab::test_support {

/// Runs a workload's tasks one by one in `order` and combines them, as any executor must.
inline Checksum run_in_order(const Workload& workload, const std::vector<std::size_t>& order)
{
    std::vector<Partial> partials(workload.task_count());
    const CancelToken cancel;
    for (const auto task : order)
        partials[task] = workload.run_task(task, cancel);
    return workload.combine(partials);
}

/// 0, 1, …, count − 1.
inline std::vector<std::size_t> forward(std::size_t count)
{
    std::vector<std::size_t> order(count);
    std::iota(order.begin(), order.end(), std::size_t{0});
    return order;
}

} // namespace parlab::test_support
