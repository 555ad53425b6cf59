#include "executors/cluster/launched_job.h"

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <spawn.h>
#include <stdexcept>
#include <sys/stat.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

extern char** environ;

namespace parlab {

LaunchedJob::LaunchedJob(const std::vector<std::string>& argv)
{
    int out[2];
    int err[2];
    if (::pipe2(out, O_CLOEXEC) != 0)
        throw std::runtime_error(std::string("cannot create a pipe: ") + std::strerror(errno));
    if (::pipe2(err, O_CLOEXEC) != 0) {
        ::close(out[0]);
        ::close(out[1]);
        throw std::runtime_error(std::string("cannot create a pipe: ") + std::strerror(errno));
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, out[1], 1);
    posix_spawn_file_actions_adddup2(&actions, err[1], 2);
    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    // A group of its own: Ctrl-C in a terminal reaches parlab only (which stops the run itself),
    // and a last-resort kill can reach every local process the launcher started.
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK);
    posix_spawnattr_setpgroup(&attributes, 0);
    sigset_t none;
    sigemptyset(&none);
    posix_spawnattr_setsigmask(&attributes, &none);
    std::vector<char*> args;
    for (const auto& arg : argv)
        args.push_back(const_cast<char*>(arg.c_str()));
    args.push_back(nullptr);
    const int error = ::posix_spawnp(&m_pid, args[0], &actions, &attributes, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attributes);
    ::close(out[1]);
    ::close(err[1]);
    if (error != 0) {
        ::close(out[0]);
        ::close(err[0]);
        throw std::runtime_error("cannot start '" + argv[0] + "': " + std::strerror(error));
    }
    m_out = out[0];
    m_err = err[0];
    ::fcntl(m_out, F_SETFL, O_NONBLOCK);
    ::fcntl(m_err, F_SETFL, O_NONBLOCK);
}

LaunchedJob::~LaunchedJob()
{
    stop(std::chrono::milliseconds(5000));
    close_fd(m_out);
    close_fd(m_err);
}

bool LaunchedJob::read_some(int fd, std::string& into)
{
    char buffer[65536];
    for (;;) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n > 0) {
            into.append(buffer, static_cast<std::size_t>(n));
            continue;
        }
        if (n == 0)
            return false;
        if (errno == EINTR)
            continue;
        return errno == EAGAIN || errno == EWOULDBLOCK;
    }
}

void LaunchedJob::close_fd(int fd)
{
    if (fd < 0)
        return;
    ::close(fd);
    if (fd == m_out)
        m_out = -1;
    if (fd == m_err)
        m_err = -1;
}

bool LaunchedJob::wait(std::chrono::milliseconds timeout)
{
    if (m_exited || m_pid <= 0)
        return true;
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
        const pid_t done = ::waitpid(m_pid, &m_status, WNOHANG);
        if (done == m_pid || (done < 0 && errno == ECHILD)) {
            m_exited = true;
            return true;
        }
        if (std::chrono::steady_clock::now() >= deadline)
            return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
}

void LaunchedJob::stop(std::chrono::milliseconds grace)
{
    if (m_pid <= 0)
        return;
    if (!m_exited) {
        ::kill(m_pid, SIGTERM);
        if (!wait(grace)) {
            ::kill(-m_pid, SIGKILL);
            wait(std::chrono::milliseconds(60000));
        }
    }
    // Whatever the launcher started locally in its group and left behind goes too; a killed
    // process takes a moment to end, and returning before it has would leave it to be seen.
    if (::kill(-m_pid, SIGKILL) != 0)
        return;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(1);
    while (::kill(-m_pid, 0) == 0 && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
}

std::string LaunchedJob::exit_text() const
{
    if (!m_exited)
        return "is still running";
    if (WIFEXITED(m_status))
        return "exited with status " + std::to_string(WEXITSTATUS(m_status));
    if (WIFSIGNALED(m_status))
        return "was killed by signal " + std::to_string(WTERMSIG(m_status)) + " (" +
               strsignal(WTERMSIG(m_status)) + ")";
    return "ended";
}

bool LaunchedJob::exited_cleanly() const
{
    return m_exited && WIFEXITED(m_status) && WEXITSTATUS(m_status) == 0;
}

std::string LaunchedJob::find_program(const std::string& program)
{
    auto executable = [](const std::string& path) {
        struct stat info {};
        return ::stat(path.c_str(), &info) == 0 && S_ISREG(info.st_mode) && ::access(path.c_str(), X_OK) == 0;
    };
    if (program.find('/') != std::string::npos)
        return executable(program) ? program : std::string();
    const char* path = std::getenv("PATH");
    std::string dirs = path != nullptr ? path : "";
    std::size_t start = 0;
    while (start <= dirs.size()) {
        const std::size_t colon = std::min(dirs.find(':', start), dirs.size());
        const std::string dir = dirs.substr(start, colon - start);
        const std::string candidate = (dir.empty() ? std::string(".") : dir) + "/" + program;
        if (executable(candidate))
            return candidate;
        start = colon + 1;
    }
    return {};
}

} // namespace parlab
