#include "executors/processes/process_worker_loop.h"

#include "executors/processes/fd_passing.h"
#include "executors/processes/shared_region_view.h"
#include "executors/processes/wire/process_frame_decoder.h"
#include "executors/processes/wire/process_messages.h"
#include "trace/trace_event.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <exception>
#include <stdexcept>
#include <sys/socket.h>
#include <system_error>
#include <unistd.h>

namespace parlab {

namespace {

class ParentGone : public std::exception {};

// Results wait in the outbox until this much time has passed since the last send, or until the
// worker has no task left to run: short tasks then cost the parent one wake-up per batch, not one
// per task, while the live views and the liveness check still hear from a busy worker often.
constexpr std::int64_t result_batch_ns = 2'000'000;

void send_all(int fd, const std::vector<std::byte>& bytes)
{
    std::size_t sent = 0;
    while (sent < bytes.size()) {
        const ssize_t n = ::send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EPIPE || errno == ECONNRESET))
            throw ParentGone();
        if (n < 0)
            throw std::system_error(errno, std::generic_category(), "sending to the parent");
        sent += static_cast<std::size_t>(n);
    }
}

class WorkerSession {
public:
    WorkerSession(int fd, const WorkloadFactory& factory) : m_fd(fd), m_factory(factory) {}

    void setup(const SetupMessage& message)
    {
        if (m_workload && m_name == message.workload && m_values == message.values)
            return;
        m_workload.reset();
        try {
            m_workload = m_factory(message.workload, message.values);
            m_name = message.workload;
            m_values = message.values;
        } catch (const std::exception& error) {
            reply_failed(
                {std::nullopt, "could not set up workload '" + message.workload + "': " + error.what()});
        }
    }

    void task(const TaskMessage& message)
    {
        if (!m_workload) {
            reply_failed({message.task, "no workload was set up"});
            return;
        }
        // The index comes off the wire: a workload indexes its own tables with it.
        if (message.task >= m_workload->task_count()) {
            reply_failed({message.task, "task " + std::to_string(message.task) +
                                            " does not exist (the workload has " +
                                            std::to_string(m_workload->task_count()) + " tasks)"});
            return;
        }
        ResultMessage result;
        result.task = message.task;
        result.start_ns = steady_now_ns();
        try {
            const auto inputs = message.shared ? m_region.inputs(*message.shared) : std::span(message.inputs);
            result.partial = message.shipped
                                 ? m_workload->run_task_from_inputs(message.task, inputs, m_cancel)
                                 : m_workload->run_task(message.task, m_cancel);
        } catch (const std::exception& error) {
            reply_failed({message.task, error.what()});
            return;
        }
        result.end_ns = steady_now_ns();
        result.cpu = current_cpu();
        append_result(m_out, result);
        if (result.end_ns - m_last_send_ns >= result_batch_ns)
            send();
    }

    void reply_failed(const FailedMessage& message)
    {
        // After the results before it, which the parent expects in the order it dealt the tasks.
        append_failed(m_out, message);
        send();
    }

    /// Sends the results held back; called before the worker waits for more tasks.
    void send()
    {
        if (!m_out.empty())
            send_all(m_fd, m_out);
        m_out.clear();
        m_last_send_ns = steady_now_ns();
    }

    [[nodiscard]] SharedRegionView& region() { return m_region; }

private:
    int m_fd;
    const WorkloadFactory& m_factory;
    std::unique_ptr<Workload> m_workload;
    std::string m_name;
    ParameterValues m_values;
    // Never cancelled: the parent stops a worker by ending the process.
    CancelToken m_cancel;
    std::vector<std::byte> m_out; ///< results not sent yet
    std::int64_t m_last_send_ns = steady_now_ns();
    SharedRegionView m_region;
};

} // namespace

int run_process_worker_loop(int fd, const WorkloadFactory& factory)
{
    WorkerSession session(fd, factory);
    FrameDecoder decoder;
    std::vector<std::byte> buffer(64 * 1024);
    try {
        std::vector<std::byte> ready;
        append_ready(ready, {static_cast<std::int32_t>(::getpid())});
        send_all(fd, ready);
        while (true) {
            const ssize_t n = receive_with_fds(fd, buffer, session.region().pending());
            if (n < 0 && errno == EINTR)
                continue;
            if (n < 0 && errno == ECONNRESET)
                return 0;
            if (n < 0)
                throw std::system_error(errno, std::generic_category(), "reading from the parent");
            try {
                if (n == 0) {
                    decoder.finish();
                    return 0;
                }
                decoder.feed(std::span(buffer.data(), static_cast<std::size_t>(n)));
                while (auto frame = decoder.next()) {
                    if (frame->type == FrameType::Setup)
                        session.setup(decode_setup(frame->payload));
                    else if (frame->type == FrameType::Task)
                        session.task(decode_task(frame->payload, session.region().bytes()));
                    else if (frame->type == FrameType::Region)
                        session.region().attach(decode_region(frame->payload));
                    else
                        throw std::runtime_error("unexpected " + std::string(to_string(frame->type)) +
                                                 " frame from the parent");
                }
                // No whole task is left to run: the parent hears of every result before we wait.
                session.send();
            } catch (const std::system_error&) {
                throw;
            } catch (const std::runtime_error& error) {
                std::fprintf(stderr, "parlab-worker: corrupt message from the parent: %s\n", error.what());
                return 2;
            }
        }
    } catch (const ParentGone&) {
        return 0;
    } catch (const std::system_error& error) {
        std::fprintf(stderr, "parlab-worker: %s\n", error.what());
        return 3;
    }
}

} // namespace parlab
