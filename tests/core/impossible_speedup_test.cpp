#include "analysis/impossible_speedup.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace parlab {
namespace {

using ::testing::HasSubstr;

Point point_at(std::size_t workers, double speedup, double low, double high)
{
    Point point;
    point.workers = workers;
    point.speedup = speedup;
    point.speedup_low = low;
    point.speedup_high = high;
    return point;
}

TEST(ImpossibleSpeedup, OneWorkerAboveOneByMoreThanTheSpread)
{
    EXPECT_THAT(impossible_speedup(point_at(1, 1.19, 1.12, 1.25), WorkNature::Computing, 2),
                HasSubstr("one worker cannot beat the serial run"));
    // Within the spread it is noise, not an artefact.
    EXPECT_EQ(impossible_speedup(point_at(1, 1.04, 0.97, 1.10), WorkNature::Computing, 2), "");
}

TEST(ImpossibleSpeedup, OneRepeatMeasuresNoSpreadSoJitterIsNotAnArtefact)
{
    // One repeat of each: low == high == speedup. 1 % is a quiet machine's jitter, 12 % is not.
    EXPECT_EQ(impossible_speedup(point_at(1, 1.01, 1.01, 1.01), WorkNature::Computing, 2), "");
    EXPECT_THAT(impossible_speedup(point_at(1, 1.12, 1.12, 1.12), WorkNature::Computing, 2),
                HasSubstr("one worker cannot beat the serial run"));
    EXPECT_EQ(impossible_speedup(point_at(2, 2.02, 2.02, 2.02), WorkNature::Computing, 2), "");
    EXPECT_THAT(impossible_speedup(point_at(2, 2.13, 2.13, 2.13), WorkNature::Computing, 2),
                HasSubstr("above the 2 logical CPUs"));
}

TEST(ImpossibleSpeedup, ComputingWorkAboveTheLogicalCpus)
{
    EXPECT_THAT(impossible_speedup(point_at(2, 2.24, 1.9, 2.5), WorkNature::Computing, 2),
                HasSubstr("above the 2 logical CPUs"));
    EXPECT_EQ(impossible_speedup(point_at(2, 1.95, 1.9, 2.1), WorkNature::Computing, 2), "");
    // Waiting work overlaps its waits: eight workers on two CPUs may well reach 7.5.
    EXPECT_EQ(impossible_speedup(point_at(8, 7.5, 7.0, 7.9), WorkNature::Waiting, 2), "");
    EXPECT_EQ(impossible_speedup(point_at(8, 7.5, 7.0, 7.9), WorkNature::Unknown, 2), "");
}

TEST(ImpossibleSpeedup, NatureFromTheBaselinesCpuTime)
{
    EXPECT_EQ(work_nature(0.98, 1.0), WorkNature::Computing);
    EXPECT_EQ(work_nature(0.02, 1.0), WorkNature::Waiting);
    EXPECT_EQ(work_nature(0.0, 1.0), WorkNature::Unknown);
}

} // namespace
} // namespace parlab
