#include "machine/topology.h"

#include <hwloc.h>

#include <memory>
#include <sstream>
#include <stdexcept>

namespace parlab {
namespace {

std::string size_text(std::uint64_t bytes)
{
    const char* units[] = {"B", "KiB", "MiB", "GiB", "TiB"};
    double value = static_cast<double>(bytes);
    int unit = 0;
    while (value >= 1024.0 && unit < 4) {
        value /= 1024.0;
        ++unit;
    }
    std::ostringstream out;
    out.precision(value < 10.0 && unit > 0 ? 2 : 3);
    out << value << ' ' << units[unit];
    return out.str();
}

bool kind_of(hwloc_obj_t obj, TopologyNode& node)
{
    switch (obj->type) {
    case HWLOC_OBJ_MACHINE: node.kind = TopologyNode::Kind::Machine; return true;
    case HWLOC_OBJ_PACKAGE: node.kind = TopologyNode::Kind::Package; return true;
    case HWLOC_OBJ_CORE: node.kind = TopologyNode::Kind::Core; return true;
    case HWLOC_OBJ_PU: node.kind = TopologyNode::Kind::Pu; return true;
    case HWLOC_OBJ_GROUP: node.kind = TopologyNode::Kind::Group; return true;
    case HWLOC_OBJ_NUMANODE:
        node.kind = TopologyNode::Kind::NumaNode;
        node.bytes = obj->attr != nullptr ? obj->attr->numanode.local_memory : 0;
        return true;
    case HWLOC_OBJ_L1CACHE:
    case HWLOC_OBJ_L2CACHE:
    case HWLOC_OBJ_L3CACHE:
    case HWLOC_OBJ_L4CACHE:
    case HWLOC_OBJ_L5CACHE:
        node.kind = TopologyNode::Kind::Cache;
        node.cache_level = static_cast<int>(obj->attr->cache.depth);
        node.bytes = obj->attr->cache.size;
        return true;
    default: return false; // instruction caches and I/O objects are not part of the lesson
    }
}

// Appends the tree under `obj` to `parent`; objects that are not drawn pass their children up.
void add(hwloc_obj_t obj, TopologyNode& parent)
{
    TopologyNode node;
    node.index = static_cast<int>(obj->os_index);
    const bool kept = kind_of(obj, node);
    TopologyNode& target = kept ? node : parent;
    for (hwloc_obj_t child = obj->memory_first_child; child != nullptr; child = child->next_sibling)
        add(child, target);
    for (hwloc_obj_t child = obj->first_child; child != nullptr; child = child->next_sibling)
        add(child, target);
    if (kept)
        parent.children.push_back(std::move(node));
}

void write(const TopologyNode& node, int depth, std::ostringstream& out)
{
    if (node.kind == TopologyNode::Kind::Pu)
        return; // listed on their core's line
    out << std::string(static_cast<std::size_t>(depth) * 2, ' ') << node_label(node);
    const std::vector<int> cpus = logical_cpus(node);
    if (node.kind == TopologyNode::Kind::Core || node.kind == TopologyNode::Kind::Machine) {
        out << (cpus.size() == 1 ? "  CPU " : "  CPUs ");
        for (std::size_t i = 0; i < cpus.size(); ++i)
            out << (i == 0 ? "" : " ") << cpus[i];
    }
    out << '\n';
    for (const TopologyNode& child : node.children)
        write(child, depth + 1, out);
}

void collect(const TopologyNode& node, std::vector<int>& cpus)
{
    if (node.kind == TopologyNode::Kind::Pu)
        cpus.push_back(node.index);
    for (const TopologyNode& child : node.children)
        collect(child, cpus);
}

} // namespace

TopologyNode read_topology()
{
    hwloc_topology_t topology = nullptr;
    if (hwloc_topology_init(&topology) != 0)
        throw std::runtime_error("hwloc could not start reading the machine's topology");
    std::unique_ptr<hwloc_topology, decltype(&hwloc_topology_destroy)> guard(topology,
                                                                             hwloc_topology_destroy);
    if (hwloc_topology_load(topology) != 0)
        throw std::runtime_error("hwloc could not read the machine's topology");
    TopologyNode holder;
    add(hwloc_get_root_obj(topology), holder);
    if (holder.children.size() == 1 && holder.children.front().kind == TopologyNode::Kind::Machine)
        return std::move(holder.children.front());
    holder.kind = TopologyNode::Kind::Machine;
    return holder;
}

std::vector<int> logical_cpus(const TopologyNode& node)
{
    std::vector<int> cpus;
    collect(node, cpus);
    return cpus;
}

std::string node_label(const TopologyNode& node)
{
    const std::string index = std::to_string(node.index);
    switch (node.kind) {
    case TopologyNode::Kind::Machine: return "Machine";
    case TopologyNode::Kind::Package: return "Package " + index;
    case TopologyNode::Kind::Group: return "Group " + index;
    case TopologyNode::Kind::Core: return "Core " + index;
    case TopologyNode::Kind::Pu: return "CPU " + index;
    case TopologyNode::Kind::NumaNode:
        return "NUMA node " + index + (node.bytes > 0 ? " (" + size_text(node.bytes) + ")" : "");
    case TopologyNode::Kind::Cache:
        return "L" + std::to_string(node.cache_level) + " (" + size_text(node.bytes) + ")";
    }
    return "?";
}

std::string topology_text(const TopologyNode& root)
{
    std::ostringstream out;
    write(root, 0, out);
    return out.str();
}

} // namespace parlab
