#pragma once

#include "workloads/workload.h"
#include "workloads/workload_registry.h"

#include <cstdint>

namespace parlab {

/// The lecture's cluster example: midpoint integration of x⁴ − 3x on [−2, 2] (exactly 12.8), one
/// task per step count: first, first + step, … (`tasks` of them). The checksum is the sum of the
/// results, added in task order.
class IntegrateWorkload : public Workload {
public:
    explicit IntegrateWorkload(Parameters parameters);

    [[nodiscard]] std::size_t task_count() const override { return m_tasks; }
    [[nodiscard]] Partial run_task(std::size_t task, const CancelToken& cancel) const override;
    [[nodiscard]] Checksum combine(std::span<const Partial> partials) const override;

    /// The midpoint rule with `steps` equal steps over [−2, 2]; 0 when cancelled.
    static double midpoint(std::uint64_t steps, const CancelToken& cancel);

private:
    std::uint64_t m_first;
    std::uint64_t m_step;
    std::size_t m_tasks;
};

/// Name, parameters and factory of the integrate workload.
WorkloadInfo integrate_workload_info();

} // namespace parlab
