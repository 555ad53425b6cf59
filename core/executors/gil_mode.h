#pragma once

#include <string_view>

namespace parlab {

/// The switch interval GIL mode uses unless told otherwise, as CPython's sys.getswitchinterval().
inline constexpr double default_gil_switch_interval_s = 0.005;

/// Throws std::invalid_argument, saying why, unless GIL mode makes sense on `backend` (threads
/// only) and `switch_interval_s` is in 0.0001 .. 1 s. Does nothing when `gil` is false.
void check_gil_mode(std::string_view backend, bool gil,
                    double switch_interval_s = default_gil_switch_interval_s);

} // namespace parlab
