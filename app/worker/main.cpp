// The process worker: started by the processes executor, runs tasks sent over its socket.
#include "executors/processes/process_worker_loop.h"
#include "workloads/workload_registry.h"

#include <charconv>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <sys/prctl.h>

int main(int argc, char** argv)
{
    int fd = 3;
    const bool fd_given = argc == 3 && std::strcmp(argv[1], "--fd") == 0;
    if (fd_given) {
        const char* end = argv[2] + std::strlen(argv[2]);
        const auto [stop, error] = std::from_chars(argv[2], end, fd);
        if (error != std::errc{} || stop != end || fd < 0) {
            std::fprintf(stderr, "%s: --fd takes a file descriptor number, got '%s'\n", argv[0], argv[2]);
            return 64;
        }
    }
    if (!fd_given && argc != 1) {
        std::fprintf(stderr, "usage: %s [--fd N]\n(started by parlab's processes backend, not by hand)\n",
                     argv[0]);
        return 64;
    }
    // Ctrl-C in a terminal reaches the whole process group: the parent cancels the run and stops
    // its workers itself, so a worker must not die on its own and look like a crash.
    std::signal(SIGINT, SIG_IGN);
    // A parent that dies without stopping its workers (SIGKILL, a crash) takes them along, even in
    // the middle of a task. Had it died before this line, its end of the socket is closed already
    // and the first read ends the worker.
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    return parlab::run_process_worker_loop(fd,
                                           [](std::string_view name, const parlab::ParameterValues& values) {
                                               return parlab::WorkloadRegistry::create(name, values);
                                           });
}
