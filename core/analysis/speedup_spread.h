#pragma once

#include "sweep/point.h"

namespace parlab {

/// How far a point's speedup spreads over its repeats: the serial median over the slowest
/// repeat (low) and over the fastest (high), and the error bar around the median speedup.
struct SpeedupSpread {
    double low = 0.0;
    double high = 0.0;
    double minus = 0.0; ///< speedup - low, never negative
    double plus = 0.0;  ///< high - speedup, never negative
};

/// The spread of `point`'s speedup; a point without min or max times has no spread there.
SpeedupSpread speedup_spread(const Point& point);

} // namespace parlab
