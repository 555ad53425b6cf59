#pragma once

#include "sweep/point.h"

namespace parlab {

/// Where the time of one run of a point went, as the costs chart stacks it: start-up,
/// shipping data, compute (the rest of the wall time), teardown.
struct CostSplit {
    double startup_s = 0.0;
    double ship_s = 0.0;
    double compute_s = 0.0;
    double teardown_s = 0.0;

    [[nodiscard]] double total_s() const { return startup_s + ship_s + compute_s + teardown_s; }
};

/// Splits a point's time. Compute is the median wall time less shipping and less the start-up
/// that happened inside it: with one repeat the pool started inside the timed run, with more the
/// median repeat reused the warm pool, so its wall time holds no start-up. Never negative.
CostSplit split_costs(const Point& point);

} // namespace parlab
