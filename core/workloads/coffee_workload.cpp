#include "workloads/coffee_workload.h"

#include "workloads/busy_wait.h"

namespace parlab {

namespace {

std::vector<ParameterSpec> coffee_specs()
{
    return {
        {"students", ParameterKind::Integer, "30", 1, 100000, {}, "students in the queue, one coffee each"},
        {"seconds", ParameterKind::Real, "0.05", 0.0, 60.0, {}, "time to serve one coffee"},
        {"mode",
         ParameterKind::Choice,
         "wait",
         0,
         0,
         {"wait", "work"},
         "wait: the barista waits (like I/O); work: the barista keeps the CPU busy"},
    };
}

} // namespace

CoffeeWorkload::CoffeeWorkload(Parameters parameters)
    : Workload("coffee", std::move(parameters)),
      m_students(static_cast<std::size_t>(this->parameters().integer("students"))),
      m_seconds(this->parameters().real("seconds")), m_work(this->parameters().choice("mode") == "work")
{
}

Partial CoffeeWorkload::run_task(std::size_t /*task*/, const CancelToken& cancel) const
{
    const bool served = m_work ? work_seconds(m_seconds, cancel) : wait_seconds(m_seconds, cancel);
    Partial partial;
    partial.exact = served ? 1 : 0;
    return partial;
}

Checksum CoffeeWorkload::combine(std::span<const Partial> partials) const
{
    uint128 served = 0;
    for (const auto& partial : partials)
        served += partial.exact;
    return {to_decimal(served), {}};
}

WorkloadInfo coffee_workload_info()
{
    return {"coffee", "a coffee bar: each student's coffee takes a while, waiting or working", coffee_specs(),
            [](const ParameterValues& values) {
                return std::make_unique<CoffeeWorkload>(Parameters(coffee_specs(), values));
            }};
}

} // namespace parlab
