#pragma once

#include "progress_bar.h"
#include "result_format.h"

#include <mutex>
#include <string>
#include <vector>

namespace parlab {

/// Sends a sweep's points to the output format and its progress to the bar, without letting
/// the bar and the rows write over each other.
class CliObserver final : public SweepObserver {
public:
    CliObserver(ResultFormat& format, ProgressBar& bar) : m_format(format), m_bar(bar) {}

    void on_progress(const SweepProgress& progress) override;
    void on_baseline(const Point& serial) override;
    void on_point(const Point& point) override;
    /// Cluster runs: says on stderr how far each rank's clock was from rank 0's and how sure
    /// that is, since the trace times were shifted by it.
    void on_joined(const std::vector<RankInfo>& ranks) override;

    /// The line on_joined writes: "clocks, W=3 (offset to rank 0 ± uncertainty): rank 1 on a
    /// +1.2 ± 3.4 µs, …"; empty for one rank.
    static std::string clocks_text(const std::vector<RankInfo>& ranks);

private:
    ResultFormat& m_format;
    ProgressBar& m_bar;
    std::mutex m_mutex;
};

} // namespace parlab
