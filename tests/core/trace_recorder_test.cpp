#include "trace/trace_recorder.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <thread>
#include <vector>

namespace parlab {
namespace {

TraceEvent event_at(std::uint32_t task, std::uint32_t worker, std::int64_t start_ns)
{
    TraceEvent event;
    event.task = task;
    event.worker = worker;
    event.start_ns = start_ns;
    event.end_ns = start_ns + 10;
    return event;
}

TEST(TraceRecorder, CollectMergesWorkersSortedByStart)
{
    TraceRecorder recorder(2, 4);
    recorder.record(0, event_at(0, 0, 100));
    recorder.record(0, event_at(2, 0, 300));
    recorder.record(1, event_at(1, 1, 50));
    recorder.record(1, event_at(3, 1, 200));

    const Trace trace = recorder.collect();
    ASSERT_EQ(trace.events.size(), 4u);
    const std::vector<std::uint32_t> order = {1, 0, 3, 2};
    for (std::size_t i = 0; i < order.size(); ++i)
        EXPECT_EQ(trace.events[i].task, order[i]) << "position " << i;
    EXPECT_EQ(recorder.dropped(), 0u);
}

TEST(TraceRecorder, CountsWhatDoesNotFit)
{
    TraceRecorder recorder(2, 2);
    for (std::uint32_t task = 0; task < 5; ++task)
        recorder.record(1, event_at(task, 1, task));
    EXPECT_EQ(recorder.collect().events.size(), 2u);
    EXPECT_EQ(recorder.dropped(), 3u);
}

TEST(TraceRecorder, RefusesAWorkerItHasNoRoomFor)
{
    TraceRecorder recorder(2, 2);
    EXPECT_THROW(recorder.record(2, event_at(0, 2, 0)), std::invalid_argument);
}

TEST(TraceRecorder, WorkersRecordAtOnce)
{
    constexpr std::size_t workers = 4;
    constexpr std::size_t per_worker = 1000;
    TraceRecorder recorder(workers, per_worker);
    std::vector<std::thread> threads;
    for (std::size_t worker = 0; worker < workers; ++worker) {
        threads.emplace_back([&recorder, worker] {
            for (std::size_t i = 0; i < per_worker; ++i) {
                const auto task = static_cast<std::uint32_t>(worker * per_worker + i);
                recorder.record(worker, event_at(task, static_cast<std::uint32_t>(worker), task));
            }
        });
    }
    for (auto& thread : threads)
        thread.join();

    const Trace trace = recorder.collect();
    ASSERT_EQ(trace.events.size(), workers * per_worker);
    for (std::size_t i = 0; i < trace.events.size(); ++i) {
        EXPECT_EQ(trace.events[i].task, i);
        EXPECT_EQ(trace.events[i].worker, i / per_worker);
    }
}

} // namespace
} // namespace parlab
