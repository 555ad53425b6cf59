#pragma once

#include <cstddef>

namespace parlab {

/// How much work a message-passing backend keeps queued at each worker under dynamic dealing when
/// the chunk is left to it: about `in_flight_target_s` of tasks once their mean length is known,
/// so a worker never waits for the dealer and one message carries many short tasks, but never
/// more than half a worker's fair share of what is left (guided self-scheduling: the queues drain
/// evenly and the workers finish together), and never fewer than `least`.
inline constexpr double in_flight_target_s = 0.010;

/// `mean_task_s` ≤ 0: nothing measured yet, `least` it is.
[[nodiscard]] std::size_t in_flight_window(std::size_t least, double mean_task_s, std::size_t undealt,
                                           std::size_t workers);

} // namespace parlab
