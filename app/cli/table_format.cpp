#include "table_format.h"

#include "analysis/amdahl.h"
#include "machine/noise_meter.h"
#include "text/text_units.h"

#include <cmath>
#include <cstdio>
#include <string>

namespace parlab {
namespace {

std::string format(const char* pattern, double value)
{
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, pattern, value);
    return buffer;
}

std::string padded(const std::string& text, std::size_t width)
{
    return text.size() >= width ? text : std::string(width - text.size(), ' ') + text;
}

} // namespace

void TableFormat::begin(const SweepHeader& header)
{
    const MachineFacts& m = header.machine;
    m_out << "machine   " << m.host << ": " << m.cpu_model << '\n'
          << "          " << m.logical_cpus << " logical CPUs, " << m.physical_cores << " physical cores, "
          << m.packages << (m.packages == 1 ? " package, " : " packages, ")
          << (m.frequency_mhz > 0.0 ? format("%.0f MHz, ", m.frequency_mhz) : std::string())
          << bytes_text(m.memory_bytes) << " memory\n";
    m_out << "workload  " << header.request.workload;
    for (const auto& [name, value] : header.plan.parameters)
        m_out << "  " << name << '=' << value;
    m_out << "  (" << header.plan.tasks << " tasks)\n";
    m_out << "backend   " << header.request.backend << ", workers " << header.request.workers.text()
          << ", repeats " << header.request.repeats << ", chunk "
          << (header.request.chunk_auto   ? std::string("auto (Pool.map: tasks / 4W)")
              : header.request.chunk == 0 ? std::string("auto")
                                          : std::to_string(header.request.chunk))
          << ", schedule " << to_string(header.request.schedule)
          << (header.request.ship_inputs
                  ? ", inputs shipped via " + std::string(to_string(header.request.ship_via))
                  : std::string())
          << (header.request.gil ? ", GIL on (one interpreter lock, like CPython threads)" : "") << "\n\n";
    m_out << padded("workers", 8) << padded("wall (s)", 12) << padded("min (s)", 12) << padded("max (s)", 12)
          << padded("cv", 7) << padded("speedup", 9) << padded("spread", 13) << padded("efficiency", 12)
          << padded("Karp-Flatt", 12) << "  checksum\n"
          << std::flush;
}

void TableFormat::baseline(const Point& serial)
{
    row("serial", serial, true);
}

void TableFormat::point(const Point& point)
{
    row(std::to_string(point.workers), point, false);
}

void TableFormat::row(const std::string& workers, const Point& point, bool is_baseline)
{
    std::string checksum = point.checksum.value;
    for (const auto& [name, value] : point.checksum.extra)
        checksum += "  " + name + '=' + value;
    m_out << padded(workers, 8) << padded(format("%.6f", point.wall_s), 12)
          << padded(format("%.6f", point.wall_s_min), 12) << padded(format("%.6f", point.wall_s_max), 12)
          << padded(format("%.1f%%", 100.0 * point.wall_s_cv), 7) << padded(format("%.2f", point.speedup), 9)
          << padded(format("%.2f", point.speedup_low) + ".." + format("%.2f", point.speedup_high), 13)
          << padded(format("%.1f%%", 100.0 * point.efficiency), 12)
          << padded(is_baseline || point.workers == 1 ? std::string("-") : format("%.4f", point.karp_flatt),
                    12)
          << "  " << checksum << '\n';
    if (point.noise > noise_threshold_cores)
        m_out << padded("", 8) << "  ! the machine was busy: rerun for a clean number (other programs used "
              << format("%.2f", point.noise) << " of a core)\n";
    if (!point.artefact.empty())
        m_out << padded("", 8) << "  ! measurement artefact, not a result: " << point.artefact << '\n';
    m_out << std::flush;
}

void TableFormat::end(const SweepResult& result)
{
    const AmdahlFit& fit = result.amdahl;
    m_out << '\n';
    if (fit.samples == 0) {
        m_out << "Amdahl    needs a worker count above 1 to estimate the serial fraction\n" << std::flush;
        return;
    }
    const double s = fit.serial_fraction;
    const double largest = static_cast<double>(result.points.back().workers);
    m_out << "Amdahl    serial fraction s = " << format("%.4f", s) << " (rms error "
          << format("%.3f", fit.rms_error) << " over " << fit.samples
          << (fit.samples == 1 ? " worker count)\n" : " worker counts)\n");
    if (fit.processor_limit != 0 && largest > static_cast<double>(fit.processor_limit))
        m_out << "          workers past the " << fit.processor_limit
              << " logical CPUs only take turns: the fit counts them as " << fit.processor_limit
              << " processors\n";
    m_out << "          with a CPU per worker: " << format("%.2fx", amdahl_speedup(s, 2.0 * largest))
          << " on " << format("%.0f", 2.0 * largest) << " workers, "
          << format("%.2fx", amdahl_speedup(s, 4.0 * largest)) << " on " << format("%.0f", 4.0 * largest)
          << ", and at most " << (s > 0.0 ? format("%.2fx", 1.0 / s) : std::string("no limit"))
          << " on any number\n"
          << "Gustafson growing the work with the processors, the same s gives "
          << format("%.2fx", gustafson_speedup(s, largest)) << " on " << format("%.0f", largest)
          << " processors\n"
          << std::flush;
}

} // namespace parlab
