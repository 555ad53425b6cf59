#include "workloads/workload_registry.h"

#include "workloads/coffee_workload.h"
#include "workloads/countdown_workload.h"
#include "workloads/cubes_workload.h"
#include "workloads/eigen_workload.h"
#include "workloads/images_workload.h"
#include "workloads/integrate_workload.h"
#include "workloads/matmul_workload.h"
#include "workloads/unbalanced_workload.h"

#include <stdexcept>

namespace parlab {

const std::vector<WorkloadInfo>& WorkloadRegistry::all()
{
    static const std::vector<WorkloadInfo> workloads = {
        coffee_workload_info(),    cubes_workload_info(),      eigen_workload_info(),
        countdown_workload_info(), unbalanced_workload_info(), images_workload_info(),
        integrate_workload_info(), matmul_workload_info(),
    };
    return workloads;
}

const WorkloadInfo& WorkloadRegistry::find(std::string_view name)
{
    std::string known;
    for (const auto& info : all()) {
        if (info.name == name)
            return info;
        known += (known.empty() ? "" : ", ") + info.name;
    }
    throw std::invalid_argument("unknown workload '" + std::string(name) + "' (known: " + known + ")");
}

std::unique_ptr<Workload> WorkloadRegistry::create(std::string_view name, const ParameterValues& values)
{
    return find(name).create(values);
}

} // namespace parlab
