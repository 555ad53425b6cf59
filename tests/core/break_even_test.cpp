#include "executors/break_even.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>

using namespace parlab;

TEST(BreakEven, EveryBackendHasAnOverheadAndProcessesCostMostPerTask)
{
    setenv("PARLAB_WORKER", PARLAB_WORKER_PATH, 1);
    const std::vector<TaskOverhead> overheads = measure_task_overheads();
    const auto find = [&](const char* name) {
        const auto found = std::find_if(overheads.begin(), overheads.end(),
                                        [&](const TaskOverhead& o) { return o.backend == name; });
        EXPECT_NE(found, overheads.end()) << name;
        return found == overheads.end() ? TaskOverhead{} : *found;
    };
    const TaskOverhead serial = find("serial");
    const TaskOverhead threads = find("threads");
    const TaskOverhead processes = find("processes");
    for (const TaskOverhead& o : {serial, threads, processes}) {
        EXPECT_TRUE(o.error.empty()) << o.backend << ": " << o.error;
        EXPECT_GT(o.per_task_s, 0.0) << o.backend;
        EXPECT_GE(o.break_even_s, 0.0) << o.backend;
    }
    EXPECT_DOUBLE_EQ(serial.break_even_s, 0.0);
    // A round trip through a socket to another process against a shared counter in memory:
    // orders of magnitude apart, so a 3× margin is an ordering, not a timing.
    EXPECT_GT(processes.per_task_s, 3.0 * threads.per_task_s);
    EXPECT_GT(processes.break_even_s, 0.0);
}
