#include "machine/available_memory.h"

#include <cstdio>
#include <fstream>
#include <string>

#include <sys/sysinfo.h>

namespace parlab {

std::uint64_t available_memory_bytes()
{
    std::ifstream in("/proc/meminfo");
    std::string line;
    while (std::getline(in, line)) {
        unsigned long long kib = 0;
        if (std::sscanf(line.c_str(), "MemAvailable: %llu kB", &kib) == 1)
            return static_cast<std::uint64_t>(kib) * 1024;
    }
    struct sysinfo info {};
    if (sysinfo(&info) == 0)
        return static_cast<std::uint64_t>(info.freeram) * info.mem_unit;
    return 0;
}

} // namespace parlab
