#include "executors/executor_registry.h"
#include "executors/serial_executor.h"
#include "small_workloads.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <thread>

namespace parlab {
namespace {

// Every registered backend runs every registered workload (small_workloads.h) and must give the
// serial checksum, for 1, 2, 3 and more workers than cores, dealt both ways.
class AllWorkloadsOnEveryBackend : public ::testing::TestWithParam<SmallWorkload> {
protected:
    static void SetUpTestSuite() { ::setenv("PARLAB_WORKER", PARLAB_WORKER_PATH, 1); }
};

TEST_P(AllWorkloadsOnEveryBackend, MatchesSerial)
{
    const SmallWorkload& small = GetParam();
    ASSERT_TRUE(small.listed) << "no small parameters for workload '" << small.workload
                              << "' in tests/core/small_workloads.h";
    const auto workload = WorkloadRegistry::create(small.workload, small.values);
    const auto serial = SerialExecutor().run(*workload, {});
    ASSERT_FALSE(serial.checksum.value.empty());
    ASSERT_EQ(serial.tasks_done, workload->task_count());
    const std::size_t cpus = std::max(1u, std::thread::hardware_concurrency());
    ASSERT_FALSE(ExecutorRegistry::all().empty());
    for (const ExecutorInfo& backend : ExecutorRegistry::all()) {
        const auto executor = backend.create();
        const std::size_t most = executor->max_workers();
        for (const std::size_t wanted : {std::size_t{1}, std::size_t{2}, std::size_t{3}, 2 * cpus + 1}) {
            const std::size_t workers = std::min(wanted, most);
            for (const Schedule schedule : {Schedule::Dynamic, Schedule::Static}) {
                SCOPED_TRACE(backend.name + " W=" + std::to_string(workers) + " " +
                             std::string(to_string(schedule)));
                ExecutorOptions options;
                options.workers = workers;
                options.schedule = schedule;
                const auto run = executor->run(*workload, options);
                EXPECT_EQ(run.checksum, serial.checksum);
                EXPECT_EQ(run.backend, backend.name);
                EXPECT_EQ(run.tasks_done, serial.tasks);
                const auto compute =
                    std::count_if(run.trace.events.begin(), run.trace.events.end(),
                                  [](const TraceEvent& e) { return e.phase == Phase::Compute; });
                EXPECT_EQ(static_cast<std::size_t>(compute), serial.tasks);
            }
        }
    }
}

INSTANTIATE_TEST_SUITE_P(Registry, AllWorkloadsOnEveryBackend, ::testing::ValuesIn(small_workloads()),
                         [](const auto& info) { return info.param.workload; });

} // namespace
} // namespace parlab
