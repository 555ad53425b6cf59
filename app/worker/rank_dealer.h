#pragma once

#include "executors/executor.h"
#include "workloads/workload.h"

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <mutex>
#include <thread>
#include <vector>

namespace parlab {

/// Rank 0: deals the tasks to every rank over MPI (itself included, through a compute thread of
/// its own so that dealing never waits for a task), and reports each result on standard output.
/// Only the main thread calls MPI (MPI_THREAD_FUNNELED).
class RankDealer {
public:
    RankDealer(const Workload& workload, int ranks, Schedule schedule, std::size_t chunk,
               std::vector<std::int64_t> clock_offsets);
    ~RankDealer();
    RankDealer(const RankDealer&) = delete;
    RankDealer& operator=(const RankDealer&) = delete;

    /// Runs every task; returns 0, or calls MPI_Abort after reporting a failed task.
    int run();

private:
    struct Local {
        std::mutex mutex;
        std::condition_variable wake;
        std::deque<std::int64_t> queue;
        std::vector<TraceEvent> done_events;
        std::vector<Partial> done_partials;
        std::string failure;
        std::int64_t failed_task = -1;
        bool stop = false;
    };

    void compute_loop();
    void fill(int rank);
    void send(int rank, const std::vector<std::int64_t>& tasks);
    void report_task(const TraceEvent& event, const Partial& partial);
    [[noreturn]] void report_failure(std::int64_t task, const std::string& message);
    /// Handles what the other ranks and the compute thread sent; false when nothing was there.
    bool take_messages();

    const Workload& m_workload;
    int m_ranks;
    Schedule m_schedule;
    std::size_t m_chunk;
    std::size_t m_window;
    std::size_t m_tasks;
    std::vector<std::int64_t> m_offsets;
    std::vector<std::size_t> m_in_flight;
    std::vector<std::deque<std::int64_t>> m_static_queues;
    std::size_t m_next = 0;
    std::size_t m_done = 0;
    std::int64_t m_ship_ns = 0;
    std::uint64_t m_bytes = 0;
    Local m_local;
    std::thread m_compute;
};

} // namespace parlab
