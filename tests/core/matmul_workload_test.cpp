#include "executors/processes/process_executor.h"
#include "executors/serial_executor.h"
#include "executors/threads_executor.h"
#include "workloads/memory_estimate.h"
#include "workloads/workload_registry.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

using namespace parlab;
using ::testing::HasSubstr;

namespace {

ParameterValues small(const std::string& inner_threads, const std::string& inner)
{
    return {{"products", "3"}, {"size", "160"}, {"inner_threads", inner_threads}, {"inner", inner}};
}

parlab::Run run_on(Executor& executor, const ParameterValues& values, std::size_t workers)
{
    const auto workload = WorkloadRegistry::create("matmul", values);
    ExecutorOptions options;
    options.workers = workers;
    return executor.run(*workload, options);
}

} // namespace

TEST(MatmulWorkload, ChecksumIsTheSameForEveryInnerAndOuterCombination)
{
    SerialExecutor serial;
    const parlab::Run reference = run_on(serial, small("1", "blas"), 1);
    ASSERT_FALSE(reference.checksum.value.empty());
    ThreadsExecutor threads;
    ProcessExecutor processes(PARLAB_WORKER_PATH);
    for (const char* inner : {"blas", "tbb"}) {
        for (const char* inner_threads : {"1", "2", "3", "auto"}) {
            SCOPED_TRACE(std::string(inner) + " inner_threads=" + inner_threads);
            EXPECT_EQ(run_on(serial, small(inner_threads, inner), 1).checksum.value,
                      reference.checksum.value);
            for (const std::size_t workers : {std::size_t{1}, std::size_t{2}, std::size_t{3}}) {
                SCOPED_TRACE("workers " + std::to_string(workers));
                EXPECT_EQ(run_on(threads, small(inner_threads, inner), workers).checksum.value,
                          reference.checksum.value);
                EXPECT_EQ(run_on(processes, small(inner_threads, inner), workers).checksum.value,
                          reference.checksum.value);
            }
        }
    }
}

TEST(MatmulWorkload, InnerThreadsTookEffectInAProcessWorker)
{
    // The worker process reports what OpenBLAS itself says its thread count is, inside the task.
    ProcessExecutor processes(PARLAB_WORKER_PATH);
    for (const char* inner_threads : {"1", "3"}) {
        SCOPED_TRACE(inner_threads);
        const parlab::Run run = run_on(processes, small(inner_threads, "blas"), 2);
        EXPECT_EQ(run.checksum.extra.at("blas_threads"), inner_threads);
    }
    // oneTBB as the inner level keeps BLAS to one thread per row block.
    EXPECT_EQ(run_on(processes, small("4", "tbb"), 2).checksum.extra.at("blas_threads"), "1");
}

TEST(MatmulWorkload, ChecksumChangesWithTheInputs)
{
    SerialExecutor serial;
    auto other = small("1", "blas");
    other["seed"] = "2";
    EXPECT_NE(run_on(serial, small("1", "blas"), 1).checksum.value, run_on(serial, other, 1).checksum.value);
}

TEST(MatmulWorkload, RefusesASizeOverTheMemory)
{
    // 3 × 8000² doubles is 1.5 GB per task, over a 1 GB limit on any machine.
    set_workload_memory_limit(std::uint64_t{1} << 30);
    try {
        (void)WorkloadRegistry::create("matmul", {{"size", "8000"}, {"products", "1"}});
        ADD_FAILURE() << "8000×8000 products fitted in 1 GB";
    } catch (const std::invalid_argument& error) {
        EXPECT_THAT(error.what(), HasSubstr("'size'"));
    }
    set_workload_memory_limit(0);
    EXPECT_THROW((void)WorkloadRegistry::create("matmul", {{"inner_threads", "5"}}), std::invalid_argument);
}
