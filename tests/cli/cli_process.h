#pragma once

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include <sys/types.h>

namespace parlab::test {

/// How a finished parlab-cli ended and what it wrote.
struct CliOutcome {
    int exit_code = -1; ///< -1 when it was killed by a signal
    int signal = 0;
    std::string out;
    std::string err;

    /// stdout split into lines (without the newlines).
    [[nodiscard]] std::vector<std::string> out_lines() const;
    /// stderr split into lines (without the newlines).
    [[nodiscard]] std::vector<std::string> err_lines() const;
};

/// How to start parlab-cli.
struct CliLaunch {
    std::vector<std::string> args;                        ///< after the program name
    std::vector<std::pair<std::string, std::string>> env; ///< set on top of this process's environment
    bool stderr_on_terminal = false;                      ///< a pseudo-terminal instead of a pipe
    double timeout_s = 120.0;                             ///< killed (SIGKILL) after this
    /// Called with the child's pid and the stdout read so far, each time more arrives.
    std::function<void(pid_t, const std::string&)> on_out;
};

/// Runs the built parlab-cli with `launch`, capturing stdout and stderr until it exits.
CliOutcome run_cli(const CliLaunch& launch);

/// Shorthand: run_cli with these arguments and nothing else.
CliOutcome run_cli(std::vector<std::string> args);

} // namespace parlab::test
