#include "executors/processes/process_executor.h"
#include "executors/run_error.h"
#include "executors/serial_executor.h"
#include "sweep/sweep.h"
#include "workloads/workload_registry.h"

#include "process_test_fixtures.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

using namespace parlab;
using namespace parlab::test;
using ::testing::HasSubstr;
using ::testing::Not;

namespace {

namespace fs = std::filesystem;

// A folder of this test's own, holding a worker program that wraps the real one.
class WrappedWorker {
public:
    explicit WrappedWorker(const std::string& name, const std::string& before_exec)
        : m_folder(::testing::TempDir() + "parlab_pool_" + name + "_" + std::to_string(::getpid()))
    {
        fs::remove_all(m_folder);
        fs::create_directories(m_folder);
        std::ofstream(program()) << "#!/bin/sh\n"
                                 << before_exec << "\nexec '" << PARLAB_WORKER_PATH << "' \"$@\"\n";
        fs::permissions(program(), fs::perms::owner_all);
    }
    ~WrappedWorker()
    {
        std::error_code ignored;
        fs::remove_all(m_folder, ignored);
    }
    [[nodiscard]] std::string program() const { return m_folder + "/worker.sh"; }
    [[nodiscard]] std::string file(const std::string& name) const { return m_folder + "/" + name; }

private:
    std::string m_folder;
};

std::size_t lines_in(const std::string& path)
{
    std::ifstream in(path);
    std::size_t count = 0;
    for (std::string line; std::getline(in, line);)
        ++count;
    return count;
}

// A short bound, so that the test is quick; tasks of 50 ms stay far below it.
constexpr LivenessRule quick_liveness{.floor_s = 0.5, .factor = 5.0};

} // namespace

TEST(ProcessPool, ASweepGrowsOnePoolStartingEachWorkerOnce)
{
    const WrappedWorker wrapper("grow", "echo $$ >> \"$(dirname \"$0\")/spawns\"");
    const auto workload = WorkloadRegistry::create("cubes", {{"n", "20000"}, {"chunks", "16"}});
    SerialExecutor serial;
    ProcessExecutor executor(wrapper.program());
    SweepRequest request;
    request.workload = "cubes";
    request.backend = "processes";
    request.workers = WorkerRange::parse("1:4");
    request.repeats = 2;
    const SweepResult result = run_sweep(request, *workload, serial, executor, nullptr, CancelToken());
    ASSERT_EQ(result.points.size(), 4u);
    // 1 + 1 + 1 + 1 workers started, not 1 + 2 + 3 + 4.
    EXPECT_EQ(lines_in(wrapper.file("spawns")), 4u);
    for (const Point& point : result.points) {
        EXPECT_EQ(point.checksum, result.serial.checksum) << "W=" << point.workers;
        // Each worker count started exactly the one worker it added: some start-up was spent.
        EXPECT_GT(point.costs.startup_s, 0.0) << "W=" << point.workers;
    }
    // The pool stopped once, after the last worker count.
    for (std::size_t i = 0; i + 1 < result.points.size(); ++i)
        EXPECT_EQ(result.points[i].costs.teardown_s, 0.0) << "W=" << result.points[i].workers;
    EXPECT_GT(result.points.back().costs.teardown_s, 0.0);
    EXPECT_TRUE(executor.worker_pids().empty());
    EXPECT_TRUE(no_children_left());
}

TEST(ProcessPool, ASmallerWorkerCountRunsOnTheWarmPool)
{
    const auto workload = WorkloadRegistry::create("cubes", {{"n", "1000"}, {"chunks", "10"}});
    ProcessExecutor executor(PARLAB_WORKER_PATH);
    ExecutorOptions options;
    options.workers = 3;
    (void)executor.run(*workload, options);
    const auto pids = executor.worker_pids();
    ASSERT_EQ(pids.size(), 3u);
    options.workers = 1;
    const parlab::Run run = executor.run(*workload, options);
    EXPECT_EQ(run.checksum, serial_checksum(*workload));
    EXPECT_EQ(run.costs.startup_s, 0.0);
    EXPECT_EQ(run.workers, 1u);
    for (const TraceEvent& event : run.trace.events)
        EXPECT_EQ(event.pid, pids[0]);
    EXPECT_EQ(executor.worker_pids(), pids);
    executor.shutdown();
    EXPECT_TRUE(no_children_left());
}

