#include "analysis/speedup_spread.h"

#include <algorithm>
#include <cmath>

namespace parlab {

SpeedupSpread speedup_spread(const Point& point)
{
    SpeedupSpread spread;
    if (point.speedup_low > 0.0 && point.speedup_high > 0.0) {
        spread.low = point.speedup_low;
        spread.high = point.speedup_high;
    } else {
        // speedup = serial median / this median, so the serial median is speedup × wall_s.
        const double serial_s = point.speedup * point.wall_s;
        spread.low = point.wall_s_max > 0.0 ? serial_s / point.wall_s_max : point.speedup;
        spread.high = point.wall_s_min > 0.0 ? serial_s / point.wall_s_min : point.speedup;
    }
    spread.minus = std::max(0.0, point.speedup - spread.low);
    spread.plus = std::max(0.0, spread.high - point.speedup);
    return spread;
}

SpeedupSpread speedup_spread(const Point& point, const Point& serial)
{
    SpeedupSpread spread;
    const double serial_min = serial.wall_s_min > 0.0 ? serial.wall_s_min : serial.wall_s;
    const double serial_max = serial.wall_s_max > 0.0 ? serial.wall_s_max : serial.wall_s;
    spread.low = point.wall_s_max > 0.0 ? serial_min / point.wall_s_max : point.speedup;
    spread.high = point.wall_s_min > 0.0 ? serial_max / point.wall_s_min : point.speedup;
    spread.minus = std::max(0.0, point.speedup - spread.low);
    spread.plus = std::max(0.0, spread.high - point.speedup);
    return spread;
}

double coefficient_of_variation(std::span<const double> values)
{
    if (values.size() < 2)
        return 0.0;
    double sum = 0.0;
    for (const double value : values)
        sum += value;
    const double mean = sum / static_cast<double>(values.size());
    if (mean == 0.0)
        return 0.0;
    double squares = 0.0;
    for (const double value : values)
        squares += (value - mean) * (value - mean);
    return std::sqrt(squares / static_cast<double>(values.size() - 1)) / mean;
}

} // namespace parlab
