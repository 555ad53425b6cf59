#include "commands.h"

#include "machine/available_memory.h"
#include "machine/machine_facts.h"
#include "machine/topology.h"
#include "report/report_json.h"
#include "text/text_units.h"

#include <nlohmann/json.hpp>

#include <iostream>

namespace parlab {

int machine_command(const CliOptions& options)
{
    const MachineFacts& m = machine_facts();
    const std::uint64_t available = available_memory_bytes();
    if (options.format == "json") {
        std::cout << machine_json(m, available).dump() << '\n';
        return 0;
    }
    const auto cache = [](std::uint64_t bytes) {
        return bytes == 0 ? std::string("unknown") : bytes_text(bytes);
    };
    std::cout << "host              " << m.host << '\n'
              << "CPU model         " << m.cpu_model << '\n'
              << "logical CPUs      " << m.logical_cpus << '\n'
              << "physical cores    " << m.physical_cores << '\n'
              << "packages          " << m.packages << '\n'
              << "NUMA nodes        " << m.numa_nodes << '\n'
              << "frequency         "
              << (m.frequency_mhz > 0.0 ? std::to_string(static_cast<long>(m.frequency_mhz + 0.5)) + " MHz"
                                        : std::string("unknown"))
              << '\n'
              << "memory            " << bytes_text(m.memory_bytes) << " (" << bytes_text(available)
              << " available)\n"
              << "caches            L1d " << cache(m.l1d_bytes) << ", L2 " << cache(m.l2_bytes) << ", L3 "
              << cache(m.l3_bytes) << '\n'
              << "max processes     "
              << (m.max_processes == 0 ? std::string("unlimited") : std::to_string(m.max_processes)) << '\n';
    std::cout << "\ntopology\n" << topology_text(read_topology());
    return 0;
}

} // namespace parlab
