#include "sweep/sweep.h"
#include "trace/task_span.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace parlab {
namespace {

// Records what the sweep says, in order: "baseline so far r1", "refined threads 1 r1", "baseline",
// "point 2", ...
class Recorder : public SweepObserver {
public:
    std::vector<std::string> said;
    std::vector<Point> refined;
    Point serial;

    void on_baseline_refined(const Point& point) override
    {
        refined.push_back(point);
        said.push_back("baseline so far r" + std::to_string(point.repeats));
    }
    void on_point_refined(const Point& point) override
    {
        refined.push_back(point);
        said.push_back("refined " + point.backend + " " + std::to_string(point.workers) + " r" +
                       std::to_string(point.repeats));
    }
    void on_baseline(const Point& point) override
    {
        serial = point;
        said.push_back("baseline");
    }
    void on_point(const Point& point) override { said.push_back("point " + std::to_string(point.workers)); }
    void on_run_kept(const Run& run) override
    {
        kept.push_back(run);
        said.push_back("kept " + std::to_string(run.workers));
    }
    std::vector<Run> kept;
};

TEST(SweepRefined, EachRoundButTheLastGivesEveryPointProvisionallyBeforeTheFinalOnes)
{
    SweepRequest request;
    request.workload = "coffee";
    request.parameters = {{"students", "6"}, {"seconds", "0.001"}, {"mode", "wait"}};
    request.backend = "threads";
    request.workers = WorkerRange::parse("1:2");
    request.repeats = 3;
    Recorder recorder;
    const SweepResult result = run_sweep(request, &recorder, CancelToken());

    // Rounds are interleaved: every point has a provisional value after the first round.
    const std::vector<std::string> expected = {
        "baseline so far r1",
        "refined threads 1 r1",
        "refined threads 2 r1",
        "baseline so far r2",
        "refined threads 1 r2",
        "refined threads 2 r2",
        "baseline",
        "kept 1",
        "point 1",
        "kept 2",
        "point 2",
    };
    EXPECT_EQ(recorder.said, expected);
    // Each worker count's run of the last round comes whole, trace and all, to compare side by
    // side; the last of them is the sweep's last run.
    ASSERT_EQ(recorder.kept.size(), 2u);
    for (const parlab::Run& run : recorder.kept) {
        EXPECT_EQ(run.tasks_done, 6u);
        EXPECT_EQ(task_spans(run.trace).size(), 6u);
    }
    EXPECT_EQ(recorder.kept.back().wall_s, result.last_run.wall_s);
    EXPECT_EQ(recorder.kept.back().trace.events.size(), result.last_run.trace.events.size());
    double serial_so_far = 0.0;
    for (const Point& point : recorder.refined) {
        EXPECT_EQ(point.tasks, 6u);
        EXPECT_EQ(point.checksum, result.serial.checksum);
        EXPECT_GT(point.wall_s, 0.0);
        EXPECT_LE(point.wall_s_min, point.wall_s);
        EXPECT_GE(point.wall_s_max, point.wall_s);
        if (point.backend == "serial") {
            EXPECT_DOUBLE_EQ(point.speedup, 1.0);
            serial_so_far = point.wall_s;
        } else { // against the baseline's median over the same rounds
            EXPECT_DOUBLE_EQ(point.speedup, serial_so_far / point.wall_s);
        }
    }
}

TEST(SweepRefined, OneRepeatGivesNoProvisionalPoint)
{
    SweepRequest request;
    request.workload = "coffee";
    request.parameters = {{"students", "3"}, {"seconds", "0"}, {"mode", "wait"}};
    request.workers = WorkerRange::parse("2");
    Recorder recorder;
    (void)run_sweep(request, &recorder, CancelToken());
    EXPECT_TRUE(recorder.refined.empty());
}

} // namespace
} // namespace parlab
