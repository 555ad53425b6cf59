#pragma once

#include <cstddef>
#include <vector>

namespace parlab {

/// A bar of a timeline row: one task, or `count` tasks too thin to draw one by one.
struct TimelineBar {
    int row = 0;
    double start = 0.0;
    double end = 0.0;
    std::size_t count = 1;
    std::size_t first = 0; ///< index into the input of the first bar it holds
    /// What the bar is (a phase, say): an aggregate takes the kind covering most of its time.
    int kind = 0;
};

/// Merges, per row, runs of bars narrower than `min_width` (in the caller's unit, e.g. the
/// time one pixel spans) that lie within `min_width` of each other into one aggregate bar, so
/// a drawing holds at most a few bars per pixel column. Wide bars are kept as they are. The
/// result is sorted by row, then start; counts add up to the input's size.
std::vector<TimelineBar> aggregate_bars(std::vector<TimelineBar> bars, double min_width);

} // namespace parlab
