#pragma once

#include "executors/processes/wire/process_frame_decoder.h"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <sys/types.h>
#include <vector>

namespace parlab {

/// One worker process of the pool: spawned (never forked) from the worker program with one end
/// of a Unix socket pair as its fd 3; the parent's end is non-blocking. The destructor kills and
/// reaps the child if it is still there, so no process outlives its handle.
class ProcessWorker {
public:
    /// Spawns `program`. Throws std::runtime_error when spawning fails.
    ProcessWorker(const std::string& program, std::size_t index);
    ~ProcessWorker();
    ProcessWorker(const ProcessWorker&) = delete;
    ProcessWorker& operator=(const ProcessWorker&) = delete;

    [[nodiscard]] std::size_t index() const { return m_index; }
    [[nodiscard]] pid_t pid() const { return m_pid; }
    /// The parent's end of the socket, -1 once closed.
    [[nodiscard]] int fd() const { return m_fd; }

    /// Frames to send; flush() writes them as the socket accepts.
    [[nodiscard]] std::vector<std::byte>& outbox() { return m_outbox; }
    [[nodiscard]] bool has_output() const { return m_sent < m_outbox.size(); }
    /// Sends a duplicate of `fd` (SCM_RIGHTS) with the next byte appended to the outbox, so the
    /// worker receives it exactly with the frame that follows. Throws std::system_error when
    /// the descriptor cannot be duplicated.
    void attach_fd(int fd);
    /// Writes what the socket takes without blocking; returns the bytes written. False in
    /// `alive` when the peer is gone.
    std::size_t flush(bool& alive);

    /// Reads what is there without blocking into decoder(); returns the bytes read, 0 at end of
    /// stream (the worker is gone), -1 when nothing was there.
    std::int64_t receive();
    [[nodiscard]] FrameDecoder& decoder() { return m_decoder; }

    void close_socket();
    void signal(int signal_number) const;
    /// Waits until the child has exited, at most `timeout`; true once reaped.
    bool reap(std::chrono::milliseconds timeout);
    /// SIGKILL, then waits for the child without limit.
    void kill_and_reap();
    /// True when the child has not exited (reaps it if it has).
    bool running();
    [[nodiscard]] bool reaped() const { return m_status.has_value(); }
    /// How the child ended: "was killed by signal 9 (Killed)", "exited with status 2".
    [[nodiscard]] std::string exit_text() const;

private:
    std::size_t m_index;
    pid_t m_pid = -1;
    int m_fd = -1;
    int m_pidfd = -1;
    std::optional<int> m_status;
    std::vector<std::byte> m_outbox;
    std::size_t m_sent = 0;
    struct Attached {
        std::size_t at; ///< outbox offset of the byte the descriptor rides with
        int fd;         ///< owned: a duplicate, closed once sent or with the socket
    };
    std::deque<Attached> m_attached;
    FrameDecoder m_decoder;
};

} // namespace parlab
