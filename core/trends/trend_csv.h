#pragma once

#include "trends/trend_series.h"

#include <string>
#include <string_view>

namespace parlab {

/// Parses a trend CSV: the header `year,value`, then one `year,value` row per point; blank lines
/// and lines starting with '#' are skipped. Throws std::invalid_argument naming the line.
TrendSeries parse_trend_csv(std::string_view text, std::string name, std::string unit = {});

} // namespace parlab
