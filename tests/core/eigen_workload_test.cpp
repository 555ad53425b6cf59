#include "run_in_order.h"
#include "workloads/eigen_workload.h"
#include "workloads/memory_estimate.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>
#include <stdexcept>

using namespace parlab;
using parlab::test_support::forward;
using parlab::test_support::run_in_order;
using ::testing::HasSubstr;

namespace {

EigenWorkload make(const ParameterValues& values)
{
    return EigenWorkload(Parameters(eigen_workload_info().parameters, values));
}

} // namespace

TEST(EigenWorkload, MatrixElementsMatchTheReference)
{
    const auto workload = make({});
    EXPECT_EQ(workload.random_element(0, 0, 0), -0.7762023281180381);
    EXPECT_EQ(workload.random_element(0, 0, 1), -0.8874318389092883);
    const auto a = workload.symmetric_matrix(0);
    double trace = 0.0;
    for (std::size_t i = 0; i < 64; ++i)
        trace += a[i * 64 + i];
    EXPECT_NEAR(trace, -9.82805687613322, 1e-12);
}

TEST(EigenWorkload, MatrixIsSymmetricAverageOfItsHalves)
{
    const auto workload = make({{"dim", "5"}});
    const auto a = workload.symmetric_matrix(3);
    for (std::size_t i = 0; i < 5; ++i)
        for (std::size_t j = 0; j < 5; ++j) {
            EXPECT_EQ(a[j * 5 + i], a[i * 5 + j]);
            EXPECT_EQ(a[j * 5 + i],
                      (workload.random_element(3, i, j) + workload.random_element(3, j, i)) * 0.5);
        }
}

TEST(EigenWorkload, EigenvalueSumEqualsTheTrace)
{
    const auto workload = make({{"matrices", "3"}, {"dim", "16"}});
    for (std::size_t k = 0; k < 3; ++k) {
        const auto a = workload.symmetric_matrix(k);
        double trace = 0.0;
        for (std::size_t i = 0; i < 16; ++i)
            trace += a[i * 16 + i];
        const auto partial = workload.run_task(k, CancelToken());
        EXPECT_NEAR(partial.sum, trace, 1e-10);
        // The largest eigenvalue is at least the largest diagonal element (Rayleigh quotient).
        double max_diagonal = a[0];
        for (std::size_t i = 0; i < 16; ++i)
            max_diagonal = std::max(max_diagonal, a[i * 16 + i]);
        EXPECT_GE(partial.extra, max_diagonal - 1e-12);
    }
}

TEST(EigenWorkload, ChecksumDoesNotDependOnTaskOrder)
{
    const auto workload = make({{"matrices", "7"}, {"dim", "12"}});
    std::vector<std::size_t> forward(7);
    std::iota(forward.begin(), forward.end(), std::size_t{0});
    const auto expected = run_in_order(workload, forward);
    EXPECT_EQ(run_in_order(workload, {6, 5, 4, 3, 2, 1, 0}), expected);
    EXPECT_EQ(run_in_order(workload, {3, 0, 6, 1, 5, 2, 4}), expected);
    double sum = 0.0;
    double max_sum = 0.0;
    for (std::size_t k = 0; k < 7; ++k) {
        const auto partial = workload.run_task(k, CancelToken());
        sum += partial.sum;
        max_sum += partial.extra;
    }
    EXPECT_EQ(expected.value, to_exact_text(sum));
    EXPECT_EQ(expected.extra.at("checksum_max"), to_exact_text(max_sum));
    EXPECT_EQ(std::stod(expected.value), sum);
}

TEST(EigenWorkload, ShippedInputsGiveBitIdenticalResults)
{
    const auto workload = make({{"matrices", "4"}, {"dim", "33"}});
    const CancelToken cancel;
    for (std::size_t k = 0; k < 4; ++k) {
        const auto inputs = workload.serialize_inputs(k);
        ASSERT_EQ(inputs.size(), 33u * 33u * sizeof(double));
        const auto shipped = workload.run_task_from_inputs(k, inputs, cancel);
        const auto local = workload.run_task(k, cancel);
        EXPECT_EQ(shipped.sum, local.sum);
        EXPECT_EQ(shipped.extra, local.extra);
    }
}

TEST(EigenWorkload, InputsAreMadeInTheRoomTheCallerGives)
{
    // Shared-memory shipping hands out room in its region: the workload must ask once, for the
    // exact size, and write there the bytes it would ship.
    const auto workload = make({{"matrices", "3"}, {"dim", "9"}});
    std::vector<std::byte> room(2 * 9 * 9 * sizeof(double), std::byte{0x5A});
    int asked = 0;
    workload.serialize_inputs_to(2, [&](std::size_t bytes) {
        ++asked;
        EXPECT_EQ(bytes, 9u * 9u * sizeof(double));
        return std::span<std::byte>(room.data() + 8, bytes);
    });
    EXPECT_EQ(asked, 1);
    const auto inputs = workload.serialize_inputs(2);
    EXPECT_TRUE(std::equal(inputs.begin(), inputs.end(), room.begin() + 8));
    EXPECT_EQ(room[7], std::byte{0x5A}); // nothing written outside the room
    EXPECT_EQ(room[8 + inputs.size()], std::byte{0x5A});
}

TEST(EigenWorkload, WrongInputSizeIsRefused)
{
    const auto workload = make({{"matrices", "2"}, {"dim", "8"}});
    auto inputs = workload.serialize_inputs(0);
    inputs.pop_back();
    EXPECT_THROW((void)workload.run_task_from_inputs(0, inputs, CancelToken()), std::runtime_error);
    EXPECT_THROW((void)workload.run_task_from_inputs(0, {}, CancelToken()), std::runtime_error);
}

TEST(EigenWorkload, TooLargeForMemoryIsRefusedNamingTheParameter)
{
    set_workload_memory_limit(1 << 20);
    EXPECT_THAT(
        [] {
            (void)make({{"dim", "1024"}});
        },
        ::testing::ThrowsMessage<std::invalid_argument>(
            ::testing::AllOf(HasSubstr("parameter 'dim' = 1024"), HasSubstr("MiB"))));
    EXPECT_NO_THROW((void)make({{"dim", "8"}}));
    set_workload_memory_limit(0);
    EXPECT_NO_THROW((void)make({{"dim", "1024"}}));
}

TEST(EigenWorkload, RefusesBadParameters)
{
    EXPECT_THROW((void)make({{"dim", "0"}}), std::invalid_argument);
    EXPECT_THROW((void)make({{"dim", "4096"}}), std::invalid_argument);
    EXPECT_THROW((void)make({{"matrices", "x"}}), std::invalid_argument);
}

TEST(EigenWorkload, CancelledTaskReturnsAtOnce)
{
    const auto workload = make({{"dim", "8"}});
    CancelToken cancel;
    cancel.cancel();
    const auto partial = workload.run_task(0, cancel);
    EXPECT_EQ(partial.sum, 0.0);
}
