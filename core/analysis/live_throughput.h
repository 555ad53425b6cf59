#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>

namespace parlab {

/// The throughput of a run in progress: tasks finished per second over a sliding window of the
/// last few seconds, and that against the serial run's throughput (tasks / serial wall time),
/// which is the speedup the run shows right now. A class sees the speedup appear as the run goes.
class LiveThroughput {
public:
    /// `window_s`: how far back finished tasks count; shorter follows faster, longer is steadier.
    explicit LiveThroughput(double window_s = 2.0);

    /// Starts over for a run that began at `start_ns` (steady clock).
    void reset(std::int64_t start_ns);
    /// One task finished at `end_ns` (steady clock); ends may come in any order.
    void add_end(std::int64_t end_ns);
    /// Tasks finished per second in the window ending at `now_ns`. Early in the run the window
    /// is the time since the start, so the first second is not diluted by time before the run.
    [[nodiscard]] double tasks_per_second(std::int64_t now_ns) const;
    /// tasks_per_second(now) against `serial_tasks_per_second`; 0 when that is unknown.
    [[nodiscard]] double speedup(std::int64_t now_ns, double serial_tasks_per_second) const;
    [[nodiscard]] std::size_t finished() const { return m_total; }

    /// The serial run's throughput: its tasks over its wall time; 0 when either is zero.
    [[nodiscard]] static double serial_rate(std::size_t tasks, double wall_s);

private:
    double m_window_s;
    std::int64_t m_start_ns = 0;
    std::size_t m_total = 0;
    std::deque<std::int64_t> m_ends; // sorted
};

} // namespace parlab
