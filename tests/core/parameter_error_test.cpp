#include "executors/worker_count_error.h"
#include "sweep/sweep.h"
#include "workloads/parameter_error.h"
#include "workloads/parameters.h"
#include "workloads/workload_registry.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace parlab {
namespace {

using ::testing::HasSubstr;

// The parameter named by the ParameterError that `action` throws; fails when it throws none.
template <class Action> std::string parameter_named(Action action)
{
    try {
        action();
    } catch (const ParameterError& error) {
        return error.parameter();
    }
    ADD_FAILURE() << "no ParameterError";
    return {};
}

SweepRequest cubes_request()
{
    SweepRequest request;
    request.workload = "cubes";
    request.parameters = {{"n", "1000"}};
    request.backend = "threads";
    request.workers = WorkerRange::parse("1:2");
    return request;
}

TEST(ParameterError, IsAnInvalidArgument)
{
    const ParameterError error("n", "parameter 'n' must be in 1 .. 9, got '0'");
    const std::invalid_argument& base = error;
    EXPECT_STREQ(base.what(), "parameter 'n' must be in 1 .. 9, got '0'");
    EXPECT_EQ(error.parameter(), "n");
}

TEST(ParameterError, NamesAValueOutOfRange)
{
    EXPECT_EQ(parameter_named([] { (void)WorkloadRegistry::create("cubes", {{"n", "0"}}); }), "n");
    EXPECT_EQ(parameter_named([] {
                  (void)WorkloadRegistry::create("coffee", {{"seconds", "-1"}});
              }),
              "seconds");
}

TEST(ParameterError, NamesAnUnknownParameter)
{
    EXPECT_EQ(parameter_named([] {
                  (void)WorkloadRegistry::create("cubes", {{"colour", "blue"}});
              }),
              "colour");
}

TEST(ParameterAssignments, ParseKeyEqualsValue)
{
    const ParameterValues values = Parameters::parse_assignments({"n=7", "chunks=3", "label=a=b"});
    EXPECT_EQ(values, (ParameterValues{{"n", "7"}, {"chunks", "3"}, {"label", "a=b"}}));
}

TEST(ParameterAssignments, RefuseAMissingKeyOrEqualsSignInOneWording)
{
    try {
        (void)Parameters::parse_assignments({"n"});
        FAIL() << "accepted 'n'";
    } catch (const ParameterError& error) {
        EXPECT_EQ(error.parameter(), "n");
        EXPECT_STREQ(error.what(), "a parameter must be given as KEY=VALUE, got 'n'");
    }
    EXPECT_THROW((void)Parameters::parse_assignments({"=3"}), ParameterError);
}

TEST(ParameterAssignments, RefuseAKeyGivenTwice)
{
    EXPECT_EQ(parameter_named([] { (void)Parameters::parse_assignments({"n=1", "n=2"}); }), "n");
}

TEST(PlanSweep, ReportsABadParameterAsParameterError)
{
    SweepRequest request = cubes_request();
    request.parameters["n"] = "0";
    EXPECT_EQ(parameter_named([&] { (void)plan_sweep(request); }), "n");
}

TEST(PlanSweep, ReportsABadWorkerCountAsWorkerCountError)
{
    SweepRequest request = cubes_request();
    request.backend = "serial";
    EXPECT_THROW((void)plan_sweep(request), WorkerCountError);
    EXPECT_THROW((void)WorkerRange::parse("1:x"), WorkerCountError);
    EXPECT_THROW((void)WorkerRange::parse("0"), WorkerCountError);
}

TEST(PlanSweep, RefusesOptionsTheBackendDoesNotHonour)
{
    SweepRequest request = cubes_request();
    request.ship_inputs = true;
    EXPECT_THAT([&] { (void)plan_sweep(request); },
                ::testing::ThrowsMessage<std::invalid_argument>(
                    HasSubstr("shipping inputs is not for the threads backend (only for: processes)")));
    request.ship_inputs = false;
    request.retries = 1;
    EXPECT_THAT([&] { (void)plan_sweep(request); }, ::testing::ThrowsMessage<std::invalid_argument>(
                                                        HasSubstr("retrying failed tasks is not for")));
    request.backend = "processes";
    request.ship_inputs = true;
    EXPECT_NO_THROW((void)plan_sweep(request));
}

TEST(PlanSweep, DefaultWorkersAreOneForAOneWorkerBackendElseAuto)
{
    EXPECT_EQ(default_worker_range("serial").text(), WorkerRange::single(1).text());
    EXPECT_EQ(default_worker_range("threads").text(), "auto");
    EXPECT_THROW((void)default_worker_range("gpu"), std::invalid_argument);
}

} // namespace
} // namespace parlab
