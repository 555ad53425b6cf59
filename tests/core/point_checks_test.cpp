#include "report/point_checks.h"
#include "report/report_json.h"

#include "executors/executor_registry.h"

#include <nlohmann/json.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <functional>
#include <limits>
#include <stdexcept>
#include <string>

namespace parlab {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

Point good_point()
{
    Point p;
    p.workload = "cubes";
    p.backend = "threads";
    p.workers = 2;
    p.tasks = 64;
    p.repeats = 3;
    p.wall_s = 0.2;
    p.wall_s_min = 0.19;
    p.wall_s_max = 0.21;
    p.speedup = 1.9;
    p.efficiency = 0.95;
    p.karp_flatt = -0.01; // superlinear: allowed
    p.costs.compute_s = 0.4;
    p.costs.bytes_sent = 4096;
    p.checksum.value = "123";
    return p;
}

SweepRequest good_request()
{
    SweepRequest r;
    r.workload = "cubes";
    r.backend = "threads";
    r.parameters = {{"n", "1000"}};
    r.workers = WorkerRange::parse("1:2");
    r.repeats = 3;
    return r;
}

// The message check_saved_point gives for `point`, or "" when it passes.
std::string refusal(const Point& point)
{
    try {
        check_saved_point(point, "runs[0].points[1]");
    } catch (const std::invalid_argument& error) {
        return error.what();
    }
    return {};
}

std::string refusal(const SweepRequest& request)
{
    try {
        check_saved_request(request, "runs[0].request");
    } catch (const std::invalid_argument& error) {
        return error.what();
    }
    return {};
}

Point changed(const std::function<void(Point&)>& change)
{
    Point p = good_point();
    change(p);
    return p;
}

TEST(PointChecks, AGoodPointAndRequestPass)
{
    EXPECT_EQ(refusal(good_point()), "");
    EXPECT_EQ(refusal(good_request()), "");
}

TEST(PointChecks, EachBadFieldIsNamed)
{
    EXPECT_THAT(refusal(changed([](Point& p) { p.workers = 10'000'000; })),
                HasSubstr("runs[0].points[1].workers must be in 1 .. "));
    EXPECT_THAT(refusal(changed([](Point& p) { p.workers = 0; })), HasSubstr(".workers"));
    EXPECT_THAT(refusal(changed([](Point& p) { p.repeats = 0; })),
                HasSubstr(".repeats must be in 1 .. 1000"));
    EXPECT_THAT(refusal(changed([](Point& p) { p.wall_s_max = -1.0; })), HasSubstr(".wall_s_max"));
    EXPECT_THAT(refusal(changed([](Point& p) { p.costs.ship_s = std::numeric_limits<double>::infinity(); })),
                HasSubstr(".ship_s"));
    EXPECT_THAT(refusal(changed([](Point& p) { p.speedup = std::numeric_limits<double>::quiet_NaN(); })),
                HasSubstr(".speedup"));
    EXPECT_THAT(refusal(changed([](Point& p) { p.costs.bytes_sent = std::uint64_t{1} << 62; })),
                HasSubstr(".bytes_sent"));
    EXPECT_THAT(refusal(changed([](Point& p) { p.workload = "nope"; })),
                HasSubstr(".workload 'nope' is not a workload"));
    EXPECT_THAT(refusal(changed([](Point& p) { p.backend = "mpi"; })),
                HasSubstr(".backend 'mpi' is not a backend"));
}

TEST(PointChecks, TheWorkerLimitIsTheBackends)
{
    const std::size_t limit = ExecutorRegistry::find("threads").max_workers();
    EXPECT_EQ(refusal(changed([&](Point& p) { p.workers = limit; })), "");
    EXPECT_THAT(refusal(changed([&](Point& p) { p.workers = limit + 1; })), HasSubstr(".workers"));
    EXPECT_THAT(refusal(changed([](Point& p) {
                    p.backend = "serial";
                    p.workers = 2;
                })),
                HasSubstr("must be in 1 .. 1 for serial"));
}

TEST(PointChecks, LongTextIsRefusedWithoutQuotingIt)
{
    const std::string huge(1'000'000, 'x');
    const std::string message = refusal(changed([&](Point& p) { p.workload = huge; }));
    EXPECT_THAT(message, HasSubstr(".workload is 1000000 characters long (at most 256)"));
    EXPECT_LT(message.size(), 200u);
    EXPECT_THAT(refusal(changed([&](Point& p) { p.checksum.value = huge; })), HasSubstr(".checksum is"));
    EXPECT_THAT(refusal(changed([&](Point& p) { p.checksum.extra[huge] = "1"; })),
                HasSubstr(".checksum field name is"));
}

TEST(PointChecks, ARequestsParametersAreCheckedAgainstTheWorkloadsSpecs)
{
    SweepRequest r = good_request();
    r.parameters = {{"n", "-5"}};
    EXPECT_THAT(refusal(r), HasSubstr("runs[0].request.parameters are wrong: parameter 'n'"));
    r.parameters = {{"frobnicate", "1"}};
    EXPECT_THAT(refusal(r), HasSubstr("unknown parameter 'frobnicate'"));
    r = good_request();
    r.repeats = 0;
    EXPECT_THAT(refusal(r), HasSubstr("runs[0].request.repeats"));
    r = good_request();
    r.workers = WorkerRange::parse("1:100000");
    EXPECT_THAT(refusal(r), HasSubstr("runs[0].request.workers"));
    r = good_request();
    r.backend = "mpi";
    EXPECT_THAT(refusal(r), HasSubstr("runs[0].request.backend"));
}

TEST(PointChecks, RepeatsTooLargeForTheirTypeAreRefusedNotWrapped)
{
    nlohmann::json object = nlohmann::json::parse(point_json(good_point()).dump());
    object["repeats"] = 4294967296ULL;
    try {
        (void)point_from_json(object, "runs[0].points[0]");
        FAIL() << "4294967296 repeats were read";
    } catch (const std::invalid_argument& error) {
        EXPECT_THAT(std::string(error.what()),
                    HasSubstr("runs[0].points[0].repeats 4294967296 is too large"));
    }
    object["repeats"] = 4294967295ULL;
    const Point read = point_from_json(object, "p");
    EXPECT_EQ(read.repeats, 4294967295u);
    EXPECT_THAT(refusal(read), HasSubstr("repeats must be in 1 .. 1000, got 4294967295"));
}

} // namespace
} // namespace parlab
