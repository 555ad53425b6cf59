#include "executors/process_executor.h"
#include "executors/run_error.h"
#include "workloads/workload_registry.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <sys/wait.h>

using namespace parlab;
using ::testing::HasSubstr;

namespace {

// Generous: these tests check that nothing hangs, not how fast faults are noticed.
constexpr auto bound = std::chrono::seconds(5);

bool no_children_left()
{
    errno = 0;
    return ::waitpid(-1, nullptr, WNOHANG) == -1 && errno == ECHILD;
}

Checksum serial_checksum(const Workload& workload)
{
    std::vector<Partial> partials;
    const CancelToken cancel;
    for (std::size_t task = 0; task < workload.task_count(); ++task)
        partials.push_back(workload.run_task(task, cancel));
    return workload.combine(partials);
}

// Kills the worker that finished the first task; by then it already holds its next task (each
// worker gets two tasks ahead), so it dies while running one.
class KillFirstWorker : public RunObserver {
public:
    void on_task_done(const TraceEvent& event) override
    {
        if (!m_killed.exchange(true)) {
            m_pid = event.pid;
            ::kill(event.pid, SIGKILL);
        }
    }
    [[nodiscard]] std::int32_t pid() const { return m_pid; }

private:
    std::atomic<bool> m_killed{false};
    std::int32_t m_pid = 0;
};

class CancelOnFirstTask : public RunObserver {
public:
    explicit CancelOnFirstTask(CancelToken token) : m_token(std::move(token)) {}
    void on_task_done(const TraceEvent&) override { m_token.cancel(); }

private:
    CancelToken m_token;
};

// Known only in this test binary: the worker program cannot build it.
class LocalOnlyWorkload : public Workload {
public:
    LocalOnlyWorkload() : Workload("local-only", Parameters({}, {})) {}
    [[nodiscard]] std::size_t task_count() const override { return 3; }
    [[nodiscard]] Partial run_task(std::size_t, const CancelToken&) const override { return {}; }
    [[nodiscard]] Checksum combine(std::span<const Partial>) const override { return {"0", {}}; }
};

using Clock = std::chrono::steady_clock;

} // namespace

TEST(ProcessFaults, AKilledWorkerFailsTheRunNamingTaskAndSignal)
{
    const auto workload = WorkloadRegistry::create("coffee", {{"students", "8"}, {"seconds", "0.3"}});
    ProcessExecutor executor(PARLAB_WORKER_PATH);
    KillFirstWorker killer;
    ExecutorOptions options;
    options.workers = 2;
    options.observer = &killer;
    const auto start = Clock::now();
    try {
        static_cast<void>(executor.run(*workload, options));
        ADD_FAILURE() << "the run survived a killed worker";
    } catch (const RunCancelled&) {
        ADD_FAILURE() << "a killed worker is not a cancel";
    } catch (const RunError& error) {
        EXPECT_THAT(error.what(), HasSubstr("(pid " + std::to_string(killer.pid()) + ") was killed by signal 9"));
        EXPECT_THAT(error.what(), HasSubstr("while running task"));
        ASSERT_TRUE(error.task().has_value());
        EXPECT_THAT(error.what(), HasSubstr("task " + std::to_string(*error.task())));
        EXPECT_GE(error.partial().tasks_done, 1u);
        EXPECT_LT(error.partial().tasks_done, 8u);
        EXPECT_TRUE(error.partial().checksum.value.empty());
        EXPECT_FALSE(error.partial().trace.events.empty());
    }
    EXPECT_LT(Clock::now() - start, bound);
    EXPECT_TRUE(executor.worker_pids().empty());
    EXPECT_TRUE(no_children_left());
}

TEST(ProcessFaults, RetryRerunsTheLostTasksOnAFreshWorker)
{
    const auto workload = WorkloadRegistry::create("coffee", {{"students", "8"}, {"seconds", "0.05"}});
    ProcessExecutor executor(PARLAB_WORKER_PATH);
    for (const Schedule schedule : {Schedule::Dynamic, Schedule::Static}) {
        KillFirstWorker killer;
        ExecutorOptions options;
        options.workers = 2;
        options.chunk = schedule == Schedule::Static ? 1 : 0;
        options.schedule = schedule;
        options.observer = &killer;
        options.retries = 1;
        const parlab::Run run = executor.run(*workload, options);
        EXPECT_EQ(run.checksum, serial_checksum(*workload)) << to_string(schedule);
        EXPECT_EQ(run.tasks_done, 8u);
        const auto pids = executor.worker_pids();
        EXPECT_EQ(std::count(pids.begin(), pids.end(), killer.pid()), 0);
    }
    executor.shutdown();
    EXPECT_TRUE(no_children_left());
}

