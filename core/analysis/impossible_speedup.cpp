#include "analysis/impossible_speedup.h"

#include <cstdio>

namespace parlab {
namespace {

std::string two_places(double value)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.2f", value);
    return buffer;
}

// How far apart two runs of the same work may land on a quiet machine: the clock, the scheduler
// and the caches never repeat a run exactly. With a single repeat no spread is measured, and a
// speedup of 1.01 on one worker is that jitter, not an artefact worth alarming a class about.
constexpr double run_to_run_jitter = 0.02;

} // namespace

WorkNature work_nature(double serial_cpu_s, double serial_wall_s)
{
    if (serial_cpu_s <= 0.0 || serial_wall_s <= 0.0)
        return WorkNature::Unknown;
    // Half a CPU splits the two clearly: computing work reads near 1, waiting work near 0.
    return serial_cpu_s >= 0.5 * serial_wall_s ? WorkNature::Computing : WorkNature::Waiting;
}

std::string impossible_speedup(const Point& point, WorkNature nature, std::size_t logical_cpus)
{
    if (point.workers == 1 && point.speedup_low > 1.0 + run_to_run_jitter)
        return "speedup " + two_places(point.speedup) + " on one worker, above 1 by more than the spread (" +
               two_places(point.speedup_low) + " .. " + two_places(point.speedup_high) +
               "): one worker cannot beat the serial run, so the machine ran at another speed between the "
               "runs";
    if (nature == WorkNature::Computing && logical_cpus > 0 &&
        point.speedup > static_cast<double>(logical_cpus) * (1.0 + run_to_run_jitter))
        return "speedup " + two_places(point.speedup) + " above the " + std::to_string(logical_cpus) +
               " logical CPUs: computing work cannot go faster than one task per CPU, so the serial baseline "
               "was slowed down by something else";
    return {};
}

} // namespace parlab
