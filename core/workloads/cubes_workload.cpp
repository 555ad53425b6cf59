#include "workloads/cubes_workload.h"

#include "workloads/interpreter_lock.h"

#include <algorithm>
#include <stdexcept>

namespace parlab {

namespace {

// The whole sum is below n⁴/4, which stays under 2^128 (about 3.4e38) up to n ≈ 6.07e9.
constexpr double max_n = 5'000'000'000.0;

std::vector<ParameterSpec> cubes_specs()
{
    return {
        {"n", ParameterKind::Integer, "50000000", 1, max_n, {}, "sum i³ for i = 0 .. n−1"},
        {"chunks",
         ParameterKind::Integer,
         "50",
         1,
         100000,
         {},
         "tasks the range is cut into (chunks past n are empty)"},
    };
}

} // namespace

CubesWorkload::CubesWorkload(Parameters parameters)
    : Workload("cubes", std::move(parameters)),
      m_n(static_cast<std::uint64_t>(this->parameters().integer("n"))),
      m_chunks(static_cast<std::size_t>(this->parameters().integer("chunks")))
{
}

uint128 CubesWorkload::sum_of_cubes(std::uint64_t lo, std::uint64_t hi, const CancelToken& cancel)
{
    // About a millisecond of work between looks at the cancel flag.
    constexpr std::uint64_t block = 1 << 20;
    constexpr std::uint64_t squares_fit_64_bits = std::uint64_t{1} << 32;
    uint128 sum = 0;
    for (std::uint64_t start = lo; start < hi; start += std::min(block, hi - start)) {
        if (cancel.cancelled())
            return 0;
        lock_checkpoint();
        const std::uint64_t end = start + std::min(block, hi - start);
        if (end <= squares_fit_64_bits) {
            // i² fits in 64 bits, so each cube is one 64×64→128 multiply.
            for (std::uint64_t i = start; i < end; ++i)
                sum += static_cast<uint128>(i * i) * i;
        } else {
            for (std::uint64_t i = start; i < end; ++i)
                sum += static_cast<uint128>(i) * i * i;
        }
    }
    return sum;
}

Partial CubesWorkload::run_task(std::size_t task, const CancelToken& cancel) const
{
    const auto lo = static_cast<std::uint64_t>(static_cast<uint128>(task) * m_n / m_chunks);
    const auto hi = static_cast<std::uint64_t>(static_cast<uint128>(task + 1) * m_n / m_chunks);
    Partial partial;
    partial.exact = sum_of_cubes(lo, hi, cancel);
    return partial;
}

Checksum CubesWorkload::combine(std::span<const Partial> partials) const
{
    uint128 sum = 0;
    for (const auto& partial : partials)
        sum += partial.exact;
    return {to_decimal(sum), {}};
}

WorkloadInfo cubes_workload_info()
{
    return {"cubes", "sum of i³ over a long range, cut into chunks: pure CPU work, perfectly divisible",
            cubes_specs(), [](const ParameterValues& values) {
                return std::make_unique<CubesWorkload>(Parameters(cubes_specs(), values));
            }};
}

} // namespace parlab
