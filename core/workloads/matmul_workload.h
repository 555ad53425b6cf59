#pragma once

#include "workloads/workload.h"
#include "workloads/workload_registry.h"

#include <cstdint>

namespace parlab {

/// The lecture's NumPy cell: a few large matrix products C = A·B, computed by OpenBLAS (CBLAS)
/// with its own threads inside each task (`inner_threads`), or split into row blocks by a nested
/// oneTBB parallel_for (`inner=tbb`). Task k multiplies two random size×size matrices made from
/// (seed, k); its partial is the sum of C's elements.
class MatmulWorkload : public Workload {
public:
    explicit MatmulWorkload(Parameters parameters);

    [[nodiscard]] std::size_t task_count() const override { return m_products; }
    [[nodiscard]] Partial run_task(std::size_t task, const CancelToken& cancel) const override;
    /// The sum over products of their elements, each in units of 1/1024 (exact, in decimal);
    /// `blas_threads` in extra is what OpenBLAS reported as its thread count inside the tasks
    /// (the largest seen).
    [[nodiscard]] Checksum combine(std::span<const Partial> partials) const override;

    /// The BLAS threads a task uses: inner_threads resolved (auto: every logical CPU), 1 with inner=tbb.
    [[nodiscard]] int blas_threads() const { return m_blas_threads; }

private:
    std::size_t m_products;
    std::size_t m_size;
    std::uint64_t m_seed;
    bool m_tbb;
    int m_blas_threads;
};

/// Name, parameters and factory of the matmul workload.
WorkloadInfo matmul_workload_info();

} // namespace parlab
