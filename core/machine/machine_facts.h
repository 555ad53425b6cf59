#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace parlab {

/// What the machine is: read from hwloc and the OS once, cheap to copy.
struct MachineFacts {
    std::string host;
    std::string cpu_model;
    std::size_t logical_cpus = 1;
    std::size_t physical_cores = 1;
    std::size_t packages = 1;
    std::size_t numa_nodes = 1;
    double frequency_mhz = 0.0; ///< current, 0 when unknown
    std::uint64_t memory_bytes = 0;
    std::uint64_t l1d_bytes = 0, l2_bytes = 0, l3_bytes = 0;
    std::size_t max_processes = 0; ///< RLIMIT_NPROC, 0 when unlimited
};

/// Reads the facts (hwloc topology, /proc/cpuinfo). Topology is read once and cached.
const MachineFacts& machine_facts();

} // namespace parlab
