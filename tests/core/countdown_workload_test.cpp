#include "run_in_order.h"
#include "workloads/countdown_workload.h"
#include "workloads/splitmix64.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <future>
#include <numeric>
#include <random>
#include <stdexcept>
#include <thread>

using namespace parlab;
using parlab::test_support::forward;
using parlab::test_support::run_in_order;
using ::testing::HasSubstr;

namespace {

CountdownWorkload make(const ParameterValues& values)
{
    return CountdownWorkload(Parameters(countdown_workload_info().parameters, values));
}

std::uint64_t xorshift(std::uint64_t state, std::uint64_t steps)
{
    for (std::uint64_t i = 0; i < steps; ++i) {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
    }
    return state;
}

} // namespace

TEST(CountdownWorkload, DefaultsAreSixteenEqualTasks)
{
    const auto workload = make({});
    EXPECT_EQ(workload.task_count(), 16u);
    EXPECT_EQ(workload.parameters().values().at("tasks"), "2*16");
}

TEST(CountdownWorkload, TaskRunsRoundedLengthTimesStepsOfXorshift)
{
    const auto workload = make({{"tasks", "1,2.5,0,0.3333"}, {"steps", "1000"}});
    const CancelToken cancel;
    const std::uint64_t lengths[] = {1000, 2500, 0, 333};
    std::uint64_t xor_of_states = 0;
    // A zero-length task returns its start state.
    const auto zero = make({{"tasks", "0*4"}, {"steps", "1000"}});
    std::uint64_t previous_start = 0;
    for (std::size_t task = 0; task < 4; ++task) {
        const auto state0 = static_cast<std::uint64_t>(zero.run_task(task, cancel).exact);
        EXPECT_EQ(state0, splitmix64_at(0, task));
        EXPECT_NE(state0, previous_start);
        previous_start = state0;
        const auto state = static_cast<std::uint64_t>(workload.run_task(task, cancel).exact);
        EXPECT_EQ(state, xorshift(state0, lengths[task]));
        xor_of_states ^= state;
    }
    EXPECT_EQ(workload
                  .combine(std::vector<Partial>{workload.run_task(0, cancel), workload.run_task(1, cancel),
                                                workload.run_task(2, cancel), workload.run_task(3, cancel)})
                  .value,
              std::to_string(xor_of_states));
}

TEST(CountdownWorkload, ChecksumDoesNotDependOnTaskOrder)
{
    const auto workload = make({{"tasks", "1,3*5,0.5,2"}, {"steps", "20000"}});
    std::vector<std::size_t> order(workload.task_count());
    std::iota(order.begin(), order.end(), std::size_t{0});
    const auto expected = run_in_order(workload, order);
    std::reverse(order.begin(), order.end());
    EXPECT_EQ(run_in_order(workload, order), expected);
    std::shuffle(order.begin(), order.end(), std::mt19937(3));
    EXPECT_EQ(run_in_order(workload, order), expected);
}

TEST(CountdownWorkload, CancelStopsAHugeTaskQuickly)
{
    const auto workload = make({{"tasks", "1000"}, {"steps", "100000000000"}});
    CancelToken cancel;
    auto result = std::async(std::launch::async, [&] { return workload.run_task(0, cancel); });
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    cancel.cancel();
    // Generous: a cancelled task looks at the flag about every millisecond.
    ASSERT_EQ(result.wait_for(std::chrono::seconds(20)), std::future_status::ready);
    EXPECT_EQ(result.get().exact, uint128{0});
}

TEST(CountdownWorkload, RefusesBadParameters)
{
    EXPECT_THAT(
        [] {
            (void)make({{"tasks", ""}});
        },
        ::testing::ThrowsMessage<std::invalid_argument>(HasSubstr("parameter 'tasks' must be")));
    EXPECT_THAT(
        [] {
            (void)make({{"tasks", "1,-2"}});
        },
        ::testing::ThrowsMessage<std::invalid_argument>(HasSubstr("0 .. 1000")));
    EXPECT_THROW((void)make({{"steps", "0"}}), std::invalid_argument);
    EXPECT_THROW((void)make({{"steps", "1e12"}}), std::invalid_argument);
}
