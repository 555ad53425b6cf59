// What the process-backend tests share: the serial checksum to compare with, a check that no
// child process is left, observers that kill or cancel at the first finished task, and a workload
// whose shipped inputs are wrong for one task.
#pragma once

#include "executors/executor.h"
#include "workloads/workload.h"

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <memory>
#include <sys/wait.h>
#include <vector>

namespace parlab::test {

inline Checksum serial_checksum(const Workload& workload)
{
    std::vector<Partial> partials;
    const CancelToken cancel;
    for (std::size_t task = 0; task < workload.task_count(); ++task)
        partials.push_back(workload.run_task(task, cancel));
    return workload.combine(partials);
}

inline bool no_children_left()
{
    errno = 0;
    return ::waitpid(-1, nullptr, WNOHANG) == -1 && errno == ECHILD;
}

// Sends `signal` to the worker that finished the first task; by then it already holds its next
// task (each worker gets two tasks ahead), so it dies (SIGKILL) or stops (SIGSTOP) while running one.
class SignalFirstWorker : public RunObserver {
public:
    explicit SignalFirstWorker(int signal) : m_signal(signal) {}
    void on_task_done(std::size_t /*worker*/, const TraceEvent& event) override
    {
        if (!m_sent.exchange(true)) {
            m_pid = event.pid;
            ::kill(event.pid, m_signal);
        }
    }
    [[nodiscard]] std::int32_t pid() const { return m_pid; }

private:
    int m_signal;
    std::atomic<bool> m_sent{false};
    std::int32_t m_pid = 0;
};

class KillFirstWorker : public SignalFirstWorker {
public:
    KillFirstWorker() : SignalFirstWorker(SIGKILL) {}
};

class CancelOnFirstTask : public RunObserver {
public:
    explicit CancelOnFirstTask(CancelToken token) : m_token(std::move(token)) {}
    void on_task_done(std::size_t, const TraceEvent&) override { m_token.cancel(); }

private:
    CancelToken m_token;
};

// Looks like eigen to the worker (same name and parameters) but ships bytes that are not a
// matrix for task 3, so the real eigen workload in the worker throws on that task.
class BadInputsEigen : public Workload {
public:
    explicit BadInputsEigen(std::unique_ptr<Workload> eigen)
        : Workload(eigen->name(), eigen->parameters()), m_eigen(std::move(eigen))
    {
    }
    [[nodiscard]] std::size_t task_count() const override { return m_eigen->task_count(); }
    [[nodiscard]] Partial run_task(std::size_t task, const CancelToken& cancel) const override
    {
        return m_eigen->run_task(task, cancel);
    }
    [[nodiscard]] Checksum combine(std::span<const Partial> partials) const override
    {
        return m_eigen->combine(partials);
    }
    void serialize_inputs_to(std::size_t task, const InputsPlace& place) const override
    {
        const auto bytes = m_eigen->serialize_inputs(task);
        const std::span<std::byte> room = place(task == 3 ? 5 : bytes.size());
        std::memcpy(room.data(), bytes.data(), room.size());
    }

private:
    std::unique_ptr<Workload> m_eigen;
};

} // namespace parlab::test
