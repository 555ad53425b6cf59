#include "analysis/coffee_replay.h"

#include <gtest/gtest.h>

namespace parlab {
namespace {

constexpr std::int64_t origin = 7'000'000'000;
constexpr std::int64_t ms = 1'000'000;

// `tasks` coffees of 100 ms dealt round-robin to `workers` baristas, each back to back.
std::vector<TaskSpan> bar(std::size_t tasks, std::size_t workers)
{
    std::vector<TaskSpan> spans;
    for (std::size_t task = 0; task < tasks; ++task) {
        const auto worker = static_cast<std::uint32_t>(task % workers);
        const std::int64_t start = origin + static_cast<std::int64_t>(task / workers) * 100 * ms;
        spans.push_back({static_cast<std::uint32_t>(task), worker, 1, static_cast<std::int32_t>(worker),
                         start, start + 100 * ms});
    }
    return spans;
}

TEST(CoffeeReplay, ServedCountIsTasksEndedByThen)
{
    const CoffeeReplay replay(bar(30, 3), 30, 3);
    EXPECT_EQ(replay.students(), 30u);
    EXPECT_EQ(replay.workers(), 3u);
    EXPECT_DOUBLE_EQ(replay.duration_s(), 1.0);
    for (double t : {0.0, 0.05, 0.1, 0.25, 0.5, 0.99, 1.0, 2.0}) {
        const CoffeeState state = replay.at(t);
        EXPECT_EQ(state.tasks_ended, replay.tasks_ended_by(t)) << t;
        EXPECT_EQ(state.served_order.size(), state.tasks_ended) << t;
    }
    EXPECT_EQ(replay.tasks_ended_by(0.05), 0u);
    EXPECT_EQ(replay.tasks_ended_by(0.1), 3u);
    EXPECT_EQ(replay.tasks_ended_by(0.55), 15u);
    EXPECT_EQ(replay.at(1.0).tasks_ended, 30u);
}

TEST(CoffeeReplay, EachBaristaServesTheStudentWhoseTaskRuns)
{
    const CoffeeReplay replay(bar(30, 3), 30, 3);
    const CoffeeState state = replay.at(0.55); // tasks 15, 16, 17 are being served
    EXPECT_EQ(state.serving, (std::vector<std::int32_t>{15, 16, 17}));
    EXPECT_EQ(state.place[15], StudentPlace::AtBarista);
    EXPECT_EQ(state.worker[16], 1);
    EXPECT_EQ(state.place[14], StudentPlace::Left);
    EXPECT_EQ(state.place[18], StudentPlace::Queue);
    EXPECT_EQ(state.worker[18], -1);
    EXPECT_EQ(state.tasks_started, 18u);
    // Since when each is where it is: for the walk to the counter and away with the cup.
    EXPECT_NEAR(state.since_s[15], 0.5, 1e-9);
    EXPECT_NEAR(state.since_s[14], 0.5, 1e-9);
    EXPECT_EQ(state.since_s[18], 0.0);
}

TEST(CoffeeReplay, ServedOrderFollowsEndTimes)
{
    // Task 0 is slow: task 1 and 2 on the other barista leave first.
    std::vector<TaskSpan> spans = {{0, 0, 1, 0, origin, origin + 300 * ms},
                                   {1, 1, 1, 1, origin, origin + 100 * ms},
                                   {2, 1, 1, 1, origin + 100 * ms, origin + 200 * ms}};
    const CoffeeReplay replay(spans, 3, 2);
    EXPECT_EQ(replay.at(1.0).served_order, (std::vector<std::uint32_t>{1, 2, 0}));
    EXPECT_EQ(replay.at(0.15).served_order, (std::vector<std::uint32_t>{1}));
}

TEST(CoffeeReplay, ManyTasksAreGroupedIntoStudents)
{
    const CoffeeReplay replay(bar(10'000, 4), 10'000, 4, 1000);
    EXPECT_EQ(replay.students(), 1000u);
    EXPECT_EQ(replay.tasks_per_student(), 10u);
    const CoffeeState end = replay.at(replay.duration_s());
    EXPECT_EQ(end.tasks_ended, 10'000u);
    EXPECT_EQ(end.served_order.size(), 1000u);
    // Mid-run a student whose group is partly done stands at a barista, not in the queue.
    const CoffeeState mid = replay.at(replay.duration_s() / 2 + 0.05);
    EXPECT_EQ(mid.tasks_ended, replay.tasks_ended_by(replay.duration_s() / 2 + 0.05));
    std::size_t at_bar = 0;
    for (StudentPlace place : mid.place)
        at_bar += place == StudentPlace::AtBarista ? 1 : 0;
    EXPECT_GE(at_bar, 1u);
    EXPECT_LE(at_bar, 4u);
}

TEST(CoffeeReplay, MissingTasksWaitInTheQueue)
{
    // A cancelled run: only 2 of 5 tasks ran.
    const CoffeeReplay replay(bar(2, 2), 5, 2);
    EXPECT_EQ(replay.students(), 5u);
    const CoffeeState state = replay.at(10.0);
    EXPECT_EQ(state.tasks_ended, 2u);
    EXPECT_EQ(state.place[4], StudentPlace::Queue);
}

TEST(TaskSpans, MergesPhasesAndKeepsTheComputeWorker)
{
    Trace trace;
    trace.events = {{3, 1, 9, 2, Phase::Ship, 100, 150},
                    {3, 1, 9, 5, Phase::Compute, 150, 400},
                    {4, 0, 8, 1, Phase::Compute, 120, 300}};
    const auto spans = task_spans(trace);
    ASSERT_EQ(spans.size(), 2u);
    EXPECT_EQ(spans[0].task, 3u);
    EXPECT_EQ(spans[0].start_ns, 100);
    EXPECT_EQ(spans[0].end_ns, 400);
    EXPECT_EQ(spans[0].cpu, 5);
    EXPECT_EQ(spans[1].task, 4u);
}

} // namespace
} // namespace parlab
