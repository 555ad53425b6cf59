#include "executors/executor_registry.h"
#include "executors/run_error.h"
#include "executors/serial_executor.h"
#include "executors/threads_executor.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <optional>
#include <set>
#include <stdexcept>
#include <thread>

namespace parlab {
namespace {

using ::testing::HasSubstr;

std::size_t logical_cpus()
{
    return std::max(1u, std::thread::hardware_concurrency());
}

// 1, 2, 3 and more workers than the machine has logical CPUs.
std::vector<std::size_t> worker_counts()
{
    return {1, 2, 3, 2 * logical_cpus() + 1};
}

// Partials depend on the task and combine in an order-sensitive way, so a lost, repeated or
// misplaced task changes the checksum.
class IndexWorkload : public Workload {
public:
    enum class Behaviour { Compute, Throw, Spin, Rendezvous };

    IndexWorkload(std::size_t tasks, Behaviour behaviour = Behaviour::Compute, std::size_t special = 0)
        : Workload("index", Parameters({}, {})), m_tasks(tasks), m_behaviour(behaviour), m_special(special)
    {
    }

    [[nodiscard]] std::size_t task_count() const override { return m_tasks; }

    [[nodiscard]] Partial run_task(std::size_t task, const CancelToken& cancel) const override
    {
        if (m_behaviour == Behaviour::Throw && task == m_special)
            throw std::runtime_error("bad input in task");
        if (m_behaviour == Behaviour::Spin)
            wait_until(
                cancel, [] { return false; }, std::chrono::seconds(60));
        if (m_behaviour == Behaviour::Rendezvous) {
            // Every task waits for all `special` tasks to have started: only as many threads
            // running at once get past it; fewer time out.
            m_arrived.fetch_add(1);
            if (!wait_until(
                    cancel, [this] { return m_arrived.load() >= m_special; }, std::chrono::seconds(30)))
                m_timed_out.store(true);
        }
        Partial partial;
        partial.exact = task * task + 1;
        partial.sum = static_cast<double>(task);
        return partial;
    }

    [[nodiscard]] Checksum combine(std::span<const Partial> partials) const override
    {
        uint128 hash = 0;
        for (const auto& partial : partials)
            hash = hash * 1'000'003 + partial.exact;
        return {to_decimal(hash), {{"count", std::to_string(partials.size())}}};
    }

    [[nodiscard]] bool timed_out() const { return m_timed_out.load(); }

private:
    template <typename Done>
    static bool wait_until(const CancelToken& cancel, Done done, std::chrono::seconds limit)
    {
        const auto give_up = std::chrono::steady_clock::now() + limit;
        while (!done()) {
            if (cancel.cancelled() || std::chrono::steady_clock::now() > give_up)
                return false;
            std::this_thread::sleep_for(std::chrono::microseconds(200));
        }
        return true;
    }

    std::size_t m_tasks;
    Behaviour m_behaviour;
    std::size_t m_special;
    mutable std::atomic<std::size_t> m_arrived{0};
    mutable std::atomic<bool> m_timed_out{false};
};

class CountingObserver : public RunObserver {
public:
    void on_task_done(std::size_t /*worker*/, const TraceEvent& event) override
    {
        m_count.fetch_add(1);
        m_task_sum.fetch_add(event.task);
    }

