#pragma once

#include "executors/run.h"

#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>

namespace parlab {

/// A run that did not finish: a task threw, a worker died. Carries what was gathered before.
class RunError : public std::runtime_error {
public:
    RunError(const std::string& message, std::optional<std::size_t> task, Run partial)
        : std::runtime_error(message), m_task(task), m_partial(std::move(partial))
    {
    }

    /// The task that failed, when one did.
    [[nodiscard]] std::optional<std::size_t> task() const { return m_task; }
    /// The run up to the failure: tasks_done, trace and costs of what finished.
    [[nodiscard]] const Run& partial() const { return m_partial; }

private:
    std::optional<std::size_t> m_task;
    Run m_partial;
};

/// A run stopped by its cancel token.
class RunCancelled : public RunError {
public:
    explicit RunCancelled(Run partial) : RunError("the run was cancelled", std::nullopt, std::move(partial))
    {
    }
};

} // namespace parlab
