#include "workloads/parameters.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <limits>
#include <stdexcept>
#include <string>

using namespace parlab;
using ::testing::HasSubstr;

namespace {

std::vector<ParameterSpec> specs()
{
    return {
        {"n", ParameterKind::Integer, "10", 1, 1e9, {}, "count"},
        {"seconds", ParameterKind::Real, "0.1", 0.0, 60.0, {}, "time"},
        {"mode", ParameterKind::Choice, "wait", 0, 0, {"wait", "work"}, "how"},
        {"tasks", ParameterKind::RealList, "2*16", 0, 1000, {}, "lengths"},
        {"seed", ParameterKind::Integer, "1", 0, 9223372036854775807.0, {}, "seed"},
    };
}

std::string message_of(const ParameterValues& values)
{
    try {
        Parameters parameters(specs(), values);
    } catch (const std::invalid_argument& error) {
        return error.what();
    }
    return "no error";
}

} // namespace

TEST(Parameters, DefaultsFillEverySpec)
{
    const Parameters parameters(specs(), {});
    EXPECT_EQ(parameters.integer("n"), 10);
    EXPECT_DOUBLE_EQ(parameters.real("seconds"), 0.1);
    EXPECT_EQ(parameters.choice("mode"), "wait");
    EXPECT_EQ(parameters.real_list("tasks"), std::vector<double>(16, 2.0));
    EXPECT_EQ(parameters.values().size(), 5u);
    EXPECT_EQ(parameters.values().at("tasks"), "2*16");
}

TEST(Parameters, GivenValuesOverrideDefaults)
{
    const Parameters parameters(specs(),
                                {{"n", "42"}, {"seconds", "2.5"}, {"mode", "work"}, {"tasks", "1,8*2,3"}});
    EXPECT_EQ(parameters.integer("n"), 42);
    EXPECT_DOUBLE_EQ(parameters.real("seconds"), 2.5);
    EXPECT_EQ(parameters.choice("mode"), "work");
    EXPECT_EQ(parameters.real_list("tasks"), (std::vector<double>{1, 8, 8, 3}));
}

TEST(Parameters, IntegersAcceptExactExponentForm)
{
    EXPECT_EQ(Parameters(specs(), {{"n", "5e7"}}).integer("n"), 50'000'000);
    EXPECT_EQ(Parameters(specs(), {{"n", " 1E3 "}}).integer("n"), 1000);
    EXPECT_EQ(Parameters(specs(), {{"seed", "9223372036854775807"}}).integer("seed"),
              std::numeric_limits<std::int64_t>::max());
    EXPECT_THAT(message_of({{"n", "1.5e3"}}), HasSubstr("must be an integer"));
    EXPECT_THAT(message_of({{"seed", "99999999999999999999"}}), HasSubstr("must be an integer"));
}

TEST(Parameters, UnknownNameIsNamedWithTheKnownOnes)
{
    const auto message = message_of({{"size", "3"}});
    EXPECT_THAT(message, HasSubstr("unknown parameter 'size'"));
    EXPECT_THAT(message, HasSubstr("n, seconds, mode, tasks, seed"));
}

TEST(Parameters, NotANumberIsRefused)
{
    EXPECT_EQ(message_of({{"n", "abc"}}), "parameter 'n' must be an integer, got 'abc'");
    EXPECT_EQ(message_of({{"n", ""}}), "parameter 'n' must be an integer, got ''");
    EXPECT_EQ(message_of({{"n", "12x"}}), "parameter 'n' must be an integer, got '12x'");
    EXPECT_EQ(message_of({{"seconds", "fast"}}), "parameter 'seconds' must be a number, got 'fast'");
    EXPECT_EQ(message_of({{"seconds", "nan"}}), "parameter 'seconds' must be a number, got 'nan'");
}

TEST(Parameters, OutOfRangeNamesTheRange)
{
    EXPECT_EQ(message_of({{"n", "0"}}), "parameter 'n' must be in 1 .. 1000000000, got '0'");
    EXPECT_EQ(message_of({{"n", "-5"}}), "parameter 'n' must be in 1 .. 1000000000, got '-5'");
    EXPECT_EQ(message_of({{"seconds", "61"}}), "parameter 'seconds' must be in 0 .. 60, got '61'");
    EXPECT_EQ(message_of({{"mode", "run"}}), "parameter 'mode' must be one of wait | work, got 'run'");
}

TEST(Parameters, ListsRefuseEmptyNegativeAndMalformed)
{
    for (const std::string bad : {"", "1,,2", "-1", "1,2000", "2*0", "2*-3", "2*x", "*3", "1;2", "2*1e12"}) {
        SCOPED_TRACE(bad);
        EXPECT_THAT(message_of({{"tasks", bad}}), HasSubstr("parameter 'tasks' must be"));
    }
    EXPECT_THAT(message_of({{"tasks", "-1"}}), HasSubstr("0 .. 1000"));
}

TEST(Parameters, CanonicalValuesRoundTrip)
{
    const Parameters first(specs(), {{"n", "5e3"},
                                     {"seconds", "0.30000000000000004"},
                                     {"tasks", " 1, 8*2 ,3,3, 0.1 , 2*16,2"},
                                     {"seed", "+7"}});
    EXPECT_EQ(first.values().at("n"), "5000");
    EXPECT_EQ(first.values().at("tasks"), "1,8*2,3*2,0.1,2*17");
    const Parameters second(specs(), first.values());
    EXPECT_EQ(second.values(), first.values());
    EXPECT_EQ(second.real("seconds"), 0.30000000000000004);
    EXPECT_EQ(second.real_list("tasks"), first.real_list("tasks"));
    EXPECT_EQ(second.integer("seed"), 7);
}

TEST(Parameters, AccessorsRefuseWrongNameOrKind)
{
    const Parameters parameters(specs(), {});
    EXPECT_THROW((void)parameters.integer("nope"), std::invalid_argument);
    EXPECT_THROW((void)parameters.integer("seconds"), std::invalid_argument);
    EXPECT_THROW((void)parameters.real_list("mode"), std::invalid_argument);
}

TEST(ParameterSpec, RangeTextReadsLikeThePerson)
{
    const auto all = specs();
    EXPECT_EQ(all[0].range_text(), "1 .. 1000000000");
    EXPECT_EQ(all[1].range_text(), "0 .. 60");
    EXPECT_EQ(all[2].range_text(), "wait | work");
    EXPECT_THAT(all[3].range_text(), HasSubstr("0 .. 1000"));
    EXPECT_EQ(all[4].range_text(), "0 .. 9223372036854775807");
}
