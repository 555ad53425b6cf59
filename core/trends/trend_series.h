#pragma once

#include <string>
#include <utility>
#include <vector>

namespace parlab {

/// One microprocessor trend (e.g. clock frequency) as (year, value) points, in file order.
struct TrendSeries {
    std::string name;
    std::string unit;
    std::vector<std::pair<double, double>> points; ///< (decimal year, value > 0)
};

} // namespace parlab
