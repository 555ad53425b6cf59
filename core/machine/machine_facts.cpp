#include "machine/machine_facts.h"

#include "text/trimmed.h"

#include <hwloc.h>

#include <cstdio>
#include <fstream>
#include <stdexcept>
#include <string_view>

#include <sys/resource.h>
#include <sys/sysinfo.h>
#include <unistd.h>

namespace parlab {
namespace {

// Reads "model name" and averages "cpu MHz" over every processor listed.
void read_cpuinfo(MachineFacts& facts)
{
    std::ifstream in("/proc/cpuinfo");
    std::string line;
    double mhz_sum = 0.0;
    int mhz_count = 0;
    while (std::getline(in, line)) {
        const auto colon = line.find(':');
        if (colon == std::string::npos)
            continue;
        const std::string key(trimmed(std::string_view(line).substr(0, colon)));
        const std::string value(trimmed(std::string_view(line).substr(colon + 1)));
        if (key == "model name" && facts.cpu_model.empty()) {
            facts.cpu_model = value;
        } else if (key == "cpu MHz") {
            try {
                mhz_sum += std::stod(value);
                ++mhz_count;
            } catch (const std::exception&) {
                // A malformed line only loses this sample; the average uses the rest.
            }
        }
    }
    if (mhz_count > 0)
        facts.frequency_mhz = mhz_sum / mhz_count;
}

double read_scaling_frequency_mhz(std::size_t logical_cpus)
{
    double sum_khz = 0.0;
    int count = 0;
    for (std::size_t cpu = 0; cpu < logical_cpus; ++cpu) {
        std::ifstream in("/sys/devices/system/cpu/cpu" + std::to_string(cpu) + "/cpufreq/scaling_cur_freq");
        double khz = 0.0;
        if (in >> khz && khz > 0.0) {
            sum_khz += khz;
            ++count;
        }
    }
    return count > 0 ? sum_khz / count / 1000.0 : 0.0;
}

std::size_t count_or_one(hwloc_topology_t topology, hwloc_obj_type_t type)
{
    const int count = hwloc_get_nbobjs_by_type(topology, type);
    return count > 0 ? static_cast<std::size_t>(count) : 1;
}

std::uint64_t first_cache_size(hwloc_topology_t topology, hwloc_obj_type_t type)
{
    const hwloc_obj_t cache = hwloc_get_obj_by_type(topology, type, 0);
    return cache != nullptr && cache->attr != nullptr ? cache->attr->cache.size : 0;
}

MachineFacts read_machine_facts()
{
    MachineFacts facts;
    char host[256] = {};
    if (gethostname(host, sizeof host - 1) == 0)
        facts.host = host;

    hwloc_topology_t topology = nullptr;
    if (hwloc_topology_init(&topology) != 0)
        throw std::runtime_error("hwloc could not start reading the machine's topology");
    if (hwloc_topology_load(topology) != 0) {
        hwloc_topology_destroy(topology);
        throw std::runtime_error("hwloc could not read the machine's topology");
    }
    facts.packages = count_or_one(topology, HWLOC_OBJ_PACKAGE);
    facts.physical_cores = count_or_one(topology, HWLOC_OBJ_CORE);
    facts.logical_cpus = count_or_one(topology, HWLOC_OBJ_PU);
    facts.numa_nodes = count_or_one(topology, HWLOC_OBJ_NUMANODE);
    facts.l1d_bytes = first_cache_size(topology, HWLOC_OBJ_L1CACHE);
    facts.l2_bytes = first_cache_size(topology, HWLOC_OBJ_L2CACHE);
    facts.l3_bytes = first_cache_size(topology, HWLOC_OBJ_L3CACHE);
    // The OS total comes first: inside some virtual machines hwloc's NUMA nodes report less
    // than the memory the OS actually offers (and counts in MemAvailable).
    struct sysinfo info {};
    if (sysinfo(&info) == 0)
        facts.memory_bytes = static_cast<std::uint64_t>(info.totalram) * info.mem_unit;
    const hwloc_obj_t root = hwloc_get_root_obj(topology);
    if (facts.memory_bytes == 0 && root != nullptr)
        facts.memory_bytes = root->total_memory;

    read_cpuinfo(facts);
    if (facts.cpu_model.empty()) {
        const hwloc_obj_t package = hwloc_get_obj_by_type(topology, HWLOC_OBJ_PACKAGE, 0);
        const char* model = package != nullptr ? hwloc_obj_get_info_by_name(package, "CPUModel") : nullptr;
        facts.cpu_model = model != nullptr ? model : "unknown CPU";
    }
    hwloc_topology_destroy(topology);

    if (facts.frequency_mhz <= 0.0)
        facts.frequency_mhz = read_scaling_frequency_mhz(facts.logical_cpus);
    rlimit limit{};
    if (getrlimit(RLIMIT_NPROC, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY)
        facts.max_processes = static_cast<std::size_t>(limit.rlim_cur);
    return facts;
}

} // namespace

const MachineFacts& machine_facts()
{
    static const MachineFacts facts = read_machine_facts();
    return facts;
}

} // namespace parlab