TEST(ProcessPool, AStoppedWorkerEndsTheRunNamingWorkerAndTask)
{
    const auto workload = WorkloadRegistry::create("coffee", {{"students", "8"}, {"seconds", "0.05"}});
    ProcessExecutor executor(PARLAB_WORKER_PATH);
    executor.set_liveness(quick_liveness);
    SignalFirstWorker stopper(SIGSTOP);
    ExecutorOptions options;
    options.workers = 2;
    options.observer = &stopper;
    try {
        static_cast<void>(executor.run(*workload, options));
        ADD_FAILURE() << "the run finished with a stopped worker";
    } catch (const RunError& error) {
        EXPECT_THAT(error.what(), HasSubstr("(pid " + std::to_string(stopper.pid()) + ") sent nothing for"));
        EXPECT_THAT(error.what(), HasSubstr("it is stopped"));
        ASSERT_TRUE(error.task().has_value());
        EXPECT_THAT(error.what(), HasSubstr("while running task " + std::to_string(*error.task())));
    }
    EXPECT_TRUE(executor.worker_pids().empty());
    EXPECT_TRUE(no_children_left());
}

TEST(ProcessPool, AStoppedWorkerIsReplacedWhenRetriesAreLeft)
{
    const auto workload = WorkloadRegistry::create("coffee", {{"students", "8"}, {"seconds", "0.05"}});
    ProcessExecutor executor(PARLAB_WORKER_PATH);
    executor.set_liveness(quick_liveness);
    SignalFirstWorker stopper(SIGSTOP);
    ExecutorOptions options;
    options.workers = 2;
    options.observer = &stopper;
    options.retries = 1;
    const parlab::Run run = executor.run(*workload, options);
    EXPECT_EQ(run.checksum, serial_checksum(*workload));
    const auto pids = executor.worker_pids();
    EXPECT_EQ(std::count(pids.begin(), pids.end(), stopper.pid()), 0);
    executor.shutdown();
    EXPECT_TRUE(no_children_left());
}

TEST(ProcessPool, AWorkerKilledWhileStartingIsNamedWithoutDoubtingTheProgram)
{
    // The first worker to start is killed before it can say Ready; later ones start normally.
    const WrappedWorker wrapper("killed", "mkdir \"$(dirname \"$0\")/once\" 2>/dev/null && kill -9 $$");
    const auto workload = WorkloadRegistry::create("cubes", {{"n", "1000"}, {"chunks", "10"}});
    ProcessExecutor executor(wrapper.program());
    ExecutorOptions options;
    options.workers = 2;
    try {
        static_cast<void>(executor.run(*workload, options));
        ADD_FAILURE() << "the run started with a worker killed while starting";
    } catch (const std::runtime_error& error) {
        EXPECT_THAT(error.what(), HasSubstr("killed by signal 9 while starting"));
        EXPECT_THAT(error.what(), Not(HasSubstr("a parlab worker?")));
    }
    EXPECT_TRUE(no_children_left());
}

TEST(ProcessPool, RetriesCoverAWorkerKilledWhileStarting)
{
    const WrappedWorker wrapper("retried", "mkdir \"$(dirname \"$0\")/once\" 2>/dev/null && kill -9 $$");
    const auto workload = WorkloadRegistry::create("cubes", {{"n", "1000"}, {"chunks", "10"}});
    ProcessExecutor executor(wrapper.program());
    ExecutorOptions options;
    options.workers = 2;
    options.retries = 1;
    const parlab::Run run = executor.run(*workload, options);
    EXPECT_EQ(run.checksum, serial_checksum(*workload));
    EXPECT_EQ(executor.worker_pids().size(), 2u);
    executor.shutdown();
    EXPECT_TRUE(no_children_left());
}
