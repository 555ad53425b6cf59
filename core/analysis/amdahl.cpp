#include "analysis/amdahl.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace parlab {
namespace {

bool usable(const SpeedupSample& sample)
{
    return sample.workers > 1.0 && std::isfinite(sample.speedup) && sample.speedup > 0.0;
}

double squared_error(std::span<const SpeedupSample> samples, double serial_fraction)
{
    double sum = 0.0;
    for (const auto& sample : samples) {
        if (!usable(sample))
            continue;
        const double residual = sample.speedup - amdahl_speedup(serial_fraction, sample.workers);
        sum += residual * residual;
    }
    return sum;
}

} // namespace

AmdahlFit fit_amdahl(std::span<const SpeedupSample> samples)
{
    AmdahlFit fit;
    for (const auto& sample : samples) {
        if (usable(sample))
            ++fit.samples;
    }
    if (fit.samples == 0)
        return fit;

    // The error need not be unimodal in s for noisy data, so a coarse scan finds the right
    // valley first and a golden-section search then refines inside it.
    constexpr int scan_steps = 1000;
    double best = 0.0;
    double best_error = std::numeric_limits<double>::infinity();
    for (int i = 0; i <= scan_steps; ++i) {
        const double s = static_cast<double>(i) / scan_steps;
        const double error = squared_error(samples, s);
        if (error < best_error) {
            best_error = error;
            best = s;
        }
    }
    double low = std::max(0.0, best - 1.0 / scan_steps);
    double high = std::min(1.0, best + 1.0 / scan_steps);
    const double ratio = (std::sqrt(5.0) - 1.0) / 2.0;
    double a = high - ratio * (high - low);
    double b = low + ratio * (high - low);
    double error_a = squared_error(samples, a);
    double error_b = squared_error(samples, b);
    while (high - low > 1e-12) {
        if (error_a < error_b) {
            high = b;
            b = a;
            error_b = error_a;
            a = high - ratio * (high - low);
            error_a = squared_error(samples, a);
        } else {
            low = a;
            a = b;
            error_a = error_b;
            b = low + ratio * (high - low);
            error_b = squared_error(samples, b);
        }
    }
    double s = (low + high) / 2.0;
    if (squared_error(samples, best) < squared_error(samples, s))
        s = best;

    fit.serial_fraction = s;
    fit.rms_error = std::sqrt(squared_error(samples, s) / static_cast<double>(fit.samples));
    return fit;
}

AmdahlFit fit_amdahl(std::span<const SpeedupSample> samples, std::size_t logical_cpus)
{
    const AmdahlFit by_workers = fit_amdahl(samples);
    if (logical_cpus == 0)
        return by_workers;
    std::vector<SpeedupSample> capped(samples.begin(), samples.end());
    for (auto& sample : capped)
        sample.workers = std::min(sample.workers, static_cast<double>(logical_cpus));
    AmdahlFit by_processors = fit_amdahl(capped);
    by_processors.processor_limit = logical_cpus;
    // With every count within the CPUs the two agree; the capped law then also says what
    // computing work will do past the CPUs.
    return by_workers.rms_error < by_processors.rms_error - 1e-9 ? by_workers : by_processors;
}

double AmdahlFit::speedup(double workers) const
{
    const double processors =
        processor_limit == 0 ? workers : std::min(workers, static_cast<double>(processor_limit));
    return amdahl_speedup(serial_fraction, processors);
}

double amdahl_speedup(double serial_fraction, double workers)
{
    if (workers <= 0.0)
        return 0.0;
    return 1.0 / (serial_fraction + (1.0 - serial_fraction) / workers);
}

double gustafson_speedup(double serial_fraction, double workers)
{
    return serial_fraction + workers * (1.0 - serial_fraction);
}

double karp_flatt(double speedup, double workers)
{
    if (workers <= 1.0 || speedup <= 0.0)
        return 0.0;
    return (1.0 / speedup - 1.0 / workers) / (1.0 - 1.0 / workers);
}

} // namespace parlab
