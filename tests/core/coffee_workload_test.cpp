#include "workloads/coffee_workload.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <future>
#include <stdexcept>
#include <thread>

using namespace parlab;
using ::testing::HasSubstr;

namespace {

CoffeeWorkload make(const ParameterValues& values)
{
    return CoffeeWorkload(Parameters(coffee_workload_info().parameters, values));
}

Checksum run_all(const Workload& workload)
{
    std::vector<Partial> partials(workload.task_count());
    const CancelToken cancel;
    for (std::size_t task = workload.task_count(); task-- > 0;)
        partials[task] = workload.run_task(task, cancel);
    return workload.combine(partials);
}

} // namespace

TEST(CoffeeWorkload, OneTaskPerStudent)
{
    EXPECT_EQ(make({}).task_count(), 30u);
    EXPECT_EQ(make({{"students", "7"}}).task_count(), 7u);
}

TEST(CoffeeWorkload, WaitingServesEveryCoffee)
{
    const auto workload = make({{"students", "5"}, {"seconds", "0.001"}, {"mode", "wait"}});
    EXPECT_EQ(run_all(workload).value, "5");
}

TEST(CoffeeWorkload, WorkingServesEveryCoffee)
{
    const auto workload = make({{"students", "4"}, {"seconds", "0.002"}, {"mode", "work"}});
    EXPECT_EQ(run_all(workload).value, "4");
}

TEST(CoffeeWorkload, ZeroSecondsIsAllowed)
{
    EXPECT_EQ(run_all(make({{"students", "3"}, {"seconds", "0"}, {"mode", "work"}})).value, "3");
    EXPECT_EQ(run_all(make({{"students", "3"}, {"seconds", "0"}, {"mode", "wait"}})).value, "3");
}

TEST(CoffeeWorkload, WorkUsesAtLeastTheRequestedCpuTime)
{
    // CPU time can only run slower than wall time for one thread, so this bound holds on a busy machine.
    const auto workload = make({{"students", "1"}, {"seconds", "0.02"}, {"mode", "work"}});
    const auto start = std::chrono::steady_clock::now();
    (void)workload.run_task(0, CancelToken());
    EXPECT_GE(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(20));
}

TEST(CoffeeWorkload, CancelStopsALongCoffee)
{
    for (const char* mode : {"wait", "work"}) {
        SCOPED_TRACE(mode);
        const auto workload = make({{"students", "1"}, {"seconds", "60"}, {"mode", mode}});
        CancelToken cancel;
        auto result = std::async(std::launch::async, [&] { return workload.run_task(0, cancel); });
        std::this_thread::sleep_for(std::chrono::milliseconds(30));
        cancel.cancel();
        ASSERT_EQ(result.wait_for(std::chrono::seconds(20)), std::future_status::ready);
        EXPECT_EQ(result.get().exact, uint128{0});
    }
}

TEST(CoffeeWorkload, RefusesBadParameters)
{
    EXPECT_THAT(
        [] {
            (void)make({{"students", "0"}});
        },
        ::testing::ThrowsMessage<std::invalid_argument>(
            HasSubstr("parameter 'students' must be in 1 .. 100000, got '0'")));
    EXPECT_THAT(
        [] {
            (void)make({{"seconds", "-1"}});
        },
        ::testing::ThrowsMessage<std::invalid_argument>(HasSubstr("parameter 'seconds' must be in 0 .. 60")));
    EXPECT_THAT(
        [] {
            (void)make({{"mode", "sleep"}});
        },
        ::testing::ThrowsMessage<std::invalid_argument>(HasSubstr("wait | work")));
    EXPECT_THAT(
        [] {
            (void)make({{"cups", "2"}});
        },
        ::testing::ThrowsMessage<std::invalid_argument>(HasSubstr("students, seconds, mode")));
}
