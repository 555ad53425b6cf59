#pragma once

#include <cstdint>
#include <string>

namespace parlab {

/// A byte count as a person reads it: "512 B", "48 KiB", "23.5 GiB".
std::string bytes_text(std::uint64_t bytes);

/// A duration as a person reads it: "850 ms", "12 s", "3 min 05 s".
std::string duration_text(double seconds);

} // namespace parlab
