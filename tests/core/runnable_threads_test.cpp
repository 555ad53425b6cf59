#include "machine/runnable_threads.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

using namespace parlab;
namespace fs = std::filesystem;

namespace {

// A /proc tree with only what count_runnable_threads reads: <pid>/stat and <pid>/task/<tid>/stat.
class FakeProc {
public:
    FakeProc() : m_root(fs::temp_directory_path() / ("parlab-fake-proc-" + std::to_string(::getpid())))
    {
        fs::remove_all(m_root);
        fs::create_directories(m_root);
    }
    ~FakeProc() { fs::remove_all(m_root); }

    void thread(int pid, int ppid, int tid, char state, const std::string& comm = "parlab")
    {
        const std::string line =
            std::to_string(tid) + " (" + comm + ") " + state + " " + std::to_string(ppid) + " 1 1 0 -1\n";
        fs::create_directories(m_root / std::to_string(pid) / "task" / std::to_string(tid));
        std::ofstream(m_root / std::to_string(pid) / "task" / std::to_string(tid) / "stat") << line;
        if (tid == pid)
            std::ofstream(m_root / std::to_string(pid) / "stat") << line;
    }
    [[nodiscard]] std::string root() const { return m_root.string(); }

private:
    fs::path m_root;
};

} // namespace

TEST(RunnableThreads, CountsTheProcessAndItsChildrenInStateR)
{
    FakeProc proc;
    proc.thread(100, 1, 100, 'S');            // the window's main thread, idle
    proc.thread(100, 1, 101, 'R');            // a oneTBB thread computing
    proc.thread(100, 1, 102, 'R', "a (b) R"); // a name with spaces and parentheses
    proc.thread(200, 100, 200, 'R');          // a worker process
    proc.thread(200, 100, 201, 'R');          // its BLAS thread
    proc.thread(300, 100, 300, 'D');          // a worker waiting for the disk
    proc.thread(400, 1, 400, 'R');            // someone else's process: not counted
    proc.thread(500, 400, 500, 'R');          // nor its child
    const RunnableThreads counts = count_runnable_threads(100, proc.root());
    EXPECT_EQ(counts.runnable, 4u);
    EXPECT_EQ(counts.threads, 6u);
    EXPECT_EQ(counts.processes, 3u);
}

TEST(RunnableThreads, NothingWhenTheProcessIsGone)
{
    FakeProc proc;
    const RunnableThreads counts = count_runnable_threads(42, proc.root());
    EXPECT_EQ(counts.runnable, 0u);
    EXPECT_EQ(counts.processes, 0u);
}

TEST(RunnableThreads, ThisProcessRunsAtLeastTheThreadAskingOnTheRealProc)
{
    // The thread reading is running, so the real /proc shows at least one runnable thread of ours.
    const RunnableThreads counts = count_runnable_threads(static_cast<int>(::getpid()));
    EXPECT_GE(counts.runnable, 1u);
    EXPECT_GE(counts.threads, counts.runnable);
}
