#include "analysis/timeline_rows.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <stdexcept>
#include <string>

namespace parlab {

void TimelineRows::add(const std::vector<TimelineBar>& bars)
{
    std::vector<bool> unsorted(m_rows.size(), false);
    for (const TimelineBar& bar : bars) {
        if (bar.row < 0)
            throw std::invalid_argument("a timeline bar has row " + std::to_string(bar.row) +
                                        ": rows start at 0");
        if (bar.kind < 0 || bar.kind >= max_kinds)
            throw std::invalid_argument("a timeline bar has kind " + std::to_string(bar.kind) +
                                        ": kinds are 0 to " + std::to_string(max_kinds - 1));
        const auto r = static_cast<std::size_t>(bar.row);
        if (r >= m_rows.size()) {
            m_rows.resize(r + 1);
            unsorted.resize(r + 1, false);
        }
        Row& row = m_rows[r];
        // Workers report their own tasks in order, so a bar usually just goes at the end.
        if (!row.entries.empty() && bar.start < row.entries.back().start)
            unsorted[r] = true;
        row.entries.push_back({bar.start, bar.end, bar.first, bar.kind});
        row.reach.push_back(row.reach.empty() ? bar.end : std::max(row.reach.back(), bar.end));
    }
    m_size += bars.size();
    for (std::size_t r = 0; r < m_rows.size(); ++r) {
        if (!unsorted[r])
            continue;
        Row& row = m_rows[r];
        std::stable_sort(row.entries.begin(), row.entries.end(),
                         [](const Entry& a, const Entry& b) { return a.start < b.start; });
        double reach = -INFINITY;
        for (std::size_t i = 0; i < row.entries.size(); ++i)
            row.reach[i] = reach = std::max(reach, row.entries[i].end);
    }
}

void TimelineRows::clear()
{
    m_rows.clear();
    m_size = 0;
}

void TimelineRows::visible(double from, double to, double per_pixel, std::vector<TimelineBar>& out) const
{
    out.clear();
    for (std::size_t r = 0; r < m_rows.size(); ++r) {
        const Row& row = m_rows[r];
        // The first bar that reaches `from`: every earlier one ends before it.
        auto i = static_cast<std::size_t>(std::lower_bound(row.reach.begin(), row.reach.end(), from) -
                                          row.reach.begin());
        bool open = false; // whether out.back() is an aggregate that may still grow
        std::array<double, max_kinds> time{};
        const auto close = [&] {
            if (open && out.back().count > 1)
                out.back().kind = static_cast<int>(std::max_element(time.begin(), time.end()) - time.begin());
            open = false;
        };
        for (; i < row.entries.size() && row.entries[i].start <= to; ++i) {
            const Entry& e = row.entries[i];
            if (e.end < from)
                continue; // an earlier long bar reached `from`, this one does not
            const bool thin = e.end - e.start < per_pixel;
            if (thin && open && e.start - out.back().end < per_pixel) {
                TimelineBar& group = out.back();
                group.end = std::max(group.end, e.end);
                group.count += 1;
                time[static_cast<std::size_t>(e.kind)] += e.end - e.start;
                continue;
            }
            close();
            out.push_back({static_cast<int>(r), e.start, e.end, 1, e.id, e.kind});
            if (thin) {
                open = true;
                time.fill(0.0);
                time[static_cast<std::size_t>(e.kind)] = e.end - e.start;
            }
        }
        close();
    }
}

std::optional<std::size_t> bar_under(const std::vector<TimelineBar>& drawn, int row, double t,
                                     double tolerance)
{
    // The row's bars, then the last of them starting by t + tolerance: candidates lie before it.
    const auto rowBegin = std::lower_bound(drawn.begin(), drawn.end(), row,
                                           [](const TimelineBar& bar, int r) { return bar.row < r; });
    const auto rowEnd = std::upper_bound(rowBegin, drawn.end(), row,
                                         [](int r, const TimelineBar& bar) { return r < bar.row; });
    auto it = std::upper_bound(rowBegin, rowEnd, t + tolerance,
                               [](double time, const TimelineBar& bar) { return time < bar.start; });
    std::optional<std::size_t> best;
    double bestDistance = tolerance;
    // Drawn bars of a row barely overlap: a few steps back cover every bar that can reach t.
    for (int steps = 0; it != rowBegin && steps < 4; ++steps) {
        --it;
        const double distance = t < it->start ? it->start - t : (t > it->end ? t - it->end : 0.0);
        if (distance <= bestDistance) {
            best = static_cast<std::size_t>(it - drawn.begin());
            bestDistance = distance;
            if (distance == 0.0)
                break;
        }
    }
    return best;
}

} // namespace parlab
