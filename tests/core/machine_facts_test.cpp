#include "machine/available_memory.h"
#include "machine/machine_facts.h"

#include <gtest/gtest.h>

#include <thread>

#include <sched.h>

namespace parlab {
namespace {

TEST(MachineFacts, CountsAreOrdered)
{
    const MachineFacts& facts = machine_facts();
    EXPECT_GE(facts.logical_cpus, facts.physical_cores);
    EXPECT_GE(facts.physical_cores, facts.packages);
    EXPECT_GE(facts.packages, 1u);
    EXPECT_GE(facts.numa_nodes, 1u);
}

TEST(MachineFacts, LogicalCpusMatchTheOs)
{
    cpu_set_t set;
    CPU_ZERO(&set);
    ASSERT_EQ(sched_getaffinity(0, sizeof set, &set), 0);
    const auto affinity = static_cast<std::size_t>(CPU_COUNT(&set));
    const std::size_t logical = machine_facts().logical_cpus;
    EXPECT_TRUE(logical == std::thread::hardware_concurrency() || logical == affinity)
        << "hwloc " << logical << ", hardware_concurrency " << std::thread::hardware_concurrency()
        << ", affinity " << affinity;
}

TEST(MachineFacts, DescribesTheMachine)
{
    const MachineFacts& facts = machine_facts();
    EXPECT_GT(facts.memory_bytes, 0u);
    EXPECT_FALSE(facts.cpu_model.empty());
    EXPECT_FALSE(facts.host.empty());
    EXPECT_GE(facts.frequency_mhz, 0.0);
}

TEST(MachineFacts, IsReadOnce)
{
    EXPECT_EQ(&machine_facts(), &machine_facts());
}

TEST(MachineFacts, AvailableMemoryIsPositiveAndAtMostTotal)
{
    const std::uint64_t available = available_memory_bytes();
    EXPECT_GT(available, 0u);
    EXPECT_LE(available, machine_facts().memory_bytes + machine_facts().memory_bytes / 10);
}

} // namespace
} // namespace parlab
