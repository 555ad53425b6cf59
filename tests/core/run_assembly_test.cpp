#include "executors/run_assembly.h"
#include "workloads/workload_registry.h"

#include <gtest/gtest.h>

namespace parlab {
namespace {

// The parts of a finished cubes run of 4 tasks on 2 workers, events out of order.
RunParts finished_parts(const Workload& workload)
{
    RunParts parts;
    parts.backend = "threads";
    const CancelToken cancel;
    for (std::size_t task = 0; task < workload.task_count(); ++task)
        parts.partials.push_back(workload.run_task(task, cancel));
    parts.tasks_done = parts.partials.size();
    parts.compute_ns_per_worker = {1'500'000'000, 500'000'000};
    parts.events = {TraceEvent{1, 1, 0, 0, Phase::Compute, 30, 40},
                    TraceEvent{0, 0, 0, 0, Phase::Compute, 10, 20},
                    TraceEvent{2, 0, 0, 0, Phase::Compute, 20, 30}};
    parts.costs.startup_s = 0.25;
    parts.costs.bytes_sent = 64;
    return parts;
}

TEST(RunAssembly, CountsComputeTimePerWorkerAndInTotal)
{
    const auto workload = WorkloadRegistry::create("cubes", {{"n", "100"}, {"chunks", "4"}});
    const parlab::Run run = assemble_run(*workload, finished_parts(*workload));
    EXPECT_EQ(run.workload, "cubes");
    EXPECT_EQ(run.backend, "threads");
    EXPECT_EQ(run.workers, 2u);
    EXPECT_EQ(run.tasks, 4u);
    EXPECT_EQ(run.tasks_done, 4u);
    ASSERT_EQ(run.costs.compute_s_per_worker.size(), 2u);
    EXPECT_DOUBLE_EQ(run.costs.compute_s_per_worker[0], 1.5);
    EXPECT_DOUBLE_EQ(run.costs.compute_s_per_worker[1], 0.5);
    EXPECT_DOUBLE_EQ(run.costs.compute_s, 2.0);
    EXPECT_DOUBLE_EQ(run.costs.startup_s, 0.25);
    EXPECT_EQ(run.costs.bytes_sent, 64u);
}

TEST(RunAssembly, SortsTheTraceByStartAndNamesTheHost)
{
    const auto workload = WorkloadRegistry::create("cubes", {{"n", "100"}, {"chunks", "4"}});
    const parlab::Run run = assemble_run(*workload, finished_parts(*workload));
    ASSERT_EQ(run.trace.events.size(), 3u);
    EXPECT_EQ(run.trace.events[0].task, 0u);
    EXPECT_EQ(run.trace.events[1].task, 2u);
    EXPECT_EQ(run.trace.events[2].task, 1u);
    EXPECT_EQ(run.trace.host, host_name());
}

TEST(RunAssembly, ChecksumIsTheWorkloadsCombinationInTaskOrder)
{
    const auto workload = WorkloadRegistry::create("cubes", {{"n", "100"}, {"chunks", "4"}});
    RunParts parts = finished_parts(*workload);
    const Checksum expected = workload->combine(parts.partials);
    EXPECT_FALSE(expected.value.empty());
    EXPECT_EQ(assemble_run(*workload, std::move(parts)).checksum, expected);
}

TEST(RunAssembly, NoChecksumWhenATaskIsMissingOrTheRunFailed)
{
    const auto workload = WorkloadRegistry::create("cubes", {{"n", "100"}, {"chunks", "4"}});
    RunParts short_run = finished_parts(*workload);
    short_run.tasks_done = 3;
    EXPECT_TRUE(assemble_run(*workload, std::move(short_run)).checksum.value.empty());
    RunParts failed = finished_parts(*workload);
    failed.failed = true;
    const parlab::Run run = assemble_run(*workload, std::move(failed));
    EXPECT_TRUE(run.checksum.value.empty());
    EXPECT_EQ(run.tasks_done, 4u);
}

} // namespace
} // namespace parlab
