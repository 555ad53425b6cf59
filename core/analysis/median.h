#pragma once

#include <vector>

namespace parlab {

/// The middle of `values` (the mean of the two middle ones for an even count): what a sweep
/// reports of its repeats, robust to one run hit by outside load. Undefined for no values.
double median(std::vector<double> values);

} // namespace parlab
