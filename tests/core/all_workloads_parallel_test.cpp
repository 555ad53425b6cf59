#include "executors/serial_executor.h"
#include "executors/threads_executor.h"
#include "workloads/workload_registry.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <thread>

namespace parlab {
namespace {

// Small sizes, so that every workload runs in a blink even under sanitizers. A workload missing
// here fails the test: each new one needs its small size.
const std::map<std::string, ParameterValues>& small_parameters()
{
    static const std::map<std::string, ParameterValues> table = {
        {"coffee", {{"students", "12"}, {"seconds", "0.001"}}},
        {"cubes", {{"n", "100000"}, {"chunks", "37"}}},
        {"eigen", {{"matrices", "40"}, {"dim", "16"}}},
        {"countdown", {{"tasks", "1*9"}, {"steps", "10000"}}},
        {"unbalanced", {{"scale", "0.001"}}},
        {"images", {{"images", "6"}, {"width", "64"}, {"height", "48"}}},
        {"matmul", {{"products", "5"}, {"size", "48"}, {"inner_threads", "1"}}},
    };
    return table;
}

void expect_threads_match_serial(Schedule schedule)
{
    const std::size_t cpus = std::max(1u, std::thread::hardware_concurrency());
    ASSERT_FALSE(WorkloadRegistry::all().empty());
    for (const auto& info : WorkloadRegistry::all()) {
        SCOPED_TRACE("workload " + info.name);
        const auto small = small_parameters().find(info.name);
        if (small == small_parameters().end()) {
            ADD_FAILURE() << "no small parameters for workload '" << info.name << "'";
            continue;
        }
        const auto workload = info.create(small->second);
        const auto serial = SerialExecutor().run(*workload, {});
        ASSERT_FALSE(serial.checksum.value.empty());
        ASSERT_EQ(serial.tasks_done, workload->task_count());
        for (const std::size_t workers : {std::size_t{1}, std::size_t{2}, std::size_t{3}, 2 * cpus + 1}) {
            SCOPED_TRACE("workers " + std::to_string(workers));
            ExecutorOptions options;
            options.workers = workers;
            options.schedule = schedule;
            const auto run = ThreadsExecutor().run(*workload, options);
            EXPECT_EQ(run.checksum, serial.checksum);
            EXPECT_EQ(run.tasks_done, serial.tasks);
            EXPECT_EQ(run.trace.events.size(), serial.tasks);
        }
    }
}

TEST(AllWorkloadsParallel, DynamicMatchesSerial) { expect_threads_match_serial(Schedule::Dynamic); }

TEST(AllWorkloadsParallel, StaticMatchesSerial) { expect_threads_match_serial(Schedule::Static); }

} // namespace
} // namespace parlab
