#include "executors/cluster/cluster_executor.h"
#include "executors/run_error.h"
#include "process_test_fixtures.h"
#include "workloads/workload_registry.h"

#include <gtest/gtest.h>

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

namespace parlab {
namespace {

#ifdef PARLAB_RANK_PATH

// A process that still runs: exists and is not a zombie waiting to be reaped.
bool running(pid_t pid)
{
    std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
    std::string text;
    if (!std::getline(stat, text))
        return false;
    const auto paren = text.rfind(')');
    return paren != std::string::npos && paren + 2 < text.size() && text[paren + 2] != 'Z';
}

// A rank killed by mpirun on its way out may still be ending when the run returns on a busy
// machine (no longer parlab's child, so nothing to wait for): it must be gone within `bound`.
bool still_running_after(pid_t pid, std::chrono::milliseconds bound)
{
    const auto give_up = std::chrono::steady_clock::now() + bound;
    while (running(pid) && std::chrono::steady_clock::now() < give_up)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    return running(pid);
}

// This test's own children (mpirun, a launcher): none may be left once a run has ended.
std::vector<pid_t> children()
{
    std::vector<pid_t> found;
    for (const auto& entry : std::filesystem::directory_iterator("/proc")) {
        const std::string name = entry.path().filename().string();
        if (name.find_first_not_of("0123456789") != std::string::npos)
            continue;
        std::ifstream stat(entry.path() / "stat");
        std::string text;
        if (!std::getline(stat, text))
            continue;
        const auto paren = text.rfind(')');
        if (paren == std::string::npos)
            continue;
        char state = 0;
        long parent = 0;
        if (std::sscanf(text.c_str() + paren + 1, " %c %ld", &state, &parent) == 2 && parent == ::getpid() &&
            state != 'Z')
            found.push_back(static_cast<pid_t>(std::stol(name)));
    }
    return found;
}

class KillRank : public RunObserver {
public:
    explicit KillRank(std::uint32_t rank) : m_rank(rank) {}
    void on_task_done(std::size_t /*worker*/, const TraceEvent& event) override
    {
        if (event.worker == m_rank && !m_killed) {
            m_killed = true;
            ::kill(event.pid, SIGKILL);
        }
    }
    bool killed() const { return m_killed; }

private:
    std::uint32_t m_rank;
    bool m_killed = false;
};

void expect_killed_rank_ends_the_run(std::uint32_t rank)
{
    ClusterExecutor executor(ClusterConfig{PARLAB_RANK_PATH, "", "", std::chrono::milliseconds(60000)});
    // 60 tasks of 20 ms on 3 ranks: the run is well under way when the rank dies.
    const auto workload =
        WorkloadRegistry::create("coffee", {{"students", "60"}, {"seconds", "0.02"}, {"mode", "wait"}});
    KillRank killer(rank);
    ExecutorOptions options;
    options.workers = 3;
    options.observer = &killer;
    try {
        (void)executor.run(*workload, options);
        FAIL() << "the run went on without rank " << rank;
    } catch (const RunError& error) {
        EXPECT_TRUE(killer.killed());
        const std::string message = error.what();
        EXPECT_NE(message.find("rank " + std::to_string(rank) + " (pid "), std::string::npos) << message;
        EXPECT_NE(message.find("signal 9"), std::string::npos) << message;
        const Run& partial = error.partial();
        EXPECT_GE(partial.tasks_done, 1u);
        EXPECT_LT(partial.tasks_done, partial.tasks);
        EXPECT_EQ(partial.trace.events.size(), partial.tasks_done);
        EXPECT_TRUE(partial.checksum.value.empty());
    }
    ASSERT_EQ(executor.last_ranks().size(), 3u);
    for (const RankInfo& info : executor.last_ranks())
        EXPECT_FALSE(still_running_after(info.pid, std::chrono::seconds(5)))
            << "rank " << info.rank << " (pid " << info.pid << ") is still running";
    EXPECT_TRUE(children().empty()) << "mpirun is still running";
}

TEST(ClusterFaults, AKilledRankIsNamedAndEveryProcessIsGone)
{
    expect_killed_rank_ends_the_run(1);
}

TEST(ClusterFaults, AKilledDealerIsNamedAndEveryProcessIsGone)
{
    expect_killed_rank_ends_the_run(0);
}

TEST(ClusterFaults, CancelStopsEveryRankAndKeepsWhatFinished)
{
    ClusterExecutor executor(ClusterConfig{PARLAB_RANK_PATH, "", "", std::chrono::milliseconds(60000)});
    const auto workload =
        WorkloadRegistry::create("coffee", {{"students", "400"}, {"seconds", "0.02"}, {"mode", "wait"}});
    ExecutorOptions options;
    options.workers = 2;
    test::CancelOnFirstTask canceller(options.cancel);
    options.observer = &canceller;
    try {
        (void)executor.run(*workload, options);
        FAIL() << "a cancelled run finished";
    } catch (const RunCancelled& cancelled) {
        EXPECT_GE(cancelled.partial().tasks_done, 1u);
        EXPECT_LT(cancelled.partial().tasks_done, cancelled.partial().tasks);
    }
    for (const RankInfo& info : executor.last_ranks())
        EXPECT_FALSE(running(info.pid)) << "rank " << info.rank << " is still running";
    EXPECT_TRUE(children().empty()) << "mpirun is still running";
}

TEST(ClusterFaults, MissingMpirunIsSaidAtOnce)
{
    const std::string saved = std::getenv("PATH") != nullptr ? std::getenv("PATH") : "";
    const std::string empty = ::testing::TempDir() + "parlab-empty-path-" + std::to_string(::getpid());
    std::filesystem::create_directories(empty);
    ::setenv("PATH", empty.c_str(), 1);
    ClusterExecutor executor(ClusterConfig{PARLAB_RANK_PATH, "", "", std::chrono::milliseconds(60000)});
    const auto workload = WorkloadRegistry::create("integrate", {{"tasks", "4"}});
    ExecutorOptions options;
    options.workers = 2;
    try {
        (void)executor.run(*workload, options);
        ADD_FAILURE() << "ran without mpirun";
    } catch (const std::runtime_error& error) {
        EXPECT_NE(std::string(error.what()).find("'mpirun' was not found on PATH"), std::string::npos)
            << error.what();
    }
    ::setenv("PATH", saved.c_str(), 1);
    std::filesystem::remove(empty);
}

TEST(ClusterFaults, AHangingLaunchTimesOutAndLeavesNothing)
{
    const std::string dir = ::testing::TempDir() + "parlab-hang-" + std::to_string(::getpid());
    std::filesystem::create_directories(dir);
    const std::string script = dir + "/launcher";
    const std::string pid_file = dir + "/helper.pid";
    // A launcher that never starts a rank, with a helper process of its own as mpirun has.
    std::ofstream(script) << "#!/bin/sh\nsleep 600 &\necho $! > " << pid_file << "\nwait\n";
    ::chmod(script.c_str(), 0755);
    ClusterExecutor executor(ClusterConfig{PARLAB_RANK_PATH, "", script, std::chrono::milliseconds(1000)});
    const auto workload = WorkloadRegistry::create("integrate", {{"tasks", "4"}});
    ExecutorOptions options;
    options.workers = 2;
    const auto start = std::chrono::steady_clock::now();
    try {
        (void)executor.run(*workload, options);
        ADD_FAILURE() << "a launch that never started a rank finished";
    } catch (const RunError& error) {
        EXPECT_NE(
            std::string(error.what()).find("the launch did not finish within 1.00 s: 0 of 2 ranks joined"),
            std::string::npos)
            << error.what();
        EXPECT_EQ(error.partial().tasks_done, 0u);
    }
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(30));
    pid_t helper = 0;
    std::ifstream(pid_file) >> helper;
    ASSERT_GT(helper, 0);
    EXPECT_FALSE(running(helper)) << "the launcher's helper is still running";
    EXPECT_TRUE(children().empty());
    std::filesystem::remove_all(dir);
}

TEST(ClusterFaults, ABadHostfileLineStopsTheRunBeforeItStarts)
{
    const std::string path = ::testing::TempDir() + "parlab-bad-hosts-" + std::to_string(::getpid());
    std::ofstream(path) << "localhost slots=2\nlocalhost2 slots=lots\n";
    ClusterExecutor executor(ClusterConfig{PARLAB_RANK_PATH, path, "", std::chrono::milliseconds(60000)});
    const auto workload = WorkloadRegistry::create("integrate", {{"tasks", "4"}});
    ExecutorOptions options;
    options.workers = 1;
    try {
        (void)executor.run(*workload, options);
        ADD_FAILURE() << "ran with a bad hostfile";
    } catch (const std::invalid_argument& error) {
        EXPECT_NE(std::string(error.what()).find(path + ":2: slots must be"), std::string::npos)
            << error.what();
    }
    std::remove(path.c_str());
}

TEST(ClusterFaults, OptionsItCannotHonourAreRefusedBeforeALaunch)
{
    ClusterExecutor executor(ClusterConfig{PARLAB_RANK_PATH, "", "", std::chrono::milliseconds(60000)});
    const auto workload = WorkloadRegistry::create("integrate", {{"tasks", "4"}});
    ExecutorOptions options;
    options.workers = 2;
    options.ship_inputs = true;
    EXPECT_THROW((void)executor.run(*workload, options), std::invalid_argument);
    options.ship_inputs = false;
    options.retries = 1;
    EXPECT_THROW((void)executor.run(*workload, options), std::invalid_argument);
    EXPECT_TRUE(executor.last_ranks().empty());
}

#else
TEST(ClusterFaults, NeedsMpi)
{
    GTEST_SKIP() << "MPI was not found: parlab-rank is not built";
}
#endif

} // namespace
} // namespace parlab
