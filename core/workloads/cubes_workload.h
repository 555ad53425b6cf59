#pragma once

#include "workloads/workload.h"
#include "workloads/workload_registry.h"

#include <cstdint>

namespace parlab {

/// The sum of i³ for i in [0, n), split into `chunks` tasks of (nearly) equal ranges; the exact
/// result is (n(n−1)/2)².
class CubesWorkload : public Workload {
public:
    explicit CubesWorkload(Parameters parameters);

    [[nodiscard]] std::size_t task_count() const override { return m_chunks; }
    [[nodiscard]] Partial run_task(std::size_t task, const CancelToken& cancel) const override;
    [[nodiscard]] Checksum combine(std::span<const Partial> partials) const override;

    /// The exact sum of i³ for i in [lo, hi), polling `cancel` as it goes (0 when cancelled).
    static uint128 sum_of_cubes(std::uint64_t lo, std::uint64_t hi, const CancelToken& cancel);

private:
    std::uint64_t m_n;
    std::size_t m_chunks;
};

/// Name, parameters and factory of the cubes workload.
WorkloadInfo cubes_workload_info();

} // namespace parlab
