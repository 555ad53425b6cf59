#include "trace/trace_event.h"

#include <climits>

#include <sched.h>
#include <time.h>
#include <unistd.h>

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

double seconds_since(std::int64_t start_ns)
{
    return static_cast<double>(steady_now_ns() - start_ns) * 1e-9;
}

std::string host_name()
{
    char name[HOST_NAME_MAX + 1] = {};
    if (gethostname(name, sizeof name - 1) != 0)
        return "unknown";
    return name;
}

std::int32_t current_cpu()
{
    return sched_getcpu();
}

} // namespace parlab
