#include "executors/cluster/cluster_executor.h"
#include "executors/cluster/launched_job.h"
#include "executors/serial_executor.h"
#include "small_workloads.h"
#include "workloads/workload_registry.h"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <thread>

namespace parlab {
namespace {

#ifdef PARLAB_RANK_PATH

// Small sizes (the one table of small_workloads.h): every run is an mpirun launch of about a
// second, the work itself is a blink.
const std::map<std::string, ParameterValues>& small_parameters()
{
    static const std::map<std::string, ParameterValues> table = [] {
        std::map<std::string, ParameterValues> listed;
        for (const SmallWorkload& small : small_workloads())
            if (small.listed)
                listed[small.workload] = small.values;
        return listed;
    }();
    return table;
}

ClusterExecutor make_executor()
{
    return ClusterExecutor(ClusterConfig{PARLAB_RANK_PATH, "", "", std::chrono::milliseconds(60000)});
}

void expect_cluster_matches_serial(std::size_t workers, Schedule schedule)
{
    ClusterExecutor executor = make_executor();
    for (const auto& info : WorkloadRegistry::all()) {
        SCOPED_TRACE("workload " + info.name);
        const auto small = small_parameters().find(info.name);
        if (small == small_parameters().end()) {
            ADD_FAILURE() << "no small parameters for workload '" << info.name << "'";
            continue;
        }
        const auto workload = info.create(small->second);
        const Run serial = SerialExecutor().run(*workload, {});
        ExecutorOptions options;
        options.workers = workers;
        options.schedule = schedule;
        const Run run = executor.run(*workload, options);
        EXPECT_EQ(run.checksum, serial.checksum);
        EXPECT_EQ(run.backend, "cluster");
        EXPECT_EQ(run.workers, workers);
        EXPECT_EQ(run.tasks_done, serial.tasks);
        EXPECT_EQ(run.trace.events.size(), serial.tasks);
        ASSERT_EQ(run.hosts.size(), workers);
        EXPECT_EQ(run.hosts[0], host_name());
        std::set<std::uint32_t> tasks;
        for (const TraceEvent& event : run.trace.events) {
            tasks.insert(event.task);
            EXPECT_LT(event.worker, workers);
            EXPECT_LE(event.start_ns, event.end_ns);
        }
        EXPECT_EQ(tasks.size(), serial.tasks);
        EXPECT_GT(run.costs.startup_s, 0.0);
        EXPECT_EQ(run.costs.compute_s_per_worker.size(), workers);
        ASSERT_EQ(executor.last_ranks().size(), workers);
        for (std::size_t rank = 0; rank < workers; ++rank) {
            const RankInfo& info_of_rank = executor.last_ranks()[rank];
            EXPECT_EQ(info_of_rank.rank, rank);
            EXPECT_GT(info_of_rank.pid, 0);
            EXPECT_GT(info_of_rank.cpus, 0u);
            EXPECT_FALSE(info_of_rank.cpu_model.empty());
            // One host, one clock: the offset is zero within what the ping-pong can tell.
            if (rank > 0) {
                EXPECT_GT(info_of_rank.clock_uncertainty_ns, 0);
                EXPECT_LE(std::abs(info_of_rank.clock_offset_ns), info_of_rank.clock_uncertainty_ns + 1000);
            }
        }
    }
}

TEST(ClusterExecutor, EveryWorkloadMatchesSerial1Rank)
{
    expect_cluster_matches_serial(1, Schedule::Dynamic);
}
TEST(ClusterExecutor, EveryWorkloadMatchesSerial2Ranks)
{
    expect_cluster_matches_serial(2, Schedule::Dynamic);
}
TEST(ClusterExecutor, EveryWorkloadMatchesSerial3RanksStatic)
{
    expect_cluster_matches_serial(3, Schedule::Static);
}
TEST(ClusterExecutor, EveryWorkloadMatchesSerial5RanksOversubscribed)
{
    expect_cluster_matches_serial(5, Schedule::Dynamic);
}

TEST(ClusterExecutor, StaticChunksGoRoundRobin)
{
    ClusterExecutor executor = make_executor();
    const auto workload = WorkloadRegistry::create("integrate", {{"first", "100"}, {"tasks", "12"}});
    ExecutorOptions options;
    options.workers = 3;
    options.schedule = Schedule::Static;
    options.chunk = 2;
    const parlab::Run run = executor.run(*workload, options);
    for (const TraceEvent& event : run.trace.events)
        EXPECT_EQ(event.worker, (event.task / 2) % 3) << "task " << event.task;
}

// Records what a run's observer hears, in order: who joined, then the tasks.
class JoinRecorder : public RunObserver {
public:
    void on_task_done(std::size_t /*worker*/, const TraceEvent& /*event*/) override
    {
        if (joins.empty())
            ++tasks_before_join;
        ++tasks;
    }
    void on_joined(const std::vector<RankInfo>& ranks) override { joins.push_back(ranks); }

