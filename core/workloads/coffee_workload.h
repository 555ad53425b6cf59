#pragma once

#include "workloads/workload.h"
#include "workloads/workload_registry.h"

namespace parlab {

/// The coffee bar: one task per student, each served a coffee that takes `seconds`, either
/// waiting (like I/O) or working the CPU.
class CoffeeWorkload : public Workload {
public:
    explicit CoffeeWorkload(Parameters parameters);

    [[nodiscard]] std::size_t task_count() const override { return m_students; }
    [[nodiscard]] Partial run_task(std::size_t task, const CancelToken& cancel) const override;
    [[nodiscard]] Checksum combine(std::span<const Partial> partials) const override;

private:
    std::size_t m_students;
    double m_seconds;
    bool m_work;
};

/// Name, parameters and factory of the coffee workload.
WorkloadInfo coffee_workload_info();

} // namespace parlab
