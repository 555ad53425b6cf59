#include "analysis/what_if.h"

#include <gtest/gtest.h>

#include <stdexcept>

using namespace parlab;

namespace {

// The lecture's "database": four queries of 1, 8, 1.5 and 2 s.
const std::vector<double> database = {1.0, 8.0, 1.5, 2.0};

WhatIfRequest two_workers(std::vector<double> durations)
{
    WhatIfRequest request;
    request.durations_s = std::move(durations);
    request.workers = 2;
    return request;
}

} // namespace

TEST(WhatIf, OneAtATimeInGivenOrderEndsWithTheLongestTask)
{
    const WhatIfResult result = simulate_schedule(two_workers(database));
    EXPECT_DOUBLE_EQ(result.makespan_s, 8.0);
    EXPECT_DOUBLE_EQ(result.serial_s, 12.5);
    EXPECT_DOUBLE_EQ(result.speedup, 12.5 / 8.0);
    ASSERT_EQ(result.slots.size(), 4u);
    // Worker 0 serves 1, then 1.5, then 2 while worker 1 is busy with the 8.
    EXPECT_EQ(result.slots[1].worker, 1u);
    EXPECT_DOUBLE_EQ(result.busy_s_per_worker[0], 4.5);
    EXPECT_DOUBLE_EQ(result.busy_s_per_worker[1], 8.0);
}

TEST(WhatIf, AscendingOrderLeavesTheLongestTaskForLast)
{
    const WhatIfResult given = simulate_schedule(two_workers({1.0, 1.5, 2.0, 8.0}));
    EXPECT_DOUBLE_EQ(given.makespan_s, 9.5);
    auto request = two_workers(database);
    request.order = TaskOrder::ShortestFirst;
    EXPECT_DOUBLE_EQ(simulate_schedule(request).makespan_s, 9.5);
    request.order = TaskOrder::LongestFirst;
    EXPECT_DOUBLE_EQ(simulate_schedule(request).makespan_s, 8.0);
}

TEST(WhatIf, TwoStaticChunksOfTwo)
{
    auto request = two_workers(database);
    request.schedule = Schedule::Static;
    request.chunk = 2;
    const WhatIfResult result = simulate_schedule(request);
    EXPECT_DOUBLE_EQ(result.makespan_s, 9.0); // [1, 8] on one worker, [1.5, 2] on the other
    EXPECT_DOUBLE_EQ(result.busy_s_per_worker[1], 3.5);
    // Static with the default chunk deals the same even share.
    request.chunk = 0;
    EXPECT_DOUBLE_EQ(simulate_schedule(request).makespan_s, 9.0);
}

TEST(WhatIf, StaticRoundRobinAndOverhead)
{
    auto request = two_workers({1.0, 1.0, 1.0, 1.0, 1.0});
    request.schedule = Schedule::Static;
    request.chunk = 1;
    EXPECT_DOUBLE_EQ(simulate_schedule(request).makespan_s, 3.0); // tasks 0, 2, 4 on worker 0
    request.schedule = Schedule::Dynamic;
    request.per_task_overhead_s = 0.5;
    EXPECT_DOUBLE_EQ(simulate_schedule(request).makespan_s, 4.5);
    request.workers = 1;
    request.per_task_overhead_s = 0.0;
    EXPECT_DOUBLE_EQ(simulate_schedule(request).speedup, 1.0);
}

TEST(WhatIf, RefusesNonsense)
{
    auto request = two_workers({1.0, -1.0});
    EXPECT_THROW((void)simulate_schedule(request), std::invalid_argument);
    request = two_workers({});
    EXPECT_DOUBLE_EQ(simulate_schedule(request).makespan_s, 0.0);
    request.workers = 0;
    EXPECT_THROW((void)simulate_schedule(request), std::invalid_argument);
}
