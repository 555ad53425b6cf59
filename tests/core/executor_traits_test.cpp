#include "executors/executor_registry.h"
#include "executors/serial_executor.h"
#include "executors/worker_count_error.h"
#include "workloads/workload_registry.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <mutex>
#include <set>
#include <vector>

namespace parlab {
namespace {

using ::testing::HasSubstr;

class ExecutorTraitsTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() { ::setenv("PARLAB_WORKER", PARLAB_WORKER_PATH, 1); }
};

TEST_F(ExecutorTraitsTest, EveryEntryTakesItsNameAndWordsFromItsExecutor)
{
    std::set<std::string> names;
    for (const ExecutorInfo& info : ExecutorRegistry::all()) {
        SCOPED_TRACE(info.name);
        EXPECT_TRUE(names.insert(info.name).second) << "listed twice";
        const auto executor = info.create();
        EXPECT_EQ(executor->name(), info.name);
        EXPECT_EQ(&ExecutorRegistry::find(info.name), &info);
        EXPECT_EQ(executor->traits().name, info.traits.name);
        EXPECT_EQ(info.summary, info.traits.summary);
        EXPECT_FALSE(info.traits.display_name.empty());
        EXPECT_FALSE(info.traits.worker_word.empty());
        EXPECT_FALSE(info.traits.workers_word.empty());
        EXPECT_EQ(info.traits.workers_noun(1), info.traits.worker_word);
        EXPECT_EQ(info.traits.workers_noun(3), info.traits.workers_word);
        // Shipping inputs only means something where workers do not share memory.
        EXPECT_FALSE(info.traits.ships_inputs && info.traits.shares_memory);
        EXPECT_GE(info.max_workers(), 1u);
    }
}

TEST_F(ExecutorTraitsTest, TheBackendsSayWhatTheyAre)
{
    const ExecutorTraits& threads = ExecutorRegistry::find("threads").traits;
    EXPECT_TRUE(threads.shares_memory);
    EXPECT_EQ(threads.workers_noun(1), "thread");
    EXPECT_EQ(threads.workers_noun(2), "threads");
    const ExecutorTraits& processes = ExecutorRegistry::find("processes").traits;
    EXPECT_FALSE(processes.shares_memory);
    EXPECT_TRUE(processes.ships_inputs);
    EXPECT_TRUE(processes.retries);
    EXPECT_EQ(processes.workers_noun(1), "process");
    EXPECT_EQ(processes.workers_noun(4), "processes");
    EXPECT_EQ(ExecutorRegistry::find("serial").max_workers(), 1u);
}

TEST_F(ExecutorTraitsTest, UnknownBackendListsTheKnownOnes)
{
    EXPECT_THAT(
        [] { (void)ExecutorRegistry::find("gpu"); },
        ::testing::ThrowsMessage<std::invalid_argument>(HasSubstr("unknown backend 'gpu' (known: serial")));
}

TEST_F(ExecutorTraitsTest, WorkerLimitsAreTypedErrors)
{
    for (const ExecutorInfo& info : ExecutorRegistry::all()) {
        SCOPED_TRACE(info.name);
        EXPECT_THROW(info.check_workers(0), WorkerCountError);
        EXPECT_THROW(info.check_workers(info.max_workers() + 1), WorkerCountError);
        EXPECT_NO_THROW(info.check_workers(1));
    }
}

TEST_F(ExecutorTraitsTest, OptionsOnlyOneBackendHonoursAreRefusedByTheOthers)
{
    const auto workload = WorkloadRegistry::create("cubes", {{"n", "100"}, {"chunks", "4"}});
    for (const ExecutorInfo& info : ExecutorRegistry::all()) {
        SCOPED_TRACE(info.name);
        ExecutorOptions options;
        options.ship_inputs = true;
        if (!info.traits.ships_inputs)
            EXPECT_THAT([&] { (void)info.create()->run(*workload, options); },
                        ::testing::ThrowsMessage<std::invalid_argument>(
                            HasSubstr("shipping inputs is not for the " + info.name + " backend")));
        options.ship_inputs = false;
        options.retries = 1;
        if (!info.traits.retries)
            EXPECT_THAT([&] { (void)info.create()->run(*workload, options); },
                        ::testing::ThrowsMessage<std::invalid_argument>(HasSubstr("retrying failed tasks")));
    }
}

// Records what an executor tells its observer, one buffer per worker as set_up allows.
class PerWorkerObserver final : public RunObserver {
public:
    void set_up(std::size_t workers) override
    {
        ++set_ups;
        buffers.assign(workers, {});
    }
    void on_task_done(std::size_t worker, const TraceEvent& event) override
    {
        ASSERT_LT(worker, buffers.size());
        EXPECT_EQ(worker, event.worker);
        buffers[worker].push_back(event.task);
    }
    unsigned set_ups = 0;
    std::vector<std::vector<std::uint32_t>> buffers;
};

TEST_F(ExecutorTraitsTest, ObserverIsSetUpWithTheWorkerCountThenHearsEachTaskByWorker)
{
    const auto workload = WorkloadRegistry::create("cubes", {{"n", "1000"}, {"chunks", "24"}});
    for (const ExecutorInfo& info : ExecutorRegistry::all()) {
        SCOPED_TRACE(info.name);
        PerWorkerObserver observer;
        ExecutorOptions options;
        options.workers = std::min<std::size_t>(3, info.max_workers());
        options.observer = &observer;
        (void)info.create()->run(*workload, options);
        EXPECT_EQ(observer.set_ups, 1u);
        ASSERT_EQ(observer.buffers.size(), options.workers);
        std::set<std::uint32_t> tasks;
        for (const auto& buffer : observer.buffers)
            tasks.insert(buffer.begin(), buffer.end());
        EXPECT_EQ(tasks.size(), workload->task_count());
    }
}

} // namespace
} // namespace parlab
