#pragma once

#include "executors/executor.h"
#include "trace/trace_recorder.h"
#include "workloads/interpreter_lock.h"

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace parlab {

/// What the in-process executors share: runs one task with timing and tracing, keeps partials
/// by task index, notes the first failure, and assembles the Run. A lane is one loop over tasks
/// that runs on a single thread from start to end; lanes own their trace buffer and counters.
class TaskRunner {
public:
    /// Room for `lanes` lanes reporting worker ids 0 .. `workers`-1; tasks poll `task_cancel`.
    TaskRunner(const Workload& workload, const ExecutorOptions& options, std::size_t lanes,
               std::size_t workers, CancelToken task_cancel);

    /// Runs task `task` in lane `lane` as worker `worker`; false when the run should stop.
    bool run(std::size_t task, std::size_t lane, std::uint32_t worker);

    /// True once a task failed or the run was cancelled: deal no more tasks.
    [[nodiscard]] bool stopping() const;
    [[nodiscard]] bool failed() const { return m_failed.load(std::memory_order_relaxed); }

    /// GIL mode: every task holds `lock` while it computes (nullptr: no lock, the default).
    void set_interpreter_lock(InterpreterLock* lock) { m_lock = lock; }

    /// The Run of what finished. Throws RunError when a task failed, RunCancelled when cancelled.
    Run finish(std::string_view backend, double wall_s);

private:
    void fail(std::size_t task, const std::string& message);

    struct alignas(64) LaneState {
        std::size_t done = 0;
    };
    struct alignas(64) WorkerTime {
        std::atomic<std::int64_t> ns{0};
    };

    const Workload& m_workload;
    CancelToken m_cancel;
    CancelToken m_task_cancel;
    RunObserver* m_observer;
    bool m_trace;
    std::size_t m_workers;
    std::int32_t m_pid;
    std::vector<Partial> m_partials;
    std::vector<LaneState> m_lanes;
    std::unique_ptr<WorkerTime[]> m_times;
    TraceRecorder m_recorder;
    InterpreterLock* m_lock = nullptr;
    std::atomic<std::int64_t> m_lock_wait_ns{0};

    std::atomic<bool> m_failed{false};
    std::mutex m_failure_mutex;
    std::optional<std::size_t> m_failed_task;
    std::string m_failure;
};

} // namespace parlab
