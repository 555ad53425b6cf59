#include "workloads/countdown_workload.h"

#include "workloads/interpreter_lock.h"
#include "workloads/splitmix64.h"

#include <algorithm>
#include <cmath>

namespace parlab {

namespace {

std::vector<ParameterSpec> countdown_specs()
{
    return {
        {"tasks",
         ParameterKind::RealList,
         "2*16",
         0,
         1000,
         {},
         "length of each task in units of `steps` (1,2,4 or 2*16)"},
        {"steps",
         ParameterKind::Integer,
         "75000000",
         1,
         1e11,
         {},
         "generator steps in one unit of task length"},
    };
}

} // namespace

CountdownWorkload::CountdownWorkload(Parameters parameters)
    : Workload("countdown", std::move(parameters)), m_lengths(this->parameters().real_list("tasks")),
      m_steps(static_cast<std::uint64_t>(this->parameters().integer("steps")))
{
}

std::uint64_t CountdownWorkload::count_down(std::uint64_t state, std::uint64_t steps,
                                            const CancelToken& cancel)
{
    // About a millisecond of work between looks at the cancel flag.
    constexpr std::uint64_t block = 1 << 20;
    while (steps > 0) {
        if (cancel.cancelled())
            return 0;
        lock_checkpoint();
        const std::uint64_t now = std::min(block, steps);
        for (std::uint64_t i = 0; i < now; ++i) {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
        }
        steps -= now;
    }
    return state;
}

Partial CountdownWorkload::run_task(std::size_t task, const CancelToken& cancel) const
{
    const auto steps =
        static_cast<std::uint64_t>(std::llround(m_lengths[task] * static_cast<double>(m_steps)));
    // splitmix64 never maps two indices to one state, and xorshift64 needs a nonzero start.
    std::uint64_t state = splitmix64_at(0, task);
    if (state == 0)
        state = 1;
    Partial partial;
    partial.exact = count_down(state, steps, cancel);
    return partial;
}

Checksum CountdownWorkload::combine(std::span<const Partial> partials) const
{
    std::uint64_t states = 0;
    for (const auto& partial : partials)
        states ^= static_cast<std::uint64_t>(partial.exact);
    return {to_decimal(states), {}};
}

WorkloadInfo countdown_workload_info()
{
    return {"countdown", "CPU-bound tasks of chosen lengths, like training a network per task",
            countdown_specs(), [](const ParameterValues& values) {
                return std::make_unique<CountdownWorkload>(Parameters(countdown_specs(), values));
            }};
}

} // namespace parlab
