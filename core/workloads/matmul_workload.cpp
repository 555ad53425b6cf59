#include "workloads/matmul_workload.h"

#include "machine/machine_facts.h"
#include "workloads/memory_estimate.h"
#include "workloads/splitmix64.h"

#include <cblas.h>
#include <oneapi/tbb/blocked_range.h>
#include <oneapi/tbb/parallel_for.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

namespace parlab {

namespace {

// OpenBLAS (pthreads build) takes at most this many threads (its MAX_THREADS).
constexpr int max_inner_threads = 64;

std::vector<std::string> inner_thread_choices()
{
    std::vector<std::string> choices{"auto"};
    for (const int n : {1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64})
        choices.push_back(std::to_string(n));
    return choices;
}

std::vector<ParameterSpec> matmul_specs()
{
    return {
        {"products", ParameterKind::Integer, "4", 1, 1000, {}, "matrix products, one per task"},
        {"size", ParameterKind::Integer, "2000", 1, 20000, {}, "rows (and columns) of each square matrix"},
        {"inner_threads", ParameterKind::Choice, "auto", 0, 0, inner_thread_choices(),
         "BLAS threads inside each task (auto: every logical CPU, as NumPy does)"},
        {"inner",
         ParameterKind::Choice,
         "blas",
         0,
         0,
         {"blas", "tbb"},
         "who parallelises inside a task: OpenBLAS's own threads, or oneTBB row blocks (one shared "
         "scheduler)"},
        {"seed", ParameterKind::Integer, "1", 0, 9223372036854775807.0, {}, "seed of the random matrices"},
    };
}

// The checksum counts each element of a product in these units (see run_task).
constexpr double checksum_units = 1024.0;

// A signed 64-bit count as 128-bit two's complement, so that plain unsigned sums stay exact.
uint128 twos_complement(long long value)
{
    uint128 bits = static_cast<std::uint64_t>(value);
    if (value < 0)
        bits |= ~uint128{0} << 64;
    return bits;
}

// Row blocks a nested parallel_for hands out: large enough for BLAS to run at full speed.
constexpr std::size_t tbb_rows_per_block = 64;

void fill_random(std::vector<double>& matrix, std::uint64_t seed, std::uint64_t offset)
{
    for (std::size_t i = 0; i < matrix.size(); ++i)
        matrix[i] = signed_unit(splitmix64_at(seed, offset + i));
}

// openblas_set_num_threads is process-wide: set it only when it differs, so concurrent tasks of
// one run (which all want the same count) do not keep resizing OpenBLAS's pool.
void use_blas_threads(int threads)
{
    if (openblas_get_num_threads() != threads)
        openblas_set_num_threads(threads);
}

} // namespace

MatmulWorkload::MatmulWorkload(Parameters parameters)
    : Workload("matmul", std::move(parameters)),
      m_products(static_cast<std::size_t>(this->parameters().integer("products"))),
      m_size(static_cast<std::size_t>(this->parameters().integer("size"))),
      m_seed(static_cast<std::uint64_t>(this->parameters().integer("seed"))),
      m_tbb(this->parameters().choice("inner") == "tbb")
{
    const std::string& inner = this->parameters().choice("inner_threads");
    const int requested = inner == "auto" ? static_cast<int>(machine_facts().logical_cpus) : std::stoi(inner);
    m_blas_threads = m_tbb ? 1 : std::clamp(requested, 1, max_inner_threads);
    const double bytes = 3.0 * static_cast<double>(m_size) * static_cast<double>(m_size) * sizeof(double);
    require_memory("parameter 'size' = " + std::to_string(m_size), bytes);
    // Built in the process that runs the tasks (each process worker builds its own): BLAS gets
    // its thread count before the first product, not after it has started its pool.
    use_blas_threads(m_blas_threads);
}

Partial MatmulWorkload::run_task(std::size_t task, const CancelToken& cancel) const
{
    if (cancel.cancelled())
        return {};
    const std::size_t n = m_size;
    const std::uint64_t elements = static_cast<std::uint64_t>(n) * n;
    std::vector<double> a(n * n);
    std::vector<double> b(n * n);
    std::vector<double> c(n * n, 0.0);
    fill_random(a, m_seed, 2 * task * elements);
    fill_random(b, m_seed, (2 * task + 1) * elements);
    use_blas_threads(m_blas_threads);
    const auto size = static_cast<int>(n);
    if (m_tbb) {
        // Each row block is an independent product on one BLAS thread; oneTBB deals the blocks
        // to the same threads that run the outer tasks, so the two levels share one pool.
        tbb::parallel_for(tbb::blocked_range<std::size_t>(0, n, tbb_rows_per_block),
                          [&](const tbb::blocked_range<std::size_t>& rows) {
                              if (cancel.cancelled())
                                  return;
                              cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans,
                                          static_cast<int>(rows.size()), size, size, 1.0,
                                          a.data() + rows.begin() * n, size, b.data(), size, 0.0,
                                          c.data() + rows.begin() * n, size);
                          });
    } else {
        cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, size, size, size, 1.0, a.data(), size,
                    b.data(), size, 0.0, c.data(), size);
    }
    // BLAS splits a product differently for each thread count, and the kernels for the leftover
    // rows and columns may round an element's last bit differently. Counting each element in
    // units of 1/1024 keeps the checksum the same for every split while a wrong product still
    // changes it. The sum is exact: 128-bit two's complement.
    Partial partial;
    for (const double value : c)
        partial.exact += twos_complement(std::llround(value * checksum_units));
    partial.extra = static_cast<double>(openblas_get_num_threads());
    return partial;
}

Checksum MatmulWorkload::combine(std::span<const Partial> partials) const
{
    uint128 units = 0;
    double blas_threads = 0.0;
    for (const auto& partial : partials) {
        units += partial.exact;
        blas_threads = std::max(blas_threads, partial.extra);
    }
    const bool negative = (units >> 127) != 0;
    const std::string magnitude = to_decimal(negative ? uint128{0} - units : units);
    return {(negative ? "-" : "") + magnitude,
            {{"blas_threads", std::to_string(static_cast<long long>(blas_threads))}}};
}

WorkloadInfo matmul_workload_info()
{
    return {"matmul", "a few large matrix products by OpenBLAS, with threads inside each task (like NumPy)",
            matmul_specs(), [](const ParameterValues& values) {
                return std::make_unique<MatmulWorkload>(Parameters(matmul_specs(), values));
            }};
}

} // namespace parlab
