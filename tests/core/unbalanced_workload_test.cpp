#include "run_in_order.h"
#include "workloads/unbalanced_workload.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <future>
#include <numeric>
#include <stdexcept>
#include <thread>

using namespace parlab;
using parlab::test_support::forward;
using parlab::test_support::run_in_order;
using ::testing::HasSubstr;

namespace {

UnbalancedWorkload make(const ParameterValues& values)
{
    return UnbalancedWorkload(Parameters(unbalanced_workload_info().parameters, values));
}

std::vector<double> seconds_of(const UnbalancedWorkload& workload)
{
    std::vector<double> seconds;
    for (std::size_t task = 0; task < workload.task_count(); ++task)
        seconds.push_back(workload.task_seconds(task));
    return seconds;
}

} // namespace

TEST(UnbalancedWorkload, DefaultsAreTheLectureExample)
{
    const auto workload = make({});
    EXPECT_EQ(seconds_of(workload), (std::vector<double>{0.25, 2.0, 0.375, 0.5}));
}

TEST(UnbalancedWorkload, OrdersTheDurations)
{
    const ParameterValues base = {{"durations", "3,1,4,1,5,9,2,6"}, {"scale", "1"}};
    auto given = base;
    EXPECT_EQ(seconds_of(make(given)), (std::vector<double>{3, 1, 4, 1, 5, 9, 2, 6}));
    auto longest = base;
    longest["order"] = "longest-first";
    EXPECT_EQ(seconds_of(make(longest)), (std::vector<double>{9, 6, 5, 4, 3, 2, 1, 1}));

    auto shuffled = base;
    shuffled["order"] = "shuffled";
    const auto first = seconds_of(make(shuffled));
    EXPECT_EQ(seconds_of(make(shuffled)), first) << "the same seed shuffles the same way";
    auto sorted = first;
    std::sort(sorted.begin(), sorted.end());
    EXPECT_EQ(sorted, (std::vector<double>{1, 1, 2, 3, 4, 5, 6, 9})) << "a shuffle is a permutation";
    bool some_seed_differs = false;
    for (int seed = 2; seed < 10 && !some_seed_differs; ++seed) {
        shuffled["seed"] = std::to_string(seed);
        some_seed_differs = seconds_of(make(shuffled)) != first;
    }
    EXPECT_TRUE(some_seed_differs);
}

TEST(UnbalancedWorkload, ChecksumCountsTasksAndMilliseconds)
{
    const auto workload = make({{"durations", "1,8,1.5,2,0"}, {"scale", "0.001"}});
    const auto checksum = run_in_order(workload, {4, 3, 2, 1, 0});
    EXPECT_EQ(checksum.value, "5");
    EXPECT_EQ(checksum.extra.at("milliseconds"), "13"); // 1 + 8 + 2 (1.5 rounds up) + 2 + 0
    EXPECT_EQ(run_in_order(workload, {0, 1, 2, 3, 4}), checksum);
}

TEST(UnbalancedWorkload, WorkModeServesEveryTask)
{
    const auto workload = make({{"durations", "1,2,3"}, {"scale", "0.001"}, {"mode", "work"}});
    const auto checksum = run_in_order(workload, {1, 0, 2});
    EXPECT_EQ(checksum.value, "3");
    EXPECT_EQ(checksum.extra.at("milliseconds"), "6");
}

TEST(UnbalancedWorkload, ACancelledTaskDoesNotCount)
{
    const auto workload = make({{"durations", "3600"}, {"scale", "60"}});
    CancelToken cancel;
    auto result = std::async(std::launch::async, [&] { return workload.run_task(0, cancel); });
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    cancel.cancel();
    ASSERT_EQ(result.wait_for(std::chrono::seconds(20)), std::future_status::ready);
    EXPECT_EQ(workload.combine(std::vector<Partial>{result.get()}).value, "0");
}

TEST(UnbalancedWorkload, RefusesBadParameters)
{
    EXPECT_THAT(
        [] {
            (void)make({{"durations", ""}});
        },
        ::testing::ThrowsMessage<std::invalid_argument>(HasSubstr("parameter 'durations' must be")));
    EXPECT_THAT(
        [] {
            (void)make({{"durations", "1,-2"}});
        },
        ::testing::ThrowsMessage<std::invalid_argument>(HasSubstr("0 .. 3600")));
    EXPECT_THAT(
        [] {
            (void)make({{"order", "random"}});
        },
        ::testing::ThrowsMessage<std::invalid_argument>(HasSubstr("given | longest-first | shuffled")));
    EXPECT_THROW((void)make({{"scale", "61"}}), std::invalid_argument);
}
