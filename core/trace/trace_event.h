#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace parlab {

/// What a worker was doing during a span of time.
enum class Phase : std::uint8_t { Startup, Ship, Compute, Gather };

std::string_view to_string(Phase phase);

/// One span of one task on one worker. Times are on the steady clock, in ns (see steady_now_ns).
struct TraceEvent {
    std::uint32_t task = 0;
    std::uint32_t worker = 0; ///< 0 .. W-1 within the run
    std::int32_t pid = 0;
    std::int32_t cpu = -1; ///< the logical CPU the task ended on, -1 when unknown
    Phase phase = Phase::Compute;
    std::int64_t start_ns = 0;
    std::int64_t end_ns = 0;
    /// GIL mode: the part of [start_ns, end_ns] spent waiting for the interpreter lock (the
    /// "gil wait" of the task; 0 outside GIL mode and on other backends).
    std::int64_t lock_wait_ns = 0;
};

/// Every event of one run, sorted by start time.
struct Trace {
    std::string host;
    std::vector<TraceEvent> events;
};

/// The steady clock in ns; the same clock in every process on this machine (CLOCK_MONOTONIC).
std::int64_t steady_now_ns();
/// Seconds on the steady clock from `start_ns` (a steady_now_ns() reading) until now.
double seconds_since(std::int64_t start_ns);

/// This machine's host name, for Trace::host; "unknown" when the OS cannot tell.
std::string host_name();

/// The logical CPU the calling thread runs on now, -1 when the OS cannot tell.
std::int32_t current_cpu();

} // namespace parlab
