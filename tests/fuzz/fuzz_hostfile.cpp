// An Open MPI hostfile as a teacher types it: any text either parses or throws
// std::invalid_argument. What parses is checked for what the launch line relies on: at least one
// host, names that are not empty and have no blank in them, slots of at least one, no host twice.
#include "executors/cluster/hostfile.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <set>
#include <stdexcept>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        const auto hosts = parlab::parse_hostfile_text(text, "fuzz");
        if (hosts.empty())
            std::abort();
        std::set<std::string> names;
        for (const auto& host : hosts) {
            if (host.name.empty() || host.name.find_first_of(" \t\r\n") != std::string::npos ||
                host.slots < 1 || !names.insert(host.name).second)
                std::abort();
        }
        if (parlab::total_slots(hosts) < hosts.size())
            std::abort();
    } catch (const std::invalid_argument&) {
    }
    return 0;
}
