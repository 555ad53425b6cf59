#pragma once

#include "workloads/workload.h"
#include "workloads/workload_registry.h"

#include <cstdint>

namespace parlab {

/// Full eigendecomposition (values and vectors) of many random symmetric matrices, one task per
/// matrix; matrix k is generated from the seed and k alone.
class EigenWorkload : public Workload {
public:
    explicit EigenWorkload(Parameters parameters);

    [[nodiscard]] std::size_t task_count() const override { return m_matrices; }
    [[nodiscard]] Partial run_task(std::size_t task, const CancelToken& cancel) const override;
    [[nodiscard]] Checksum combine(std::span<const Partial> partials) const override;
    void serialize_inputs_to(std::size_t task, const InputsPlace& place) const override;
    [[nodiscard]] Partial run_task_from_inputs(std::size_t task, std::span<const std::byte> inputs,
                                               const CancelToken& cancel) const override;

    /// Element (i, j) of the unsymmetrised matrix M_k, uniform in [−1, 1).
    [[nodiscard]] double random_element(std::size_t k, std::size_t i, std::size_t j) const;
    /// The symmetric matrix A_k = (M_k + M_kᵀ)/2, column-major, dim × dim.
    [[nodiscard]] std::vector<double> symmetric_matrix(std::size_t k) const;

private:
    std::size_t m_matrices;
    std::size_t m_dim;
    std::uint64_t m_seed;
};

/// Name, parameters and factory of the eigen workload.
WorkloadInfo eigen_workload_info();

} // namespace parlab
