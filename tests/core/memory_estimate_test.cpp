#include "sweep/sweep.h"
#include "workloads/memory_estimate.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <stdexcept>

using namespace parlab;
using ::testing::HasSubstr;

namespace {

// 4096 × 4096 floats, twice: 128 MiB per task.
SweepRequest large_images(const char* workers)
{
    SweepRequest request;
    request.workload = "images";
    request.backend = "threads";
    request.workers = WorkerRange::parse(workers);
    request.repeats = 1;
    request.parameters = {{"width", "4096"}, {"height", "4096"}, {"images", "16"}};
    return request;
}

class MemoryLimit {
public:
    explicit MemoryLimit(std::uint64_t bytes) { set_workload_memory_limit(bytes); }
    ~MemoryLimit() { set_workload_memory_limit(0); }
};

} // namespace

TEST(MemoryEstimate, CountsEveryWorkerOfTheSweepNotTheHardwareThreads)
{
    const MemoryLimit limit(300ull << 20);
    // Two tasks at once fit in 300 MiB, sixteen do not, whatever the machine's CPU count.
    EXPECT_NO_THROW((void)plan_sweep(large_images("1:2")));
    try {
        (void)plan_sweep(large_images("1:16:*2"));
        FAIL() << "16 workers of 128 MiB each were accepted under a 300 MiB limit";
    } catch (const std::invalid_argument& error) {
        EXPECT_THAT(error.what(), HasSubstr("for 16 tasks at once"));
        EXPECT_THAT(error.what(), HasSubstr("'width'"));
    }
}

TEST(MemoryEstimate, PlannedWorkersIsScopedToItsThreadAndLifetime)
{
    const auto outside = concurrent_tasks_estimate();
    {
        const PlannedWorkers planned(37);
        EXPECT_EQ(concurrent_tasks_estimate(), 37u);
        {
            const PlannedWorkers inner(3);
            EXPECT_EQ(concurrent_tasks_estimate(), 3u);
        }
        EXPECT_EQ(concurrent_tasks_estimate(), 37u);
    }
    EXPECT_EQ(concurrent_tasks_estimate(), outside);
}
