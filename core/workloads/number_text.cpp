#include "workloads/number_text.h"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <limits>

namespace parlab {

std::string shortest_text(double value)
{
    char buffer[64];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, result.ptr);
}

std::string integer_bound_text(double bound)
{
    constexpr double two_to_63 = 9223372036854775808.0;
    if (bound >= two_to_63)
        return std::to_string(std::numeric_limits<std::int64_t>::max());
    if (bound <= -two_to_63)
        return std::to_string(std::numeric_limits<std::int64_t>::min());
    return std::to_string(static_cast<std::int64_t>(std::llround(bound)));
}

} // namespace parlab
