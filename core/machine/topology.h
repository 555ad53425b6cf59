#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace parlab {

/// One object of the machine's topology, as hwloc names it.
struct TopologyNode {
    enum class Kind : std::uint8_t { Machine, Package, NumaNode, Cache, Core, Pu, Group };
    Kind kind = Kind::Machine;
    int index = 0;                      ///< the OS index (a PU's is its logical CPU number)
    int cache_level = 0;                ///< 1, 2, 3 for caches
    std::uint64_t bytes = 0;            ///< cache size or NUMA memory
    std::vector<TopologyNode> children; ///< a NUMA node's children are the objects it holds
};

/// The machine's topology read from hwloc: a plain tree with the machine at its root. Cores
/// hold their hardware threads (SMT siblings), caches hold what shares them, and each NUMA
/// node is the first child of the object (machine, package) whose CPUs use that memory. Throws
/// std::runtime_error when hwloc cannot read the machine. Read each time it is called.
TopologyNode read_topology();

/// The logical CPUs (PU OS indexes) under `node`, in tree order.
std::vector<int> logical_cpus(const TopologyNode& node);

/// A one-word name and its detail: "Package 0", "L2 (1 MiB)", "Core 3", "CPU 5".
std::string node_label(const TopologyNode& node);

/// The tree as indented text, one object per line; cores list their CPUs on their own line.
std::string topology_text(const TopologyNode& root);

} // namespace parlab
