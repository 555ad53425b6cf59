#pragma once

#include "sweep/point.h"

#include <string>
#include <vector>

namespace parlab::gui {

/// The measurements as CSV, written by core's report path (point_json, csv_header, csv_row): the
/// columns and number forms of parlab-cli's csv output.
class PointsCsv {
public:
    /// The header and one row per point. Points of different workloads have different checksum
    /// fields: the header has every column once, in the order met, and a row leaves others empty.
    static std::string write(const std::vector<Point>& points);
};

} // namespace parlab::gui
