#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace parlab {

/// What one empty task costs on a backend: its round trip from being dealt to its result
/// being back, measured on this machine.
struct TaskOverhead {
    std::string backend;
    double per_task_s = 0.0; ///< the backend's own cost per task on each of two warm workers
    double break_even_s =
        0.0;           ///< per_task_s above the serial loop's: tasks shorter than this lose on 2 workers
    std::string error; ///< why it could not be measured (then the times are 0); empty when measured
};

/// Times empty tasks (coffee served in 0 s) on `backend` with two warm workers (one for serial) for about
/// `budget_s` (more tasks while the run is too short to time). Throws what the executor throws.
[[nodiscard]] double measure_task_overhead(std::string_view backend, double budget_s = 0.05);

/// measure_task_overhead for every registered backend, serial first, each within `budget_s`;
/// break_even_s is each one's overhead minus serial's (at least 0). A backend that cannot run
/// here is listed with its error, not thrown.
[[nodiscard]] std::vector<TaskOverhead> measure_task_overheads(double budget_s = 0.05);

} // namespace parlab
