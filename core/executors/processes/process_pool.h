#pragma once

#include "executors/processes/process_worker.h"

#include <cstddef>
#include <memory>
#include <string>
#include <thread>
#include <vector>

namespace parlab {

/// W worker processes of one program, started together and ready for work. The destructor
/// stops and reaps them all. The workers belong to the thread that started them: they are
/// killed when it ends (PR_SET_PDEATHSIG in the worker), so no worker outlives a dead parent.
class ProcessPool {
public:
    /// Spawns `workers` workers and waits until each said Ready. Throws std::runtime_error naming
    /// the worker that could not start (every child already spawned is reaped first).
    ProcessPool(std::string program, std::size_t workers);
    ~ProcessPool();
    ProcessPool(const ProcessPool&) = delete;
    ProcessPool& operator=(const ProcessPool&) = delete;

    [[nodiscard]] std::size_t size() const { return m_workers.size(); }
    [[nodiscard]] ProcessWorker& worker(std::size_t index) { return *m_workers[index]; }
    /// The thread that started the workers; only it can use them safely.
    [[nodiscard]] std::thread::id owner() const { return m_owner; }
    /// Seconds from the first spawn until the last worker said Ready.
    [[nodiscard]] double startup_s() const { return m_startup_s; }

    /// True while every worker process is still there.
    bool healthy();

    /// Replaces worker `index` (gone) with a fresh process; returns the seconds until it was ready.
    double respawn(std::size_t index);

    /// Stops every worker and reaps it; returns the seconds taken. A worker exits when its socket
    /// closes; `forced` also sends SIGTERM (a running task cannot be interrupted otherwise), and
    /// stragglers get SIGKILL after a short grace. Calling it again does nothing.
    double shutdown(bool forced);

private:
    void wait_ready(const std::vector<std::size_t>& indices);

    std::string m_program;
    std::thread::id m_owner = std::this_thread::get_id();
    std::vector<std::unique_ptr<ProcessWorker>> m_workers;
    double m_startup_s = 0.0;
};

} // namespace parlab
