#pragma once

#include "workloads/workload.h"
#include "workloads/workload_registry.h"

namespace parlab {

/// The lecture's "query the database": tasks of very different lengths, dealt in the given
/// order, longest first, or shuffled, to show why scheduling order matters.
class UnbalancedWorkload : public Workload {
public:
    explicit UnbalancedWorkload(Parameters parameters);

    [[nodiscard]] std::size_t task_count() const override { return m_seconds.size(); }
    [[nodiscard]] Partial run_task(std::size_t task, const CancelToken& cancel) const override;
    [[nodiscard]] Checksum combine(std::span<const Partial> partials) const override;

    /// How long task `task` lasts, in seconds, after ordering and scaling.
    [[nodiscard]] double task_seconds(std::size_t task) const { return m_seconds[task]; }

private:
    std::vector<double> m_seconds; ///< per task, in the chosen order, scaled
    bool m_work;
};

/// Name, parameters and factory of the unbalanced workload.
WorkloadInfo unbalanced_workload_info();

} // namespace parlab
