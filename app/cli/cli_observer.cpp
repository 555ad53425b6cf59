#include "cli_observer.h"

#include <cstdio>
#include <cstdlib>

namespace parlab {

void CliObserver::on_progress(const SweepProgress& progress)
{
    const std::lock_guard lock(m_mutex);
    m_bar.draw(progress);
}

void CliObserver::on_baseline(const Point& serial)
{
    const std::lock_guard lock(m_mutex);
    m_bar.clear();
    m_format.baseline(serial);
}

void CliObserver::on_point(const Point& point)
{
    const std::lock_guard lock(m_mutex);
    m_bar.clear();
    m_format.point(point);
}

namespace {

// Nanoseconds in µs below a millisecond, else in ms: offsets on one host are microseconds,
// between hosts they can be seconds.
std::string duration_text(std::int64_t ns, bool sign)
{
    char text[48];
    const double magnitude = static_cast<double>(std::llabs(ns));
    // An offset that shows as 0.0 gets no minus sign: "-0.0" would claim a direction.
    const char* prefix = !sign ? "" : (ns <= -50 ? "-" : "+");
    if (magnitude < 1e6)
        std::snprintf(text, sizeof text, "%s%.1f µs", prefix, magnitude / 1e3);
    else
        std::snprintf(text, sizeof text, "%s%.3f ms", prefix, magnitude / 1e6);
    return text;
}

} // namespace

std::string CliObserver::clocks_text(const std::vector<RankInfo>& ranks)
{
    if (ranks.size() < 2)
        return {};
    std::string text = "clocks, W=" + std::to_string(ranks.size()) + " (offset to rank 0 on " +
                       ranks[0].host + " ± uncertainty):";
    for (std::size_t i = 1; i < ranks.size(); ++i) {
        const RankInfo& rank = ranks[i];
        text += (i == 1 ? " " : ", ") + std::string("rank ") + std::to_string(rank.rank) + " on " +
                rank.host + " " + duration_text(rank.clock_offset_ns, true) + " ± " +
                duration_text(rank.clock_uncertainty_ns, false);
    }
    return text;
}

void CliObserver::on_joined(const std::vector<RankInfo>& ranks)
{
    const std::string text = clocks_text(ranks);
    if (text.empty())
        return;
    const std::lock_guard lock(m_mutex);
    m_bar.clear();
    std::fprintf(stderr, "%s\n", text.c_str());
}

} // namespace parlab
