#pragma once

#include "sweep/point.h"

#include <span>

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
/// Uses the point's own speedup_low and speedup_high when it carries them.
SpeedupSpread speedup_spread(const Point& point);

/// The spread from both sides' extremes: the serial baseline's fastest repeat over the point's
/// slowest (low) and its slowest over the point's fastest (high). Extremes rather than a
/// CV-based interval, since a sweep has few repeats and the extremes are what a class saw.
SpeedupSpread speedup_spread(const Point& point, const Point& serial);

/// The sample coefficient of variation (standard deviation / mean) of `values`; 0 for fewer
/// than two values or a mean of 0.
double coefficient_of_variation(std::span<const double> values);

} // namespace parlab
