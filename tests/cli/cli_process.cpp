#include "cli_process.h"

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <stdexcept>
#include <string_view>
#include <tuple>

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace parlab::test {
namespace {

std::vector<std::string> split_lines(const std::string& text)
{
    std::vector<std::string> lines;
    std::size_t begin = 0;
    while (begin < text.size()) {
        const auto end = text.find('\n', begin);
        if (end == std::string::npos) {
            lines.push_back(text.substr(begin));
            break;
        }
        lines.push_back(text.substr(begin, end - begin));
        begin = end + 1;
    }
    return lines;
}

void check(bool ok, const char* what)
{
    if (!ok)
        throw std::runtime_error(std::string(what) + " failed: errno " + std::to_string(errno));
}

std::vector<std::string> environment(const CliLaunch& launch)
{
    std::vector<std::string> env;
    for (char** entry = environ; *entry != nullptr; ++entry) {
        const std::string_view text(*entry);
        bool replaced = false;
        for (const auto& [name, value] : launch.env)
            replaced = replaced || (text.substr(0, name.size() + 1) == name + "=");
        if (!replaced)
            env.emplace_back(text);
    }
    for (const auto& [name, value] : launch.env)
        env.push_back(name + "=" + value);
    return env;
}

std::vector<char*> pointers(std::vector<std::string>& strings)
{
    std::vector<char*> result;
    for (std::string& text : strings)
        result.push_back(text.data());
    result.push_back(nullptr);
    return result;
}

// A pseudo-terminal pair: the child writes to `slave`, the test reads `master`.
std::pair<int, int> open_terminal()
{
    const int master = posix_openpt(O_RDWR | O_NOCTTY);
    check(master >= 0, "posix_openpt");
    check(fcntl(master, F_SETFD, FD_CLOEXEC) == 0 && grantpt(master) == 0 && unlockpt(master) == 0,
          "grantpt/unlockpt");
    const char* name = ptsname(master);
    check(name != nullptr, "ptsname");
    const int slave = open(name, O_RDWR | O_NOCTTY | O_CLOEXEC);
    check(slave >= 0, "open pts");
    return {master, slave};
}

} // namespace

std::vector<std::string> CliOutcome::out_lines() const
{
    return split_lines(out);
}

std::vector<std::string> CliOutcome::err_lines() const
{
    return split_lines(err);
}

CliOutcome run_cli(std::vector<std::string> args)
{
    CliLaunch launch;
    launch.args = std::move(args);
    return run_cli(launch);
}

CliOutcome run_cli(const CliLaunch& launch)
{
    int out_pipe[2];
    check(pipe2(out_pipe, O_CLOEXEC) == 0, "pipe2");
    int err_read = -1;
    int err_write = -1;
    if (launch.stderr_on_terminal) {
        std::tie(err_read, err_write) = open_terminal();
    } else {
        int err_pipe[2];
        check(pipe2(err_pipe, O_CLOEXEC) == 0, "pipe2");
        err_read = err_pipe[0];
        err_write = err_pipe[1];
    }

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, out_pipe[1], STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(&actions, err_write, STDERR_FILENO);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);

    std::vector<std::string> argv_strings{PARLAB_CLI_PATH};
    argv_strings.insert(argv_strings.end(), launch.args.begin(), launch.args.end());
    std::vector<std::string> env_strings = environment(launch);
    std::vector<char*> argv = pointers(argv_strings);
    std::vector<char*> envp = pointers(env_strings);

    pid_t pid = 0;
    const int spawned = posix_spawn(&pid, PARLAB_CLI_PATH, &actions, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    close(out_pipe[1]);
    close(err_write);
    if (spawned != 0) {
        close(out_pipe[0]);
        close(err_read);
        throw std::runtime_error("cannot start " PARLAB_CLI_PATH ": error " + std::to_string(spawned));
    }

    CliOutcome outcome;
    pollfd fds[2] = {{out_pipe[0], POLLIN, 0}, {err_read, POLLIN, 0}};
    std::string* sinks[2] = {&outcome.out, &outcome.err};
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(launch.timeout_s);
    bool killed = false;
    while (fds[0].fd >= 0 || fds[1].fd >= 0) {
        if (!killed && std::chrono::steady_clock::now() > deadline) {
            kill(pid, SIGKILL);
            killed = true;
        }
        if (poll(fds, 2, 100) < 0 && errno != EINTR)
            break;
        for (int i = 0; i < 2; ++i) {
            if (fds[i].fd < 0 || fds[i].revents == 0)
                continue;
            char buffer[4096];
            const ssize_t got = read(fds[i].fd, buffer, sizeof buffer);
            if (got > 0) {
                sinks[i]->append(buffer, static_cast<std::size_t>(got));
                if (i == 0 && launch.on_out)
                    launch.on_out(pid, outcome.out);
            } else if (got == 0 || errno != EINTR) {
                // A terminal reports EIO, not end of file, once the child has closed it.
                close(fds[i].fd);
                fds[i].fd = -1;
            }
        }
    }
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (WIFEXITED(status))
        outcome.exit_code = WEXITSTATUS(status);
    else if (WIFSIGNALED(status))
        outcome.signal = WTERMSIG(status);
    return outcome;
}

} // namespace parlab::test
