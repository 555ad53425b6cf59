// The fakes the sweep's tests share: a workload with a known checksum, an executor that runs on
// real threads but reports made-up wall times (so speedups are exact), and an observer that
// records what a sweep reports.
#pragma once

#include "executors/run_error.h"
#include "sweep/sweep.h"

#include <atomic>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace parlab::test {

// Tasks whose partials are their squares: the checksum is a known number.
class SquaresWorkload final : public Workload {
public:
    explicit SquaresWorkload(std::size_t tasks) : Workload("squares", Parameters({}, {})), m_tasks(tasks) {}
    std::size_t task_count() const override { return m_tasks; }
    Partial run_task(std::size_t task, const CancelToken&) const override
    {
        return Partial{task * task, 0.0, 0.0};
    }
    Checksum combine(std::span<const Partial> partials) const override
    {
        uint128 sum = 0;
        for (const auto& partial : partials)
            sum += partial.exact;
        return Checksum{to_decimal(sum), {}};
    }

private:
    std::size_t m_tasks;
};

// Runs tasks on W real threads but reports a made-up wall time, so speedups are exact.
class FakeExecutor final : public Executor {
public:
    std::function<double(std::size_t)> wall_for = [](std::size_t workers) { return 1.0 / workers; };
    std::function<void(std::size_t, Checksum&)> tamper = [](std::size_t, Checksum&) {};
    std::vector<ExecutorOptions> calls;
    ExecutorTraits m_traits{.name = "fake",
                            .display_name = "Fake",
                            .worker_word = "worker",
                            .workers_word = "workers",
                            .summary = "threads that report made-up wall times",
                            .ships_inputs = true,
                            .retries = true};
    unsigned shutdowns = 0;
    bool warm = false;  // like a pool: the first run after a shutdown pays 0.25 s to start
    bool joins = false; // like a cluster: tells who joined, one worker per host "hN", before the tasks

    double shutdown() override
    {
        ++shutdowns;
        warm = false;
        return 0.125;
    }

    const ExecutorTraits& traits() const override { return m_traits; }
    Run run(const Workload& workload, const ExecutorOptions& options) override
    {
        calls.push_back(options);
        std::vector<Partial> partials(workload.task_count());
        std::atomic<std::size_t> next{0};
        std::vector<std::thread> threads;
        if (options.observer != nullptr)
            options.observer->set_up(options.workers);
        if (joins && options.observer != nullptr) {
            std::vector<RankInfo> ranks;
            for (std::uint32_t w = 0; w < options.workers; ++w)
                ranks.push_back(RankInfo{w, "h" + std::to_string(w), 0, 1, "cpu", 0, 0});
            options.observer->on_joined(ranks);
        }
        for (std::size_t w = 0; w < options.workers; ++w) {
            threads.emplace_back([&, w] {
                for (std::size_t task = next++; task < partials.size(); task = next++) {
                    if (options.cancel.cancelled())
                        return;
                    partials[task] = workload.run_task(task, options.cancel);
                    if (options.observer != nullptr)
                        options.observer->on_task_done(
                            w, TraceEvent{static_cast<std::uint32_t>(task), static_cast<std::uint32_t>(w)});
                }
            });
        }
        for (auto& thread : threads)
            thread.join();
        Run run;
        run.workload = workload.name();
        run.backend = std::string(name());
        run.workers = options.workers;
        run.tasks = partials.size();
        if (options.cancel.cancelled())
            throw RunCancelled(run);
        run.tasks_done = partials.size();
        run.wall_s = wall_for(options.workers);
        run.checksum = workload.combine(partials);
        run.costs.startup_s = warm ? 0.0 : 0.25;
        warm = true;
        tamper(options.workers, run.checksum);
        run.trace.events.push_back(TraceEvent{0, 0});
        return run;
    }
};

class RecordingObserver final : public SweepObserver {
public:
    void on_progress(const SweepProgress& progress) override
    {
        const std::lock_guard lock(m_mutex);
        if (in_progress.exchange(true))
            overlapped = true;
        progresses.push_back(progress);
        in_progress = false;
    }
    void on_baseline(const Point& point) override { baselines.push_back(point); }
    void on_point(const Point& point) override { points.push_back(point); }
    void on_task_done(std::size_t, const TraceEvent&) override { ++tasks_seen; }

    std::mutex m_mutex;
    std::atomic<bool> in_progress{false};
    bool overlapped = false;
    std::vector<SweepProgress> progresses;
    std::vector<Point> baselines;
    std::vector<Point> points;
    std::atomic<std::size_t> tasks_seen{0};
};

SweepRequest request_for(const std::string& range, unsigned repeats = 1)
{
    SweepRequest request;
    request.workload = "squares";
    request.workers = WorkerRange::parse(range);
    request.repeats = repeats;
    return request;
}

struct Fakes {
    SquaresWorkload workload{100};
    FakeExecutor serial;
    FakeExecutor executor;
};

} // namespace parlab::test
