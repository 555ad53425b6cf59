#include "executors/threads_executor.h"

#include <gtest/gtest.h>

#include <oneapi/tbb/global_control.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <limits>
#include <string>
#include <thread>

namespace parlab {
namespace {

std::size_t logical_cpus()
{
    return std::max(1u, std::thread::hardware_concurrency());
}

// Each task naps, then notes the process-wide thread limit oneTBB holds to while it runs.
class ParallelismProbe : public Workload {
public:
    ParallelismProbe(std::size_t tasks, std::chrono::milliseconds nap)
        : Workload("probe", Parameters({}, {})), m_tasks(tasks), m_nap(nap)
    {
    }
    [[nodiscard]] std::size_t task_count() const override { return m_tasks; }
    [[nodiscard]] Partial run_task(std::size_t task, const CancelToken& /*cancel*/) const override
    {
        m_started.fetch_add(1);
        std::this_thread::sleep_for(m_nap);
        const std::size_t limit =
            tbb::global_control::active_value(tbb::global_control::max_allowed_parallelism);
        for (std::size_t seen = m_least.load();
             limit < seen && !m_least.compare_exchange_weak(seen, limit);) {
        }
        Partial partial;
        partial.exact = task;
        return partial;
    }
    [[nodiscard]] Checksum combine(std::span<const Partial> partials) const override
    {
        return {std::to_string(partials.size()), {}};
    }
    [[nodiscard]] std::size_t started() const { return m_started.load(); }
    [[nodiscard]] std::size_t least_limit() const { return m_least.load(); }

private:
    std::size_t m_tasks;
    std::chrono::milliseconds m_nap;
    mutable std::atomic<std::size_t> m_started{0};
    mutable std::atomic<std::size_t> m_least{std::numeric_limits<std::size_t>::max()};
};

// oneTBB keeps the smallest thread limit any run asks for, process-wide: a run started while a
// smaller one is going (the window's break-even measurement beside a sweep) waits its turn rather
// than get fewer threads than its workers.
TEST(ThreadsExecutor, ARunBesideAnotherStillGetsItsOwnThreadLimit)
{
    const std::size_t small = logical_cpus() + 1; // asks for cpus + 2 threads
    const std::size_t large = 2 * logical_cpus() + 1;
    const ParallelismProbe first(small, std::chrono::milliseconds(300));
    ExecutorOptions first_options;
    first_options.workers = small;
    std::thread beside([&] { (void)ThreadsExecutor().run(first, first_options); });
    while (first.started() == 0)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    const ParallelismProbe second(large, std::chrono::milliseconds(0));
    ExecutorOptions second_options;
    second_options.workers = large;
    const parlab::Run run = ThreadsExecutor().run(second, second_options);
    beside.join();
    EXPECT_EQ(run.tasks_done, large);
    EXPECT_GE(first.least_limit(), small + 1);
    EXPECT_GE(second.least_limit(), large + 1);
}

} // namespace
} // namespace parlab
