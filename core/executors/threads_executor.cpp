#include "executors/threads_executor.h"

#include "executors/gil_mode.h"
#include "executors/task_runner.h"

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

// The chunks of one run, resolved once by the Dealing rule.
struct Chunks {
    std::size_t tasks = 0;
    std::size_t size = 1;
    std::size_t count = 0;
    std::size_t workers = 1;
    bool dynamic = true;

    [[nodiscard]] std::size_t end(std::size_t chunk_index) const
    {
        return std::min(tasks, (chunk_index + 1) * size);
    }
};

// One lane: dynamic takes the next free chunk until none is left; static walks chunks
// lane, lane + W, lane + 2W, … dealt up front.
void run_lane(TaskRunner& runner, const Chunks& chunks, std::atomic<std::size_t>& next_chunk,
              std::size_t lane)
{
    const int slot = tbb::this_task_arena::current_thread_index();
    const auto worker = static_cast<std::uint32_t>(
        slot >= 0 && static_cast<std::size_t>(slot) < chunks.workers ? static_cast<std::size_t>(slot) : lane);
    const bool dynamic = chunks.dynamic;
    std::size_t chunk = dynamic ? next_chunk.fetch_add(1, std::memory_order_relaxed) : lane;
    while (chunk < chunks.count && !runner.stopping()) {
        for (std::size_t task = chunk * chunks.size; task < chunks.end(chunk); ++task) {
            if (!runner.run(task, lane, worker))
                return;
        }
        // Static: chunk i belongs to worker Dealing::owner(i, W), so this lane's next is i + W.
        chunk = dynamic ? next_chunk.fetch_add(1, std::memory_order_relaxed) : chunk + chunks.workers;
    }
}

// oneTBB's max_allowed_parallelism is one value for the whole process, the smallest that any live
// global_control asks for: two runs at once (the window's break-even measurement beside a sweep)
// would hold each other to the smaller worker count, and oneTBB 2021.8 reads that value without
// its lock while it sets up its thread market. Runs of this backend take turns.
std::mutex one_run_at_a_time;

} // namespace

std::size_t ThreadsExecutor::max_workers() const
{
    return std::max(Executor::max_workers(), waiting_workers);
}

Run ThreadsExecutor::run(const Workload& workload, const ExecutorOptions& options)
{
    const std::size_t workers = options.workers;
    check_options(options);
    check_gil_mode(name(), options.gil, options.gil_switch_interval_s);
    const Dealing dealing = options.dealing();
    Chunks chunks;
    chunks.tasks = workload.task_count();
    chunks.workers = workers;
    chunks.dynamic = dealing.schedule == Schedule::Dynamic;
    chunks.size = dealing.chunk_size(chunks.tasks, workers);
    chunks.count = dealing.chunk_count(chunks.tasks, workers);

    // Taken before the clock starts: a run waiting for its turn does not count the wait.
    const std::lock_guard turn(one_run_at_a_time);
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
            arena.enqueue([&runner, &chunks, &next_chunk, countdown, lane] {
                run_lane(runner, chunks, next_chunk, lane);
                countdown->arrive();
            });
        }
        while (!countdown->wait_for(supervise_interval)) {
            if (options.cancel.cancelled() || runner.failed())
                task_cancel.cancel();
        }
    }
    return runner.finish(name(), seconds_since(start_ns));
}

} // namespace parlab
