#include "executors/cluster/cluster_executor.h"
#include "executors/cluster/hostfile.h"
#include "workloads/workload_registry.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <thread>
#include <unistd.h>

namespace parlab {
namespace {

std::string error_of(const std::string& text)
{
    try {
        (void)parse_hostfile_text(text, "hosts.txt");
    } catch (const std::invalid_argument& error) {
        return error.what();
    }
    return "(no error)";
}

bool has(const std::vector<std::string>& line, const std::string& word)
{
    return std::find(line.begin(), line.end(), word) != line.end();
}

TEST(ClusterHostfile, ReadsHostsSlotsCommentsAndBlankLines)
{
    const auto hosts =
        parse_hostfile_text("# the classroom\n\nlaptop-1 slots=4\n  10.0.0.7   # no slots: one\n"
                            "lab.example.org max_slots=2\nnode-3 slots=2 max_slots=8\n",
                            "hosts.txt");
    ASSERT_EQ(hosts.size(), 4u);
    EXPECT_EQ(hosts[0].name, "laptop-1");
    EXPECT_EQ(hosts[0].slots, 4u);
    EXPECT_EQ(hosts[1].name, "10.0.0.7");
    EXPECT_EQ(hosts[1].slots, 1u);
    EXPECT_EQ(hosts[2].slots, 2u);
    EXPECT_EQ(hosts[3].slots, 2u);
    EXPECT_EQ(total_slots(hosts), 9u);
}

TEST(ClusterHostfile, BadLinesNameTheFileAndTheLine)
{
    EXPECT_EQ(error_of("a slots=2\nb slots=0\n"),
              "hosts.txt:2: slots must be a whole number in 1 .. 4096, got '0'");
    EXPECT_NE(error_of("a\n\n# x\nb slots=two\n").find("hosts.txt:4: slots must be a whole number"),
              std::string::npos);
    EXPECT_NE(error_of("a slots=-1").find("hosts.txt:1:"), std::string::npos);
    EXPECT_NE(error_of("a cpus=2").find("hosts.txt:1: unknown 'cpus=2' after host 'a'"), std::string::npos);
    EXPECT_NE(error_of("a slots").find("hosts.txt:1: unknown 'slots'"), std::string::npos);
    EXPECT_NE(error_of("a\nuser@b\n").find("hosts.txt:2: 'user@b' is not a host name"), std::string::npos);
    EXPECT_NE(error_of("a\na slots=2\n").find("hosts.txt:2: host 'a' is listed twice"), std::string::npos);
    EXPECT_NE(error_of("a slots=4 max_slots=2").find("hosts.txt:1: slots=4 exceeds max_slots=2"),
              std::string::npos);
    EXPECT_EQ(error_of("# nobody yet\n\n"), "hosts.txt: no hosts (one per line: name [slots=N])");
}

TEST(ClusterHostfile, AMissingFileIsNamed)
{
    try {
        (void)read_hostfile("/nonexistent-dir/hosts");
        FAIL() << "no error";
    } catch (const std::invalid_argument& error) {
        EXPECT_STREQ(error.what(), "cannot read the hostfile '/nonexistent-dir/hosts'");
    }
}

class ClusterLaunchLine : public ::testing::Test {
protected:
    void SetUp() override
    {
        m_path = ::testing::TempDir() + "parlab-hosts-" + std::to_string(::getpid());
        std::ofstream(m_path) << "alpha slots=2\nbeta slots=1\n";
    }
    void TearDown() override { std::remove(m_path.c_str()); }
    std::string m_path;
};

TEST_F(ClusterLaunchLine, AHostfileLimitsTheRanksAndIsPassedOnWithoutOversubscribing)
{
    const ClusterExecutor executor(ClusterConfig{"/bin/true", m_path, "", {}});
    EXPECT_EQ(executor.max_workers(), 3u);
    EXPECT_NO_THROW(executor.check_workers(3));
    try {
        executor.check_workers(4);
        FAIL() << "4 ranks on 3 slots were accepted";
    } catch (const std::invalid_argument& error) {
        EXPECT_NE(std::string(error.what()).find(m_path + " offers 3 slots"), std::string::npos)
            << error.what();
    }
    const auto workload = WorkloadRegistry::create("integrate", {{"tasks", "5"}});
    ExecutorOptions options;
    options.workers = 3;
    const auto line = executor.launch_line(*workload, options);
    EXPECT_EQ(line[0], "mpirun");
    EXPECT_TRUE(has(line, "--hostfile"));
    EXPECT_TRUE(has(line, m_path));
    EXPECT_FALSE(has(line, "--oversubscribe"));
    EXPECT_EQ(has(line, "--allow-run-as-root"), ::geteuid() == 0);
    EXPECT_TRUE(has(line, "tasks=5"));
}

TEST(ClusterLaunchLineLocal, OversubscribesOnlyPastTheLogicalCpus)
{
    const ClusterExecutor executor(ClusterConfig{"/bin/true", "", "", {}});
    const auto workload = WorkloadRegistry::create("integrate", {});
    const std::size_t cpus = static_cast<std::size_t>(::sysconf(_SC_NPROCESSORS_ONLN));
    ExecutorOptions options;
    options.workers = cpus;
    EXPECT_FALSE(has(executor.launch_line(*workload, options), "--oversubscribe"));
    options.workers = cpus + 1;
    const auto line = executor.launch_line(*workload, options);
    EXPECT_TRUE(has(line, "--oversubscribe"));
    EXPECT_EQ(has(line, "--allow-run-as-root"), ::geteuid() == 0);
    EXPECT_EQ(line[2], std::to_string(cpus + 1));
}

TEST(ClusterLaunchLineLocal, ALauncherIsUsedAsGivenWithTheWorkerCountFilledIn)
{
    const ClusterExecutor executor(ClusterConfig{"/opt/parlab-rank", "", "srun --mpi=pmix -n {W}", {}});
    const auto workload = WorkloadRegistry::create("integrate", {});
    ExecutorOptions options;
    options.workers = 7;
    const auto line = executor.launch_line(*workload, options);
    const std::vector<std::string> start(line.begin(), line.begin() + 5);
    EXPECT_EQ(start, (std::vector<std::string>{"srun", "--mpi=pmix", "-n", "7", "/opt/parlab-rank"}));
    EXPECT_FALSE(has(line, "--allow-run-as-root"));
    EXPECT_FALSE(has(line, "--oversubscribe"));
}

} // namespace
} // namespace parlab
