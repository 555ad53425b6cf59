#include "executors/processes/process_run.h"

#include "executors/in_flight_window.h"
#include "executors/processes/process_executor.h"
#include "executors/processes/wire/process_messages.h"
#include "executors/run_assembly.h"

#include <algorithm>
#include <cerrno>
#include <poll.h>
#include <stdexcept>
#include <system_error>
#include <unistd.h>

namespace parlab {

namespace {

// How long one wait for the workers may last: cancel is noticed within this.
constexpr int poll_tick_ms = 20;
// Static dealing fixes each worker's tasks up front; this many are sent ahead so that a worker
// never waits for the next one, without buffering a whole share of shipped inputs at once.
constexpr std::size_t static_window = 16;

} // namespace

ProcessRun::ProcessRun(ProcessPool& pool, const Workload& workload, const ExecutorOptions& options)
    : m_pool(pool), m_workload(workload), m_options(options), m_tasks(workload.task_count()),
      m_retries_left(options.retries), m_slots(options.workers), m_partials(m_tasks),
      m_liveness(pool.liveness(), options.workers)
{
    const std::size_t workers = options.workers;
    const Dealing dealing = options.dealing();
    m_chunk = dealing.chunk_size(m_tasks, workers);
    if (options.schedule == Schedule::Dynamic) {
        // Two chunks in flight: the next one is already there when a worker finishes.
        m_window = 2 * m_chunk;
        m_adaptive = options.chunk == 0;
    } else {
        m_window = static_window;
        for (std::size_t chunk = 0; chunk < dealing.chunk_count(m_tasks, workers); ++chunk)
            for (std::size_t task = chunk * m_chunk; task < std::min(m_tasks, (chunk + 1) * m_chunk); ++task)
                m_slots[Dealing::owner(chunk, workers)].queue.push_back(task);
    }
    if (options.observer != nullptr)
        options.observer->set_up(workers);
    m_events.reserve(options.ship_inputs ? 2 * m_tasks : m_tasks);
    if (options.ship_inputs && options.ship_via == ShipVia::Shm)
        m_shared.emplace(workers);
}

void ProcessRun::start_worker(std::size_t index)
{
    if (m_shared)
        m_shared->reset(index); // a new process maps none of its predecessor's regions
    append_setup(m_pool.worker(index).outbox(),
                 {m_workload.name(), m_workload.parameters().values(), static_cast<std::uint32_t>(index)});
    fill(index);
    flush(index);
}

void ProcessRun::fill(std::size_t index)
{
    Slot& slot = m_slots[index];
    if (m_options.schedule == Schedule::Static) {
        while (slot.in_flight.size() < m_window && !slot.queue.empty()) {
            const std::size_t task = slot.queue.front();
            slot.queue.pop_front();
            send_task(index, task);
        }
        return;
    }
    // A chunk queued behind the running one only while every worker can still get a chunk of
    // its own: near the end, the last tasks must wait for a free worker, not behind a busy one.
    const auto undealt = [this] { return m_requeued.size() + (m_tasks - m_next); };
    const std::size_t plenty = m_slots.size() * m_chunk;
    const std::size_t window = dynamic_window(undealt());
    while (undealt() > 0 &&
           (slot.in_flight.empty() || (slot.in_flight.size() < window && undealt() > plenty))) {
        for (std::size_t k = 0; k < m_chunk && undealt() > 0; ++k) {
            if (!m_requeued.empty()) {
                send_task(index, m_requeued.front());
                m_requeued.pop_front();
            } else {
                send_task(index, m_next++);
            }
        }
    }
}

std::size_t ProcessRun::dynamic_window(std::size_t undealt) const
{
    if (!m_adaptive || m_timed_tasks == 0)
        return m_window;
    // Workers send results in batches of about 2 ms (process_worker_loop.cpp), well inside the window.
    // A task too short for the clock counts as a nanosecond: it was measured, and it was short.
    const double mean_s =
        std::max<double>(1e-9, static_cast<double>(m_timed_ns) * 1e-9 / static_cast<double>(m_timed_tasks));
    return in_flight_window(m_window, mean_s, undealt, m_slots.size());
}

void ProcessRun::send_task(std::size_t index, std::size_t task)
{
    ProcessWorker& worker = m_pool.worker(index);
    m_slots[index].in_flight.push_back(task);
    if (!m_options.ship_inputs) {
        append_task(worker.outbox(), task, false, {});
        return;
    }
    std::int64_t start = 0;
    try {
        // Making the inputs is the task's own work (a worker does it when nothing is shipped):
        // shipping is moving them, into the socket, or finding them room in the shared region,
        // where they are made in place and read in place.
        if (m_shared) {
            const std::int64_t placing_ns = make_shared_inputs(index, task);
            start = steady_now_ns() - placing_ns;
        } else {
            const std::vector<std::byte> inputs = m_workload.serialize_inputs(task);
            start = steady_now_ns();
            append_task(worker.outbox(), task, true, inputs);
        }
    } catch (const std::exception& error) {
        fail("task " + std::to_string(task) + " failed: " + error.what(), task);
        return;
    }
    m_ship_ns += steady_now_ns() - start;
    // A shared task's frame is a few bytes: the poll loop sends those of a batch together.
    if (!m_shared)
        flush(index);
    const std::int64_t end = steady_now_ns();
    m_events.push_back({static_cast<std::uint32_t>(task), static_cast<std::uint32_t>(index),
                        static_cast<std::int32_t>(worker.pid()), current_cpu(), Phase::Ship, start, end});
}

std::int64_t ProcessRun::make_shared_inputs(std::size_t index, std::size_t task)
{
    ProcessWorker& worker = m_pool.worker(index);
    SharedSpan where;
    bool placed = false;
    std::int64_t placing_ns = 0;
    m_workload.serialize_inputs_to(task, [&](std::size_t bytes) {
        if (placed) // the ring frees entries in the order they were made: one per task
            throw std::logic_error("a workload asked twice for room for one task's inputs");
        const std::int64_t start = steady_now_ns();
        const SharedInputs::Room room = m_shared->reserve(index, worker, bytes);
        placing_ns += steady_now_ns() - start;
        where = room.where;
        placed = true;
        return room.bytes;
    });
    const std::int64_t start = steady_now_ns();
    if (!placed)
        m_shared->reserve(index, worker, 0);
    append_shared_task(worker.outbox(), task, where);
    m_costs.bytes_sent += where.length; // made once in the region, read in place by the worker
    return placing_ns + (steady_now_ns() - start);
}

void ProcessRun::flush(std::size_t index)
{
    const std::int64_t start = steady_now_ns();
    bool alive = true;
    m_costs.bytes_sent += m_pool.worker(index).flush(alive);
    m_ship_ns += steady_now_ns() - start;
    // A worker that is gone is noticed by its end of stream, which tells how it ended.
}

bool ProcessRun::receive(std::size_t index)
{
    ProcessWorker& worker = m_pool.worker(index);
    while (!m_failure) {
        // Reading and decoding count as shipping; handling a result (dealing more) times itself.
        std::int64_t start = steady_now_ns();
        const std::int64_t n = worker.receive();
        m_ship_ns += steady_now_ns() - start;
        if (n == 0)
            return false;
        if (n < 0)
            break;
        m_liveness.heard_from(index);
        m_costs.bytes_received += static_cast<std::uint64_t>(n);
        try {
            while (!m_failure) {
                start = steady_now_ns();
                const auto frame = worker.decoder().next();
                m_ship_ns += steady_now_ns() - start;
                if (!frame)
                    break;
                handle_frame(index, *frame);
            }
        } catch (const std::runtime_error& error) {
            fail("corrupt message from worker " + std::to_string(index) + ": " + error.what(), std::nullopt);
        }
    }
    return true;
}

void ProcessRun::handle_frame(std::size_t index, const Frame& frame)
{
    ProcessWorker& worker = m_pool.worker(index);
    Slot& slot = m_slots[index];
    if (frame.type == FrameType::Failed) {
        const auto failed = decode_failed(frame.payload);
        if (failed.task)
            fail("task " + std::to_string(*failed.task) + " failed: " + failed.message, *failed.task);
        else
            fail("worker " + std::to_string(index) + " (pid " + std::to_string(worker.pid()) + ") " +
                     failed.message,
                 std::nullopt);
        return;
    }
    if (frame.type != FrameType::Result)
        throw std::runtime_error("unexpected " + std::string(to_string(frame.type)) + " frame");
    const auto result = decode_result(frame.payload);
    if (slot.in_flight.empty() || slot.in_flight.front() != result.task)
        throw std::runtime_error("result for task " + std::to_string(result.task) +
                                 ", which it was not running");
    slot.in_flight.pop_front();
    if (m_shared)
        m_shared->release(index);
    m_partials[result.task] = result.partial;
    ++m_tasks_done;
    slot.compute_ns += result.end_ns - result.start_ns;
    m_timed_ns += result.end_ns - result.start_ns;
    ++m_timed_tasks;
    m_liveness.task_took(static_cast<double>(result.end_ns - result.start_ns) * 1e-9);
    const TraceEvent event{static_cast<std::uint32_t>(result.task),
                           static_cast<std::uint32_t>(index),
                           static_cast<std::int32_t>(worker.pid()),
                           result.cpu,
                           Phase::Compute,
                           result.start_ns,
                           result.end_ns};
    m_events.push_back(event);
    if (m_options.observer != nullptr) {
        // The observer's failure is the run's, not a corrupt message from the worker.
        try {
            m_options.observer->on_task_done(index, event);
        } catch (const std::exception& error) {
            fail("the run's observer failed after task " + std::to_string(result.task) + ": " + error.what(),
                 result.task);
            return;
        }
    }
    fill(index);
}

void ProcessRun::handle_lost(std::size_t index, const std::string& silence)
{
    ProcessWorker& worker = m_pool.worker(index);
    const bool truncated = worker.decoder().buffered() > 0;
    worker.close_socket();
    if (!worker.reap(std::chrono::milliseconds(1000)))
        worker.kill_and_reap();
    Slot& slot = m_slots[index];
    std::string what = "worker " + std::to_string(index) + " (pid " + std::to_string(worker.pid()) + ") " +
                       (silence.empty() ? worker.exit_text() : silence);
    if (truncated)
        what += ", cutting a message short";
    std::optional<std::size_t> running;
    if (!slot.in_flight.empty()) {
        running = slot.in_flight.front();
        what += " while running task " + std::to_string(*running);
    }
    if (m_retries_left == 0) {
        fail(what, running);
        return;
    }
    --m_retries_left;
    // The lost tasks go first to whoever takes work next, in their original order.
    auto& requeue = m_options.schedule == Schedule::Static ? slot.queue : m_requeued;
    requeue.insert(requeue.begin(), slot.in_flight.begin(), slot.in_flight.end());
    slot.in_flight.clear();
    try {
        m_respawn_ns += static_cast<std::int64_t>(m_pool.respawn(index) * 1e9);
    } catch (const std::runtime_error& error) {
        fail(what + "; starting a replacement failed: " + error.what(), running);
        return;
    }
    start_worker(index);
    // Other workers may be idle in dynamic dealing while tasks were lost: give them work again.
    for (std::size_t i = 0; i < m_slots.size(); ++i)
        if (i != index && m_pool.worker(i).fd() >= 0) {
            fill(i);
            flush(i);
        }
}

void ProcessRun::check_liveness()
{
    std::vector<bool> busy(m_slots.size());
    for (std::size_t i = 0; i < m_slots.size(); ++i) {
        busy[i] = !m_slots[i].in_flight.empty();
        if (!busy[i])
            m_liveness.heard_from(i); // silence counts only while the worker has work
    }
    if (m_failure)
        return;
    if (const auto silent = m_liveness.first_silent(busy)) {
        ProcessWorker& worker = m_pool.worker(*silent);
        const std::string why = m_liveness.silence_text(*silent, worker.pid());
        worker.kill_and_reap(); // SIGKILL ends a stopped process too
        handle_lost(*silent, why);
        m_liveness.heard_from(*silent); // a replacement starts with a clean slate
    }
}

void ProcessRun::fail(std::string message, std::optional<std::size_t> task)
{
    if (m_failure)
        return;
    m_failure = Outcome{Status::Failed, std::move(message), task, {}};
}

ProcessRun::Outcome ProcessRun::execute(double startup_s)
{
    for (std::size_t i = 0; i < m_slots.size(); ++i)
        start_worker(i);
    std::vector<pollfd> fds(m_slots.size());
    while (m_tasks_done < m_tasks && !m_failure) {
        if (m_options.cancel.cancelled()) {
            auto outcome = finish(startup_s);
            outcome.status = Status::Cancelled;
            return outcome;
        }
        for (std::size_t i = 0; i < fds.size(); ++i) {
            ProcessWorker& worker = m_pool.worker(i);
            fds[i] = {worker.fd(), static_cast<short>(POLLIN | (worker.has_output() ? POLLOUT : 0)), 0};
        }
        if (::poll(fds.data(), fds.size(), poll_tick_ms) < 0 && errno != EINTR)
            throw std::system_error(errno, std::generic_category(), "waiting for the workers");
        for (std::size_t i = 0; i < fds.size() && !m_failure; ++i) {
            if (fds[i].revents & POLLOUT)
                flush(i);
            if ((fds[i].revents & (POLLIN | POLLHUP | POLLERR)) && !receive(i))
                handle_lost(i);
        }
        check_liveness();
    }
    if (m_shared && !m_failure)
        for (std::size_t i = 0; i < m_slots.size(); ++i) {
            m_shared->detach(i, m_pool.worker(i)); // the warm worker unmaps the run's region too
            flush(i);
        }
    auto outcome = finish(startup_s);
    if (m_failure) {
        outcome.status = Status::Failed;
        outcome.message = m_failure->message;
        outcome.task = m_failure->task;
    }
    return outcome;
}

ProcessRun::Outcome ProcessRun::finish(double startup_s)
{
    RunParts parts;
    parts.backend = ProcessExecutor::backend_traits.name;
    parts.tasks_done = m_tasks_done;
    parts.partials = m_partials;
    for (const Slot& slot : m_slots)
        parts.compute_ns_per_worker.push_back(slot.compute_ns);
    parts.events = m_events;
    parts.costs = m_costs;
    parts.costs.startup_s = startup_s + static_cast<double>(m_respawn_ns) * 1e-9;
    parts.costs.ship_s = static_cast<double>(m_ship_ns) * 1e-9;
    parts.failed = m_failure.has_value();
    Outcome outcome;
    outcome.run = assemble_run(m_workload, std::move(parts));
    return outcome;
}

} // namespace parlab
