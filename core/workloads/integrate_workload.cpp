#include "workloads/integrate_workload.h"

namespace parlab {

namespace {

std::vector<ParameterSpec> integrate_specs()
{
    return {
        {"first", ParameterKind::Integer, "10000", 1, 100'000'000, {}, "step count of the first task"},
        {"step", ParameterKind::Integer, "10", 0, 1'000'000, {}, "how many more steps each next task takes"},
        {"tasks", ParameterKind::Integer, "1000", 1, 1'000'000, {}, "integrals to compute, one per task"},
    };
}

double f(double x)
{
    const double x2 = x * x;
    return x2 * x2 - 3.0 * x;
}

} // namespace

IntegrateWorkload::IntegrateWorkload(Parameters parameters)
    : Workload("integrate", std::move(parameters)),
      m_first(static_cast<std::uint64_t>(this->parameters().integer("first"))),
      m_step(static_cast<std::uint64_t>(this->parameters().integer("step"))),
      m_tasks(static_cast<std::size_t>(this->parameters().integer("tasks")))
{
}

double IntegrateWorkload::midpoint(std::uint64_t steps, const CancelToken& cancel)
{
    constexpr double a = -2.0;
    constexpr double b = 2.0;
    const double h = (b - a) / static_cast<double>(steps);
    double sum = 0.0;
    // About a millisecond of work between looks at the cancel flag (large step counts only).
    constexpr std::uint64_t block = 1 << 20;
    for (std::uint64_t i = 0; i < steps; ++i) {
        if (i % block == block - 1 && cancel.cancelled())
            return 0.0;
        sum += f(a + (static_cast<double>(i) + 0.5) * h);
    }
    return sum * h;
}

Partial IntegrateWorkload::run_task(std::size_t task, const CancelToken& cancel) const
{
    Partial partial;
    partial.sum = midpoint(m_first + m_step * task, cancel);
    return partial;
}

Checksum IntegrateWorkload::combine(std::span<const Partial> partials) const
{
    double sum = 0.0;
    for (const auto& partial : partials)
        sum += partial.sum;
    return {to_exact_text(sum), {}};
}

WorkloadInfo integrate_workload_info()
{
    return {"integrate",
            "midpoint integration of x⁴ − 3x on [−2, 2] (exactly 12.8), one task per step count: the "
            "lecture's cluster example",
            integrate_specs(), [](const ParameterValues& values) {
                return std::make_unique<IntegrateWorkload>(Parameters(integrate_specs(), values));
            }};
}

} // namespace parlab
