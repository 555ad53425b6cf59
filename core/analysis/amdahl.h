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
};

/// Least squares over the samples with workers > 1; s = 0 when there are none.
AmdahlFit fit_amdahl(std::span<const SpeedupSample> samples);

/// The processors W workers really have on a machine with `logical_cpus`: min(W, logical_cpus).
/// Amdahl's law counts processors, and workers beyond the CPUs only take turns on them, so a
/// fit over an oversubscribed sweep must not read their flat speedup as serial work.
double amdahl_processors(std::size_t workers, std::size_t logical_cpus);

/// Amdahl's law: the speedup on p workers of work whose serial fraction is s.
double amdahl_speedup(double serial_fraction, double workers);
/// Gustafson's law: the scaled speedup on p workers, s + p(1-s).
double gustafson_speedup(double serial_fraction, double workers);
/// Karp–Flatt metric e(p) = (1/S - 1/p) / (1 - 1/p); 0 for p <= 1.
double karp_flatt(double speedup, double workers);

} // namespace parlab
