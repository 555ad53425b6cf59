#include "analysis/live_throughput.h"

#include <gtest/gtest.h>

namespace parlab {
namespace {

constexpr std::int64_t s = 1'000'000'000;

TEST(LiveThroughput, CountsTasksEndedInTheWindow)
{
    LiveThroughput live(2.0);
    live.reset(0);
    // One task every 100 ms for 5 s: 10 tasks a second.
    for (int i = 1; i <= 50; ++i)
        live.add_end(i * s / 10);
    EXPECT_NEAR(live.tasks_per_second(5 * s), 10.0, 1e-9);
    EXPECT_EQ(live.finished(), 50u);
    // Nothing ends for the next two seconds: the window empties.
    EXPECT_NEAR(live.tasks_per_second(7 * s), 0.0, 1e-9);
}

TEST(LiveThroughput, EarlyWindowIsTheTimeSinceTheStart)
{
    LiveThroughput live(2.0);
    live.reset(10 * s);
    live.add_end(10 * s + s / 4);
    live.add_end(10 * s + s / 2);
    // Two tasks in half a second, not two in two seconds.
    EXPECT_NEAR(live.tasks_per_second(10 * s + s / 2), 4.0, 1e-9);
}

TEST(LiveThroughput, SpeedupIsAgainstTheSerialRate)
{
    // Serial: 30 tasks in 3 s, 10 a second.
    const double serial = LiveThroughput::serial_rate(30, 3.0);
    EXPECT_NEAR(serial, 10.0, 1e-12);
    LiveThroughput live(1.0);
    live.reset(0);
    // Three workers: 30 a second, ends out of order.
    for (int i = 30; i >= 1; --i)
        live.add_end(i * s / 30);
    EXPECT_NEAR(live.speedup(s, serial), 3.0, 1e-9);
    EXPECT_EQ(live.speedup(s, 0.0), 0.0);
    EXPECT_EQ(LiveThroughput::serial_rate(0, 3.0), 0.0);
    EXPECT_EQ(LiveThroughput::serial_rate(10, 0.0), 0.0);
}

} // namespace
} // namespace parlab
