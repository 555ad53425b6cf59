#include "executors/executor_registry.h"
#include "executors/run_error.h"
#include "executors/serial_executor.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <unistd.h>

#include <chrono>
#include <optional>
#include <stdexcept>
#include <thread>

namespace parlab {
namespace {

using ::testing::HasSubstr;

// Partials are task-dependent and combined in an order-sensitive way, so a lost, repeated or
// misplaced task changes the checksum.
class IndexWorkload : public Workload {
public:
    explicit IndexWorkload(std::size_t tasks, std::optional<std::size_t> throw_on = std::nullopt,
                           bool spin = false)
        : Workload("index", Parameters({}, {})), m_tasks(tasks), m_throw_on(throw_on), m_spin(spin)
    {
    }

    [[nodiscard]] std::size_t task_count() const override { return m_tasks; }

    [[nodiscard]] Partial run_task(std::size_t task, const CancelToken& cancel) const override
    {
        if (m_throw_on && task == *m_throw_on)
            throw std::runtime_error("bad input in task");
        if (m_spin) {
            const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(60);
            while (!cancel.cancelled() && std::chrono::steady_clock::now() < give_up)
                std::this_thread::sleep_for(std::chrono::microseconds(200));
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

    [[nodiscard]] Checksum expected() const
    {
        std::vector<Partial> partials;
        for (std::size_t task = 0; task < m_tasks; ++task)
            partials.push_back(run_task(task, CancelToken()));
        return combine(partials);
    }

private:
    std::size_t m_tasks;
    std::optional<std::size_t> m_throw_on;
    bool m_spin;
};

class CountingObserver : public RunObserver {
public:
    void on_task_done(std::size_t /*worker*/, const TraceEvent& event) override
    {
        ++m_count;
        m_task_sum += event.task;
        if (m_count == 1)
            m_first = std::this_thread::get_id();
        m_same_thread = m_same_thread && std::this_thread::get_id() == m_first;
    }

    std::size_t m_count = 0;
    std::size_t m_task_sum = 0;
    bool m_same_thread = true;
    std::thread::id m_first;
};

TEST(SerialExecutor, ChecksumTraceAndCosts)
{
    const IndexWorkload workload(50);
    SerialExecutor executor;
    const auto run = executor.run(workload, {});

    EXPECT_EQ(run.checksum, workload.expected());
    EXPECT_EQ(run.workload, "index");
    EXPECT_EQ(run.backend, "serial");
    EXPECT_EQ(run.workers, 1u);
    EXPECT_EQ(run.tasks, 50u);
    EXPECT_EQ(run.tasks_done, 50u);
    EXPECT_GT(run.wall_s, 0.0);
    ASSERT_EQ(run.costs.compute_s_per_worker.size(), 1u);
    EXPECT_DOUBLE_EQ(run.costs.compute_s, run.costs.compute_s_per_worker[0]);
    EXPECT_LE(run.costs.compute_s, run.wall_s);
    EXPECT_FALSE(run.trace.host.empty());

    ASSERT_EQ(run.trace.events.size(), 50u);
    for (std::size_t i = 0; i < run.trace.events.size(); ++i) {
        const auto& event = run.trace.events[i];
        EXPECT_EQ(event.task, i); // one worker: start order is task order
        EXPECT_EQ(event.worker, 0u);
        EXPECT_EQ(event.pid, getpid());
        EXPECT_EQ(event.phase, Phase::Compute);
        EXPECT_LE(event.start_ns, event.end_ns);
        EXPECT_GE(event.cpu, 0);
    }
}

TEST(SerialExecutor, ChunkAndScheduleChangeNothing)
{
    const IndexWorkload workload(23);
    SerialExecutor executor;
    ExecutorOptions options;
    options.schedule = Schedule::Static;
    options.chunk = 5;
    EXPECT_EQ(executor.run(workload, options).checksum, workload.expected());
}

TEST(SerialExecutor, RefusesOtherWorkerCounts)
{
    const IndexWorkload workload(3);
    SerialExecutor executor;
    for (const std::size_t workers : {0u, 2u}) {
        ExecutorOptions options;
        options.workers = workers;
        try {
            (void)executor.run(workload, options);
            ADD_FAILURE() << "workers = " << workers << " was accepted";
        } catch (const std::invalid_argument& error) {
            EXPECT_THAT(error.what(),
                        HasSubstr("workers must be 1 for serial, got " + std::to_string(workers)));
        }
    }
}

TEST(SerialExecutor, TaskFailureKeepsWhatFinished)
{
    const IndexWorkload workload(40, 17);
    SerialExecutor executor;
    try {
        (void)executor.run(workload, {});
        FAIL() << "the failing task went unnoticed";
    } catch (const RunCancelled&) {
        FAIL() << "a failure is not a cancel";
    } catch (const RunError& error) {
        EXPECT_THAT(error.what(), HasSubstr("task 17 failed: bad input in task"));
        ASSERT_TRUE(error.task().has_value());
        EXPECT_EQ(*error.task(), 17u);
        EXPECT_EQ(error.partial().tasks_done, 17u);
        EXPECT_EQ(error.partial().trace.events.size(), 17u);
        EXPECT_TRUE(error.partial().checksum.value.empty());
    }
}

TEST(SerialExecutor, CancelFromAnotherThread)
{
    const IndexWorkload workload(10, std::nullopt, true);
    SerialExecutor executor;
    ExecutorOptions options;
    std::thread canceller([cancel = options.cancel] {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        cancel.cancel();
    });
    const auto start = std::chrono::steady_clock::now();
    EXPECT_THROW((void)executor.run(workload, options), RunCancelled);
    canceller.join();
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
}

// One thread runs every task, and not the caller's: the main thread's heap made large allocations
// slower there than on any worker (serial_executor.cpp).
TEST(SerialExecutor, ObserverHearsEveryTaskOnOneThreadOfItsOwn)
{
    const IndexWorkload workload(12);
    CountingObserver observer;
    ExecutorOptions options;
    options.observer = &observer;
    (void)SerialExecutor().run(workload, options);
    EXPECT_EQ(observer.m_count, 12u);
    EXPECT_EQ(observer.m_task_sum, 66u);
    EXPECT_TRUE(observer.m_same_thread);
    EXPECT_NE(observer.m_first, std::this_thread::get_id());
}

TEST(SerialExecutor, RegisteredByName)
{
    const auto executor = ExecutorRegistry::create("serial");
    ASSERT_NE(executor, nullptr);
    EXPECT_EQ(executor->name(), "serial");
    EXPECT_THAT([] { (void)ExecutorRegistry::create("carrier-pigeon"); },
                ::testing::ThrowsMessage<std::invalid_argument>(HasSubstr("known: serial, threads")));
}

TEST(Schedule, ParsesWhatItPrints)
{
    EXPECT_EQ(parse_schedule(to_string(Schedule::Static)), Schedule::Static);
    EXPECT_EQ(parse_schedule(to_string(Schedule::Dynamic)), Schedule::Dynamic);
    EXPECT_THAT([] { (void)parse_schedule("guided"); },
                ::testing::ThrowsMessage<std::invalid_argument>(HasSubstr("static | dynamic, got 'guided'")));
}

} // namespace
} // namespace parlab
