#pragma once

#include <cstdint>
#include <string>

namespace parlab {

/// A byte count as a person reads it, in binary units everywhere parlab shows bytes:
/// "512 B", "48 KiB", "23.5 GiB".
std::string bytes_text(std::uint64_t bytes);
/// The same for an estimate that need not be whole.
std::string bytes_text(double bytes);

/// A duration as a person reads it: "850 ms", "12 s", "3 min 05 s".
std::string duration_text(double seconds);

} // namespace parlab
