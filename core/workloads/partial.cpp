#include "workloads/partial.h"

#include <algorithm>
#include <cstdio>

namespace parlab {

std::string to_decimal(uint128 value)
{
    if (value == 0)
        return "0";
    std::string digits;
    while (value != 0) {
        digits.push_back(static_cast<char>('0' + static_cast<int>(value % 10)));
        value /= 10;
    }
    std::reverse(digits.begin(), digits.end());
    return digits;
}

std::string to_exact_text(double value)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.17g", value);
    return buffer;
}

} // namespace parlab
