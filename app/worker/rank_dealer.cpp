#include "rank_dealer.h"

#include "executors/cluster/rank_report.h"
#include "rank_messages.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <mpi.h>
#include <string>
#include <unistd.h>

namespace parlab {

namespace {

// How long the dealer sleeps when nothing arrived: MPI's blocking calls spin on a CPU, which on a
// laptop would take a core from the ranks' tasks.
constexpr auto idle_sleep = std::chrono::microseconds(50);

void print(const rank_report::Line& line)
{
    const std::string text = rank_report::format(line);
    std::fwrite(text.data(), 1, text.size(), stdout);
}

} // namespace

RankDealer::RankDealer(const Workload& workload, int ranks, Schedule schedule, std::size_t chunk,
                       std::vector<std::int64_t> clock_offsets)
    : m_workload(workload), m_ranks(ranks), m_schedule(schedule), m_tasks(workload.task_count()),
      m_offsets(std::move(clock_offsets)), m_in_flight(static_cast<std::size_t>(ranks), 0),
      m_static_queues(static_cast<std::size_t>(ranks))
{
    const auto workers = static_cast<std::size_t>(ranks);
    const std::size_t most = std::max<std::size_t>(1, m_tasks);
    if (schedule == Schedule::Dynamic) {
        m_chunk = std::min(chunk > 0 ? chunk : 1, most);
        // Two chunks in flight: the next one is already there when a rank finishes.
        m_window = 2 * m_chunk;
    } else {
        m_chunk =
            std::max<std::size_t>(1, std::min(chunk > 0 ? chunk : (m_tasks + workers - 1) / workers, most));
        m_window = m_tasks;
        for (std::size_t first = 0, n = 0; first < m_tasks; first += m_chunk, ++n)
            for (std::size_t task = first; task < std::min(m_tasks, first + m_chunk); ++task)
                m_static_queues[n % workers].push_back(static_cast<std::int64_t>(task));
    }
    m_compute = std::thread([this] { compute_loop(); });
}

RankDealer::~RankDealer()
{
    {
        std::lock_guard lock(m_local.mutex);
        m_local.stop = true;
    }
    m_local.wake.notify_one();
    m_compute.join();
}

void RankDealer::compute_loop()
{
    const CancelToken never;
    for (;;) {
        std::int64_t task = 0;
        {
            std::unique_lock lock(m_local.mutex);
            m_local.wake.wait(lock, [this] { return m_local.stop || !m_local.queue.empty(); });
            if (m_local.stop)
                return;
            task = m_local.queue.front();
            m_local.queue.pop_front();
        }
        TraceEvent event{static_cast<std::uint32_t>(task),
                         0,
                         static_cast<std::int32_t>(::getpid()),
                         -1,
                         Phase::Compute,
                         steady_now_ns(),
                         0};
        Partial partial;
        std::string failure;
        try {
            partial = m_workload.run_task(static_cast<std::size_t>(task), never);
        } catch (const std::exception& error) {
            failure = error.what();
        }
        event.end_ns = steady_now_ns();
        event.cpu = current_cpu();
        std::lock_guard lock(m_local.mutex);
        if (!failure.empty() && m_local.failed_task < 0) {
            m_local.failed_task = task;
            m_local.failure = failure;
        } else if (failure.empty()) {
            m_local.done_events.push_back(event);
            m_local.done_partials.push_back(partial);
        }
    }
}

void RankDealer::send(int rank, const std::vector<std::int64_t>& tasks)
{
    m_in_flight[static_cast<std::size_t>(rank)] += tasks.size();
    if (rank == 0) {
        {
            std::lock_guard lock(m_local.mutex);
            m_local.queue.insert(m_local.queue.end(), tasks.begin(), tasks.end());
        }
        m_local.wake.notify_one();
        return;
    }
    const std::int64_t start = steady_now_ns();
    MPI_Send(tasks.data(), static_cast<int>(tasks.size()), MPI_INT64_T, rank, rank_messages::Tasks,
             MPI_COMM_WORLD);
    m_ship_ns += steady_now_ns() - start;
    m_bytes += tasks.size() * sizeof(std::int64_t);
}

void RankDealer::fill(int rank)
{
    auto& in_flight = m_in_flight[static_cast<std::size_t>(rank)];
    if (m_schedule == Schedule::Static) {
        auto& queue = m_static_queues[static_cast<std::size_t>(rank)];
        if (!queue.empty())
            send(rank, std::vector<std::int64_t>(queue.begin(), queue.end()));
        queue.clear();
        return;
    }
    // A chunk queued behind the running one only while every rank can still get one of its own:
    // near the end, the last tasks wait for a free rank, not behind a busy one.
    const std::size_t plenty = static_cast<std::size_t>(m_ranks) * m_chunk;
    while (m_next < m_tasks && (in_flight == 0 || (in_flight < m_window && m_tasks - m_next > plenty))) {
        std::vector<std::int64_t> chunk;
        for (std::size_t k = 0; k < m_chunk && m_next < m_tasks; ++k)
            chunk.push_back(static_cast<std::int64_t>(m_next++));
        send(rank, chunk);
    }
}

void RankDealer::report_task(const TraceEvent& event, const Partial& partial)
{
    TraceEvent shifted = event;
    // Onto the dealer's clock: each rank's offset was measured at start-up.
    shifted.start_ns -= m_offsets[event.worker];
    shifted.end_ns -= m_offsets[event.worker];
    print(rank_report::Task{shifted, partial});
    --m_in_flight[event.worker];
    ++m_done;
    fill(static_cast<int>(event.worker));
}

void RankDealer::report_failure(std::int64_t task, const std::string& message)
{
    rank_report::Failed failed;
    if (task >= 0)
        failed.task = static_cast<std::uint32_t>(task);
    failed.message = message;
    print(failed);
    std::fflush(stdout);
    // The other ranks may be deep in a task: ending the job is the only way to stop them now.
    MPI_Abort(MPI_COMM_WORLD, 3);
    std::_Exit(3);
}

bool RankDealer::take_messages()
{
    bool any = false;
    for (;;) {
        int flag = 0;
        MPI_Status status;
        MPI_Iprobe(MPI_ANY_SOURCE, MPI_ANY_TAG, MPI_COMM_WORLD, &flag, &status);
        if (flag == 0)
            break;
        any = true;
        const std::int64_t start = steady_now_ns();
        if (status.MPI_TAG == rank_messages::Result) {
            rank_messages::ResultMessage result;
            MPI_Recv(&result, sizeof result, MPI_BYTE, status.MPI_SOURCE, rank_messages::Result,
                     MPI_COMM_WORLD, MPI_STATUS_IGNORE);
            m_ship_ns += steady_now_ns() - start;
            m_bytes += sizeof result;
            const TraceEvent event{static_cast<std::uint32_t>(result.task),
                                   static_cast<std::uint32_t>(status.MPI_SOURCE),
                                   result.pid,
                                   result.cpu,
                                   Phase::Compute,
                                   result.start_ns,
                                   result.end_ns};
            Partial partial;
            partial.exact = (static_cast<uint128>(result.exact_high) << 64) | result.exact_low;
            partial.sum = result.sum;
            partial.extra = result.extra;
            report_task(event, partial);
        } else {
            int length = 0;
            MPI_Get_count(&status, MPI_CHAR, &length);
            std::string text(static_cast<std::size_t>(length), '\0');
            MPI_Recv(text.data(), length, MPI_CHAR, status.MPI_SOURCE, status.MPI_TAG, MPI_COMM_WORLD,
                     MPI_STATUS_IGNORE);
            const auto tab = text.find('\t');
            const std::int64_t task = tab == std::string::npos ? -1 : std::stoll(text.substr(0, tab));
            report_failure(task, "on rank " + std::to_string(status.MPI_SOURCE) + ": " +
                                     (tab == std::string::npos ? text : text.substr(tab + 1)));
        }
    }
    std::vector<TraceEvent> events;
    std::vector<Partial> partials;
    std::int64_t failed_task = -1;
    std::string failure;
    {
        std::lock_guard lock(m_local.mutex);
        events.swap(m_local.done_events);
        partials.swap(m_local.done_partials);
        failed_task = m_local.failed_task;
        failure = m_local.failure;
    }
    for (std::size_t i = 0; i < events.size(); ++i)
        report_task(events[i], partials[i]);
    if (failed_task >= 0)
        report_failure(failed_task, "on rank 0: " + failure);
    return any || !events.empty();
}

int RankDealer::run()
{
    for (int rank = 0; rank < m_ranks; ++rank)
        fill(rank);
    while (m_done < m_tasks) {
        if (!take_messages()) {
            // The parlab process sees results as they come, not when a buffer fills.
            std::fflush(stdout);
            std::this_thread::sleep_for(idle_sleep);
        }
    }
    for (int rank = 1; rank < m_ranks; ++rank)
        MPI_Send(nullptr, 0, MPI_INT64_T, rank, rank_messages::Stop, MPI_COMM_WORLD);
    print(rank_report::Done{m_ship_ns, m_bytes});
    std::fflush(stdout);
    return 0;
}

} // namespace parlab
