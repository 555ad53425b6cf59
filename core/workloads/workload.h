#pragma once

#include "workloads/cancel_token.h"
#include "workloads/parameters.h"
#include "workloads/partial.h"

#include <cstddef>
#include <functional>
#include <span>
#include <string>
#include <vector>

namespace parlab {

/// A named family of independent tasks. A task is a pure function of (parameters, task index):
/// any worker, in any thread or process, can recompute its inputs from the parameters alone.
class Workload {
public:
    virtual ~Workload() = default;

    [[nodiscard]] const std::string& name() const { return m_name; }
    [[nodiscard]] const Parameters& parameters() const { return m_parameters; }

    [[nodiscard]] virtual std::size_t task_count() const = 0;

    /// Runs task `task`; long tasks poll `cancel` and return early (the result is then discarded).
    [[nodiscard]] virtual Partial run_task(std::size_t task, const CancelToken& cancel) const = 0;

    /// Combines the partials, given in task order, into the run's checksum.
    [[nodiscard]] virtual Checksum combine(std::span<const Partial> partials) const = 0;

    /// Gives `bytes` bytes of room for a task's inputs, where they are to end up.
    using InputsPlace = std::function<std::span<std::byte>(std::size_t bytes)>;

    /// Writes the task's inputs as bytes, for executors that ship data instead of regenerating
    /// it: asks `place` once for room of their exact size and fills it. The room may be where the
    /// worker reads them (shared memory), so they are made there with no copy in between. Asks
    /// for nothing when the task has no inputs worth shipping.
    virtual void serialize_inputs_to(std::size_t task, const InputsPlace& place) const;

    /// serialize_inputs_to into a vector of their own.
    [[nodiscard]] std::vector<std::byte> serialize_inputs(std::size_t task) const;

    /// Runs a task from inputs made by serialize_inputs (on the other side of a pipe).
    [[nodiscard]] virtual Partial run_task_from_inputs(std::size_t task, std::span<const std::byte> inputs,
                                                       const CancelToken& cancel) const;

protected:
    Workload(std::string name, Parameters parameters)
        : m_name(std::move(name)), m_parameters(std::move(parameters))
    {
    }

private:
    std::string m_name;
    Parameters m_parameters;
};

} // namespace parlab
