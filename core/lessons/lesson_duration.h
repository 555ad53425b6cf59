#pragma once

#include <string>

namespace parlab {

/// What a lesson says of its length before it starts, from its expected_seconds (measured at
/// the lesson's size on a 2-core machine): whole seconds, since the machine in the room differs.
std::string lesson_duration_text(double expected_seconds);

} // namespace parlab
