#pragma once

#include "sweep/point.h"

#include <string>
#include <vector>

namespace parlab::gui {

/// The measurements as CSV, with the same columns as parlab-cli's csv output.
class PointsCsv {
public:
    static std::string header();
    static std::string row(const Point& point);
    /// The header and one row per point.
    static std::string write(const std::vector<Point>& points);
};

} // namespace parlab::gui
