#include "executors/processes/process_worker.h"

#include "executors/processes/fd_passing.h"

#include <array>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <stdexcept>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <system_error>
#include <thread>
#include <unistd.h>

extern char** environ;

namespace parlab {

namespace {

constexpr int child_fd = 3;

[[noreturn]] void throw_errno(int error, const std::string& what)
{
    throw std::system_error(error, std::generic_category(), what);
}

int open_pidfd(pid_t pid)
{
#ifdef SYS_pidfd_open
    const long fd = ::syscall(SYS_pidfd_open, pid, 0);
    if (fd >= 0) {
        ::fcntl(static_cast<int>(fd), F_SETFD, FD_CLOEXEC);
        return static_cast<int>(fd);
    }
#endif
    return -1; // kernels before 5.3: reap() falls back to polling waitpid
}

class SpawnActions {
public:
    SpawnActions() { ::posix_spawn_file_actions_init(&m_actions); }
    ~SpawnActions() { ::posix_spawn_file_actions_destroy(&m_actions); }
    SpawnActions(const SpawnActions&) = delete;
    SpawnActions& operator=(const SpawnActions&) = delete;
    posix_spawn_file_actions_t* get() { return &m_actions; }

private:
    posix_spawn_file_actions_t m_actions;
};

class SpawnAttributes {
public:
    SpawnAttributes() { ::posix_spawnattr_init(&m_attributes); }
    ~SpawnAttributes() { ::posix_spawnattr_destroy(&m_attributes); }
    SpawnAttributes(const SpawnAttributes&) = delete;
    SpawnAttributes& operator=(const SpawnAttributes&) = delete;
    posix_spawnattr_t* get() { return &m_attributes; }

private:
    posix_spawnattr_t m_attributes;
};

} // namespace

ProcessWorker::ProcessWorker(const std::string& program, std::size_t index) : m_index(index)
{
    std::array<int, 2> ends{};
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, ends.data()) != 0)
        throw_errno(errno, "creating the socket pair for worker " + std::to_string(index));
    m_fd = ends[0];
    int child_end = ends[1];
    if (child_end == child_fd) {
        // dup2 onto itself would keep close-on-exec set, and the child would lose its socket.
        child_end = ::fcntl(ends[1], F_DUPFD_CLOEXEC, child_fd + 1);
        ::close(ends[1]);
        if (child_end < 0) {
            const int error = errno;
            ::close(m_fd);
            throw_errno(error, "duplicating the worker socket");
        }
    }
    ::fcntl(m_fd, F_SETFL, ::fcntl(m_fd, F_GETFL) | O_NONBLOCK);

    SpawnActions actions;
    ::posix_spawn_file_actions_adddup2(actions.get(), child_end, child_fd);
    // Descriptors opened elsewhere in this process without close-on-exec stay out of the worker.
    ::posix_spawn_file_actions_addclosefrom_np(actions.get(), child_fd + 1);
    SpawnAttributes attributes;
    sigset_t signals;
    sigemptyset(&signals);
    ::posix_spawnattr_setsigmask(attributes.get(), &signals);
    sigaddset(&signals, SIGTERM);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGPIPE);
    ::posix_spawnattr_setsigdefault(attributes.get(), &signals);
    ::posix_spawnattr_setflags(attributes.get(), POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);

    std::string fd_text = std::to_string(child_fd);
    std::array<char*, 4> argv{const_cast<char*>(program.c_str()), const_cast<char*>("--fd"), fd_text.data(),
                              nullptr};
    const int error =
        ::posix_spawn(&m_pid, program.c_str(), actions.get(), attributes.get(), argv.data(), environ);
    ::close(child_end);
    if (error != 0) {
        ::close(m_fd);
        m_fd = -1;
        throw_errno(error, "starting worker program '" + program + "'");
    }
    m_pidfd = open_pidfd(m_pid);
}

