#include "analysis/timeline_rows.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

namespace parlab {
namespace {

// Bars with ids 0.. in the order given.
std::vector<TimelineBar> numbered(std::vector<TimelineBar> bars)
{
    for (std::size_t i = 0; i < bars.size(); ++i)
        bars[i].first = i;
    return bars;
}

std::size_t tasksIn(const std::vector<TimelineBar>& drawn)
{
    std::size_t tasks = 0;
    for (const TimelineBar& bar : drawn)
        tasks += bar.count;
    return tasks;
}

TEST(TimelineRows, ThinNeighboursMergeWideBarsStayRowsApart)
{
    TimelineRows rows;
    rows.add(numbered({
        {0, 0.0, 0.1, 1, 0, 1},
        {0, 0.1, 0.2, 1, 0, 0},
        {0, 0.25, 0.4, 1, 0, 1}, // thin, close: one
        {0, 1.0, 3.0},           // wide: kept
        {0, 5.0, 5.1},           // thin, far: alone
        {1, 0.0, 0.1},
        {1, 0.1, 0.2}, // another row
    }));
    EXPECT_EQ(rows.size(), 7u);
    EXPECT_EQ(rows.rows(), 2);
    std::vector<TimelineBar> drawn;
    rows.visible(0.0, 10.0, 0.5, drawn);
    ASSERT_EQ(drawn.size(), 4u);
    EXPECT_EQ(drawn[0].count, 3u);
    EXPECT_EQ(drawn[0].first, 0u);
    EXPECT_DOUBLE_EQ(drawn[0].end, 0.4);
    EXPECT_EQ(drawn[0].kind, 1); // kind 1 covers 0.25 of the aggregate's 0.35
    EXPECT_EQ(drawn[1].first, 3u);
    EXPECT_EQ(drawn[1].count, 1u);
    EXPECT_EQ(drawn[2].first, 4u);
    EXPECT_EQ(drawn[3].row, 1);
    EXPECT_EQ(drawn[3].count, 2u);
    EXPECT_EQ(drawn[3].first, 5u);

    // Zoomed in until every bar is wider than a pixel: each drawn alone.
    rows.visible(0.0, 10.0, 0.01, drawn);
    EXPECT_EQ(drawn.size(), 7u);
}

TEST(TimelineRows, OnlyBarsReachingTheRangeAreDrawn)
{
    TimelineRows rows;
    rows.add(numbered({{0, 0.0, 50.0}, {0, 51.0, 52.0}, {0, 60.0, 61.0}, {0, 90.0, 95.0}}));
    std::vector<TimelineBar> drawn;
    rows.visible(40.0, 70.0, 0.1, drawn);
    ASSERT_EQ(drawn.size(), 3u); // the long first bar reaches into the range; the last does not
    EXPECT_EQ(drawn[0].first, 0u);
    EXPECT_EQ(drawn[2].first, 2u);
}

TEST(TimelineRows, OutOfOrderBatchesDrawAsOneSortedBatch)
{
    std::vector<TimelineBar> bars;
    std::mt19937 random(7);
    for (std::size_t i = 0; i < 5000; ++i) {
        const int row = static_cast<int>(i % 7);
        const double start = static_cast<double>(i / 7) * 1.0 + 0.001 * static_cast<double>(random() % 100);
        bars.push_back({row, start, start + 0.05 + 0.001 * static_cast<double>(random() % 900), 1, i,
                        static_cast<int>(i % 3)});
    }
    TimelineRows whole;
    whole.add(bars);
    std::vector<TimelineBar> shuffled = bars;
    std::shuffle(shuffled.begin(), shuffled.end(), random);
    TimelineRows live;
    for (std::size_t at = 0; at < shuffled.size(); at += 333)
        live.add({shuffled.begin() + static_cast<long>(at),
                  shuffled.begin() + static_cast<long>(std::min(at + 333, shuffled.size()))});
    for (double perPixel : {0.001, 0.3, 5.0}) {
        std::vector<TimelineBar> a;
        std::vector<TimelineBar> b;
        whole.visible(0.0, 1000.0, perPixel, a);
        live.visible(0.0, 1000.0, perPixel, b);
        ASSERT_EQ(a.size(), b.size());
        EXPECT_EQ(tasksIn(a), bars.size()); // every bar counted once, aggregated or not
        for (std::size_t i = 0; i < a.size(); ++i) {
            EXPECT_EQ(a[i].row, b[i].row);
            EXPECT_EQ(a[i].count, b[i].count);
            EXPECT_DOUBLE_EQ(a[i].start, b[i].start);
            EXPECT_DOUBLE_EQ(a[i].end, b[i].end);
        }
        // By row, then start.
        EXPECT_TRUE(std::is_sorted(a.begin(), a.end(), [](const TimelineBar& x, const TimelineBar& y) {
            return x.row != y.row ? x.row < y.row : x.start < y.start;
        }));
    }
}

TEST(TimelineRows, AHundredThousandBarsDrawAsAFewPerPixel)
{
    // 100 000 bars of 20 us on 8 rows over ~250 ms, drawn 1200 pixels wide: aggregates bound
    // what is drawn by the pixels, not the tasks.
    std::vector<TimelineBar> bars;
    std::vector<double> clock(8, 0.0);
    for (std::size_t i = 0; i < 100'000; ++i) {
        double& now = clock[i % 8];
        bars.push_back({static_cast<int>(i % 8), now, now + 0.02, 1, i});
        now += 0.022;
    }
    TimelineRows rows;
    rows.add(bars);
    std::vector<TimelineBar> drawn;
    rows.visible(0.0, clock[0], clock[0] / 1200, drawn);
    EXPECT_LE(drawn.size(), 8u * 1200u);
    EXPECT_EQ(tasksIn(drawn), 100'000u);
}

TEST(TimelineRows, RejectsRowsAndKindsOutOfRange)
{
    TimelineRows rows;
    EXPECT_THROW(rows.add({{-1, 0.0, 1.0}}), std::invalid_argument);
    EXPECT_THROW(rows.add({{0, 0.0, 1.0, 1, 0, TimelineRows::max_kinds}}), std::invalid_argument);
}

TEST(BarUnder, FindsTheBarAtAPointOrTheNearestWithinTolerance)
{
    const std::vector<TimelineBar> drawn = {
        {0, 0.0, 1.0}, {0, 2.0, 3.0}, {1, 0.5, 0.6}, {1, 4.0, 9.0}, {3, 0.0, 1.0},
    };
    EXPECT_EQ(bar_under(drawn, 0, 0.5, 0.0), 0u);
    EXPECT_EQ(bar_under(drawn, 0, 2.0, 0.0), 1u);
    EXPECT_EQ(bar_under(drawn, 1, 6.0, 0.1), 3u);
    EXPECT_EQ(bar_under(drawn, 3, 0.2, 0.0), 4u);
    // In a gap: nothing, unless a bar is within the tolerance (a thin bar drawn a pixel wide).
    EXPECT_FALSE(bar_under(drawn, 0, 1.5, 0.2).has_value());
    EXPECT_EQ(bar_under(drawn, 0, 1.1, 0.2), 0u);
    EXPECT_EQ(bar_under(drawn, 0, 1.9, 0.2), 1u);
    EXPECT_EQ(bar_under(drawn, 1, 0.65, 0.1), 2u);
    // Rows with no bar, and rows out of range.
    EXPECT_FALSE(bar_under(drawn, 2, 0.5, 1.0).has_value());
    EXPECT_FALSE(bar_under(drawn, 7, 0.5, 1.0).has_value());
    EXPECT_FALSE(bar_under(drawn, -1, 0.5, 1.0).has_value());
    EXPECT_FALSE(bar_under({}, 0, 0.5, 1.0).has_value());
}

} // namespace
} // namespace parlab
