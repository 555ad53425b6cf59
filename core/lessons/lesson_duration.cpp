#include "lessons/lesson_duration.h"

#include <cmath>

namespace parlab {

std::string lesson_duration_text(double expected_seconds)
{
    if (expected_seconds < 1.5)
        return "Takes about a second.";
    return "Takes about " + std::to_string(std::lround(expected_seconds)) + " s on a 2-core machine.";
}

} // namespace parlab
