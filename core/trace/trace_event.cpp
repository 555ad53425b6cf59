#include "trace/trace_event.h"

#include <sched.h>
#include <time.h>

namespace parlab {

std::string_view to_string(Phase phase)
{
    switch (phase) {
    case Phase::Startup: return "startup";
    case Phase::Ship: return "ship";
    case Phase::Compute: return "compute";
    case Phase::Gather: return "gather";
    }
    return "unknown";
}

std::int64_t steady_now_ns()
{
    timespec now{};
    clock_gettime(CLOCK_MONOTONIC, &now);
    return static_cast<std::int64_t>(now.tv_sec) * 1'000'000'000 + now.tv_nsec;
}

std::int32_t current_cpu() { return sched_getcpu(); }

} // namespace parlab
