#include "executors/threads_executor.h"

#include "executors/gil_mode.h"
#include "executors/task_runner.h"
#include "sweep/worker_range.h"

#include <oneapi/tbb/global_control.h>
#include <oneapi/tbb/task_arena.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>

namespace parlab {

namespace {

// How often the waiting caller looks at the cancel token and for a failure, to pass either on to
// the tasks still running.
constexpr auto supervise_interval = std::chrono::milliseconds(2);

// Lanes end on arena threads after the caller may have left run(): this outlives both.
class Countdown {
public:
    explicit Countdown(std::size_t count) : m_remaining(count) {}

    void arrive()
    {
        std::lock_guard lock(m_mutex);
        --m_remaining;
        m_all_arrived.notify_all();
    }

    bool wait_for(std::chrono::milliseconds timeout)
    {
        std::unique_lock lock(m_mutex);
        return m_all_arrived.wait_for(lock, timeout, [this] { return m_remaining == 0; });
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_all_arrived;
    std::size_t m_remaining;
};

struct Dealing {
    std::size_t tasks = 0;
    std::size_t chunk = 1;
    std::size_t chunks = 0;
    std::size_t workers = 1;
    Schedule schedule = Schedule::Dynamic;

    [[nodiscard]] std::size_t chunk_end(std::size_t chunk_index) const
    {
        return std::min(tasks, (chunk_index + 1) * chunk);
    }
};

// One lane: dynamic takes the next free chunk until none is left; static walks chunks
// lane, lane + W, lane + 2W, … dealt up front.
void run_lane(TaskRunner& runner, const Dealing& dealing, std::atomic<std::size_t>& next_chunk, std::size_t lane)
{
    const int slot = tbb::this_task_arena::current_thread_index();
    const auto worker = static_cast<std::uint32_t>(
        slot >= 0 && static_cast<std::size_t>(slot) < dealing.workers ? static_cast<std::size_t>(slot) : lane);
    const bool dynamic = dealing.schedule == Schedule::Dynamic;
    std::size_t chunk = dynamic ? next_chunk.fetch_add(1, std::memory_order_relaxed) : lane;
    while (chunk < dealing.chunks && !runner.stopping()) {
        for (std::size_t task = chunk * dealing.chunk; task < dealing.chunk_end(chunk); ++task) {
            if (!runner.run(task, lane, worker))
                return;
        }
        chunk = dynamic ? next_chunk.fetch_add(1, std::memory_order_relaxed) : chunk + dealing.workers;
    }
}

} // namespace

std::size_t ThreadsExecutor::max_workers() const
{
    return std::max(Executor::max_workers(), waiting_workers);
}

Run ThreadsExecutor::run(const Workload& workload, const ExecutorOptions& options)
{
    const std::size_t workers = options.workers;
    check_workers(workers);
    check_gil_mode(name(), options.gil, options.gil_switch_interval_s);
    Dealing dealing;
    dealing.tasks = workload.task_count();
    dealing.workers = workers;
    dealing.schedule = options.schedule;
    if (options.chunk != 0)
        dealing.chunk = options.chunk;
    else if (options.schedule == Schedule::Static)
        dealing.chunk = std::max<std::size_t>(1, (dealing.tasks + workers - 1) / workers);
    // A chunk larger than the run is the whole run (and must not overflow the count below).
    dealing.chunk = std::min(dealing.chunk, std::max<std::size_t>(1, dealing.tasks));
    dealing.chunks = (dealing.tasks + dealing.chunk - 1) / dealing.chunk;

    const auto start_ns = steady_now_ns();
    CancelToken task_cancel;
    TaskRunner runner(workload, options, workers, workers, task_cancel);
    // GIL mode: one lock for the whole run, as one Python process has one interpreter.
    std::optional<InterpreterLock> interpreter_lock;
    if (options.gil) {
        interpreter_lock.emplace(std::chrono::duration_cast<std::chrono::nanoseconds>(
            std::chrono::duration<double>(options.gil_switch_interval_s)));
        runner.set_interpreter_lock(&*interpreter_lock);
    }
    {
        // oneTBB keeps one thread per logical CPU unless told otherwise, counting the caller;
        // W workers beside a caller that only waits need W + 1, held for the whole run.
        using tbb::global_control;
        std::optional<global_control> parallelism;
        if (workers + 1 > global_control::active_value(global_control::max_allowed_parallelism))
            parallelism.emplace(global_control::max_allowed_parallelism, workers + 1);
        // No slot reserved for the caller: all W slots go to arena workers.
        tbb::task_arena arena(static_cast<int>(workers), 0);
        arena.initialize();

        std::atomic<std::size_t> next_chunk{0};
        auto countdown = std::make_shared<Countdown>(workers);
        for (std::size_t lane = 0; lane < workers; ++lane) {
            arena.enqueue([&runner, &dealing, &next_chunk, countdown, lane] {
                run_lane(runner, dealing, next_chunk, lane);
                countdown->arrive();
            });
        }
        while (!countdown->wait_for(supervise_interval)) {
            if (options.cancel.cancelled() || runner.failed())
                task_cancel.cancel();
        }
    }
    return runner.finish(name(), static_cast<double>(steady_now_ns() - start_ns) / 1e9);
}

} // namespace parlab
