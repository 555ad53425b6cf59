#pragma once

#include <string>

namespace parlab {

/// The shortest decimal text that reads back as exactly `value` ("0.1", "60", "2.5e-05").
std::string shortest_text(double value);

/// An integer bound stored as a double, as digits; bounds at or past 2^63 print as INT64_MAX.
std::string integer_bound_text(double bound);

} // namespace parlab
