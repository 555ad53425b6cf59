#include "workloads/workload.h"

namespace parlab {

std::vector<std::byte> Workload::serialize_inputs(std::size_t /*task*/) const
{
    return {};
}

Partial Workload::run_task_from_inputs(std::size_t task, std::span<const std::byte> /*inputs*/,
                                       const CancelToken& cancel) const
{
    return run_task(task, cancel);
}

} // namespace parlab
