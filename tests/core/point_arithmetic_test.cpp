#include "analysis/cost_split.h"
#include "analysis/speedup_spread.h"

#include <gtest/gtest.h>

namespace parlab {
namespace {

Point costed(unsigned repeats)
{
    Point p;
    p.workers = 4;
    p.repeats = repeats;
    p.wall_s = 1.0;
    p.costs.startup_s = 0.25;
    p.costs.ship_s = 0.125;
    p.costs.teardown_s = 0.0625;
    return p;
}

TEST(CostSplit, OneRepeatStartedItsPoolInsideTheWallTime)
{
    const CostSplit split = split_costs(costed(1));
    EXPECT_DOUBLE_EQ(split.startup_s, 0.25);
    EXPECT_DOUBLE_EQ(split.ship_s, 0.125);
    EXPECT_DOUBLE_EQ(split.compute_s, 1.0 - 0.125 - 0.25);
    EXPECT_DOUBLE_EQ(split.teardown_s, 0.0625);
    EXPECT_DOUBLE_EQ(split.total_s(), 0.25 + 0.125 + 0.625 + 0.0625);
}

TEST(CostSplit, MoreRepeatsReusedTheWarmPool)
{
    const CostSplit split = split_costs(costed(3));
    EXPECT_DOUBLE_EQ(split.compute_s, 1.0 - 0.125);
    EXPECT_DOUBLE_EQ(split.startup_s, 0.25);
}

TEST(CostSplit, ComputeIsNeverNegative)
{
    Point p = costed(1);
    p.wall_s = 0.1;
    EXPECT_DOUBLE_EQ(split_costs(p).compute_s, 0.0);
}

TEST(SpeedupSpread, SerialMedianOverTheSlowestAndFastestRepeat)
{
    Point p;
    p.wall_s = 0.5;     // median
    p.wall_s_min = 0.4; // fastest
    p.wall_s_max = 0.8; // slowest
    p.speedup = 3.0;    // so the serial median took 1.5 s
    const SpeedupSpread spread = speedup_spread(p);
    EXPECT_DOUBLE_EQ(spread.low, 1.5 / 0.8);
    EXPECT_DOUBLE_EQ(spread.high, 1.5 / 0.4);
    EXPECT_DOUBLE_EQ(spread.minus, 3.0 - 1.5 / 0.8);
    EXPECT_DOUBLE_EQ(spread.plus, 1.5 / 0.4 - 3.0);
}

TEST(SpeedupSpread, NoSpreadWithoutMinOrMaxTimes)
{
    Point p;
    p.wall_s = 0.5;
    p.speedup = 2.0;
    const SpeedupSpread spread = speedup_spread(p);
    EXPECT_DOUBLE_EQ(spread.low, 2.0);
    EXPECT_DOUBLE_EQ(spread.high, 2.0);
    EXPECT_DOUBLE_EQ(spread.minus, 0.0);
    EXPECT_DOUBLE_EQ(spread.plus, 0.0);
}

} // namespace
} // namespace parlab