ProcessWorker::~ProcessWorker()
{
    close_socket();
    if (!reaped())
        kill_and_reap();
    if (m_pidfd >= 0)
        ::close(m_pidfd);
}

void ProcessWorker::attach_fd(int fd)
{
    const int copy = ::fcntl(fd, F_DUPFD_CLOEXEC, 0);
    if (copy < 0)
        throw std::system_error(errno, std::generic_category(), "duplicating a shared region's descriptor");
    m_attached.push_back({m_outbox.size(), copy});
}

std::size_t ProcessWorker::flush(bool& alive)
{
    alive = true;
    std::size_t written = 0;
    while (has_output() && m_fd >= 0) {
        // A descriptor goes with the first byte of its frame, and no send runs past the next one.
        const bool with_fd = !m_attached.empty() && m_attached.front().at == m_sent;
        const std::size_t next = with_fd ? 1 : 0;
        const std::size_t end = m_attached.size() > next ? m_attached[next].at : m_outbox.size();
        const auto bytes = std::span(m_outbox).subspan(m_sent, end - m_sent);
        const ssize_t n = with_fd ? send_with_fd(m_fd, bytes, m_attached.front().fd)
                                  : ::send(m_fd, bytes.data(), bytes.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            break;
        if (n < 0) {
            alive = false; // EPIPE / ECONNRESET: the worker is gone; its end of stream tells how
            break;
        }
        if (with_fd) {
            ::close(m_attached.front().fd);
            m_attached.pop_front();
        }
        m_sent += static_cast<std::size_t>(n);
        written += static_cast<std::size_t>(n);
    }
    if (!has_output()) {
        m_outbox.clear();
        m_sent = 0;
    }
    return written;
}

std::int64_t ProcessWorker::receive()
{
    std::array<std::byte, 64 * 1024> buffer;
    while (true) {
        const ssize_t n = ::recv(m_fd, buffer.data(), buffer.size(), MSG_DONTWAIT);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            return -1;
        if (n < 0)
            return 0; // ECONNRESET: the worker died with bytes unread
        if (n > 0)
            m_decoder.feed(std::span(buffer.data(), static_cast<std::size_t>(n)));
        return n;
    }
}

void ProcessWorker::close_socket()
{
    for (const Attached& attached : m_attached)
        ::close(attached.fd);
    m_attached.clear();
    if (m_fd >= 0) {
        ::close(m_fd);
        m_fd = -1;
    }
}

void ProcessWorker::signal(int signal_number) const
{
    if (!reaped())
        ::kill(m_pid, signal_number);
}

bool ProcessWorker::running()
{
    if (reaped())
        return false;
    int status = 0;
    if (::waitpid(m_pid, &status, WNOHANG) == m_pid) {
        m_status = status;
        return false;
    }
    return true;
}

bool ProcessWorker::reap(std::chrono::milliseconds timeout)
{
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (running()) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0)
            return false;
        if (m_pidfd >= 0) {
            pollfd wait{m_pidfd, POLLIN, 0};
            ::poll(&wait, 1, static_cast<int>(left.count()));
        } else {
            std::this_thread::sleep_for(std::chrono::microseconds(200));
        }
    }
    return true;
}

void ProcessWorker::kill_and_reap()
{
    if (reaped())
        return;
    ::kill(m_pid, SIGKILL);
    int status = 0;
    while (::waitpid(m_pid, &status, 0) < 0 && errno == EINTR) {
    }
    m_status = status;
}

std::string ProcessWorker::exit_text() const
{
    if (!m_status)
        return "is still running";
    const int status = *m_status;
    if (WIFSIGNALED(status)) {
        const int number = WTERMSIG(status);
        const char* name = ::strsignal(number);
        return "was killed by signal " + std::to_string(number) + " (" + (name ? name : "unknown") + ")";
    }
    if (WIFEXITED(status))
        return "exited with status " + std::to_string(WEXITSTATUS(status));
    return "ended with wait status " + std::to_string(status);
}

} // namespace parlab
