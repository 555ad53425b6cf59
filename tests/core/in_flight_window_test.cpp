#include "executors/in_flight_window.h"

#include <gtest/gtest.h>

using namespace parlab;

TEST(InFlightWindow, IsTheLeastUntilATaskWasTimed)
{
    EXPECT_EQ(in_flight_window(2, 0.0, 5000, 2), 2u);
    EXPECT_EQ(in_flight_window(2, -1.0, 5000, 2), 2u);
}

TEST(InFlightWindow, ShortTasksFillTheTargetTime)
{
    // 0.3 ms tasks (eigen's defaults): about the target's worth of them per message, not one.
    const std::size_t window = in_flight_window(2, 0.3e-3, 5000, 2);
    EXPECT_EQ(window, static_cast<std::size_t>(in_flight_target_s / 0.3e-3));
    EXPECT_GT(window, 10u);
}

TEST(InFlightWindow, LongTasksKeepTheLeast)
{
    // A coffee of a second: the next one queued, no more, so a free worker can take the rest.
    EXPECT_EQ(in_flight_window(2, 1.0, 30, 2), 2u);
}

TEST(InFlightWindow, ShrinksNearTheEndSoTheWorkersFinishTogether)
{
    // Empty tasks would ask for millions; half a worker's share of what is left caps them.
    EXPECT_EQ(in_flight_window(2, 1e-9, 4000, 2), 1000u);
    EXPECT_EQ(in_flight_window(2, 1e-9, 40, 2), 10u);
    EXPECT_EQ(in_flight_window(2, 1e-9, 5, 2), 2u);
    EXPECT_EQ(in_flight_window(2, 1e-9, 0, 2), 2u);
}

TEST(InFlightWindow, NoWorkersOrNothingLeftIsTheLeast)
{
    EXPECT_EQ(in_flight_window(4, 1e-6, 100, 0), 4u);
    EXPECT_EQ(in_flight_window(4, 1e-6, 0, 3), 4u);
}
