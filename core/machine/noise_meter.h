#pragma once

#include "machine/cpu_sampler.h"

#include <memory>

namespace parlab {

/// Above this much of a core used by other programs during a point's runs, the point is
/// flagged: its number may be the machine's business rather than the workload's.
inline constexpr double noise_threshold_cores = 0.1;

/// What the rest of the machine did during one run.
struct NoiseReading {
    double others_cpu_s = 0.0; ///< CPU-seconds used by every other process, plus stolen time
    double own_cpu_s = 0.0;    ///< CPU-seconds used by this process and its descendants
};

/// Measures how much CPU the rest of the machine used during a run: every CPU's busy time
/// (user, nice, system, irq, softirq) plus steal time, minus this process tree's own time.
class NoiseMeter {
public:
    explicit NoiseMeter(std::unique_ptr<CpuTimesSource> source);
    /// Takes the counters at the start of a run.
    void begin();
    /// The counters' change since begin(); others_cpu_s is never negative (tick rounding).
    NoiseReading end();

private:
    double busy_cpu_seconds();

    std::unique_ptr<CpuTimesSource> m_source;
    double m_busy_s = 0.0;
    double m_own_s = 0.0;
};

} // namespace parlab
