#include "machine/noise_meter.h"

#include <algorithm>

namespace parlab {

NoiseMeter::NoiseMeter(std::unique_ptr<CpuTimesSource> source) : m_source(std::move(source))
{
}

double NoiseMeter::busy_cpu_seconds()
{
    std::uint64_t ticks = 0;
    for (const CpuTimes& cpu : m_source->read_cpus())
        ticks += cpu.user + cpu.nice + cpu.system + cpu.irq + cpu.softirq + cpu.steal;
    const double per_second = m_source->ticks_per_second();
    return per_second > 0.0 ? static_cast<double>(ticks) / per_second : 0.0;
}

void NoiseMeter::begin()
{
    m_busy_s = busy_cpu_seconds();
    m_own_s = m_source->read_tree_cpu_seconds();
}

NoiseReading NoiseMeter::end()
{
    const double busy_s = busy_cpu_seconds() - m_busy_s;
    NoiseReading reading;
    reading.own_cpu_s = std::max(0.0, m_source->read_tree_cpu_seconds() - m_own_s);
    reading.others_cpu_s = std::max(0.0, busy_s - reading.own_cpu_s);
    return reading;
}

} // namespace parlab
