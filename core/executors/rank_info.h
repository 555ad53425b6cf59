#pragma once

#include <cstdint>
#include <string>

namespace parlab {

/// What one worker started on a host of its own (a cluster rank) said of itself when it joined,
/// with its clock measured against the dealer's.
struct RankInfo {
    std::uint32_t rank = 0;
    std::string host;
    std::int32_t pid = 0;
    std::uint32_t cpus = 0; ///< logical CPUs of its host
    std::string cpu_model;
    std::int64_t clock_offset_ns = 0;      ///< its steady clock minus the dealer's
    std::int64_t clock_uncertainty_ns = 0; ///< half the shortest ping-pong round trip
};

} // namespace parlab
