#include "run_in_order.h"
#include "workloads/images_workload.h"
#include "workloads/memory_estimate.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>
#include <random>
#include <stdexcept>

using namespace parlab;
using parlab::test_support::forward;
using parlab::test_support::run_in_order;
using ::testing::HasSubstr;

namespace {

ImagesWorkload make(const ParameterValues& values)
{
    return ImagesWorkload(Parameters(images_workload_info().parameters, values));
}

const ParameterValues small = {{"images", "6"}, {"width", "64"}, {"height", "48"}};

} // namespace

TEST(ImagesWorkload, ImagesAreDeterministicAndInRange)
{
    const auto workload = make(small);
    const auto first = workload.image(2);
    ASSERT_EQ(first.size(), 64u * 48u);
    EXPECT_EQ(workload.image(2), first);
    EXPECT_NE(workload.image(3), first);
    EXPECT_TRUE(std::all_of(first.begin(), first.end(), [](float p) { return p >= 0.0f && p <= 1.0f; }));
    auto other_seed = small;
    other_seed["seed"] = "7";
    EXPECT_NE(make(other_seed).image(2), first);
}

TEST(ImagesWorkload, FindsTheBrightBlobs)
{
    // Background noise stays below 0.3 and the threshold is 0.5: only blobs count, and there are some.
    const auto workload = make({{"images", "10"}, {"width", "128"}, {"height", "128"}});
    const CancelToken cancel;
    std::size_t images_with_blobs = 0;
    for (std::size_t k = 0; k < 10; ++k) {
        const auto bright = static_cast<std::uint64_t>(workload.run_task(k, cancel).exact);
        EXPECT_LT(bright, 128u * 128u / 2);
        images_with_blobs += bright > 0 ? 1 : 0;
    }
    EXPECT_GE(images_with_blobs, 5u);
}

TEST(ImagesWorkload, UniformImageBlursToItself)
{
    // Shipped inputs let us feed a known image: a flat one stays flat under a normalised blur.
    const auto workload = make({{"images", "1"}, {"width", "16"}, {"height", "8"}});
    std::vector<float> bright(16 * 8, 0.75f);
    std::vector<float> dark(16 * 8, 0.25f);
    const CancelToken cancel;
    EXPECT_EQ(workload.run_task_from_inputs(0, std::as_bytes(std::span(bright)), cancel).exact, uint128{128});
    EXPECT_EQ(workload.run_task_from_inputs(0, std::as_bytes(std::span(dark)), cancel).exact, uint128{0});
}

TEST(ImagesWorkload, ChecksumDoesNotDependOnTaskOrder)
{
    const auto workload = make(small);
    std::vector<std::size_t> order(6);
    std::iota(order.begin(), order.end(), std::size_t{0});
    const auto expected = run_in_order(workload, order);
    std::reverse(order.begin(), order.end());
    EXPECT_EQ(run_in_order(workload, order), expected);
    std::shuffle(order.begin(), order.end(), std::mt19937(11));
    EXPECT_EQ(run_in_order(workload, order), expected);
}

TEST(ImagesWorkload, ShippedInputsGiveTheSameResult)
{
    const auto workload = make(small);
    const CancelToken cancel;
    for (std::size_t k = 0; k < 6; ++k) {
        const auto inputs = workload.serialize_inputs(k);
        ASSERT_EQ(inputs.size(), 64u * 48u * sizeof(float));
        EXPECT_EQ(workload.run_task_from_inputs(k, inputs, cancel).exact, workload.run_task(k, cancel).exact);
    }
}

TEST(ImagesWorkload, WrongInputSizeIsRefused)
{
    const auto workload = make(small);
    auto inputs = workload.serialize_inputs(0);
    inputs.resize(inputs.size() + 4);
    EXPECT_THROW((void)workload.run_task_from_inputs(0, inputs, CancelToken()), std::runtime_error);
    EXPECT_THROW((void)workload.run_task_from_inputs(0, {}, CancelToken()), std::runtime_error);
}

TEST(ImagesWorkload, TooLargeForMemoryIsRefusedNamingTheParameters)
{
    set_workload_memory_limit(1 << 20);
    EXPECT_THAT(
        [] {
            (void)make({{"width", "4096"}, {"height", "4096"}});
        },
        ::testing::ThrowsMessage<std::invalid_argument>(
            ::testing::AllOf(HasSubstr("'width' × 'height' = 4096 × 4096"), HasSubstr("MiB"))));
    EXPECT_NO_THROW((void)make(small));
    set_workload_memory_limit(0);
}

TEST(ImagesWorkload, RefusesBadParameters)
{
    EXPECT_THAT(
        [] {
            (void)make({{"width", "7"}});
        },
        ::testing::ThrowsMessage<std::invalid_argument>(
            HasSubstr("parameter 'width' must be in 8 .. 16384")));
    EXPECT_THROW((void)make({{"height", "16385"}}), std::invalid_argument);
    EXPECT_THROW((void)make({{"images", "0"}}), std::invalid_argument);
}

TEST(ImagesWorkload, CancelledTaskReturnsAtOnce)
{
    const auto workload = make(small);
    CancelToken cancel;
    cancel.cancel();
    EXPECT_EQ(workload.run_task(0, cancel).exact, uint128{0});
}
