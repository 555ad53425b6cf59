#pragma once

#include <cstddef>
#include <span>

namespace parlab {

struct SpeedupSample {
    double workers = 1.0;
    double speedup = 1.0;
};

/// The serial fraction s that best fits measured speedups to Amdahl's law, S(p) = 1/(s+(1-s)/p).
struct AmdahlFit {
    double serial_fraction = 0.0; ///< in [0, 1]
    double rms_error = 0.0;       ///< of the fitted speedups against the measured ones
    std::size_t samples = 0;
    /// The CPUs the workers shared when the speedup stopped growing there (CPU-bound work), so
    /// the law counts min(W, processor_limit) processors; 0 when it grew with W (waiting work).
    std::size_t processor_limit = 0;

    /// The fitted law's speedup on `workers` workers.
    [[nodiscard]] double speedup(double workers) const;
};

/// Least squares over the samples with workers > 1, counting each worker as a processor; s = 0
/// when there are none.
AmdahlFit fit_amdahl(std::span<const SpeedupSample> samples);

/// The better of two fits over samples measured on `logical_cpus` CPUs: workers as processors
/// (work that waits), or at most `logical_cpus` processors (work that computes). Past the CPUs,
/// more workers only take turns, and reading their flat speedup as serial work would be wrong.
AmdahlFit fit_amdahl(std::span<const SpeedupSample> samples, std::size_t logical_cpus);

/// Amdahl's law: the speedup on p workers of work whose serial fraction is s.
double amdahl_speedup(double serial_fraction, double workers);
/// Gustafson's law: the scaled speedup on p workers, s + p(1-s).
double gustafson_speedup(double serial_fraction, double workers);
/// Karp–Flatt metric e(p) = (1/S - 1/p) / (1 - 1/p); 0 for p <= 1.
double karp_flatt(double speedup, double workers);

} // namespace parlab
