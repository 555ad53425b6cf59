#pragma once

#include "sweep/point.h"
#include "sweep/sweep.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace parlab {

/// The longest name (workload, backend, parameter, checksum field) a saved report may hold.
inline constexpr std::size_t max_saved_name_length = 256;
/// The longest text value (a checksum, a parameter's value) a saved report may hold.
inline constexpr std::size_t max_saved_text_length = 4096;
/// The largest byte count a saved point may state (1 EiB: more than any run could ship).
inline constexpr std::uint64_t max_saved_bytes = std::uint64_t{1} << 60;

/// Checks a point read from a file against the limits a request has here: a known workload and
/// backend, workers 1 .. the backend's max_workers, repeats 1 .. max_repeats, times finite and
/// not negative, byte counts up to max_saved_bytes, names and texts of bounded length. Throws
/// std::invalid_argument whose message starts with `where` and the field ("runs[0].serial.workers").
void check_saved_point(const Point& point, std::string_view where);

/// The same for a saved request, parameters included (each against its workload's spec, without
/// building the workload: a saved session must load on a machine with less memory).
void check_saved_request(const SweepRequest& request, std::string_view where);

} // namespace parlab
