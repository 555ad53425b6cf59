#include "executors/run_error.h"
#include "machine/machine_facts.h"
#include "sweep/sweep.h"

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

using ::testing::HasSubstr;

// Tasks whose partials are their squares: the checksum is a known number.
class SquaresWorkload final : public Workload {
public:
    explicit SquaresWorkload(std::size_t tasks) : Workload("squares", Parameters({}, {})), m_tasks(tasks) {}
    std::size_t task_count() const override { return m_tasks; }
    Partial run_task(std::size_t task, const CancelToken&) const override
    {
        return Partial{task * task, 0.0, 0.0};
    }
    Checksum combine(std::span<const Partial> partials) const override
    {
        uint128 sum = 0;
        for (const auto& partial : partials)
            sum += partial.exact;
        return Checksum{to_decimal(sum), {}};
    }

private:
    std::size_t m_tasks;
};

// Runs tasks on W real threads but reports a made-up wall time, so speedups are exact.
class FakeExecutor final : public Executor {
public:
    std::function<double(std::size_t)> wall_for = [](std::size_t workers) { return 1.0 / workers; };
    std::function<void(std::size_t, Checksum&)> tamper = [](std::size_t, Checksum&) {};
    std::vector<ExecutorOptions> calls;
    ExecutorTraits m_traits{.name = "fake", .ships_inputs = true, .retries = true};
    unsigned shutdowns = 0;
    bool warm = false;  // like a pool: the first run after a shutdown pays 0.25 s to start
    bool joins = false; // like a cluster: tells who joined, one worker per host "hN", before the tasks

    double shutdown() override
    {
        ++shutdowns;
        warm = false;
        return 0.125;
    }

    const ExecutorTraits& traits() const override { return m_traits; }
    Run run(const Workload& workload, const ExecutorOptions& options) override
    {
        calls.push_back(options);
        std::vector<Partial> partials(workload.task_count());
        std::atomic<std::size_t> next{0};
        std::vector<std::thread> threads;
        if (options.observer != nullptr)
            options.observer->set_up(options.workers);
        if (joins && options.observer != nullptr) {
            std::vector<RankInfo> ranks;
            for (std::uint32_t w = 0; w < options.workers; ++w)
                ranks.push_back(RankInfo{w, "h" + std::to_string(w), 0, 1, "cpu", 0, 0});
            options.observer->on_joined(ranks);
        }
        for (std::size_t w = 0; w < options.workers; ++w) {
            threads.emplace_back([&, w] {
                for (std::size_t task = next++; task < partials.size(); task = next++) {
                    if (options.cancel.cancelled())
                        return;
                    partials[task] = workload.run_task(task, options.cancel);
                    if (options.observer != nullptr)
                        options.observer->on_task_done(
                            w, TraceEvent{static_cast<std::uint32_t>(task), static_cast<std::uint32_t>(w)});
                }
            });
        }
        for (auto& thread : threads)
            thread.join();
        Run run;
        run.workload = workload.name();
        run.backend = std::string(name());
        run.workers = options.workers;
        run.tasks = partials.size();
        if (options.cancel.cancelled())
            throw RunCancelled(run);
        run.tasks_done = partials.size();
        run.wall_s = wall_for(options.workers);
        run.checksum = workload.combine(partials);
        run.costs.startup_s = warm ? 0.0 : 0.25;
        warm = true;
        tamper(options.workers, run.checksum);
        run.trace.events.push_back(TraceEvent{0, 0});
        return run;
    }
};

class RecordingObserver final : public SweepObserver {
public:
    void on_progress(const SweepProgress& progress) override
    {
        const std::lock_guard lock(m_mutex);
        if (in_progress.exchange(true))
            overlapped = true;
        progresses.push_back(progress);
        in_progress = false;
    }
    void on_baseline(const Point& point) override { baselines.push_back(point); }
    void on_point(const Point& point) override { points.push_back(point); }
    void on_task_done(std::size_t, const TraceEvent&) override { ++tasks_seen; }

    std::mutex m_mutex;
    std::atomic<bool> in_progress{false};
    bool overlapped = false;
    std::vector<SweepProgress> progresses;
    std::vector<Point> baselines;
    std::vector<Point> points;
    std::atomic<std::size_t> tasks_seen{0};
};

SweepRequest request_for(const std::string& range, unsigned repeats = 1)
{
    SweepRequest request;
    request.workload = "squares";
    request.workers = WorkerRange::parse(range);
    request.repeats = repeats;
    return request;
}

struct Fakes {
    SquaresWorkload workload{100};
    FakeExecutor serial;
    FakeExecutor executor;
};

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
