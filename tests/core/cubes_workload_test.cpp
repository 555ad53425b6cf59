#include "run_in_order.h"
#include "workloads/cubes_workload.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <numeric>
#include <random>
#include <stdexcept>

using namespace parlab;
using parlab::test_support::forward;
using parlab::test_support::run_in_order;
using ::testing::HasSubstr;

namespace {

CubesWorkload make(const ParameterValues& values)
{
    return CubesWorkload(Parameters(cubes_workload_info().parameters, values));
}

std::string formula(std::uint64_t n)
{
    const uint128 half = static_cast<uint128>(n) * (n - 1) / 2;
    return to_decimal(half * half);
}

} // namespace

TEST(CubesWorkload, MatchesTheFormulaForManySizesAndChunks)
{
    for (const std::uint64_t n : {1u, 2u, 3u, 7u, 10u, 97u, 1000u, 99991u}) {
        for (const std::uint64_t chunks :
             {std::uint64_t{1}, std::uint64_t{2}, std::uint64_t{3}, std::uint64_t{7}, n}) {
            SCOPED_TRACE("n=" + std::to_string(n) + " chunks=" + std::to_string(chunks));
            const auto workload = make({{"n", std::to_string(n)}, {"chunks", std::to_string(chunks)}});
            ASSERT_EQ(workload.task_count(), chunks);
            EXPECT_EQ(run_in_order(workload, forward(chunks)).value, formula(n));
        }
    }
}

TEST(CubesWorkload, UnevenSplitCoversEveryNumberOnce)
{
    // 10 numbers in 4 chunks: [0,2) [2,5) [5,7) [7,10).
    const auto workload = make({{"n", "10"}, {"chunks", "4"}});
    const CancelToken cancel;
    EXPECT_EQ(workload.run_task(0, cancel).exact, uint128{0 + 1});
    EXPECT_EQ(workload.run_task(1, cancel).exact, uint128{8 + 27 + 64});
    EXPECT_EQ(workload.run_task(2, cancel).exact, uint128{125 + 216});
    EXPECT_EQ(workload.run_task(3, cancel).exact, uint128{343 + 512 + 729});
}

TEST(CubesWorkload, ChecksumDoesNotDependOnTaskOrder)
{
    const auto workload = make({{"n", "100003"}, {"chunks", "37"}});
    auto order = forward(37);
    const auto expected = run_in_order(workload, order);
    std::reverse(order.begin(), order.end());
    EXPECT_EQ(run_in_order(workload, order), expected);
    std::shuffle(order.begin(), order.end(), std::mt19937(7));
    EXPECT_EQ(run_in_order(workload, order), expected);
    EXPECT_EQ(expected.value, formula(100003));
}

TEST(CubesWorkload, DefaultChecksumIsTheKnownValue)
{
    // The defaults, computed by the closed form: the full run is a benchmark, not a unit test.
    const auto workload = make({});
    EXPECT_EQ(workload.task_count(), 50u);
    EXPECT_EQ(formula(50'000'000), "1562499937500000625000000000000");
    const auto first = CubesWorkload::sum_of_cubes(0, 1'000'000, CancelToken());
    EXPECT_EQ(workload.run_task(0, CancelToken()).exact, first);
    EXPECT_EQ(to_decimal(first), formula(1'000'000));
}

TEST(CubesWorkload, CubesBeyond32BitsAreExact)
{
    // i² overflows 64 bits here, so the wide path is checked against the formula.
    const std::uint64_t lo = (std::uint64_t{1} << 32) - 3;
    const std::uint64_t hi = (std::uint64_t{1} << 32) + 5;
    const auto whole = [](std::uint64_t n) {
        const uint128 half = static_cast<uint128>(n) * (n - 1) / 2;
        return half * half;
    };
    EXPECT_EQ(CubesWorkload::sum_of_cubes(lo, hi, CancelToken()), whole(hi) - whole(lo));
    const std::uint64_t top = 5'000'000'000;
    EXPECT_EQ(CubesWorkload::sum_of_cubes(top - 4, top, CancelToken()), whole(top) - whole(top - 4));
}

TEST(CubesWorkload, MoreChunksThanNumbersLeavesSomeEmpty)
{
    // The default 50 chunks must not refuse a small n: chunks past n are simply empty.
    const auto workload = make({{"n", "10"}});
    ASSERT_EQ(workload.task_count(), 50u);
    EXPECT_EQ(run_in_order(workload, forward(50)).value, formula(10));
}

TEST(CubesWorkload, RefusesBadParameters)
{
    EXPECT_THAT(
        [] {
            (void)make({{"n", "0"}});
        },
        ::testing::ThrowsMessage<std::invalid_argument>(HasSubstr("parameter 'n' must be in 1 ..")));
    EXPECT_THROW((void)make({{"n", "5000000001"}}), std::invalid_argument);
    EXPECT_THROW((void)make({{"chunks", "100001"}}), std::invalid_argument);
}

TEST(CubesWorkload, CancelledTaskReturnsAtOnce)
{
    const auto workload = make({{"n", "5000000000"}, {"chunks", "1"}});
    CancelToken cancel;
    cancel.cancel();
    EXPECT_EQ(workload.run_task(0, cancel).exact, uint128{0});
}
