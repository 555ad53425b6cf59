// The order of a sweep's runs: one uncounted warm-up, then rounds of serial and every worker
// count, each point reported once its last repeat is done; and the warm pools a sweep keeps
// across its worker counts, started once and stopped after the last.
#include "sweep/sweep.h"
#include "sweep_fakes.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace parlab {
namespace {

using namespace parlab::test;

// Records every run of every executor in one list, in the order they happen.
class OrderLog {
public:
    std::vector<std::string> runs;
    std::vector<std::string> reports;
};

class OrderObserver final : public SweepObserver {
public:
    explicit OrderObserver(OrderLog& log) : m_log(log) {}
    void on_baseline(const Point&) override
    {
        m_log.reports.push_back("baseline");
        m_log.runs.push_back("report serial");
    }
    void on_point(const Point& point) override
    {
        m_log.reports.push_back("W" + std::to_string(point.workers));
        m_log.runs.push_back("report W" + std::to_string(point.workers));
    }
    void on_task_done(std::size_t, const TraceEvent&) override {}

private:
    OrderLog& m_log;
};

TEST(Sweep, RepeatsRunRoundRobinAfterOneWarmUp)
{
    OrderLog log;
    Fakes fakes;
    fakes.serial.wall_for = [&](std::size_t) {
        log.runs.push_back("serial");
        return 2.0;
    };
    fakes.executor.wall_for = [&](std::size_t workers) {
        log.runs.push_back("W" + std::to_string(workers));
        return 2.0 / static_cast<double>(workers);
    };
    OrderObserver observer(log);
    const SweepResult result = run_sweep(request_for("1:2", 3), fakes.workload, fakes.serial, fakes.executor,
                                         &observer, CancelToken{});
    const std::vector<std::string> expected = {"serial", // the warm-up, not counted
                                               "serial", "W1",
                                               "W2",     "serial",
                                               "W1",     "W2", // two full rounds
                                               "serial", "report serial",
                                               "W1",     "report W1",
                                               "W2",     "report W2"}; // each reported when done
    EXPECT_EQ(log.runs, expected);
    EXPECT_EQ(log.reports, (std::vector<std::string>{"baseline", "W1", "W2"}));
    EXPECT_EQ(result.serial.repeats, 3u);
    ASSERT_EQ(result.points.size(), 2u);
    EXPECT_EQ(fakes.serial.calls.size(), 4u);
    // The warm-up stays out of the progress: its observer only cuts it short (sweep/warm_up.h).
    EXPECT_NE(fakes.serial.calls[0].observer, fakes.serial.calls[1].observer);
    EXPECT_DOUBLE_EQ(result.points[1].speedup, 2.0);
}

TEST(Sweep, TheWarmPoolStopsOnceAfterTheLastWorkerCount)
{
    Fakes fakes;
    FakeExecutor second;
    const auto executor_for = [&](std::size_t workers) -> Executor& {
        return workers == 1 ? fakes.executor : second;
    };
    const SweepResult result =
        run_sweep(request_for("1:2", 3), fakes.workload, fakes.serial, executor_for, nullptr, CancelToken{});
    ASSERT_EQ(result.points.size(), 2u);
    EXPECT_EQ(fakes.executor.shutdowns, 1u);
    EXPECT_EQ(second.shutdowns, 1u);
    for (const Point& point : result.points) {
        EXPECT_DOUBLE_EQ(point.costs.startup_s, 0.25);
        EXPECT_DOUBLE_EQ(point.costs.teardown_s, 0.125);
    }
}

TEST(Sweep, OneSharedPoolStartsOnceAndStopsAfterTheLastWorkerCount)
{
    Fakes fakes;
    const SweepResult result = run_sweep(request_for("1:2", 3), fakes.workload, fakes.serial, fakes.executor,
                                         nullptr, CancelToken{});
    ASSERT_EQ(result.points.size(), 2u);
    EXPECT_EQ(fakes.executor.shutdowns, 1u);
    // The fake starts its pool on the first run after a shutdown: once, for the whole sweep.
    EXPECT_DOUBLE_EQ(result.points[0].costs.startup_s, 0.25);
    EXPECT_DOUBLE_EQ(result.points[0].costs.teardown_s, 0.0);
    EXPECT_DOUBLE_EQ(result.points[1].costs.startup_s, 0.0);
    EXPECT_DOUBLE_EQ(result.points[1].costs.teardown_s, 0.125);
}

} // namespace
} // namespace parlab