TEST(ProcessFaults, RetriesAreBounded)
{
    const auto workload = WorkloadRegistry::create("coffee", {{"students", "8"}, {"seconds", "0.05"}});
    ProcessExecutor executor(PARLAB_WORKER_PATH);
    // Kills every worker that finishes a task: one retry cannot save the run.
    class KillEveryone : public RunObserver {
    public:
        void on_task_done(const TraceEvent& event) override { ::kill(event.pid, SIGKILL); }
    } killer;
    ExecutorOptions options;
    options.workers = 2;
    options.observer = &killer;
    options.retries = 1;
    EXPECT_THROW(static_cast<void>(executor.run(*workload, options)), RunError);
    EXPECT_TRUE(no_children_left());
}

TEST(ProcessFaults, CancelReturnsAndLeavesNoProcess)
{
    const auto workload = WorkloadRegistry::create("coffee", {{"students", "20"}, {"seconds", "0.5"}});
    ProcessExecutor executor(PARLAB_WORKER_PATH);
    ExecutorOptions options;
    options.workers = 2;
    CancelOnFirstTask canceller(options.cancel);
    options.observer = &canceller;
    const auto start = Clock::now();
    try {
        static_cast<void>(executor.run(*workload, options));
        ADD_FAILURE() << "the run ignored its cancel token";
    } catch (const RunCancelled& cancelled) {
        EXPECT_GE(cancelled.partial().tasks_done, 1u);
        EXPECT_LT(cancelled.partial().tasks_done, 20u);
    }
    EXPECT_LT(Clock::now() - start, bound);
    EXPECT_TRUE(executor.worker_pids().empty());
    EXPECT_TRUE(no_children_left());
}

TEST(ProcessFaults, AWorkloadTheWorkerCannotBuildFailsTheRun)
{
    const LocalOnlyWorkload workload;
    ProcessExecutor executor(PARLAB_WORKER_PATH);
    ExecutorOptions options;
    options.workers = 2;
    try {
        static_cast<void>(executor.run(workload, options));
        ADD_FAILURE() << "the worker ran a workload it does not know";
    } catch (const RunError& error) {
        EXPECT_THAT(error.what(), HasSubstr("could not set up workload 'local-only'"));
        EXPECT_EQ(error.partial().tasks_done, 0u);
    }
    EXPECT_TRUE(no_children_left());
}

TEST(ProcessFaults, AWorkerThatIsNotAWorkerIsReported)
{
    const auto workload = WorkloadRegistry::create("cubes", {{"n", "100"}, {"chunks", "4"}});
    // A program that exits at once without saying Ready.
    ProcessExecutor executor("/bin/true");
    ExecutorOptions options;
    options.workers = 2;
    try {
        static_cast<void>(executor.run(*workload, options));
        ADD_FAILURE() << "/bin/true was taken for a worker";
    } catch (const std::runtime_error& error) {
        EXPECT_THAT(error.what(), HasSubstr("before it was ready"));
    }
    EXPECT_TRUE(no_children_left());
}

TEST(ProcessFaults, ACorruptMessageFromAWorkerFailsTheRun)
{
    // A stand-in worker that answers on its socket (fd 3) with bytes that are not a frame.
    const auto script = std::filesystem::temp_directory_path() / ("parlab-bad-worker-" + std::to_string(::getpid()));
    {
        std::ofstream out(script);
        out << "#!/bin/sh\nprintf 'this is not a parlab frame at all' >&3\nexec sleep 30\n";
    }
    std::filesystem::permissions(script, std::filesystem::perms::owner_all);
    const auto workload = WorkloadRegistry::create("cubes", {{"n", "100"}, {"chunks", "4"}});
    ProcessExecutor executor(script.string());
    ExecutorOptions options;
    options.workers = 1;
    const auto start = Clock::now();
    try {
        static_cast<void>(executor.run(*workload, options));
        ADD_FAILURE() << "garbage was taken for a frame";
    } catch (const std::runtime_error& error) {
        EXPECT_THAT(error.what(), HasSubstr("corrupt message from worker 0: bad magic"));
    }
    EXPECT_LT(Clock::now() - start, bound);
    EXPECT_TRUE(no_children_left());
    std::filesystem::remove(script);
}
