#include "executors/processes/process_executor.h"
#include "executors/run_error.h"
#include "workloads/workload_registry.h"

#include "process_test_fixtures.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <poll.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <thread>

using namespace parlab;
using namespace parlab::test;
using ::testing::HasSubstr;

namespace {

// Generous: these tests check that nothing hangs, not how fast faults are noticed.
constexpr auto bound = std::chrono::seconds(5);

// Known only in this test binary: the worker program cannot build it.
class LocalOnlyWorkload : public Workload {
public:
    LocalOnlyWorkload() : Workload("local-only", Parameters({}, {})) {}
    [[nodiscard]] std::size_t task_count() const override { return 3; }
    [[nodiscard]] Partial run_task(std::size_t, const CancelToken&) const override { return {}; }
    [[nodiscard]] Checksum combine(std::span<const Partial>) const override { return {"0", {}}; }
};

class InterruptAllWorkers : public RunObserver {
public:
    explicit InterruptAllWorkers(std::vector<std::int32_t> pids) : m_pids(std::move(pids)) {}
    void on_task_done(std::size_t, const TraceEvent&) override
    {
        if (!m_sent.exchange(true))
            for (const auto pid : m_pids)
                ::kill(pid, SIGINT);
    }

private:
    std::vector<std::int32_t> m_pids;
    std::atomic<bool> m_sent{false};
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
        EXPECT_THAT(error.what(),
                    HasSubstr("(pid " + std::to_string(killer.pid()) + ") was killed by signal 9"));
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
        void on_task_done(std::size_t /*worker*/, const TraceEvent& event) override
        {
            ::kill(event.pid, SIGKILL);
        }
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
    const auto script =
        std::filesystem::temp_directory_path() / ("parlab-bad-worker-" + std::to_string(::getpid()));
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

TEST(ProcessFaults, AnExceptionInATaskComesBackWithTaskAndMessage)
{
    const BadInputsEigen workload(WorkloadRegistry::create("eigen", {{"matrices", "8"}, {"dim", "8"}}));
    ProcessExecutor executor(PARLAB_WORKER_PATH);
    ExecutorOptions options;
    options.workers = 2;
    options.ship_inputs = true;
    try {
        static_cast<void>(executor.run(workload, options));
        ADD_FAILURE() << "a task that threw was taken for a result";
    } catch (const RunCancelled&) {
        ADD_FAILURE() << "a failed task is not a cancel";
    } catch (const RunError& error) {
        EXPECT_THAT(error.what(), HasSubstr("task 3 failed: eigen task inputs must be"));
        EXPECT_EQ(error.task(), 3u);
        EXPECT_LT(error.partial().tasks_done, 8u);
    }
    EXPECT_TRUE(no_children_left());
}

TEST(ProcessFaults, CtrlCReachingTheWorkersDoesNotKillThem)
{
    // A terminal sends SIGINT to the whole process group; the parent decides whether to cancel.
    const auto workload = WorkloadRegistry::create("coffee", {{"students", "8"}, {"seconds", "0.02"}});
    ProcessExecutor executor(PARLAB_WORKER_PATH);
    ExecutorOptions options;
    options.workers = 2;
    static_cast<void>(executor.run(*workload, options));
    InterruptAllWorkers interrupter(executor.worker_pids());
    options.observer = &interrupter;
    const parlab::Run run = executor.run(*workload, options);
    EXPECT_EQ(run.checksum, serial_checksum(*workload));
    executor.shutdown();
    EXPECT_TRUE(no_children_left());
}

TEST(ProcessFaults, WorkersDieWithTheirParent)
{
    // A parent killed with SIGKILL cannot stop its workers. Here a forked child is that parent;
    // as a subreaper this test inherits the orphaned workers and can see how they ended.
    int done_pipe[2];
    ASSERT_EQ(::pipe(done_pipe), 0);
    ASSERT_EQ(::prctl(PR_SET_CHILD_SUBREAPER, 1), 0);
    const pid_t parent = ::fork();
    ASSERT_GE(parent, 0);
    if (parent == 0) {
        // Task 0 ends at once; task 1, dealt to the same worker, waits a minute.
        class SayWhenATaskIsDone : public RunObserver {
        public:
            explicit SayWhenATaskIsDone(int fd) : m_fd(fd) {}
            void on_task_done(std::size_t, const TraceEvent&) override
            {
                static_cast<void>(::write(m_fd, "x", 1));
            }

        private:
            int m_fd;
        } observer(done_pipe[1]);
        const auto workload =
            WorkloadRegistry::create("unbalanced", {{"durations", "0,60"}, {"scale", "1"}, {"mode", "wait"}});
        ProcessExecutor executor(PARLAB_WORKER_PATH);
        ExecutorOptions options;
        options.workers = 2;
        options.observer = &observer;
        static_cast<void>(executor.run(*workload, options));
        ::_exit(0);
    }
    ::close(done_pipe[1]);
    pollfd done{done_pipe[0], POLLIN, 0};
    const bool started = ::poll(&done, 1, static_cast<int>(std::chrono::milliseconds(bound).count())) == 1;
    ::close(done_pipe[0]);
    std::vector<pid_t> workers;
    std::ifstream children("/proc/" + std::to_string(parent) + "/task/" + std::to_string(parent) +
                           "/children");
    for (pid_t pid = 0; children >> pid;)
        workers.push_back(pid);
    const auto start = Clock::now();
    ::kill(parent, SIGKILL);
    ASSERT_EQ(::waitpid(parent, nullptr, 0), parent);
    EXPECT_TRUE(started) << "the first task did not finish";
    EXPECT_EQ(workers.size(), 2u);
    // Everything the parent left is ours now (workers, and any helper a worker started itself).
    std::vector<pid_t> reaped;
    while (Clock::now() - start < bound) {
        const pid_t pid = ::waitpid(-1, nullptr, WNOHANG);
        if (pid < 0)
            break;
        if (pid > 0)
            reaped.push_back(pid);
        else
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    for (const pid_t worker : workers)
        EXPECT_EQ(std::count(reaped.begin(), reaped.end(), worker), 1)
            << "worker " << worker << " ran on without its parent";
    std::ifstream left("/proc/self/task/" + std::to_string(::getpid()) + "/children");
    for (pid_t pid = 0; left >> pid;) {
        ::kill(pid, SIGKILL);
        ::waitpid(pid, nullptr, 0);
    }
    ::prctl(PR_SET_CHILD_SUBREAPER, 0);
    EXPECT_TRUE(no_children_left());
}

TEST(ProcessFaults, APoolIsNotReusedFromAnotherThread)
{
    // Workers die with the thread that started them, so a later run from another thread must not
    // count on them.
    const auto workload = WorkloadRegistry::create("cubes", {{"n", "1000"}, {"chunks", "8"}});
    ProcessExecutor executor(PARLAB_WORKER_PATH);
    ExecutorOptions options;
    options.workers = 2;
    std::vector<std::int32_t> first_pids;
    std::thread([&] {
        static_cast<void>(executor.run(*workload, options));
        first_pids = executor.worker_pids();
    }).join();
    const parlab::Run run = executor.run(*workload, options);
    EXPECT_EQ(run.checksum, serial_checksum(*workload));
    EXPECT_GT(run.costs.startup_s, 0.0);
    for (const auto pid : executor.worker_pids())
        EXPECT_EQ(std::count(first_pids.begin(), first_pids.end(), pid), 0);
    executor.shutdown();
    EXPECT_TRUE(no_children_left());
}