    std::atomic<std::size_t> m_count{0};
    std::atomic<std::size_t> m_task_sum{0};
};

void expect_one_event_per_task(const Run& run, std::size_t workers)
{
    ASSERT_EQ(run.trace.events.size(), run.tasks_done);
    std::vector<int> seen(run.tasks, 0);
    for (std::size_t i = 0; i < run.trace.events.size(); ++i) {
        const auto& event = run.trace.events[i];
        ASSERT_LT(event.task, run.tasks);
        ++seen[event.task];
        EXPECT_LT(event.worker, workers);
        EXPECT_EQ(event.pid, getpid());
        EXPECT_EQ(event.phase, Phase::Compute);
        EXPECT_LE(event.start_ns, event.end_ns);
        if (i > 0) {
            EXPECT_LE(run.trace.events[i - 1].start_ns, event.start_ns);
        }
    }
    if (run.tasks_done == run.tasks) {
        EXPECT_EQ(std::count(seen.begin(), seen.end(), 1), static_cast<long>(run.tasks));
    }
}

void expect_matches_serial(Schedule schedule)
{
    const IndexWorkload workload(101);
    const Run serial = SerialExecutor().run(workload, {});
    ThreadsExecutor executor;
    for (const auto workers : worker_counts()) {
        for (const std::size_t chunk : {0u, 1u, 3u, 7u, 200u}) {
            SCOPED_TRACE("workers " + std::to_string(workers) + ", chunk " + std::to_string(chunk));
            ExecutorOptions options;
            options.workers = workers;
            options.chunk = chunk;
            options.schedule = schedule;
            const auto run = executor.run(workload, options);
            EXPECT_EQ(run.checksum, serial.checksum);
            EXPECT_EQ(run.backend, "threads");
            EXPECT_EQ(run.workers, workers);
            EXPECT_EQ(run.tasks, 101u);
            EXPECT_EQ(run.tasks_done, 101u);
            EXPECT_EQ(run.costs.compute_s_per_worker.size(), workers);
            expect_one_event_per_task(run, workers);
            // A chunk runs whole on one worker, in task order.
            const std::size_t effective = chunk != 0                     ? chunk
                                          : schedule == Schedule::Static ? (101 + workers - 1) / workers
                                                                         : 1;
            std::vector<std::optional<std::uint32_t>> chunk_worker((101 + effective - 1) / effective);
            for (const auto& event : run.trace.events) {
                auto& owner = chunk_worker[event.task / effective];
                if (!owner)
                    owner = event.worker;
                EXPECT_EQ(*owner, event.worker) << "task " << event.task;
            }
        }
    }
}

TEST(ThreadsExecutor, DynamicMatchesSerial)
{
    expect_matches_serial(Schedule::Dynamic);
}

TEST(ThreadsExecutor, StaticMatchesSerial)
{
    expect_matches_serial(Schedule::Static);
}

TEST(ThreadsExecutor, CostsAddUp)
{
    const IndexWorkload workload(20);
    ExecutorOptions options;
    options.workers = 3;
    const auto run = ThreadsExecutor().run(workload, options);
    double sum = 0.0;
    for (const double seconds : run.costs.compute_s_per_worker)
        sum += seconds;
    EXPECT_DOUBLE_EQ(run.costs.compute_s, sum);
    EXPECT_GT(run.wall_s, 0.0);
    EXPECT_FALSE(run.trace.host.empty());
}

TEST(ThreadsExecutor, EmptyWorkload)
{
    const IndexWorkload workload(0);
    ExecutorOptions options;
    options.workers = 2;
    const auto run = ThreadsExecutor().run(workload, options);
    EXPECT_EQ(run.tasks_done, 0u);
    EXPECT_EQ(run.checksum, SerialExecutor().run(workload, {}).checksum);
}

TEST(ThreadsExecutor, RefusesWorkerCountsOutOfRange)
{
    const IndexWorkload workload(4);
    ThreadsExecutor executor;
    const std::size_t most = std::max(4 * logical_cpus(), ThreadsExecutor::waiting_workers);
    const std::string range = "workers must be in 1 .. " + std::to_string(most) + " for threads (" +
                              std::to_string(logical_cpus()) + " logical CPUs here), got ";
    for (const std::size_t workers : {std::size_t{0}, std::size_t{10000}, most + 1}) {
        ExecutorOptions options;
        options.workers = workers;
        EXPECT_THAT(
            [&] { (void)executor.run(workload, options); },
            ::testing::ThrowsMessage<std::invalid_argument>(HasSubstr(range + std::to_string(workers))));
    }
    EXPECT_EQ(executor.max_workers(), most);
}

TEST(ThreadsExecutor, TaskFailureReportsIndexAndKeepsWhatFinished)
{
    for (const auto schedule : {Schedule::Dynamic, Schedule::Static}) {
        for (const std::size_t workers : {1u, 2u, 3u}) {
            SCOPED_TRACE("workers " + std::to_string(workers));
            const IndexWorkload workload(200, IndexWorkload::Behaviour::Throw, 17);
            ExecutorOptions options;
            options.workers = workers;
            options.schedule = schedule;
            options.chunk = 1;
            try {
                (void)ThreadsExecutor().run(workload, options);
                FAIL() << "the failing task went unnoticed";
            } catch (const RunCancelled&) {
                FAIL() << "a failure is not a cancel";
            } catch (const RunError& error) {
                EXPECT_THAT(error.what(), HasSubstr("task 17 failed: bad input in task"));
                ASSERT_TRUE(error.task().has_value());
                EXPECT_EQ(*error.task(), 17u);
                const auto& partial = error.partial();
                EXPECT_LT(partial.tasks_done, 200u);
                EXPECT_TRUE(partial.checksum.value.empty());
                expect_one_event_per_task(partial, workers);
                for (const auto& event : partial.trace.events)
                    EXPECT_NE(event.task, 17u);
            }
        }
    }
}

TEST(ThreadsExecutor, CancelFromAnotherThreadReturnsPromptly)
{
    for (const std::size_t workers : {std::size_t{1}, std::size_t{2}, 2 * logical_cpus() + 1}) {
        SCOPED_TRACE("workers " + std::to_string(workers));
        // Each task would run 60 s unless cancelled.
        const IndexWorkload workload(8, IndexWorkload::Behaviour::Spin);
        ExecutorOptions options;
        options.workers = workers;
        std::thread canceller([cancel = options.cancel] {
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
            cancel.cancel();
        });
        const auto start = std::chrono::steady_clock::now();
        try {
            (void)ThreadsExecutor().run(workload, options);
            ADD_FAILURE() << "the run ignored the cancel";
        } catch (const RunCancelled& cancelled) {
            EXPECT_EQ(cancelled.partial().tasks_done, 0u);
            EXPECT_FALSE(cancelled.task().has_value());
        }
        canceller.join();
        EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
    }
}

TEST(ThreadsExecutor, CancelledBeforeStartRunsNothing)
{
    const IndexWorkload workload(50);
    ExecutorOptions options;
    options.workers = 2;
    options.cancel.cancel();
    try {
        (void)ThreadsExecutor().run(workload, options);
        FAIL() << "the run ignored the cancel";
    } catch (const RunCancelled& cancelled) {
        EXPECT_EQ(cancelled.partial().tasks_done, 0u);
        EXPECT_TRUE(cancelled.partial().trace.events.empty());
    }
}

// W tasks that each wait for all W to have started can only finish on W threads at once: this
// shows the arena really has W workers, also past the number of logical CPUs.
TEST(ThreadsExecutor, RunsOnExactlyWDistinctThreads)
{
    for (const auto schedule : {Schedule::Dynamic, Schedule::Static}) {
        for (const std::size_t workers : {std::size_t{2}, 2 * logical_cpus() + 1}) {
            SCOPED_TRACE("workers " + std::to_string(workers));
            const IndexWorkload workload(workers, IndexWorkload::Behaviour::Rendezvous, workers);
            ExecutorOptions options;
            options.workers = workers;
            options.schedule = schedule;
            options.chunk = 1;
            const auto run = ThreadsExecutor().run(workload, options);
            EXPECT_FALSE(workload.timed_out());
            std::set<std::uint32_t> ids;
            for (const auto& event : run.trace.events)
                ids.insert(event.worker);
            EXPECT_EQ(ids.size(), workers);
            EXPECT_LT(*ids.rbegin(), workers);
        }
    }
}

TEST(ThreadsExecutor, ObserverHearsEveryTask)
{
    const IndexWorkload workload(64);
    CountingObserver observer;
    ExecutorOptions options;
    options.workers = 3;
    options.observer = &observer;
    (void)ThreadsExecutor().run(workload, options);
    EXPECT_EQ(observer.m_count.load(), 64u);
    EXPECT_EQ(observer.m_task_sum.load(), 64u * 63u / 2u);
}

TEST(ThreadsExecutor, TracingCanBeTurnedOff)
{
    const IndexWorkload workload(30);
    ExecutorOptions options;
    options.workers = 2;
    options.trace = false;
    const auto run = ThreadsExecutor().run(workload, options);
    EXPECT_TRUE(run.trace.events.empty());
    EXPECT_EQ(run.tasks_done, 30u);
    EXPECT_EQ(run.checksum, SerialExecutor().run(workload, {}).checksum);
}

TEST(ThreadsExecutor, RegisteredByName)
{
    const auto executor = ExecutorRegistry::create("threads");
    ASSERT_NE(executor, nullptr);
    EXPECT_EQ(executor->name(), "threads");
}

} // namespace
} // namespace parlab
