#include "executors/executor_registry.h"
#include "executors/processes/process_executor.h"
#include "small_workloads.h"
#include "workloads/workload_registry.h"

#include "process_test_fixtures.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <fstream>
#include <set>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace parlab;
using namespace parlab::test;
using ::testing::HasSubstr;

namespace {

std::size_t logical_cpus()
{
    return std::max(1u, std::thread::hardware_concurrency());
}

class ProcessExecutorSameAsSerial : public ::testing::TestWithParam<SmallWorkload> {};

} // namespace

TEST_P(ProcessExecutorSameAsSerial, ForEveryWorkerCountScheduleAndShipping)
{
    ASSERT_TRUE(GetParam().listed) << "no small parameters for '" << GetParam().workload << "'";
    const auto workload = WorkloadRegistry::create(GetParam().workload, GetParam().values);
    const Checksum expected = serial_checksum(*workload);
    ProcessExecutor executor(PARLAB_WORKER_PATH);
    for (const std::size_t workers :
         {std::size_t{1}, std::size_t{2}, std::size_t{3}, 2 * logical_cpus() + 1}) {
        for (const Schedule schedule : {Schedule::Dynamic, Schedule::Static}) {
            for (const bool ship : {false, true}) {
                ExecutorOptions options;
                options.workers = workers;
                options.schedule = schedule;
                options.ship_inputs = ship;
                const parlab::Run run = executor.run(*workload, options);
                const std::string label = "W=" + std::to_string(workers) + " " +
                                          std::string(to_string(schedule)) + (ship ? " shipped" : "");
                EXPECT_EQ(run.checksum, expected) << label;
                EXPECT_EQ(run.tasks_done, workload->task_count()) << label;
                EXPECT_EQ(run.backend, "processes");
                EXPECT_EQ(run.workers, workers);
                EXPECT_EQ(run.costs.compute_s_per_worker.size(), workers);
                EXPECT_GT(run.costs.bytes_sent, 0u);
                EXPECT_GT(run.costs.bytes_received, 0u);
                const auto compute =
                    std::count_if(run.trace.events.begin(), run.trace.events.end(),
                                  [](const TraceEvent& e) { return e.phase == Phase::Compute; });
                EXPECT_EQ(static_cast<std::size_t>(compute), workload->task_count()) << label;
                const auto pids = executor.worker_pids();
                for (const auto& event : run.trace.events) {
                    ASSERT_LT(event.worker, workers);
                    EXPECT_EQ(event.pid, pids[event.worker]);
                    EXPECT_LE(event.start_ns, event.end_ns);
                }
            }
        }
    }
}

INSTANTIATE_TEST_SUITE_P(Workloads, ProcessExecutorSameAsSerial, ::testing::ValuesIn(small_workloads()),
                         [](const auto& param_info) { return param_info.param.workload; });

TEST(ProcessExecutor, ChunkedDealingGivesTheSameChecksum)
{
    const auto workload = WorkloadRegistry::create("cubes", {{"n", "100000"}, {"chunks", "37"}});
    const Checksum expected = serial_checksum(*workload);
    ProcessExecutor executor(PARLAB_WORKER_PATH);
    for (const std::size_t chunk : {std::size_t{2}, std::size_t{5}, std::size_t{100}}) {
        for (const Schedule schedule : {Schedule::Dynamic, Schedule::Static}) {
            ExecutorOptions options;
            options.workers = 3;
            options.chunk = chunk;
            options.schedule = schedule;
            EXPECT_EQ(executor.run(*workload, options).checksum, expected) << "chunk " << chunk;
        }
    }
}

TEST(ProcessExecutor, StaticDealingGivesEachWorkerItsRoundRobinChunks)
{
    const auto workload = WorkloadRegistry::create("cubes", {{"n", "1000"}, {"chunks", "12"}});
    ProcessExecutor executor(PARLAB_WORKER_PATH);
    ExecutorOptions options;
    options.workers = 3;
    options.chunk = 2;
    options.schedule = Schedule::Static;
    const parlab::Run run = executor.run(*workload, options);
    for (const auto& event : run.trace.events)
        EXPECT_EQ(event.worker, (event.task / 2) % 3) << "task " << event.task;
}

TEST(ProcessExecutor, KeepsThePoolWarmAndGrowsItForMoreWorkers)
{
    const auto workload = WorkloadRegistry::create("cubes", {{"n", "1000"}, {"chunks", "10"}});
    ProcessExecutor executor(PARLAB_WORKER_PATH);
    ExecutorOptions options;
    options.workers = 2;
    const parlab::Run first = executor.run(*workload, options);
    const auto pids = executor.worker_pids();
    ASSERT_EQ(pids.size(), 2u);
    EXPECT_GT(first.costs.startup_s, 0.0);
    const parlab::Run second = executor.run(*workload, options);
    EXPECT_EQ(executor.worker_pids(), pids);
    EXPECT_EQ(second.costs.startup_s, 0.0);
    EXPECT_EQ(second.checksum, first.checksum);

    // A larger W starts only the worker it adds; the two warm ones stay.
    options.workers = 3;
    const parlab::Run third = executor.run(*workload, options);
    EXPECT_GT(third.costs.startup_s, 0.0);
    EXPECT_EQ(third.costs.teardown_s, 0.0);
    EXPECT_EQ(third.checksum, first.checksum);
    const auto new_pids = executor.worker_pids();
    ASSERT_EQ(new_pids.size(), 3u);
    EXPECT_EQ(new_pids[0], pids[0]);
    EXPECT_EQ(new_pids[1], pids[1]);
    EXPECT_EQ(std::count(pids.begin(), pids.end(), new_pids[2]), 0);
    EXPECT_GT(executor.shutdown(), 0.0);
    EXPECT_TRUE(executor.worker_pids().empty());
    EXPECT_TRUE(no_children_left());
}

