#include "executors/in_flight_window.h"

#include <algorithm>
#include <cmath>

namespace parlab {

std::size_t in_flight_window(std::size_t least, double mean_task_s, std::size_t undealt, std::size_t workers)
{
    if (!(mean_task_s > 0.0) || workers == 0)
        return least;
    // Beyond the run's size a count means nothing (and must not overflow a conversion).
    const double by_time = std::min(in_flight_target_s / mean_task_s, static_cast<double>(undealt));
    const std::size_t share = undealt / (2 * workers);
    return std::max(least, std::min(static_cast<std::size_t>(by_time), share));
}

} // namespace parlab
