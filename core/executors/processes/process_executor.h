#pragma once

#include "executors/executor.h"
#include "executors/processes/worker_liveness.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace parlab {

class ProcessPool;

/// W worker processes of the parlab-worker program, spawned (never forked) and fed over Unix
/// sockets, like a multiprocessing.Pool. One pool stays warm between runs from the same thread:
/// a larger W starts only the workers it adds, a smaller W runs on the first W of them (so a
/// sweep 1:8 starts 8 workers in all). It is torn down when the calling thread changes, when a
/// run fails or is cancelled, by shutdown() and by the destructor.
///
/// Costs: startup_s is what this run() spent starting workers: the whole pool, only the added
/// ones, or 0 when nothing was started (plus replacements of lost workers). teardown_s is the
/// time this run() spent stopping processes: a pool left by another thread, or its own pool
/// after a failure or cancel; a warm pool's final teardown is what shutdown() returns.
///
/// A busy worker that sends nothing for longer than the liveness rule allows (stopped by
/// SIGSTOP, hung) is killed and counts as lost: the run fails naming it and its task, or
/// retries the task when retries are left. Workers lost while starting are replaced up to
/// `retries` times as well.
class ProcessExecutor : public Executor {
public:
    /// Uses $PARLAB_WORKER when set, else parlab-worker beside the running program.
    ProcessExecutor();
    /// Uses the worker program at `worker_program`.
    explicit ProcessExecutor(std::string worker_program);
    ~ProcessExecutor() override;
    ProcessExecutor(const ProcessExecutor&) = delete;
    ProcessExecutor& operator=(const ProcessExecutor&) = delete;

    static constexpr ExecutorTraits backend_traits{
        .name = "processes",
        .display_name = "Processes",
        .worker_word = "process",
        .workers_word = "processes",
        .summary = "W worker processes sharing nothing, fed over sockets (a warm process pool)",
        .shares_memory = false,
        .ships_inputs = true,
        .retries = true,
        .ships_via_shm = true,
    };
    [[nodiscard]] const ExecutorTraits& traits() const override { return backend_traits; }
    /// 4 × logical CPUs, or fewer when the process limit (RLIMIT_NPROC) leaves less room.
    [[nodiscard]] std::size_t max_workers() const override;
    /// Throws WorkerCountError for a worker count out of range, std::runtime_error when the
    /// worker program is missing or cannot start, RunError / RunCancelled as Executor says.
    Run run(const Workload& workload, const ExecutorOptions& options) override;

    [[nodiscard]] const std::string& worker_program() const { return m_program; }
    /// The pids of the warm pool's workers, by worker index (as many as the largest W it ran);
    /// empty when no pool is running.
    [[nodiscard]] std::vector<std::int32_t> worker_pids() const;
    /// Stops the warm pool now and returns the seconds it took (0 when there was none).
    double shutdown() override;
    /// When a busy, silent worker counts as lost; applies from the next run on.
    void set_liveness(const LivenessRule& rule) { m_liveness = rule; }
    /// Seconds the latest pool teardown took, wherever it happened.
    [[nodiscard]] double last_teardown_s() const { return m_last_teardown_s; }

    /// $PARLAB_WORKER, else parlab-worker in the directory of /proc/self/exe.
    static std::string default_worker_program();
    /// Throws WorkerCountError unless 1 ≤ workers ≤ 4 × logical CPUs and the process limit
    /// (RLIMIT_NPROC) leaves room for them; the message gives the allowed range.
    void check_workers(std::size_t workers) const override;

private:
    std::string m_program;
    std::unique_ptr<ProcessPool> m_pool;
    double m_last_teardown_s = 0.0;
    LivenessRule m_liveness;
};

} // namespace parlab
