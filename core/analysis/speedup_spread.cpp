#include "analysis/speedup_spread.h"

#include <algorithm>

namespace parlab {

SpeedupSpread speedup_spread(const Point& point)
{
    // speedup = serial median / this median, so the serial median is speedup × wall_s.
    const double serial_s = point.speedup * point.wall_s;
    SpeedupSpread spread;
    spread.low = point.wall_s_max > 0.0 ? serial_s / point.wall_s_max : point.speedup;
    spread.high = point.wall_s_min > 0.0 ? serial_s / point.wall_s_min : point.speedup;
    spread.minus = std::max(0.0, point.speedup - spread.low);
    spread.plus = std::max(0.0, spread.high - point.speedup);
    return spread;
}

} // namespace parlab
