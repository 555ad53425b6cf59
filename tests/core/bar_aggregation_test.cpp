#include "analysis/bar_aggregation.h"

#include <gtest/gtest.h>

#include <numeric>

namespace parlab {
namespace {

TEST(BarAggregation, ThinNeighboursMergeWideBarsStay)
{
    std::vector<TimelineBar> bars = {
        {0, 0.0, 0.1}, {0, 0.1, 0.2}, {0, 0.25, 0.3}, // thin and close: one aggregate
        {0, 1.0, 3.0},                                // wide: kept
        {0, 5.0, 5.1},                                // thin but far: alone
        {1, 0.0, 0.1}, {1, 0.1, 0.2},                 // another row: never merged with row 0
    };
    const auto out = aggregate_bars(bars, 0.5);
    ASSERT_EQ(out.size(), 4u);
    EXPECT_EQ(out[0].count, 3u);
    EXPECT_DOUBLE_EQ(out[0].start, 0.0);
    EXPECT_DOUBLE_EQ(out[0].end, 0.3);
    EXPECT_EQ(out[1].count, 1u);
    EXPECT_DOUBLE_EQ(out[1].end, 3.0);
    EXPECT_EQ(out[2].count, 1u);
    EXPECT_EQ(out[3].row, 1);
    EXPECT_EQ(out[3].count, 2u);
    EXPECT_EQ(out[3].first, 5u);
}

TEST(BarAggregation, HundredThousandTasksFitThePixels)
{
    // 100 000 tasks of 10 us on 8 rows over 125 ms; 1000 pixels wide: 125 us per pixel.
    std::vector<TimelineBar> bars;
    for (int task = 0; task < 100'000; ++task) {
        const double start = (task / 8) * 0.01;
        bars.push_back({task % 8, start, start + 0.01});
    }
    const auto out = aggregate_bars(bars, 0.125);
    std::size_t total = 0;
    for (const auto& bar : out)
        total += bar.count;
    EXPECT_EQ(total, 100'000u);
    EXPECT_LE(out.size(), 8u * 1000u);
    // Nothing is thin enough to merge at full zoom.
    EXPECT_EQ(aggregate_bars(bars, 0.001).size(), 100'000u);
}

} // namespace
} // namespace parlab
