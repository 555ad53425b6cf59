#include "machine/cpu_sampler.h"
#include "machine/machine_facts.h"

#include <gtest/gtest.h>

#include <memory>
#include <vector>

namespace parlab {
namespace {

// Hands out made-up counters; the test changes them between samples.
class FakeSource final : public CpuTimesSource {
public:
    explicit FakeSource(std::shared_ptr<std::vector<CpuTimes>> cpus) : m_cpus(std::move(cpus)) {}
    std::vector<CpuTimes> read_cpus() override { return *m_cpus; }
    double read_own_cpu_seconds() override { return 0.0; }

private:
    std::shared_ptr<std::vector<CpuTimes>> m_cpus;
};

struct FakeSampler {
    std::shared_ptr<std::vector<CpuTimes>> cpus = std::make_shared<std::vector<CpuTimes>>();
    CpuSampler sampler{std::make_unique<FakeSource>(cpus)};
};

TEST(CpuSampler, FirstSampleIsIdle)
{
    FakeSampler fake;
    *fake.cpus = {CpuTimes{100, 0, 50, 1000}};
    const CpuSample sample = fake.sampler.sample();
    ASSERT_EQ(sample.cpus.size(), 1u);
    EXPECT_EQ(sample.cpus[0].busy_percent(), 0.0);
}

TEST(CpuSampler, ExactPercentagesOverTheInterval)
{
    FakeSampler fake;
    *fake.cpus = {CpuTimes{100, 10, 50, 1000, 5, 1, 1, 0}, CpuTimes{0, 0, 0, 0}};
    (void)fake.sampler.sample();
    // CPU 0: +30 user, +10 nice, +10 system, +5 irq, +5 softirq, +40 idle = 100 ticks.
    // CPU 1: +200 idle and nothing else.
    *fake.cpus = {CpuTimes{130, 20, 60, 1040, 5, 6, 6, 0}, CpuTimes{0, 0, 0, 200}};
    const CpuSample sample = fake.sampler.sample();
    ASSERT_EQ(sample.cpus.size(), 2u);
    EXPECT_DOUBLE_EQ(sample.cpus[0].user_percent, 40.0);
    EXPECT_DOUBLE_EQ(sample.cpus[0].system_percent, 20.0);
    EXPECT_DOUBLE_EQ(sample.cpus[0].busy_percent(), 60.0);
    EXPECT_DOUBLE_EQ(sample.cpus[1].busy_percent(), 0.0);
}

TEST(CpuSampler, StealAndIowaitCountAsNotBusy)
{
    FakeSampler fake;
    *fake.cpus = {CpuTimes{}};
    (void)fake.sampler.sample();
    *fake.cpus = {CpuTimes{25, 0, 0, 25, 25, 0, 0, 25}};
    EXPECT_DOUBLE_EQ(fake.sampler.sample().cpus[0].user_percent, 25.0);
}

TEST(CpuSampler, CountersGoingBackwardsGiveAnIdleInterval)
{
    FakeSampler fake;
    *fake.cpus = {CpuTimes{500, 0, 500, 500}};
    (void)fake.sampler.sample();
    *fake.cpus = {CpuTimes{10, 0, 10, 10}};
    const CpuSample reset = fake.sampler.sample();
    EXPECT_EQ(reset.cpus[0].busy_percent(), 0.0);
    // The interval after the reset is measured from the new counters.
    *fake.cpus = {CpuTimes{60, 0, 10, 60}};
    EXPECT_DOUBLE_EQ(fake.sampler.sample().cpus[0].user_percent, 50.0);
}

TEST(CpuSampler, ACpuAppearingStartsIdle)
{
    FakeSampler fake;
    *fake.cpus = {CpuTimes{0, 0, 0, 0}};
    (void)fake.sampler.sample();
    *fake.cpus = {CpuTimes{50, 0, 0, 50}, CpuTimes{900, 0, 0, 100}};
    const CpuSample sample = fake.sampler.sample();
    ASSERT_EQ(sample.cpus.size(), 2u);
    EXPECT_DOUBLE_EQ(sample.cpus[0].user_percent, 50.0);
    EXPECT_EQ(sample.cpus[1].busy_percent(), 0.0);
    *fake.cpus = {CpuTimes{50, 0, 0, 150}, CpuTimes{1000, 0, 0, 100}};
    EXPECT_DOUBLE_EQ(fake.sampler.sample().cpus[1].user_percent, 100.0);
}

TEST(CpuSampler, NoTimePassedGivesZero)
{
    FakeSampler fake;
    *fake.cpus = {CpuTimes{1, 2, 3, 4}};
    (void)fake.sampler.sample();
    EXPECT_EQ(fake.sampler.sample().cpus[0].busy_percent(), 0.0);
}

TEST(CpuSampler, ProcStatGivesEveryLogicalCpu)
{
    auto source = make_proc_stat_source();
    const auto cpus = source->read_cpus();
    EXPECT_EQ(cpus.size(), machine_facts().logical_cpus);
    std::uint64_t ticks = 0;
    for (const auto& cpu : cpus)
        ticks += cpu.user + cpu.system + cpu.idle;
    EXPECT_GT(ticks, 0u);
    EXPECT_GE(source->read_own_cpu_seconds(), 0.0);

    CpuSampler sampler(std::move(source));
    (void)sampler.sample();
    const CpuSample sample = sampler.sample();
    EXPECT_EQ(sample.cpus.size(), machine_facts().logical_cpus);
    for (const auto& cpu : sample.cpus) {
        EXPECT_GE(cpu.busy_percent(), 0.0);
        EXPECT_LE(cpu.busy_percent(), 100.0 + 1e-9);
    }
    EXPECT_GE(sample.own_percent, 0.0);
}

TEST(CpuSampler, OwnTimeGrowsWithWork)
{
    auto source = make_proc_stat_source();
    const double before = source->read_own_cpu_seconds();
    volatile double sink = 0.0;
    for (int i = 0; i < 200'000'000 && source->read_own_cpu_seconds() < before + 0.05; ++i)
        sink = sink + 1.0;
    EXPECT_GE(source->read_own_cpu_seconds(), before + 0.05);
}

} // namespace
} // namespace parlab
