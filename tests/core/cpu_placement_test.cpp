#include "analysis/cpu_placement.h"

#include <gtest/gtest.h>

namespace parlab {
namespace {

TraceEvent on(std::uint32_t task, std::uint32_t worker, std::int32_t cpu, std::int64_t start,
              Phase phase = Phase::Compute)
{
    return {task, worker, 1, cpu, phase, start, start + 10};
}

TEST(CpuPlacement, CountsMovesBetweenCpusPerWorkerInTimeOrder)
{
    Trace trace;
    // Worker 0: CPU 0, 0, 1, 0 -> 2 moves. Worker 1: CPU 3, unknown, 3 -> 0 moves. Given out of order.
    trace.events = {on(2, 0, 1, 300), on(0, 0, 0, 100),
                    on(3, 0, 0, 400), on(1, 0, 0, 200),
                    on(4, 1, 3, 100), on(5, 1, -1, 200),
                    on(6, 1, 3, 300), on(6, 1, 7, 250, Phase::Ship)}; // only compute events count
    const CpuPlacement placement = cpu_placement(trace);
    EXPECT_EQ(placement.migrations, (std::vector<std::size_t>{2, 0}));
    EXPECT_EQ(placement.total_migrations, 2u);
    ASSERT_EQ(placement.workers_on_cpu.size(), 3u);
    EXPECT_EQ(placement.workers_on_cpu.at(0), (std::set<std::uint32_t>{0}));
    EXPECT_EQ(placement.workers_on_cpu.at(3), (std::set<std::uint32_t>{1}));
    EXPECT_EQ(placement.workers_on_cpu.count(7), 0u);
}

TEST(CpuPlacement, EmptyTraceHasNoPlacement)
{
    const CpuPlacement placement = cpu_placement(Trace{});
    EXPECT_TRUE(placement.migrations.empty());
    EXPECT_EQ(placement.total_migrations, 0u);
}

} // namespace
} // namespace parlab
