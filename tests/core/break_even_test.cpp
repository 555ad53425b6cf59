#include "executors/break_even.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>

using namespace parlab;

TEST(BreakEven, EveryBackendHasAnOverheadAndProcessesCostMoreThanSerialPerTask)
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
    // Framing a task and its result for a socket against a plain function call: an ordering, not a
    // timing. (Against threads it is no longer one: the pool batches short tasks per message, and a
    // busy machine can make the threads' shared counter the slower of the two.)
    EXPECT_GT(processes.per_task_s, serial.per_task_s);
    EXPECT_GT(processes.break_even_s, 0.0);
}