    std::vector<std::vector<RankInfo>> joins;
    std::size_t tasks = 0;
    std::size_t tasks_before_join = 0;
};

TEST(ClusterExecutor, ObserverHearsWhoJoinedBeforeTheFirstTask)
{
    if (LaunchedJob::find_program("mpirun").empty())
        GTEST_SKIP() << "mpirun is not on PATH";
    ClusterExecutor executor = make_executor();
    const auto workload = WorkloadRegistry::create("integrate", {{"first", "100"}, {"tasks", "12"}});
    JoinRecorder recorder;
    ExecutorOptions options;
    options.workers = 3;
    options.observer = &recorder;
    executor.run(*workload, options);
    ASSERT_EQ(recorder.joins.size(), 1u);
    EXPECT_EQ(recorder.tasks_before_join, 0u);
    EXPECT_EQ(recorder.tasks, 12u);
    const std::vector<RankInfo>& ranks = recorder.joins.front();
    ASSERT_EQ(ranks.size(), 3u);
    for (std::uint32_t rank = 0; rank < 3; ++rank) {
        EXPECT_EQ(ranks[rank].rank, rank);
        EXPECT_EQ(ranks[rank].host, host_name());
        EXPECT_EQ(ranks[rank].cpus, std::thread::hardware_concurrency());
        EXPECT_FALSE(ranks[rank].cpu_model.empty());
        EXPECT_EQ(ranks[rank].clock_offset_ns, executor.last_ranks()[rank].clock_offset_ns);
    }
}

#else
TEST(ClusterExecutor, NeedsMpi)
{
    GTEST_SKIP() << "MPI was not found: parlab-rank is not built";
}
#endif

// The window's run and break-even threads construct executors while the GUI thread changes the
// hostfile: each new executor sees one whole hostfile, never a torn one (and, in the tsan preset,
// TSan sees the lock; a shared reference to the defaults raced here).
TEST(ClusterExecutor, DefaultsChangeWhileAnotherThreadMakesExecutors)
{
    const ClusterConfig before = ClusterExecutor::defaults();
    const std::string first(200, 'a');
    const std::string second(300, 'b');
    ClusterExecutor::set_default_hostfile(first);
    std::set<std::string> seen;
    std::thread maker([&] {
        for (int i = 0; i < 2000; ++i)
            seen.insert(ClusterExecutor().config().hostfile);
    });
    for (int i = 0; i < 2000; ++i)
        ClusterExecutor::set_default_hostfile(i % 2 == 0 ? second : first);
    maker.join();
    ClusterExecutor::set_defaults(before);
    for (const std::string& hostfile : seen)
        EXPECT_TRUE(hostfile == first || hostfile == second) << hostfile.size() << " characters";
    EXPECT_EQ(ClusterExecutor::defaults().hostfile, before.hostfile);
}

} // namespace
} // namespace parlab
