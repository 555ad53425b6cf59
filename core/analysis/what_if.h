#pragma once

#include "executors/executor.h"

#include <cstddef>
#include <vector>

namespace parlab {

/// The order tasks are dealt in, before chunking.
enum class TaskOrder { Given, LongestFirst, ShortestFirst };

/// How W workers would deal tasks of known durations.
struct WhatIfRequest {
    std::vector<double> durations_s; ///< per task, in task order (e.g. from the serial run's trace)
    std::size_t workers = 1;
    std::size_t chunk =
        0; ///< tasks per chunk; 0 chooses as the executors do (1 dynamic, an even share static)
    Schedule schedule = Schedule::Dynamic;
    TaskOrder order = TaskOrder::Given;
    double per_task_overhead_s = 0.0; ///< added to every task (e.g. a backend's measured round trip)
};

/// One task's place in the simulated schedule.
struct WhatIfSlot {
    std::size_t task = 0; ///< index into durations_s
    std::size_t worker = 0;
    double start_s = 0.0;
    double end_s = 0.0;
};

struct WhatIfResult {
    double makespan_s = 0.0; ///< when the last worker finishes
    double serial_s = 0.0;   ///< the durations' sum: one worker, no overhead
    double speedup = 0.0;    ///< serial_s / makespan_s (0 when there is nothing to run)
    std::vector<double> busy_s_per_worker;
    std::vector<WhatIfSlot> slots; ///< in the order the tasks were dealt
};

/// Greedy list scheduling: dynamic gives each chunk, in order, to the worker free first (the
/// lowest index on a tie); static gives chunk k to worker k mod W up front. Throws
/// std::invalid_argument for no workers or a negative duration.
[[nodiscard]] WhatIfResult simulate_schedule(const WhatIfRequest& request);

} // namespace parlab
