#pragma once

#include "workloads/workload.h"
#include "workloads/workload_registry.h"

#include <cstdint>

namespace parlab {

/// The lecture's "train a neural network": task i counts down tasks[i]·steps steps of a random
/// number generator, pure CPU work of a chosen length.
class CountdownWorkload : public Workload {
public:
    explicit CountdownWorkload(Parameters parameters);

    [[nodiscard]] std::size_t task_count() const override { return m_lengths.size(); }
    [[nodiscard]] Partial run_task(std::size_t task, const CancelToken& cancel) const override;
    [[nodiscard]] Checksum combine(std::span<const Partial> partials) const override;

    /// The xorshift64 state after `steps` steps from `state` (nonzero), polling `cancel` as it goes.
    static std::uint64_t count_down(std::uint64_t state, std::uint64_t steps, const CancelToken& cancel);

private:
    std::vector<double> m_lengths;
    std::uint64_t m_steps;
};

/// Name, parameters and factory of the countdown workload.
WorkloadInfo countdown_workload_info();

} // namespace parlab
