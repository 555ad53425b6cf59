#include "commands.h"

#include "executors/break_even.h"
#include "machine/available_memory.h"
#include "machine/machine_facts.h"
#include "machine/topology.h"
#include "report/report_json.h"
#include "text/text_units.h"

#include <nlohmann/json.hpp>

#include <utility>

#include <cstdio>
#include <iostream>

namespace parlab {

namespace {

std::string microseconds_text(double seconds)
{
    char text[32];
    if (seconds < 0.005e-6)
        return "under 0.01 µs";
    std::snprintf(text, sizeof text, seconds < 10e-6 ? "%.2f µs" : "%.0f µs", seconds * 1e6);
    return text;
}

} // namespace

int machine_command(const CliOptions& options)
{
    const MachineFacts& m = machine_facts();
    const std::uint64_t available = available_memory_bytes();
    if (options.format == "json") {
        nlohmann::ordered_json json = machine_json(m, available);
        nlohmann::ordered_json overheads = nlohmann::ordered_json::object();
        for (const TaskOverhead& overhead : measure_task_overheads()) {
            nlohmann::ordered_json entry;
            if (overhead.error.empty()) {
                entry["per_task_s"] = overhead.per_task_s;
                entry["break_even_s"] = overhead.break_even_s;
            } else {
                entry["error"] = overhead.error;
            }
            overheads[overhead.backend] = entry;
        }
        json["task_overhead"] = overheads;
        std::cout << json.dump() << '\n';
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
    // An empty task's round trip per backend: work split finer than this costs more than it gains.
    std::cout << "task overhead     (an empty task's round trip on each of 2 warm workers)\n";
    // The first entry is the serial loop, the baseline the others are measured against.
    bool baseline = true;
    for (const TaskOverhead& overhead : measure_task_overheads()) {
        const bool is_baseline = std::exchange(baseline, false);
        std::cout << "  " << overhead.backend
                  << std::string(overhead.backend.size() < 12 ? 12 - overhead.backend.size() : 1, ' ');
        if (!overhead.error.empty()) {
            std::cout << "not measured: " << overhead.error << '\n';
            continue;
        }
        std::cout << microseconds_text(overhead.per_task_s) << " per task";
        if (!is_baseline && overhead.break_even_s < 0.005e-6)
            std::cout << ": no more than serial's";
        else if (!is_baseline)
            std::cout << ": tasks shorter than " << microseconds_text(overhead.break_even_s)
                      << " lose on this backend";
        std::cout << '\n';
    }
    std::cout << "\ntopology\n" << topology_text(read_topology());
    return 0;
}

} // namespace parlab
