// The process worker: started by the processes executor, runs tasks sent over its socket.
#include "executors/process_worker_loop.h"
#include "workloads/workload_registry.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>

int main(int argc, char** argv)
{
    int fd = 3;
    if (argc == 3 && std::strcmp(argv[1], "--fd") == 0) {
        fd = std::atoi(argv[2]);
    } else if (argc != 1) {
        std::fprintf(stderr, "usage: %s [--fd N]\n(started by parlab's processes backend, not by hand)\n", argv[0]);
        return 64;
    }
    return parlab::run_process_worker_loop(fd, [](std::string_view name, const parlab::ParameterValues& values) {
        return parlab::WorkloadRegistry::create(name, values);
    });
}
