#pragma once

#include "sweep/point.h"
#include "sweep/sweep.h"

#include <vector>

namespace parlab::gui {

/// One Run or Sweep as the window keeps it: what was asked, and every point measured so far.
struct RunRecord {
    SweepRequest request;
    bool has_serial = false;
    Point serial;
    std::vector<Point> points;
};

} // namespace parlab::gui
