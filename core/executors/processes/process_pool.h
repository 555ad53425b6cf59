#pragma once

#include "executors/processes/process_worker.h"
#include "executors/processes/worker_liveness.h"

#include <cstddef>
#include <memory>
#include <string>
#include <thread>
#include <vector>

namespace parlab {

/// W worker processes of one program, started together and ready for work; it can grow by more
/// workers later (a sweep over worker counts keeps one pool). The destructor stops and reaps
/// them all. The workers belong to the thread that started them: they are killed when it ends
/// (PR_SET_PDEATHSIG in the worker), so no worker outlives a dead parent.
class ProcessPool {
public:
    /// Spawns `workers` workers and waits until each said Ready. A worker lost while starting is
    /// replaced up to `startup_retries` times in all. Throws std::runtime_error naming the worker
    /// that could not start (every child already spawned is reaped first).
    ProcessPool(std::string program, std::size_t workers, unsigned startup_retries = 0);
    ~ProcessPool();
    ProcessPool(const ProcessPool&) = delete;
    ProcessPool& operator=(const ProcessPool&) = delete;

    [[nodiscard]] std::size_t size() const { return m_workers.size(); }
    [[nodiscard]] ProcessWorker& worker(std::size_t index) { return *m_workers[index]; }
    /// The thread that started the workers; only it can use them safely.
    [[nodiscard]] std::thread::id owner() const { return m_owner; }
    /// Seconds from the first spawn until the last worker said Ready.
    [[nodiscard]] double startup_s() const { return m_startup_s; }

    /// Starts workers until there are `workers` (the ones there stay, warm); returns the seconds
    /// until the new ones were ready, 0 when none was needed. Throws as the constructor does.
    double grow(std::size_t workers, unsigned startup_retries = 0);

    /// When a run counts a busy but silent worker as lost.
    [[nodiscard]] const LivenessRule& liveness() const { return m_liveness; }
    void set_liveness(const LivenessRule& rule) { m_liveness = rule; }

    /// True while every worker process is still there.
    bool healthy();

    /// Replaces worker `index` (gone) with a fresh process; returns the seconds until it was ready.
    double respawn(std::size_t index);

    /// Stops every worker and reaps it; returns the seconds taken. A worker exits when its socket
    /// closes; `forced` also sends SIGTERM (a running task cannot be interrupted otherwise), and
    /// stragglers get SIGKILL after a short grace. Calling it again does nothing.
    double shutdown(bool forced);

private:
    void spawn(std::size_t index);
    void wait_ready(const std::vector<std::size_t>& indices, unsigned retries);

    std::string m_program;
    std::thread::id m_owner = std::this_thread::get_id();
    std::vector<std::unique_ptr<ProcessWorker>> m_workers;
    double m_startup_s = 0.0;
    LivenessRule m_liveness;
};

} // namespace parlab
