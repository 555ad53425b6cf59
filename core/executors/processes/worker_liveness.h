#pragma once

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <sys/types.h>
#include <vector>

namespace parlab {

/// When a busy worker's silence means it will never answer (stopped by SIGSTOP, hung): no frame
/// for longer than the larger of `floor_s` and `factor` × the longest task seen so far in the run.
/// Tasks are pure computations that report when they end, so only a worker that stopped making
/// progress stays silent that long.
struct LivenessRule {
    double floor_s = 60.0;
    double factor = 20.0;
};

/// Tracks, per worker, since when it has been silent while busy.
class WorkerLiveness {
public:
    using Clock = std::chrono::steady_clock;

    WorkerLiveness(LivenessRule rule, std::size_t workers);

    /// Worker `index` sent something, or has nothing to do: its silence starts now.
    void heard_from(std::size_t index, Clock::time_point now = Clock::now());
    /// A task took `seconds` of compute: the limit grows with the longest one.
    void task_took(double seconds);
    /// The silence after which a busy worker counts as lost.
    [[nodiscard]] double limit_s() const;
    /// The first worker among `busy` silent for longer than limit_s(), if any.
    [[nodiscard]] std::optional<std::size_t> first_silent(const std::vector<bool>& busy,
                                                          Clock::time_point now = Clock::now()) const;
    /// Seconds worker `index` has been silent.
    [[nodiscard]] double silent_s(std::size_t index, Clock::time_point now = Clock::now()) const;

    /// Why worker `pid` is lost, for the run's message: "sent nothing for 60 s (the limit; it is
    /// stopped)". Reads the process state when it can.
    [[nodiscard]] std::string silence_text(std::size_t index, pid_t pid) const;

private:
    LivenessRule m_rule;
    std::vector<Clock::time_point> m_last;
    double m_longest_task_s = 0.0;
};

} // namespace parlab
