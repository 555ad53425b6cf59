// GCC 12 reports false "(may be) used uninitialized" warnings inside its AVX-512 intrinsics when it
// inlines Eigen's kernels; the pragma must come before any header that pulls the intrinsics in.
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#pragma GCC diagnostic ignored "-Wuninitialized"

#include "workloads/eigen_workload.h"

#include "workloads/memory_estimate.h"
#include "workloads/splitmix64.h"

#include <Eigen/Dense>

#include <cstring>
#include <stdexcept>

namespace parlab {

namespace {

std::vector<ParameterSpec> eigen_specs()
{
    return {
        {"matrices", ParameterKind::Integer, "5000", 1, 1e7, {}, "random symmetric matrices, one task each"},
        {"dim", ParameterKind::Integer, "64", 1, 2048, {}, "rows (and columns) of each matrix"},
        {"seed", ParameterKind::Integer, "2022", 0, 9223372036854775807.0, {}, "seed of the random matrices"},
    };
}

Partial decompose(const Eigen::MatrixXd& a)
{
    const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> solver(a, Eigen::ComputeEigenvectors);
    if (solver.info() != Eigen::Success)
        throw std::runtime_error("the eigen solver did not converge");
    const auto& values = solver.eigenvalues();
    Partial partial;
    for (Eigen::Index i = 0; i < values.size(); ++i)
        partial.sum += values[i];
    partial.extra = values[values.size() - 1];
    return partial;
}

} // namespace

EigenWorkload::EigenWorkload(Parameters parameters)
    : Workload("eigen", std::move(parameters)),
      m_matrices(static_cast<std::size_t>(this->parameters().integer("matrices"))),
      m_dim(static_cast<std::size_t>(this->parameters().integer("dim"))),
      m_seed(static_cast<std::uint64_t>(this->parameters().integer("seed")))
{
    // The matrix, its eigenvectors, the solver's workspace and a shipped copy: about five dim² doubles.
    const double bytes = 5.0 * static_cast<double>(m_dim) * static_cast<double>(m_dim) * sizeof(double);
    require_memory("parameter 'dim' = " + std::to_string(m_dim), bytes);
}

double EigenWorkload::random_element(std::size_t k, std::size_t i, std::size_t j) const
{
    const std::uint64_t n = m_dim;
    const std::uint64_t counter =
        static_cast<std::uint64_t>(k) * n * n + static_cast<std::uint64_t>(i) * n + j;
    return signed_unit(splitmix64_at(m_seed, counter));
}

std::vector<double> EigenWorkload::symmetric_matrix(std::size_t k) const
{
    const std::size_t n = m_dim;
    std::vector<double> m(n * n);
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < n; ++j)
            m[i * n + j] = random_element(k, i, j);
    std::vector<double> a(n * n);
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < n; ++j)
            a[j * n + i] = (m[i * n + j] + m[j * n + i]) * 0.5;
    return a;
}

Partial EigenWorkload::run_task(std::size_t task, const CancelToken& cancel) const
{
    if (cancel.cancelled())
        return {};
    const auto a = symmetric_matrix(task);
    const auto n = static_cast<Eigen::Index>(m_dim);
    return decompose(Eigen::Map<const Eigen::MatrixXd>(a.data(), n, n));
}

Checksum EigenWorkload::combine(std::span<const Partial> partials) const
{
    double sum = 0.0;
    double max_sum = 0.0;
    for (const auto& partial : partials) {
        sum += partial.sum;
        max_sum += partial.extra;
    }
    return {to_exact_text(sum), {{"checksum_max", to_exact_text(max_sum)}}};
}

void EigenWorkload::serialize_inputs_to(std::size_t task, const InputsPlace& place) const
{
    const auto a = symmetric_matrix(task);
    const std::span<std::byte> bytes = place(a.size() * sizeof(double));
    std::memcpy(bytes.data(), a.data(), bytes.size());
}

Partial EigenWorkload::run_task_from_inputs(std::size_t /*task*/, std::span<const std::byte> inputs,
                                            const CancelToken& cancel) const
{
    const std::size_t expected = m_dim * m_dim * sizeof(double);
    if (inputs.size() != expected)
        throw std::runtime_error("eigen task inputs must be " + std::to_string(expected) + " bytes (a " +
                                 std::to_string(m_dim) + "×" + std::to_string(m_dim) +
                                 " matrix of doubles), got " + std::to_string(inputs.size()));
    if (cancel.cancelled())
        return {};
    const auto n = static_cast<Eigen::Index>(m_dim);
    Eigen::MatrixXd a(n, n);
    std::memcpy(a.data(), inputs.data(), expected);
    return decompose(a);
}

WorkloadInfo eigen_workload_info()
{
    return {"eigen", "eigenvalues and eigenvectors of many random symmetric matrices: heavy floating point",
            eigen_specs(), [](const ParameterValues& values) {
                return std::make_unique<EigenWorkload>(Parameters(eigen_specs(), values));
            }};
}

} // namespace parlab
