#include "analysis/bar_aggregation.h"

#include <algorithm>
#include <numeric>

namespace parlab {

std::vector<TimelineBar> aggregate_bars(std::vector<TimelineBar> bars, double min_width)
{
    for (std::size_t i = 0; i < bars.size(); ++i) {
        bars[i].first = i;
        bars[i].count = 1;
    }
    std::stable_sort(bars.begin(), bars.end(), [](const TimelineBar& a, const TimelineBar& b) {
        return a.row != b.row ? a.row < b.row : a.start < b.start;
    });
    std::vector<TimelineBar> out;
    out.reserve(bars.size());
    bool open = false; // whether out.back() is an aggregate that may still grow
    for (const TimelineBar& bar : bars) {
        const bool thin = bar.end - bar.start < min_width;
        if (thin && open && out.back().row == bar.row && bar.start - out.back().end < min_width) {
            TimelineBar& group = out.back();
            group.end = std::max(group.end, bar.end);
            group.count += 1;
            continue;
        }
        out.push_back(bar);
        open = thin;
    }
    return out;
}

} // namespace parlab
