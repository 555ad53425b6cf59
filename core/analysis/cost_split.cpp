#include "analysis/cost_split.h"

#include <algorithm>

namespace parlab {

CostSplit split_costs(const Point& point)
{
    const RunCosts& costs = point.costs;
    CostSplit split;
    split.startup_s = costs.startup_s;
    split.ship_s = costs.ship_s;
    split.teardown_s = costs.teardown_s;
    const double startup_in_wall = point.repeats <= 1 ? costs.startup_s : 0.0;
    split.compute_s = std::max(0.0, point.wall_s - costs.ship_s - startup_in_wall);
    return split;
}

} // namespace parlab
