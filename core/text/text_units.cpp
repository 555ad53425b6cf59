#include "text/text_units.h"

#include <cmath>
#include <cstdio>

namespace parlab {

std::string bytes_text(std::uint64_t bytes)
{
    return bytes_text(static_cast<double>(bytes));
}

std::string bytes_text(double bytes)
{
    const char* const units[] = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};
    double value = bytes;
    int unit = 0;
    while (value >= 1024.0 && unit < 5) {
        value /= 1024.0;
        ++unit;
    }
    char buffer[64];
    if (unit == 0 || value >= 100.0 || value == std::floor(value))
        std::snprintf(buffer, sizeof buffer, "%.0f %s", value, units[unit]);
    else
        std::snprintf(buffer, sizeof buffer, "%.1f %s", value, units[unit]);
    return buffer;
}

std::string duration_text(double seconds)
{
    char buffer[32];
    if (seconds < 1.0)
        std::snprintf(buffer, sizeof buffer, "%.0f ms", seconds * 1000.0);
    else if (seconds < 60.0)
        std::snprintf(buffer, sizeof buffer, "%.0f s", seconds);
    else
        std::snprintf(buffer, sizeof buffer, "%d min %02d s", static_cast<int>(seconds) / 60,
                      static_cast<int>(seconds) % 60);
    return buffer;
}

} // namespace parlab
