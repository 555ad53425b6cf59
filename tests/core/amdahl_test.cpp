#include "analysis/amdahl.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

namespace parlab {
namespace {

std::vector<SpeedupSample> exact_samples(double serial_fraction)
{
    std::vector<SpeedupSample> samples;
    for (const double p : {1.0, 2.0, 3.0, 4.0, 8.0, 16.0})
        samples.push_back({p, amdahl_speedup(serial_fraction, p)});
    return samples;
}

class AmdahlExact : public ::testing::TestWithParam<double> {};

TEST_P(AmdahlExact, RecoversTheSerialFraction)
{
    const double s = GetParam();
    const AmdahlFit fit = fit_amdahl(exact_samples(s));
    EXPECT_NEAR(fit.serial_fraction, s, 1e-6);
    EXPECT_NEAR(fit.rms_error, 0.0, 1e-6);
    EXPECT_EQ(fit.samples, 5u); // p = 1 carries no information
}

INSTANTIATE_TEST_SUITE_P(Fractions, AmdahlExact, ::testing::Values(0.0, 0.1, 0.5, 0.37, 1.0),
                         [](const ::testing::TestParamInfo<double>& fraction) {
                             // "serial_0_37": the fraction, with the point spelled out.
                             std::string text = ::testing::PrintToString(fraction.param);
                             std::replace(text.begin(), text.end(), '.', '_');
                             return "serial_" + text;
                         });

TEST(Amdahl, NoisySpeedupsFitWithinTolerance)
{
    auto samples = exact_samples(0.2);
    const double noise[] = {0.0, 0.03, -0.02, 0.04, -0.05, 0.02};
    for (std::size_t i = 0; i < samples.size(); ++i)
        samples[i].speedup *= 1.0 + noise[i];
    const AmdahlFit fit = fit_amdahl(samples);
    EXPECT_NEAR(fit.serial_fraction, 0.2, 0.03);
    EXPECT_GT(fit.rms_error, 0.0);
}

TEST(Amdahl, SuperlinearSpeedupClampsToZero)
{
    const std::vector<SpeedupSample> samples = {{2.0, 2.5}, {4.0, 5.0}};
    EXPECT_DOUBLE_EQ(fit_amdahl(samples).serial_fraction, 0.0);
}

TEST(Amdahl, SlowdownClampsToOne)
{
    const std::vector<SpeedupSample> samples = {{2.0, 0.5}, {4.0, 0.4}};
    EXPECT_DOUBLE_EQ(fit_amdahl(samples).serial_fraction, 1.0);
}

TEST(Amdahl, NoParallelSamplesGiveZero)
{
    const std::vector<SpeedupSample> samples = {{1.0, 1.0}};
    const AmdahlFit fit = fit_amdahl(samples);
    EXPECT_EQ(fit.samples, 0u);
    EXPECT_EQ(fit.serial_fraction, 0.0);
    EXPECT_EQ(fit_amdahl({}).samples, 0u);
}

TEST(Amdahl, Laws)
{
    EXPECT_DOUBLE_EQ(amdahl_speedup(0.0, 4.0), 4.0);
    EXPECT_DOUBLE_EQ(amdahl_speedup(1.0, 4.0), 1.0);
    EXPECT_DOUBLE_EQ(amdahl_speedup(0.5, 2.0), 4.0 / 3.0);
    EXPECT_DOUBLE_EQ(gustafson_speedup(0.1, 10.0), 9.1);
    EXPECT_DOUBLE_EQ(gustafson_speedup(0.0, 8.0), 8.0);
    EXPECT_DOUBLE_EQ(gustafson_speedup(1.0, 8.0), 1.0);
}

TEST(Amdahl, KarpFlattOfExactAmdahlDataIsTheSerialFraction)
{
    for (const double s : {0.0, 0.05, 0.3, 0.9}) {
        for (const double p : {2.0, 3.0, 8.0, 64.0})
            EXPECT_NEAR(karp_flatt(amdahl_speedup(s, p), p), s, 1e-12) << "s=" << s << " p=" << p;
    }
    EXPECT_EQ(karp_flatt(1.0, 1.0), 0.0);
}

TEST(Amdahl, ComputingWorkPastTheCpusFitsAsTheCpus)
{
    // Perfectly parallel work on 2 CPUs: 2x at W = 2, and still 2x at W = 3 and 5.
    const std::vector<SpeedupSample> samples{{2.0, 2.0}, {3.0, 2.0}, {5.0, 2.0}};
    const AmdahlFit fit = fit_amdahl(samples, 2);
    EXPECT_NEAR(fit.serial_fraction, 0.0, 1e-9);
    EXPECT_EQ(fit.processor_limit, 2u);
    EXPECT_NEAR(fit.speedup(8.0), 2.0, 1e-9);

    // Counting workers as processors, the same points look like a large serial fraction.
    EXPECT_GT(fit_amdahl(samples).serial_fraction, 0.1);
}

TEST(Amdahl, WaitingWorkPastTheCpusFitsAsTheWorkers)
{
    // Thirty baristas who wait, on 2 CPUs: the speedup keeps growing with the workers.
    std::vector<SpeedupSample> samples;
    for (const double workers : {2.0, 10.0, 30.0})
        samples.push_back({workers, amdahl_speedup(0.01, workers)});
    const AmdahlFit fit = fit_amdahl(samples, 2);
    EXPECT_NEAR(fit.serial_fraction, 0.01, 1e-6);
    EXPECT_EQ(fit.processor_limit, 0u);
    EXPECT_NEAR(fit.speedup(30.0), amdahl_speedup(0.01, 30.0), 1e-6);
}

} // namespace
} // namespace parlab
