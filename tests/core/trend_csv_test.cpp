#include "trends/trend_csv.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

namespace parlab {
namespace {

using ::testing::HasSubstr;

std::string error_of(std::string_view text)
{
    try {
        parse_trend_csv(text, "frequency");
    } catch (const std::invalid_argument& error) {
        return error.what();
    }
    return "no error";
}

TEST(TrendCsv, ParsesEveryRowInOrder)
{
    const TrendSeries series =
        parse_trend_csv("year,value\n1971.875,0.704135515486\n2005,3800\n2021.9,2600\n", "frequency", "MHz");
    EXPECT_EQ(series.name, "frequency");
    EXPECT_EQ(series.unit, "MHz");
    ASSERT_EQ(series.points.size(), 3u);
    EXPECT_DOUBLE_EQ(series.points[0].first, 1971.875);
    EXPECT_DOUBLE_EQ(series.points[0].second, 0.704135515486);
    EXPECT_DOUBLE_EQ(series.points[1].first, 2005.0);
    EXPECT_DOUBLE_EQ(series.points[2].second, 2600.0);
}

TEST(TrendCsv, KeepsRowsThatShareAYear)
{
    const TrendSeries series = parse_trend_csv("year,value\n2021.9,208\n2021.9,64\n", "cores");
    ASSERT_EQ(series.points.size(), 2u);
    EXPECT_DOUBLE_EQ(series.points[0].second, 208.0);
    EXPECT_DOUBLE_EQ(series.points[1].second, 64.0);
}

TEST(TrendCsv, AcceptsWindowsLineEndsBlankLinesCommentsAndNoFinalNewline)
{
    const TrendSeries series =
        parse_trend_csv("# from rupp\r\nyear,value\r\n\r\n1990, 33\r\n# gap\n 2000 ,1000", "frequency");
    ASSERT_EQ(series.points.size(), 2u);
    EXPECT_DOUBLE_EQ(series.points[0].first, 1990.0);
    EXPECT_DOUBLE_EQ(series.points[0].second, 33.0);
    EXPECT_DOUBLE_EQ(series.points[1].first, 2000.0);
    EXPECT_DOUBLE_EQ(series.points[1].second, 1000.0);
}

TEST(TrendCsv, RejectsAnEmptyFile)
{
    EXPECT_THAT(error_of(""), HasSubstr("is empty"));
    EXPECT_THAT(error_of("\n\n"), HasSubstr("is empty"));
}

TEST(TrendCsv, RejectsAHeaderWithoutData)
{
    EXPECT_THAT(error_of("year,value\n"), HasSubstr("no data rows"));
}

TEST(TrendCsv, RejectsAMissingHeaderNamingLineOne)
{
    const std::string message = error_of("1990,33\n");
    EXPECT_THAT(message, HasSubstr("line 1"));
    EXPECT_THAT(message, HasSubstr("header 'year,value'"));
}

TEST(TrendCsv, RejectsANonNumericValueNamingItsLine)
{
    const std::string message = error_of("year,value\n1990,33\n2000,fast\n");
    EXPECT_THAT(message, HasSubstr("'frequency'"));
    EXPECT_THAT(message, HasSubstr("line 3"));
    EXPECT_THAT(message, HasSubstr("value 'fast' is not a number"));
}

TEST(TrendCsv, RejectsANonNumericYearNamingItsLine)
{
    const std::string message = error_of("year,value\n\n19x0,33\n");
    EXPECT_THAT(message, HasSubstr("line 3"));
    EXPECT_THAT(message, HasSubstr("year '19x0' is not a number"));
}

TEST(TrendCsv, RejectsMalformedRowsNamingTheirLine)
{
    EXPECT_THAT(error_of("year,value\n1990 33\n"), HasSubstr("line 2: expected year,value"));
    EXPECT_THAT(error_of("year,value\n1990,33,7\n"), HasSubstr("line 2: expected two fields"));
    EXPECT_THAT(error_of("year,value\n1990,\n"), HasSubstr("line 2: value is missing"));
    EXPECT_THAT(error_of("year,value\n,33\n"), HasSubstr("line 2: year is missing"));
    EXPECT_THAT(error_of("year,value\n1990,33x\n"), HasSubstr("line 2: value '33x' is not a number"));
    EXPECT_THAT(error_of("year,value\n1990,inf\n"), HasSubstr("line 2: value 'inf' is not a number"));
}

TEST(TrendCsv, RejectsValuesALogAxisCannotShow)
{
    EXPECT_THAT(error_of("year,value\n1990,0\n"), HasSubstr("line 2: value 0 must be greater than 0"));
    EXPECT_THAT(error_of("year,value\n1990,1\n1991,-4\n"), HasSubstr("line 3: value -4"));
}

TEST(TrendCsv, RejectsAnImplausibleYear)
{
    EXPECT_THAT(error_of("year,value\n33,1990\n"), HasSubstr("line 2: year 33 is outside 1900..2200"));
}

} // namespace
} // namespace parlab
