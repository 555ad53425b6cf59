#include "executors/run_error.h"
#include "machine/machine_facts.h"
#include "sweep/sweep.h"
#include "sweep_fakes.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <cmath>
#include <functional>
#include <mutex>
#include <numeric>
#include <stdexcept>
#include <thread>

namespace parlab {
namespace {

using namespace parlab::test;

using ::testing::HasSubstr;

TEST(Sweep, SpeedupEfficiencyAndKarpFlattFromMedians)
{
    Fakes fakes;
    fakes.serial.wall_for = [](std::size_t) { return 2.0; };
    // Amdahl with s = 0.25 on a 2-second serial run, on as many processors as this machine has.
    const std::size_t cpus = machine_facts().logical_cpus;
    const auto processors = [cpus](std::size_t w) { return static_cast<double>(std::min(w, cpus)); };
    fakes.executor.wall_for = [&](std::size_t w) { return 2.0 * (0.25 + 0.75 / processors(w)); };
    const SweepResult result =
        run_sweep(request_for("1:3"), fakes.workload, fakes.serial, fakes.executor, nullptr, CancelToken{});
    ASSERT_EQ(result.points.size(), 3u);
    EXPECT_EQ(result.serial.wall_s, 2.0);
    EXPECT_EQ(result.serial.checksum.value, "328350"); // sum of k^2 for k < 100
    for (const Point& point : result.points) {
        const double p = static_cast<double>(point.workers);
        EXPECT_NEAR(point.speedup, amdahl_speedup(0.25, processors(point.workers)), 1e-12);
        EXPECT_NEAR(point.efficiency, point.speedup / p, 1e-12);
        EXPECT_NEAR(point.karp_flatt, karp_flatt(point.speedup, p), 1e-12);
        if (point.workers > 1 && point.workers <= cpus) {
            EXPECT_NEAR(point.karp_flatt, 0.25, 1e-12);
        }
        EXPECT_EQ(point.checksum, result.serial.checksum);
        EXPECT_EQ(point.backend, "fake");
        EXPECT_EQ(point.tasks, 100u);
    }
    EXPECT_NEAR(result.amdahl.serial_fraction, 0.25, 1e-6);
    EXPECT_EQ(result.last_run.workers, 3u);
    EXPECT_FALSE(result.last_run.trace.events.empty());
}

class JoinObserver final : public SweepObserver {
public:
    void on_joined(const std::vector<RankInfo>& ranks) override { joined.push_back(ranks.size()); }
    std::vector<std::size_t> joined;
};

TEST(Sweep, ObserverHearsWhoJoinedInEachCountedRun)
{
    Fakes fakes;
    fakes.executor.joins = true;
    JoinObserver observer;
    (void)run_sweep(request_for("1:3", 2), fakes.workload, fakes.serial, fakes.executor, &observer,
                    CancelToken{});
    // Two rounds of W = 1, 2, 3; the serial baseline joins no one.
    EXPECT_EQ(observer.joined, (std::vector<std::size_t>{1, 2, 3, 1, 2, 3}));
}

TEST(Sweep, MedianMinMaxOverRepeats)
{
    Fakes fakes;
    int call = 0;
    const double walls[] = {3.0, 1.0, 2.0};
    fakes.serial.wall_for = [&](std::size_t) { return walls[call++ % 3]; };
    const SweepResult result =
        run_sweep(request_for("2", 3), fakes.workload, fakes.serial, fakes.executor, nullptr, CancelToken{});
    EXPECT_EQ(result.serial.wall_s, 2.0);
    EXPECT_EQ(result.serial.wall_s_min, 1.0);
    EXPECT_EQ(result.serial.wall_s_max, 3.0);
    EXPECT_EQ(result.serial.repeats, 3u);
    EXPECT_EQ(fakes.serial.calls.size(), 4u); // one warm-up run, then three counted
    EXPECT_EQ(fakes.executor.calls.size(), 3u);
    EXPECT_DOUBLE_EQ(result.points[0].speedup, 4.0);
}

TEST(Sweep, OneExecutorServesEveryCountWithTheRequestedOptions)
{
    Fakes fakes;
    SweepRequest request = request_for("1:4:*2");
    request.chunk = 7;
    request.schedule = Schedule::Static;
    request.ship_inputs = true;
    request.retries = 2;
    CancelToken cancel;
    (void)run_sweep(request, fakes.workload, fakes.serial, fakes.executor, nullptr, cancel);
    ASSERT_EQ(fakes.executor.calls.size(), 3u);
    EXPECT_EQ(fakes.executor.calls[0].workers, 1u);
    EXPECT_EQ(fakes.executor.calls[1].workers, 2u);
    EXPECT_EQ(fakes.executor.calls[2].workers, 4u);
    for (const auto& options : fakes.executor.calls) {
        EXPECT_EQ(options.chunk, 7u);
        EXPECT_EQ(options.schedule, Schedule::Static);
        EXPECT_TRUE(options.ship_inputs);
        EXPECT_EQ(options.retries, 2u);
        EXPECT_NE(options.observer, nullptr);
    }
    ASSERT_EQ(fakes.serial.calls.size(), 2u); // the warm-up and the counted run
    EXPECT_EQ(fakes.serial.calls[0].workers, 1u);
    cancel.cancel(); // the options share the sweep's token
    EXPECT_TRUE(fakes.executor.calls[0].cancel.cancelled());
}

TEST(Sweep, ChecksumMismatchIsAnError)
{
    Fakes fakes;
    fakes.executor.tamper = [](std::size_t workers, Checksum& checksum) {
        if (workers == 3)
            checksum.value = "1";
    };
    try {
        (void)run_sweep(request_for("1:4"), fakes.workload, fakes.serial, fakes.executor, nullptr,
                        CancelToken{});
        FAIL() << "a wrong checksum went unnoticed";
    } catch (const std::runtime_error& error) {
        EXPECT_THAT(error.what(), HasSubstr("checksum mismatch at W=3: 1 vs serial 328350"));
    }
}

TEST(Sweep, ReportsProgressBaselineAndPoints)
{
    Fakes fakes;
    RecordingObserver observer;
    (void)run_sweep(request_for("1:2", 2), fakes.workload, fakes.serial, fakes.executor, &observer,
                    CancelToken{});
    ASSERT_EQ(observer.baselines.size(), 1u);
    EXPECT_EQ(observer.baselines[0].backend, "fake");
    ASSERT_EQ(observer.points.size(), 2u);
    EXPECT_EQ(observer.tasks_seen.load(), 600u); // 100 tasks x 2 repeats x (baseline + 2 counts)
    ASSERT_FALSE(observer.progresses.empty());
    EXPECT_FALSE(observer.overlapped);
    std::size_t previous = 0;
    for (const auto& progress : observer.progresses) {
        EXPECT_GE(progress.tasks_done, previous);
        EXPECT_EQ(progress.tasks_total, 600u);
        previous = progress.tasks_done;
    }
    const SweepProgress& last = observer.progresses.back();
    EXPECT_EQ(last.tasks_done, 600u);
    EXPECT_EQ(last.workers, 2u);
    EXPECT_EQ(last.repeat, 1u);
    EXPECT_EQ(last.eta_s, 0.0);
    EXPECT_GE(observer.progresses.size(), 6u); // at least one per run
}

TEST(Sweep, SpreadFromBothSidesExtremes)
{
    Fakes fakes;
    int serial_call = 0;
    int call = 0;
    const double serial_walls[] = {9.0, 2.0, 1.5, 2.5}; // the first is the warm-up
    const double walls[] = {1.0, 0.5, 1.5};
    fakes.serial.wall_for = [&](std::size_t) { return serial_walls[serial_call++]; };
    fakes.executor.wall_for = [&](std::size_t) { return walls[call++]; };
    const SweepResult result =
        run_sweep(request_for("2", 3), fakes.workload, fakes.serial, fakes.executor, nullptr, CancelToken{});
    const Point& point = result.points.at(0);
    EXPECT_DOUBLE_EQ(point.speedup, 2.0);
    EXPECT_DOUBLE_EQ(point.speedup_low, 1.5 / 1.5);  // serial fastest over point slowest
    EXPECT_DOUBLE_EQ(point.speedup_high, 2.5 / 0.5); // serial slowest over point fastest
    EXPECT_NEAR(point.wall_s_cv, 0.5, 1e-12);        // mean 1, sample deviation 0.5
    EXPECT_NEAR(result.serial.wall_s_cv, std::sqrt(0.25) / 2.0, 1e-12);
    EXPECT_DOUBLE_EQ(result.serial.speedup_low, 1.5 / 2.5);
    EXPECT_DOUBLE_EQ(result.serial.speedup_high, 2.5 / 1.5);
}

TEST(Sweep, CancelStopsTheSweep)
{
    Fakes fakes;
    CancelToken cancel;
    fakes.executor.wall_for = [&](std::size_t) {
        cancel.cancel();
        return 1.0;
    };
    EXPECT_THROW(
        (void)run_sweep(request_for("1:4"), fakes.workload, fakes.serial, fakes.executor, nullptr, cancel),
        RunCancelled);
    EXPECT_EQ(fakes.executor.calls.size(), 1u);
}

TEST(Sweep, RefusesBadRepeatsAndWorkerCountsBeforeRunning)
{
    Fakes fakes;
    EXPECT_THROW(
        (void)run_sweep(request_for("1", 0), fakes.workload, fakes.serial, fakes.executor, nullptr, {}),
        std::invalid_argument);
    EXPECT_THROW(
        (void)run_sweep(request_for("1", 1001), fakes.workload, fakes.serial, fakes.executor, nullptr, {}),
        std::invalid_argument);
    const std::size_t too_many = max_workers_per_cpu * machine_facts().logical_cpus + 1;
    try {
        (void)run_sweep(request_for("1:" + std::to_string(too_many)), fakes.workload, fakes.serial,
                        fakes.executor, nullptr, {});
        FAIL() << "too many workers accepted";
    } catch (const std::invalid_argument& error) {
        EXPECT_THAT(error.what(), HasSubstr("got " + std::to_string(too_many)));
    }
    EXPECT_TRUE(fakes.serial.calls.empty());
    EXPECT_TRUE(fakes.executor.calls.empty());
}

TEST(Sweep, PlanRefusesMoreWorkersThanTheBackendTakes)
{
    SweepRequest request = request_for("1:2");
    request.workload = "cubes";
    request.backend = "serial";
    try {
        (void)plan_sweep(request);
        FAIL() << "serial accepted two workers";
    } catch (const std::invalid_argument& error) {
        EXPECT_THAT(error.what(), HasSubstr("workers must be 1 for serial, got 2"));
    }
    request.backend = "threads";
    EXPECT_NO_THROW((void)plan_sweep(request));
}

TEST(Sweep, PlanRefusesUnknownNames)
{
    SweepRequest request = request_for("1");
    request.workload = "no-such-workload";
    EXPECT_THROW((void)plan_sweep(request), std::invalid_argument);
}

} // namespace
} // namespace parlab
