#include "workloads/workload.h"

namespace parlab {

void Workload::serialize_inputs_to(std::size_t /*task*/, const InputsPlace& /*place*/) const
{
}

std::vector<std::byte> Workload::serialize_inputs(std::size_t task) const
{
    std::vector<std::byte> bytes;
    serialize_inputs_to(task, [&bytes](std::size_t size) {
        bytes.resize(size);
        return std::span<std::byte>(bytes);
    });
    return bytes;
}

Partial Workload::run_task_from_inputs(std::size_t task, std::span<const std::byte> /*inputs*/,
                                       const CancelToken& cancel) const
{
    return run_task(task, cancel);
}

} // namespace parlab
