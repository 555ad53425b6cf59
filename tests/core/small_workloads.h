#pragma once

#include "workloads/parameter_spec.h"
#include "workloads/workload_registry.h"

#include <map>
#include <string>
#include <vector>

namespace parlab {

/// One registered workload at a size that runs in a blink, even under sanitizers.
struct SmallWorkload {
    std::string workload;
    ParameterValues values;
    bool listed = true; ///< false: the table below has no entry for it, and the test must fail
};

/// Every registered workload with its small parameters: the one table every executor's
/// correctness test runs. A workload added to the registry without a line here comes back
/// with listed == false, so those tests fail until it has one.
inline std::vector<SmallWorkload> small_workloads()
{
    static const std::map<std::string, ParameterValues> table = {
        {"coffee", {{"students", "12"}, {"seconds", "0.001"}}},
        {"cubes", {{"n", "100000"}, {"chunks", "37"}}},
        {"eigen", {{"matrices", "40"}, {"dim", "16"}}},
        {"countdown", {{"tasks", "1*9"}, {"steps", "10000"}}},
        {"unbalanced", {{"scale", "0.001"}}},
        {"images", {{"images", "6"}, {"width", "64"}, {"height", "48"}}},
        {"integrate", {{"first", "1000"}, {"step", "7"}, {"tasks", "60"}}},
        {"matmul", {{"products", "5"}, {"size", "48"}, {"inner_threads", "1"}}},
    };
    std::vector<SmallWorkload> all;
    for (const WorkloadInfo& info : WorkloadRegistry::all()) {
        const auto found = table.find(info.name);
        all.push_back(found == table.end() ? SmallWorkload{info.name, {}, false}
                                           : SmallWorkload{info.name, found->second, true});
    }
    return all;
}

} // namespace parlab
