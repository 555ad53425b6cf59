#include "executors/processes/process_pool.h"

#include "executors/processes/wire/process_messages.h"
#include "trace/trace_event.h"

#include <chrono>
#include <csignal>
#include <poll.h>
#include <stdexcept>

namespace parlab {

namespace {

constexpr std::chrono::milliseconds ready_timeout{10'000};
constexpr std::chrono::milliseconds graceful_exit{500};
constexpr std::chrono::milliseconds forced_exit{50};

std::string worker_name(const ProcessWorker& worker)
{
    return "worker " + std::to_string(worker.index()) + " (pid " + std::to_string(worker.pid()) + ")";
}

// How a worker that never said Ready ended. Killed by a signal, it was stopped from outside;
// exiting by itself before the handshake is what a program that is no parlab worker does.
std::string lost_while_starting(const ProcessWorker& worker, const std::string& program)
{
    std::string text = worker.exit_text(); // "was killed by signal 9 (Killed)", "exited with status 2"
    const std::string killed = "was killed by signal ";
    if (text.rfind(killed, 0) == 0) {
        const auto name = text.find(" (");
        return name == std::string::npos ? text + " while starting"
                                         : text.substr(0, name) + " while starting" + text.substr(name);
    }
    return text + " before it was ready (is '" + program + "' a parlab worker?)";
}

} // namespace

ProcessPool::ProcessPool(std::string program, std::size_t workers, unsigned startup_retries)
    : m_program(std::move(program))
{
    m_startup_s = grow(workers, startup_retries);
}

void ProcessPool::spawn(std::size_t index)
{
    if (index >= m_workers.size())
        m_workers.resize(index + 1);
    m_workers[index].reset(); // kills and reaps what is left of an old process
    m_workers[index] = std::make_unique<ProcessWorker>(m_program, index);
}

double ProcessPool::grow(std::size_t workers, unsigned startup_retries)
{
    if (workers <= m_workers.size())
        return 0.0;
    const std::int64_t start = steady_now_ns();
    std::vector<std::size_t> indices;
    for (std::size_t i = m_workers.size(); i < workers; ++i) {
        spawn(i);
        indices.push_back(i);
    }
    wait_ready(indices, startup_retries);
    return seconds_since(start);
}

ProcessPool::~ProcessPool()
{
    shutdown(true);
}

void ProcessPool::wait_ready(const std::vector<std::size_t>& indices, unsigned retries)
{
    std::vector<std::size_t> waiting = indices;
    const auto deadline = std::chrono::steady_clock::now() + ready_timeout;
    std::vector<pollfd> fds;
    while (!waiting.empty()) {
        fds.clear();
        for (const std::size_t i : waiting)
            fds.push_back({m_workers[i]->fd(), POLLIN, 0});
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0)
            throw std::runtime_error(worker_name(*m_workers[waiting.front()]) + " did not start within " +
                                     std::to_string(ready_timeout.count() / 1000) + " s");
        ::poll(fds.data(), fds.size(), static_cast<int>(left.count()));
        std::vector<std::size_t> still;
        for (std::size_t k = 0; k < waiting.size(); ++k) {
            ProcessWorker& worker = *m_workers[waiting[k]];
            if (fds[k].revents == 0) {
                still.push_back(waiting[k]);
                continue;
            }
            if (worker.receive() == 0) {
                worker.close_socket();
                if (!worker.reap(std::chrono::milliseconds(1000)))
                    worker.kill_and_reap();
                if (retries > 0) {
                    // A worker killed from outside (the OOM killer, a stray kill) says nothing
                    // about the program: start another in its place.
                    --retries;
                    spawn(waiting[k]);
                    still.push_back(waiting[k]);
                    continue;
                }
                throw std::runtime_error(worker_name(worker) + " " + lost_while_starting(worker, m_program));
            }
            std::optional<Frame> frame;
            try {
                frame = worker.decoder().next();
                if (frame && frame->type != FrameType::Ready)
                    throw std::runtime_error("expected a ready frame, got " +
                                             std::string(to_string(frame->type)));
                if (frame)
                    decode_ready(frame->payload);
            } catch (const std::runtime_error& error) {
                throw std::runtime_error("corrupt message from worker " + std::to_string(worker.index()) +
                                         ": " + error.what());
            }
            if (!frame)
                still.push_back(waiting[k]);
        }
        waiting = std::move(still);
    }
}

bool ProcessPool::healthy()
{
    for (auto& worker : m_workers)
        if (worker->fd() < 0 || !worker->running())
            return false;
    return true;
}

double ProcessPool::respawn(std::size_t index)
{
    const std::int64_t start = steady_now_ns();
    spawn(index);
    wait_ready({index}, 0); // the run counts this replacement against its own retries
    return seconds_since(start);
}

double ProcessPool::shutdown(bool forced)
{
    if (m_workers.empty())
        return 0.0;
    const std::int64_t start = steady_now_ns();
    for (auto& worker : m_workers) {
        worker->close_socket();
        if (forced)
            worker->signal(SIGTERM);
    }
    const auto grace = forced ? forced_exit : graceful_exit;
    const auto deadline = std::chrono::steady_clock::now() + grace;
    for (auto& worker : m_workers) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        if (!worker->reap(std::max(left, std::chrono::milliseconds(0))))
            worker->kill_and_reap();
    }
    m_workers.clear();
    return seconds_since(start);
}

} // namespace parlab
