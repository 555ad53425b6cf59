#include "machine/topology.h"

#include "machine/machine_facts.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <functional>

namespace parlab {
namespace {

std::size_t count(const TopologyNode& node, TopologyNode::Kind kind)
{
    std::size_t n = node.kind == kind ? 1 : 0;
    for (const auto& child : node.children)
        n += count(child, kind);
    return n;
}

TEST(Topology, MatchesTheMachineFacts)
{
    const TopologyNode root = read_topology();
    EXPECT_EQ(root.kind, TopologyNode::Kind::Machine);
    const MachineFacts& facts = machine_facts();
    std::vector<int> cpus = logical_cpus(root);
    EXPECT_EQ(cpus.size(), facts.logical_cpus);
    std::sort(cpus.begin(), cpus.end());
    EXPECT_EQ(std::adjacent_find(cpus.begin(), cpus.end()), cpus.end()) << "a CPU is listed twice";
    EXPECT_EQ(count(root, TopologyNode::Kind::Core), facts.physical_cores);
    EXPECT_EQ(count(root, TopologyNode::Kind::Package), facts.packages);
    EXPECT_EQ(count(root, TopologyNode::Kind::NumaNode), facts.numa_nodes);
}

TEST(Topology, EveryCpuSitsInACoreWithItsSiblings)
{
    const TopologyNode root = read_topology();
    std::size_t in_cores = 0;
    std::function<void(const TopologyNode&)> visit = [&](const TopologyNode& node) {
        if (node.kind == TopologyNode::Kind::Core)
            in_cores += logical_cpus(node).size();
        for (const auto& child : node.children)
            visit(child);
    };
    visit(root);
    EXPECT_EQ(in_cores, logical_cpus(root).size());
}

TEST(Topology, TextListsEveryCoreAndCache)
{
    TopologyNode core{TopologyNode::Kind::Core,
                      1,
                      0,
                      0,
                      {{TopologyNode::Kind::Pu, 2, 0, 0, {}}, {TopologyNode::Kind::Pu, 3, 0, 0, {}}}};
    TopologyNode l2{TopologyNode::Kind::Cache, 0, 2, 1024 * 1024, {core}};
    TopologyNode package{
        TopologyNode::Kind::Package, 0, 0, 0, {{TopologyNode::Kind::NumaNode, 0, 0, 8ull << 30, {}}, l2}};
    TopologyNode machine{TopologyNode::Kind::Machine, 0, 0, 0, {package}};
    EXPECT_EQ(topology_text(machine), "Machine  CPUs 2 3\n"
                                      "  Package 0\n"
                                      "    NUMA node 0 (8 GiB)\n"
                                      "    L2 (1 MiB)\n"
                                      "      Core 1  CPUs 2 3\n");
}

} // namespace
} // namespace parlab
