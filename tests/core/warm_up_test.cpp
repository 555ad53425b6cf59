#include "sweep/warm_up.h"

#include "executors/serial_executor.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cmath>
#include <thread>

namespace parlab {
namespace {

// Tasks that wait a fixed time and count how many ran.
class CountedWaits final : public Workload {
public:
    CountedWaits(std::size_t tasks, double seconds)
        : Workload("counted", Parameters({}, {})), m_tasks(tasks), m_seconds(seconds)
    {
    }
    std::size_t task_count() const override { return m_tasks; }
    Partial run_task(std::size_t task, const CancelToken&) const override
    {
        ++ran;
        std::this_thread::sleep_for(std::chrono::duration<double>(m_seconds));
        return Partial{task, 0.0, 0.0};
    }
    Checksum combine(std::span<const Partial>) const override { return Checksum{"0", {}}; }

    mutable std::atomic<std::size_t> ran{0};

private:
    std::size_t m_tasks;
    double m_seconds;
};

TEST(WarmUp, StopsAfterItsLimitInsteadOfRunningEveryTask)
{
    // 40 waits of 0.1 s would take 4 s; a wait never ends early, so at most limit / 0.1 + 1 run.
    CountedWaits workload(40, 0.1);
    SerialExecutor serial;
    warm_up(serial, workload, ExecutorOptions{});
    EXPECT_GE(workload.ran.load(), 1u);
    EXPECT_LE(workload.ran.load(), static_cast<std::size_t>(std::ceil(warm_up_limit_s / 0.1)) + 1);
}

TEST(WarmUp, RunsEveryTaskOfAShortRun)
{
    CountedWaits workload(5, 0.0);
    SerialExecutor serial;
    warm_up(serial, workload, ExecutorOptions{});
    EXPECT_EQ(workload.ran.load(), 5u);
}

TEST(WarmUp, ACancelledSweepStopsItAfterOneTask)
{
    CountedWaits workload(40, 0.01);
    SerialExecutor serial;
    ExecutorOptions options;
    options.cancel.cancel();
    warm_up(serial, workload, options);
    EXPECT_LE(workload.ran.load(), 1u);
}

} // namespace
} // namespace parlab
