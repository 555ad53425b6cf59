#pragma once

#include <cstdint>
#include <memory>
#include <vector>

namespace parlab {

/// Cumulative CPU time of one logical CPU, in clock ticks, as the OS counts it.
struct CpuTimes {
    std::uint64_t user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0;
};

/// Where CPU times come from; Linux reads /proc/stat, another OS is one more implementation.
class CpuTimesSource {
public:
    virtual ~CpuTimesSource() = default;
    /// Per logical CPU, in CPU order.
    virtual std::vector<CpuTimes> read_cpus() = 0;
    /// This process's own user+system time, in seconds.
    virtual double read_own_cpu_seconds() = 0;
    /// The user+system time of this process and every process below it (worker processes, an
    /// MPI launcher and its ranks), live ones and those already waited for, in seconds.
    virtual double read_tree_cpu_seconds() { return read_own_cpu_seconds(); }
    /// Clock ticks per second of read_cpus()'s counters.
    virtual double ticks_per_second();
};

std::unique_ptr<CpuTimesSource> make_proc_stat_source();

/// The load of one CPU over the last interval, in percent of that interval.
struct CpuLoad {
    double user_percent = 0.0;   ///< user + nice
    double system_percent = 0.0; ///< system + irq + softirq
    [[nodiscard]] double busy_percent() const { return user_percent + system_percent; }
};

struct CpuSample {
    double time_s = 0.0;       ///< steady clock
    std::vector<CpuLoad> cpus; ///< per logical CPU
    double own_percent = 0.0;  ///< this process, in percent of one CPU
};

/// Turns cumulative times into loads: each sample() gives the load since the previous one.
class CpuSampler {
public:
    explicit CpuSampler(std::unique_ptr<CpuTimesSource> source);
    CpuSample sample();

private:
    std::unique_ptr<CpuTimesSource> m_source;
    std::vector<CpuTimes> m_previous;
    double m_previous_own_s = 0.0;
    double m_previous_time_s = 0.0;
};

} // namespace parlab
