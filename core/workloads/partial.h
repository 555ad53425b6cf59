#pragma once

#include <cstdint>
#include <map>
#include <string>

namespace parlab {

/// Exact integer results: the cubes sum needs 128 bits (GCC and Clang extension).
__extension__ using uint128 = unsigned __int128;

/// One task's partial result. Fixed size and trivially copyable, so every executor can ship it
/// as bytes; each workload decides which fields it uses and how they combine.
struct Partial {
    uint128 exact = 0;  ///< integer results (sums, counts, xors), exact
    double sum = 0.0;   ///< floating-point result, combined in task order
    double extra = 0.0; ///< a second floating-point result (e.g. eigen's largest eigenvalue)
};

/// A run's combined result, as text so it can be compared exactly: an integer in decimal, or a
/// float with 17 significant digits. `extra` holds further named checksums (e.g. checksum_max).
struct Checksum {
    std::string value;
    std::map<std::string, std::string> extra;

    bool operator==(const Checksum&) const = default;
};

/// Decimal text of an unsigned 128-bit integer.
std::string to_decimal(uint128 value);
/// A double with 17 significant digits, enough to round-trip.
std::string to_exact_text(double value);

} // namespace parlab
