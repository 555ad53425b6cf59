#include "cli_process.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <sys/stat.h>
#include <unistd.h>

namespace parlab::test {
namespace {

namespace fs = std::filesystem;

// A folder of its own, so that a temporary file left beside the trace would be seen.
class TraceFolder {
public:
    TraceFolder() : m_path(::testing::TempDir() + "parlab_trace_" + std::to_string(getpid()))
    {
        fs::remove_all(m_path);
        fs::create_directories(m_path);
    }
    ~TraceFolder() { fs::remove_all(m_path); }
    [[nodiscard]] std::string file(const std::string& name) const { return m_path + "/" + name; }
    [[nodiscard]] std::size_t entries() const
    {
        return static_cast<std::size_t>(
            std::distance(fs::directory_iterator(m_path), fs::directory_iterator()));
    }

private:
    std::string m_path;
};

std::string contents(const std::string& path)
{
    std::ifstream in(path);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

CliLaunch failing_run(const std::string& trace)
{
    CliLaunch launch;
    launch.args = {"run",     "--workload", "cubes",    "--backend", "processes", "--workers", "1",
                   "--param", "n=1000",     "--format", "json",      "--trace",   trace};
    launch.env = {{"PARLAB_WORKER", "/nonexistent/parlab-worker"}};
    launch.timeout_s = 60.0;
    return launch;
}

} // namespace

TEST(CliTrace, AFailedRunLeavesAnExistingFileAsItWas)
{
    const TraceFolder folder;
    const std::string path = folder.file("kept.json");
    std::ofstream(path) << "a file the user had\n";
    const CliOutcome outcome = run_cli(failing_run(path));
    EXPECT_EQ(outcome.exit_code, 1) << outcome.err;
    EXPECT_EQ(contents(path), "a file the user had\n");
    EXPECT_EQ(folder.entries(), 1u) << "a temporary file was left beside the trace";
}

TEST(CliTrace, AFailedRunNeverRemovesWhatIsNotAFile)
{
    const TraceFolder folder;
    // A FIFO stands in for a device node (making one of those needs root).
    const std::string path = folder.file("fifo");
    ASSERT_EQ(::mkfifo(path.c_str(), 0600), 0);
    const CliOutcome outcome = run_cli(failing_run(path));
    EXPECT_EQ(outcome.exit_code, 1) << outcome.err;
    struct stat status {};
    ASSERT_EQ(::lstat(path.c_str(), &status), 0) << "the run removed " << path;
    EXPECT_TRUE(S_ISFIFO(status.st_mode));
    EXPECT_EQ(folder.entries(), 1u);
}

TEST(CliTrace, ASuccessfulRunReplacesTheFileAndLeavesNothingElse)
{
    const TraceFolder folder;
    const std::string path = folder.file("trace.json");
    std::ofstream(path) << "old\n";
    const CliOutcome outcome = run_cli({"run", "--workload", "cubes", "--workers", "1", "--param", "n=1000",
                                        "--format", "json", "--trace", path});
    ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
    EXPECT_EQ(contents(path).rfind("{", 0), 0u) << contents(path).substr(0, 80);
    EXPECT_NE(contents(path).find("traceEvents"), std::string::npos);
    EXPECT_EQ(folder.entries(), 1u) << "a temporary file was left beside the trace";
}

TEST(CliTrace, ASuccessfulRunWritesIntoADeviceWithoutReplacingIt)
{
    const CliOutcome outcome = run_cli({"run", "--workload", "cubes", "--workers", "1", "--param", "n=1000",
                                        "--format", "json", "--trace", "/dev/null"});
    EXPECT_EQ(outcome.exit_code, 0) << outcome.err;
    struct stat status {};
    ASSERT_EQ(::stat("/dev/null", &status), 0);
    EXPECT_TRUE(S_ISCHR(status.st_mode));
}

} // namespace parlab::test
