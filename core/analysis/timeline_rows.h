#pragma once

#include "analysis/bar_aggregation.h"

#include <cstddef>
#include <optional>
#include <vector>

namespace parlab {

/// The bars of a timeline kept per row in start order, so that drawing a range of time at a
/// given size of pixel costs the bars in that range (at most a few per pixel column and row),
/// not the whole run, and the bar under a point is a binary search away.
class TimelineRows {
public:
    /// Kinds a bar may have: 0 .. max_kinds - 1.
    static constexpr int max_kinds = 8;

    /// Adds bars in any order. `first` is the caller's id of each bar and is kept as it is;
    /// `count` is taken as 1.
    void add(const std::vector<TimelineBar>& bars);
    void clear();
    /// Bars added since the last clear().
    [[nodiscard]] std::size_t size() const { return m_size; }
    /// One more than the highest row of any bar.
    [[nodiscard]] int rows() const { return static_cast<int>(m_rows.size()); }

    /// The bars that reach into [from, to], by row, then start, as drawn one pixel per
    /// `per_pixel`: per row, runs of bars narrower than a pixel that lie within a pixel of each
    /// other become one aggregate whose `first` is the id of its first bar and `kind` the kind
    /// that covers most of its time. Replaces the contents of `out`.
    void visible(double from, double to, double per_pixel, std::vector<TimelineBar>& out) const;

private:
    struct Entry {
        double start;
        double end;
        std::size_t id;
        int kind;
    };
    struct Row {
        std::vector<Entry> entries; // by start
        std::vector<double> reach;  // reach[i]: the latest end of entries[0..i]
    };
    std::vector<Row> m_rows;
    std::size_t m_size = 0;
};

/// The index in `drawn` (sorted by row, then start, as TimelineRows::visible gives them) of the
/// bar of `row` that covers time `t`, or failing that the nearest within `tolerance` of it;
/// nothing when no bar is that close. This is "which task is under the mouse".
std::optional<std::size_t> bar_under(const std::vector<TimelineBar>& drawn, int row, double t,
                                     double tolerance);

} // namespace parlab