TEST(ProcessExecutor, ShipsInputsWhenAsked)
{
    const auto workload = WorkloadRegistry::create("eigen", {{"matrices", "10"}, {"dim", "16"}});
    ProcessExecutor executor(PARLAB_WORKER_PATH);
    ExecutorOptions options;
    options.workers = 2;
    const parlab::Run plain = executor.run(*workload, options);
    options.ship_inputs = true;
    const parlab::Run shipped = executor.run(*workload, options);
    EXPECT_EQ(shipped.checksum, plain.checksum);
    // 10 matrices of 16×16 doubles must cross the socket.
    EXPECT_GE(shipped.costs.bytes_sent, plain.costs.bytes_sent + 10 * 16 * 16 * sizeof(double));
    const auto ships = std::count_if(shipped.trace.events.begin(), shipped.trace.events.end(),
                                     [](const TraceEvent& e) { return e.phase == Phase::Ship; });
    EXPECT_EQ(ships, 10);
}

TEST(ProcessExecutor, RefusesWorkerCountsOutOfRangeBeforeStartingAnything)
{
    const auto workload = WorkloadRegistry::create("cubes", {{"n", "100"}, {"chunks", "4"}});
    ProcessExecutor executor(PARLAB_WORKER_PATH);
    for (const std::size_t workers : {std::size_t{0}, std::size_t{10000}}) {
        ExecutorOptions options;
        options.workers = workers;
        try {
            static_cast<void>(executor.run(*workload, options));
            ADD_FAILURE() << "W=" << workers << " was accepted";
        } catch (const std::invalid_argument& error) {
            EXPECT_THAT(error.what(), HasSubstr("workers"));
            EXPECT_THAT(error.what(), HasSubstr("allowed 1 .. "));
        }
        EXPECT_TRUE(executor.worker_pids().empty());
    }
}

TEST(ProcessExecutor, MaxWorkersIsTheLimitItEnforces)
{
    const ProcessExecutor executor(PARLAB_WORKER_PATH);
    const std::size_t most = executor.max_workers();
    EXPECT_GE(most, 1u);
    EXPECT_LE(most, 4 * logical_cpus());
    EXPECT_NO_THROW(ProcessExecutor{}.check_workers(most));
    EXPECT_THROW(ProcessExecutor{}.check_workers(most + 1), std::invalid_argument);
}

TEST(ProcessExecutor, NamesTheMissingWorkerProgram)
{
    const auto workload = WorkloadRegistry::create("cubes", {{"n", "100"}, {"chunks", "4"}});
    ProcessExecutor executor("/nonexistent/parlab-worker");
    ExecutorOptions options;
    options.workers = 1;
    try {
        static_cast<void>(executor.run(*workload, options));
        ADD_FAILURE() << "a missing worker program was accepted";
    } catch (const std::runtime_error& error) {
        EXPECT_THAT(error.what(), HasSubstr("/nonexistent/parlab-worker"));
    }
}

TEST(ProcessExecutor, SaysWhenTheWorkerProgramIsNotExecutable)
{
    const auto path =
        std::filesystem::temp_directory_path() / ("parlab-plain-file-" + std::to_string(::getpid()));
    std::ofstream(path) << "not a program\n";
    std::filesystem::permissions(path,
                                 std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
    const auto workload = WorkloadRegistry::create("cubes", {{"n", "100"}, {"chunks", "4"}});
    ProcessExecutor executor(path.string());
    ExecutorOptions options;
    options.workers = 1;
    try {
        static_cast<void>(executor.run(*workload, options));
        ADD_FAILURE() << "a file without execute permission was run";
    } catch (const std::runtime_error& error) {
        EXPECT_THAT(error.what(), HasSubstr("'" + path.string() + "' is not executable"));
    }
    std::filesystem::remove(path);
}

TEST(ProcessExecutor, FindsTheWorkerFromTheEnvironment)
{
    ::setenv("PARLAB_WORKER", "/somewhere/else/worker", 1);
    EXPECT_EQ(ProcessExecutor::default_worker_program(), "/somewhere/else/worker");
    ::unsetenv("PARLAB_WORKER");
    EXPECT_THAT(ProcessExecutor::default_worker_program(), ::testing::EndsWith("/parlab-worker"));
}

TEST(ProcessExecutor, IsRegistered)
{
    const auto executor = ExecutorRegistry::create("processes");
    EXPECT_EQ(executor->name(), "processes");
}

TEST(ProcessExecutor, DynamicDealingGivesEveryWorkerATaskWhenThereAreFew)
{
    // Four coffees for four workers: each free worker takes one; none waits behind another.
    const auto workload = WorkloadRegistry::create("coffee", {{"students", "4"}, {"seconds", "0.01"}});
    ProcessExecutor executor(PARLAB_WORKER_PATH);
    ExecutorOptions options;
    options.workers = 4;
    const parlab::Run run = executor.run(*workload, options);
    std::set<std::uint32_t> workers;
    for (const TraceEvent& event : run.trace.events)
        if (event.phase == Phase::Compute)
            workers.insert(event.worker);
    EXPECT_EQ(workers.size(), 4u);
}
