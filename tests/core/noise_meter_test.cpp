#include "machine/noise_meter.h"
#include "sweep/sweep.h"

#include <gtest/gtest.h>

#include <memory>
#include <vector>

namespace parlab {
namespace {

// A /proc/stat and process tree the test moves by hand: ticks at 100 per second.
struct FakeMachine {
    std::vector<CpuTimes> cpus = std::vector<CpuTimes>(2);
    double tree_s = 0.0;
};

class FakeSource final : public CpuTimesSource {
public:
    explicit FakeSource(FakeMachine& machine) : m_machine(machine) {}
    std::vector<CpuTimes> read_cpus() override { return m_machine.cpus; }
    double read_own_cpu_seconds() override { return m_machine.tree_s; }
    double read_tree_cpu_seconds() override { return m_machine.tree_s; }
    double ticks_per_second() override { return 100.0; }

private:
    FakeMachine& m_machine;
};

TEST(NoiseMeter, OthersAreBusyTimePlusStealMinusTheOwnTree)
{
    FakeMachine machine;
    NoiseMeter meter(std::make_unique<FakeSource>(machine));
    meter.begin();
    machine.cpus[0].user += 100;  // our worker, 1 s
    machine.cpus[1].system += 40; // someone else's 0.4 s...
    machine.cpus[1].steal += 10;  // ...and 0.1 s the hypervisor gave away
    machine.cpus[1].idle += 50;   // idle and iowait are nobody's work
    machine.cpus[1].iowait += 7;
    machine.tree_s += 1.0;
    const NoiseReading reading = meter.end();
    EXPECT_DOUBLE_EQ(reading.own_cpu_s, 1.0);
    EXPECT_DOUBLE_EQ(reading.others_cpu_s, 0.5);
}

TEST(NoiseMeter, TickRoundingNeverGivesNegativeNoise)
{
    FakeMachine machine;
    NoiseMeter meter(std::make_unique<FakeSource>(machine));
    meter.begin();
    machine.cpus[0].user += 99;
    machine.tree_s += 1.0;
    EXPECT_DOUBLE_EQ(meter.end().others_cpu_s, 0.0);
}

// Each run moves the fake machine: the serial runs on a quiet machine, the W = 2 runs while
// another program takes 0.3 of a core.
class MovingExecutor final : public Executor {
public:
    MovingExecutor(FakeMachine& machine, double others_per_s) : m_machine(machine), m_others(others_per_s) {}
    const ExecutorTraits& traits() const override { return m_traits; }
    Run run(const Workload& workload, const ExecutorOptions& options) override
    {
        const auto workers = static_cast<double>(options.workers);
        m_machine.cpus[0].user += static_cast<std::uint64_t>(100 * wall_s * workers);
        m_machine.cpus[1].user += static_cast<std::uint64_t>(100 * wall_s * m_others);
        m_machine.tree_s += wall_s * workers;
        Run run;
        run.workload = workload.name();
        run.backend = "moving";
        run.workers = options.workers;
        run.tasks = workload.task_count();
        run.tasks_done = run.tasks;
        run.wall_s = wall_s;
        std::vector<Partial> partials(run.tasks);
        for (std::size_t task = 0; task < run.tasks; ++task)
            partials[task] = workload.run_task(task, options.cancel);
        run.checksum = workload.combine(partials);
        return run;
    }

private:
    FakeMachine& m_machine;
    double m_others;

public:
    double wall_s = 1.0;

private:
    ExecutorTraits m_traits{.name = "moving",
                            .display_name = "Moving",
                            .worker_word = "worker",
                            .workers_word = "workers",
                            .summary = "moves a fake machine"};
};

class TinyWorkload final : public Workload {
public:
    TinyWorkload() : Workload("tiny", Parameters({}, {})) {}
    std::size_t task_count() const override { return 4; }
    Partial run_task(std::size_t task, const CancelToken&) const override { return Partial{task, 0.0, 0.0}; }
    Checksum combine(std::span<const Partial> partials) const override
    {
        uint128 sum = 0;
        for (const auto& partial : partials)
            sum += partial.exact;
        return Checksum{to_decimal(sum), {}};
    }
};

TEST(NoiseMeter, SweepFlagsThePointMeasuredWhileOthersWereBusy)
{
    FakeMachine machine;
    TinyWorkload workload;
    MovingExecutor serial(machine, 0.0);
    MovingExecutor busy(machine, 0.3);
    SweepRequest request;
    request.workers = WorkerRange::parse("2");
    request.repeats = 2;
    const SweepResult result = run_sweep(
        request, workload, serial, [&](std::size_t) -> Executor& { return busy; }, nullptr, CancelToken{},
        std::make_unique<FakeSource>(machine));
    EXPECT_DOUBLE_EQ(result.serial.noise, 0.0);
    ASSERT_EQ(result.points.size(), 1u);
    EXPECT_NEAR(result.points[0].noise, 0.3, 1e-9);
    EXPECT_GT(result.points[0].noise, noise_threshold_cores);
}

TEST(NoiseMeter, SweepCallsAComputingSpeedupAboveTheCpusAnArtefact)
{
    FakeMachine machine;
    TinyWorkload workload;
    MovingExecutor serial(machine, 0.0); // its tree CPU equals its wall time: computing work
    MovingExecutor parallel(machine, 0.0);
    parallel.wall_s = 1.0 / 64.0; // faster than any CPU count this machine could have
    SweepRequest request;
    request.workers = WorkerRange::parse("2");
    const SweepResult result = run_sweep(
        request, workload, serial, [&](std::size_t) -> Executor& { return parallel; }, nullptr, CancelToken{},
        std::make_unique<FakeSource>(machine));
    ASSERT_EQ(result.points.size(), 1u);
    EXPECT_DOUBLE_EQ(result.points[0].speedup, 64.0);
    EXPECT_NE(result.points[0].artefact.find("logical CPUs"), std::string::npos) << result.points[0].artefact;
}

TEST(NoiseMeter, TheRealTreeCountsAtLeastThisProcess)
{
    const auto source = make_proc_stat_source();
    volatile double sink = 0.0;
    for (int i = 0; i < 20'000'000; ++i)
        sink = sink + 1.0;
    const double own = source->read_own_cpu_seconds();
    EXPECT_GE(source->read_tree_cpu_seconds(), own);
    EXPECT_GT(source->ticks_per_second(), 0.0);
}

} // namespace
} // namespace parlab
