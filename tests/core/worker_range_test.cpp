#include "sweep/worker_range.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

namespace parlab {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

std::string error_of(const std::string& text)
{
    try {
        (void)WorkerRange::parse(text);
    } catch (const std::invalid_argument& error) {
        return error.what();
    }
    return "no error";
}

TEST(WorkerRange, SingleCount)
{
    EXPECT_THAT(WorkerRange::parse("3").counts(8), ElementsAre(3));
}

TEST(WorkerRange, InclusiveRange)
{
    EXPECT_THAT(WorkerRange::parse("1:4").counts(8), ElementsAre(1, 2, 3, 4));
}

TEST(WorkerRange, GeometricIncludesUpperEnd)
{
    EXPECT_THAT(WorkerRange::parse("1:7:*2").counts(8), ElementsAre(1, 2, 4, 7));
    EXPECT_THAT(WorkerRange::parse("1:8:*2").counts(8), ElementsAre(1, 2, 4, 8));
    EXPECT_THAT(WorkerRange::parse("2:20:*3").counts(8), ElementsAre(2, 6, 18, 20));
}

TEST(WorkerRange, ArithmeticIncludesUpperEnd)
{
    EXPECT_THAT(WorkerRange::parse("1:8:+3").counts(8), ElementsAre(1, 4, 7, 8));
    EXPECT_THAT(WorkerRange::parse("2:6:+2").counts(8), ElementsAre(2, 4, 6));
}

TEST(WorkerRange, EqualEndsGiveOneCount)
{
    EXPECT_THAT(WorkerRange::parse("5:5").counts(8), ElementsAre(5));
}

TEST(WorkerRange, AutoIsTheLogicalCpus)
{
    const auto range = WorkerRange::parse("auto");
    EXPECT_THAT(range.counts(6), ElementsAre(6));
    EXPECT_THAT(range.counts(1), ElementsAre(1));
    EXPECT_EQ(range.text(), "auto");
}

TEST(WorkerRange, SingleFactory)
{
    EXPECT_THAT(WorkerRange::single(2).counts(8), ElementsAre(2));
    EXPECT_THROW((void)WorkerRange::single(0), std::invalid_argument);
}

TEST(WorkerRange, KeepsItsText)
{
    EXPECT_EQ(WorkerRange::parse("1:8:*2").text(), "1:8:*2");
}

TEST(WorkerRange, OneMessagePerMistake)
{
    EXPECT_THAT(error_of(""), HasSubstr("empty"));
    EXPECT_THAT(error_of("abc"), HasSubstr("not a number"));
    EXPECT_THAT(error_of("1:x"), HasSubstr("not a number"));
    EXPECT_THAT(error_of("-1"), HasSubstr("worker count must be at least 1, got -1"));
    EXPECT_THAT(error_of("0"), HasSubstr("at least 1, got 0"));
    EXPECT_THAT(error_of("0:4"), HasSubstr("at least 1, got 0"));
    EXPECT_THAT(error_of("8:2"), HasSubstr("lower end 8 is above upper end 2"));
    EXPECT_THAT(error_of("1:8:2"), HasSubstr("must be *k"));
    EXPECT_THAT(error_of("1:8:*"), HasSubstr("must be *k"));
    EXPECT_THAT(error_of("1:8:*x"), HasSubstr("not a number"));
    EXPECT_THAT(error_of("1:8:*1"), HasSubstr("step factor must be at least 2, got 1"));
    EXPECT_THAT(error_of("1:8:+0"), HasSubstr("step must be at least 1, got 0"));
    EXPECT_THAT(error_of("1000000000000"), HasSubstr("too large"));
    EXPECT_THAT(error_of("99999999999999999999999"), HasSubstr("too large"));
    EXPECT_THAT(error_of(":4"), HasSubstr("missing"));
}

TEST(WorkerRange, LargeButPlausibleCountsAreLeftToTheExecutors)
{
    EXPECT_THAT(WorkerRange::parse("10000").counts(2), ElementsAre(10000));
}

TEST(WorkerRange, MessagesNameTheText)
{
    EXPECT_THAT(error_of("8:2"), HasSubstr("'8:2'"));
}

} // namespace
} // namespace parlab
