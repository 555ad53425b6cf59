#pragma once

#include <chrono>
#include <string>
#include <sys/types.h>
#include <vector>

namespace parlab {

/// A launcher process (mpirun, srun) started in a process group of its own, reading nothing,
/// with its standard output and error on pipes. The destructor ends it and its group.
class LaunchedJob {
public:
    /// Starts argv[0] (looked up on PATH); throws std::runtime_error when it cannot start.
    explicit LaunchedJob(const std::vector<std::string>& argv);
    ~LaunchedJob();
    LaunchedJob(const LaunchedJob&) = delete;
    LaunchedJob& operator=(const LaunchedJob&) = delete;

    [[nodiscard]] pid_t pid() const { return m_pid; }
    [[nodiscard]] int out_fd() const { return m_out; }
    [[nodiscard]] int err_fd() const { return m_err; }
    /// Reads what is there on `fd` (out_fd or err_fd) into `into`; false at end of stream.
    bool read_some(int fd, std::string& into);
    void close_fd(int fd);

    /// Waits up to `timeout` for the launcher to exit; true when it has (then exit_text() says how).
    bool wait(std::chrono::milliseconds timeout);
    /// Asks the launcher to stop (SIGTERM, which mpirun passes on to every rank on every host),
    /// waits up to `grace`, then kills its whole process group; always reaps it.
    void stop(std::chrono::milliseconds grace);
    [[nodiscard]] bool exited() const { return m_exited; }
    /// "exited with status 1", "was killed by signal 9 (Killed)".
    [[nodiscard]] std::string exit_text() const;
    [[nodiscard]] bool exited_cleanly() const;

    /// The full path of `program` on $PATH (or as given, when it holds a '/'); empty when absent.
    static std::string find_program(const std::string& program);

private:
    pid_t m_pid = -1;
    int m_out = -1;
    int m_err = -1;
    bool m_exited = false;
    int m_status = 0;
};

} // namespace parlab
